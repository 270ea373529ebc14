package markdown

import (
	"html"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/markdown/annotate"
)

func TestPlainText(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"paragraphs", "One *two*\nthree.\n\nFour.", "One two three.\nFour."},
		{"links keep their text, not their target", "See [the page](https://example.org/x) and <https://a.example>.", "See the page and https://a.example."},
		{"headings and lists", "# Title\n\n- a\n- b `code`", "Title\na\nb code"},
		{"code blocks are text", "Text.\n\n```go\nx := 1\n```\n", "Text.\nx := 1"},
		{"raw HTML is not", "a <b>bold</b> word\n\n<div>block</div>\n", "a bold word"},
		{"typography", "It's \"quoted\" -- here...", "It’s “quoted” – here…"},
		{"tables and quotes", "> quoted\n\n| h |\n|---|\n| c |\n", "quoted\nh\nc"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := New(Options{})
			got := PlainText(c.Parse(Input{File: "x.md", BodyLine: 1, Source: []byte(tc.src)}))
			if got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// The annotate extension's screen-reader text is not part of the plain text.
func TestPlainTextSkipsAnnotationMarkup(t *testing.T) {
	c := New(Options{})
	out, err := c.Convert(Input{File: "x.md", BodyLine: 1, Source: []byte("The SCO was formed by China in 2001."),
		Annotations: []annotate.Annotation{{Kind: annotate.KindClaim, ID: "c", Text: "formed by China", Marking: annotate.Marking{Status: "false", Label: "False", Href: "/claims/c/"}}}})
	if err != nil {
		t.Fatal(err)
	}
	if out.Text != "The SCO was formed by China in 2001." {
		t.Errorf("Text = %q", out.Text)
	}
}

// normalizeSpaceReference is the plain definition of appendNormalized.
func normalizeSpaceReference(s string) string {
	var out []string
	for line := range strings.SplitSeq(s, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			out = append(out, strings.Join(f, " "))
		}
	}
	return strings.Join(out, "\n")
}

// FuzzNormalize checks appendNormalized against the plain definition.
func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a  b\n\n c \n", " \u00a0x\u2003y\r\n\v\fz\u0085", "\xff \xfe\n\xe2\x80", "one\ttwo\n\nthree"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prefix := []byte("kept")
		got := appendNormalized(prefix, []byte(s))
		if want := "kept" + normalizeSpaceReference(s); string(got) != want {
			t.Errorf("appendNormalized(%q) = %q, want %q", s, got[4:], want[4:])
		}
	})
}

// The entities unescape short-cuts are what html.UnescapeString makes of them.
func TestEntitiesUnescape(t *testing.T) {
	for e, want := range entities {
		if got := html.UnescapeString(e); got != want {
			t.Errorf("%s: html.UnescapeString gives %q, the table %q", e, got, want)
		}
	}
}
