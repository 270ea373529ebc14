package annotate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// FuzzAnchor checks the anchoring property: for any Markdown body and any
// substring of its rendered text that lies within one block, anchoring that
// substring (with the rest of the text as prefix and suffix, so that it is
// unique) succeeds, and the marked pieces in the HTML join to exactly it.
func FuzzAnchor(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s, uint16(0), uint16(3), uint16(40))
	}
	f.Fuzz(func(t *testing.T, body string, bi, i, j uint16) {
		if !utf8.ValidString(body) {
			return
		}
		d := renderedText(body)
		if len(d.blocks) == 0 {
			return
		}
		b := d.blocks[int(bi)%len(d.blocks)]
		s, e := pickSpan(d.t[b.start:b.end], int(i), int(j))
		if s >= e {
			return
		}
		s, e = s+b.start, e+b.start
		want := string(d.t[s:e])
		a := Annotation{Kind: KindClaim, ID: "fz", Text: want, Prefix: string(d.t[:s]), Suffix: string(d.t[e:]),
			Marking: Marking{Status: "st", Label: "L", Icon: "i", Href: "/claims/fz/"}}
		page, pc := convert(t, Document{File: "f.md", BodyLine: 1, Annotations: []Annotation{a}}, body)
		if diags := Diagnostics(pc); len(diags) > 0 {
			t.Fatalf("anchoring %q in %q: %v", want, body, diags)
		}
		got, pieces := markedText(t, page, KindClaim, "fz")
		if got != want || pieces == 0 {
			t.Fatalf("pieces join to %q, want %q\nbody %q\nhtml %s", got, want, body, page)
		}
	})
}

// renderedText parses body as the site does and returns its rendered text.
func renderedText(body string) *docText {
	src := []byte(body)
	root := newMarkdown().Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext()))
	return collect(root, src)
}

// pickSpan picks a substring [s, e) of t from two numbers: on rune
// boundaries, without leading or trailing white space.
func pickSpan(t []byte, i, j int) (int, int) {
	if len(t) == 0 {
		return 0, 0
	}
	s, e := i%len(t), j%(len(t)+1)
	if s > e {
		s, e = e, s
	}
	for s < len(t) && !utf8.RuneStart(t[s]) {
		s++
	}
	for e < len(t) && !utf8.RuneStart(t[e]) {
		e++
	}
	for s < e {
		r, w := utf8.DecodeRune(t[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += w
	}
	for s < e {
		r, w := utf8.DecodeLastRune(t[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= w
	}
	return s, e
}

// fuzzSeeds are the Markdown bodies of the case files.
func fuzzSeeds(f *testing.F) []string {
	seeds := []string{
		"It *was formed* by **China in** [2001 and ships](https://x.org) `go-like\ncode` too.",
		"AT&amp;T \\*rocks\\* &ngE; &#x1F600; www.example.com <b>raw</b> ![img](x.png)[^1]\n\n[^1]: note\n",
		"> quote -- with... \"curly\" 'quotes'\n\n| a | b |\n|---|---|\n| c | d |\n\n- [x] task\n- item\\\nbreak\n",
	}
	files, _ := filepath.Glob("testdata/*.txt")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		for _, c := range strings.Split(string(data), caseSep) {
			if parts := strings.Split(c, sectionSep+"\n"); len(parts) == 5 {
				seeds = append(seeds, parts[2])
			}
		}
	}
	return seeds
}
