package server

import (
	"encoding/json"
	"github.com/alecthomas/chroma/v2"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/diag"
)

func TestOverlayHTML(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "content/articles/x.md", "+++\ntitle = \"X\"\ndate = yesterday\nsummary = \"s\"\n+++\nBody <script>alert(1)</script> text.\n")
	os.WriteFile(filepath.Join(filepath.Dir(dir), "secret.txt"), []byte("SECRET"), 0o644)
	list := diag.List{
		{Pos: diag.Pos{File: "content/articles/x.md", Line: 3, Col: 8}, Severity: diag.Error, Code: diag.BadValue,
			Msg: "date: <not> a date", Hint: "a date is 2022-01-08"},
		{Pos: diag.Pos{File: "content/articles/x.md", Line: 6, Col: 6}, Severity: diag.Warning, Code: diag.UnknownKey, Msg: "in the body"},
		{Pos: diag.Pos{File: "../secret.txt", Line: 1}, Severity: diag.Error, Msg: "outside"},
		{Severity: diag.Error, Msg: "no position"},
	}
	html := overlayHTML(dir, list, false)
	for _, want := range []string{
		`role="alertdialog"`, `aria-modal="true"`, `data-close`, `aria-label="Close this report (Escape)"`,
		"Build failed: 3 errors, 1 warning", "Showing the last good build",
		"content/articles/x.md:3:8: error: date: &lt;not&gt; a date", "[bad-value]", "hint: a date is 2022-01-08",
		"content/articles/x.md:6:6: warning: in the body",
		"yesterday",      // the source line itself
		"&lt;script&gt;", // body text escaped in the source view
		"<li><p class=\"where severity-error\">error: no position",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("overlay lacks %q", want)
		}
	}
	for _, bad := range []string{"<not>", "<script>alert", "SECRET"} {
		if strings.Contains(html, bad) {
			t.Errorf("overlay contains %q", bad)
		}
	}
	// the diagnostic's own line is highlighted, by a class: the site's
	// policy blocks style attributes and elements
	if !strings.Contains(html, `class="line hl"`) {
		t.Errorf("no highlighted line in\n%s", html)
	}
	for _, bad := range []string{"style=", "<style"} {
		if strings.Contains(html, bad) {
			t.Errorf("overlay contains %q, which the site's policy blocks", bad)
		}
	}
	if first := overlayHTML(dir, list, true); !strings.Contains(first, "No build yet") || strings.Contains(first, "last good build") {
		t.Errorf("first build's overlay does not say there is no build yet")
	}
}

// The stylesheet served for the overlay carries the rules of every class
// the snippets use, light and, for a dark system, dark.
func TestOverlayCSS(t *testing.T) {
	css := string(overlayCSS)
	for _, want := range []string{":host(#dossier-overlay)", "position: fixed", ".chroma .hl", ".chroma .ln", ".chroma .nt"} {
		if !strings.Contains(css, want) {
			t.Errorf("overlay.css lacks %q", want)
		}
	}
	at := strings.LastIndex(css, "@media (prefers-color-scheme: dark)")
	if at < 0 {
		t.Fatal("overlay.css has no dark block")
	}
	dark := css[at:]
	for _, want := range []string{".chroma .hl", ".chroma .nt", ".chroma {"} {
		if !strings.Contains(dark, want) {
			t.Errorf("overlay.css's last dark block lacks %q: the snippets stay light on a dark panel", want)
		}
	}
}

// Notes are never shown; warnings go to the badge.
func TestWarningsPayload(t *testing.T) {
	dir := t.TempDir()
	list := diag.List{
		{Pos: diag.Pos{File: "content/a.md", Line: 1}, Severity: diag.Warning, Msg: "a warning"},
		{Pos: diag.Pos{File: "content/a.md", Line: 1}, Severity: diag.Note, Msg: "a note"},
	}
	var got struct {
		HTML  string
		Count int
	}
	if err := json.Unmarshal(warningsPayload(dir, list), &got); err != nil {
		t.Fatal(err)
	}
	if got.Count != 1 || !strings.Contains(got.HTML, "1 warning<") || !strings.Contains(got.HTML, "a warning") || strings.Contains(got.HTML, "a note") {
		t.Errorf("badge: %+v", got)
	}
	if err := json.Unmarshal(overlayPayload(dir, list, false), &got); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(got.HTML, "a note") {
		t.Errorf("the overlay shows a note")
	}
	if p := warningsPayload(dir, list[1:]); p != nil {
		t.Errorf("notes only: %s", p)
	}
}

func TestSnippetLexer(t *testing.T) {
	lines := strings.Split("+++\ntitle = 1\n+++\n# Body\n", "\n")
	for line, want := range map[int]string{2: "TOML", 4: "markdown"} {
		if got := lexerFor("content/a.md", lines, line).Config().Name; !strings.EqualFold(got, want) {
			t.Errorf("line %d: lexer %s, want %s", line, got, want)
		}
	}
	yaml := strings.Split("---\ntitle: 1\n---\nbody\n", "\n")
	if got := lexerFor("content/a.md", yaml, 2).Config().Name; got != "YAML" {
		t.Errorf("YAML front matter: lexer %s", got)
	}
}

// Hundreds of warnings: the first are listed, the first few with their
// source lines, and the rest counted.
func TestOverlayBounded(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "content/a.md", "+++\ntitle = \"A\"\n+++\nBody.\n")
	var list diag.List
	for i := range 250 {
		list.Warnf(diag.Pos{File: "content/a.md", Line: 2, Col: i + 1}, diag.UnknownKey, "", "warning %d", i)
	}
	html := overlayHTML(dir, list, false)
	if got := strings.Count(html, `<div class="source">`); got != maxSnippets {
		t.Errorf("%d snippets, want %d", got, maxSnippets)
	}
	if got := strings.Count(html, "<li>"); got != maxItems {
		t.Errorf("%d items, want %d", got, maxItems)
	}
	if !strings.Contains(html, "And 150 more") || !strings.Contains(html, "250 warnings") {
		t.Errorf("the overlay does not count what it leaves out")
	}
}

// TestSnippetMarkedLineReadable: on the marked line of a snippet, every
// token colour of both styles, line numbers included, keeps WCAG's 4.5:1
// contrast against the line's background (github-dark's own grey left
// comments at 1.5:1). Whitespace has a colour but nothing to read.
func TestSnippetMarkedLineReadable(t *testing.T) {
	for name, s := range map[string]*chroma.Style{"light": overlayStyle, "dark": overlayDarkStyle} {
		bg := s.Get(chroma.LineHighlight).Background
		if !bg.IsSet() {
			t.Fatalf("%s: the marked line has no background", name)
		}
		for _, tt := range s.Types() {
			fg := s.Get(tt).Colour
			if !fg.IsSet() || tt == chroma.TextWhitespace {
				continue
			}
			if c := contrast(fg, bg); c < 4.5 {
				t.Errorf("%s: %s %s on the marked line's %s: contrast %.2f, want 4.5 or more", name, tt, fg, bg, c)
			}
		}
	}
}

// contrast is WCAG 2's contrast ratio of two colours.
func contrast(a, b chroma.Colour) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c chroma.Colour) float64 {
	lin := func(v uint8) float64 {
		x := float64(v) / 255
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.Red()) + 0.7152*lin(c.Green()) + 0.0722*lin(c.Blue())
}
