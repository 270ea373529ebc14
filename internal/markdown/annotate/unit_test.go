package annotate

import (
	"github.com/dossier-dev/dossier/internal/diag"

	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

func TestNormalizeNeedle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a \t b\n", "a b"},
		{"it’s “x”", `it's "x"`},
		{"a — b – c…", "a --- b -- c..."},
		{"«x»", "<<x>>"},
		{"a\u00a0\u202fb", "a b"},
		{"non‑breaking‐hyphen", "non-breaking-hyphen"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := string(normalizeNeedle(tt.in)); got != tt.want {
			t.Errorf("normalizeNeedle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeOrig(t *testing.T) {
	n := normalize([]byte("a  —b"))
	if string(n.b) != "a ---b" {
		t.Fatalf("folded %q", n.b)
	}
	want := []int32{0, 1, 3, -1, -1, 6, 7}
	if fmt.Sprint(n.orig) != fmt.Sprint(want) {
		t.Errorf("orig = %v, want %v", n.orig, want)
	}
	if n.aligned(3, 4) || !n.aligned(2, 5) {
		t.Error("aligned wrong inside a folding")
	}
}

func TestNextUnit(t *testing.T) {
	tests := []struct {
		in   string
		raw  bool
		w    int
		want string
	}{
		{"a", false, 1, "a"},
		{`\*`, false, 2, "*"},
		{`\a`, false, 1, `\`},
		{"&amp;x", false, 5, "&"},
		{"&ouml;", false, 6, "ö"},
		{"&nosuch;", false, 1, "&"},
		{"&#65;", false, 5, "A"},
		{"&#x41;", false, 6, "A"},
		{"&#0;", false, 4, "\uFFFD"},
		{"&#12345678;", false, 1, "&"},
		{"&amp;", true, 1, "&"},
		{"\n", true, 1, " "},
		{"\x00", false, 1, "\uFFFD"},
		{"\xff", false, 1, "\uFFFD"},
		{"é", false, 2, "é"},
	}
	for _, tt := range tests {
		w, got := nextUnit([]byte(tt.in), 0, tt.raw)
		if w != tt.w || string(got) != tt.want {
			t.Errorf("nextUnit(%q, raw=%v) = %d, %q; want %d, %q", tt.in, tt.raw, w, got, tt.w, tt.want)
		}
	}
}

func TestAutomatonMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 200; round++ {
		txt := randomString(r, 200, "abc ")
		var pats [][]byte
		seen := map[string]bool{}
		for range 1 + r.IntN(8) {
			if p := randomString(r, 1+r.IntN(5), "abc "); !seen[p] {
				seen[p] = true
				pats = append(pats, []byte(p))
			}
		}
		got := make([]string, len(pats))
		newAutomaton(pats).find([]byte(txt), func(p, s int) { got[p] += fmt.Sprint(s, ",") })
		for p, pat := range pats {
			want := ""
			for s := 0; s+len(pat) <= len(txt); s++ {
				if txt[s:s+len(pat)] == string(pat) {
					want += fmt.Sprint(s, ",")
				}
			}
			if got[p] != want {
				t.Fatalf("pattern %q in %q: got %s want %s", pat, txt, got[p], want)
			}
		}
	}
}

func randomString(r *rand.Rand, n int, alphabet string) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[r.IntN(len(alphabet))]
	}
	return string(b)
}

func TestClosest(t *testing.T) {
	n := normalize([]byte("The SCO was formed by China and Russia in 2001."))
	s, e, pct := newClosest(&n).find([]byte("formed by Russia in 2001"))
	if got := string(n.b[s:e]); got != "formed by China and Russia in 2001." && got != "Russia in 2001." {
		t.Logf("closest = %q", got)
	}
	if pct <= 0 || pct > 100 {
		t.Errorf("similarity %d%%", pct)
	}
	if _, _, pct := newClosest(&n).find([]byte("was formed")); pct != 100 {
		t.Errorf("exact passage: similarity %d%%, want 100", pct)
	}
}

func TestLevenshtein(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"abc", "", 3}, {"kitten", "sitting", 3}, {"flaw", "lawn", 2}} {
		if d := diag.Distance([]rune(tt.a), []rune(tt.b)); d != tt.d {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, d, tt.d)
		}
	}
}

// TestMarksKeepInlineNodes checks the promise to later extensions: marks
// hold the document's own inline nodes, not flattened strings.
func TestMarksKeepInlineNodes(t *testing.T) {
	src := []byte("Said by *Wang Wenbin* today.")
	pc := parser.NewContext()
	Set(pc, Document{File: "x.md", Annotations: []Annotation{{Kind: KindQuote, ID: "q", Text: "by Wang Wenbin"}}})
	root := newMarkdown().Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var kinds []string
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if m, ok := n.(*Mark); ok && entering {
			for c := m.FirstChild(); c != nil; c = c.NextSibling() {
				kinds = append(kinds, c.Kind().String())
			}
		}
		return ast.WalkContinue, nil
	})
	if got := strings.Join(kinds, " "); got != "Text Emphasis" {
		t.Errorf("mark children = %q, want %q", got, "Text Emphasis")
	}
}

func TestNoDocumentLeavesOutputAlone(t *testing.T) {
	body := "Some *text* with \"quotes\".\n"
	var plain, with bytes.Buffer
	if err := newMarkdown().Convert([]byte(body), &plain); err != nil {
		t.Fatal(err)
	}
	pc := parser.NewContext()
	Set(pc, Document{File: "x.md"})
	if err := newMarkdown().Convert([]byte(body), &with, parser.WithContext(pc)); err != nil {
		t.Fatal(err)
	}
	if plain.String() != with.String() || len(Diagnostics(pc)) != 0 || len(Anchors(pc)) != 0 {
		t.Errorf("output changed: %q vs %q", plain.String(), with.String())
	}
}

// TestParallelDocuments converts documents concurrently with one goldmark
// instance; run with -race.
func TestParallelDocuments(t *testing.T) {
	md := newMarkdown()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			body := fmt.Sprintf("Document %d says hello.", i)
			pc := parser.NewContext()
			Set(pc, Document{File: "x.md", Annotations: []Annotation{{Kind: KindClaim, ID: "c", Text: fmt.Sprintf("%d says", i)}}})
			var buf bytes.Buffer
			if err := md.Convert([]byte(body), &buf, parser.WithContext(pc)); err != nil {
				t.Error(err)
			}
			if !strings.Contains(buf.String(), fmt.Sprintf(`id="claim-c">%d says</mark>`, i)) || len(Anchors(pc)) != 1 {
				t.Errorf("document %d: %s", i, buf.String())
			}
		})
	}
	wg.Wait()
}

// TestRandomOverlaps anchors several random, overlapping spans of one block
// and checks that every annotation's pieces join to its span and the HTML
// nests properly.
func TestRandomOverlaps(t *testing.T) {
	body := "The *SCO was formed* by **China and [Russia](https://x.org) in** `2001` --- \"officially\" at www.example.com, it's said.[^1]\n\n[^1]: Note.\n"
	d := renderedText(body)
	blk := d.blocks[0]
	r := rand.New(rand.NewPCG(5, 6))
	for round := range 300 {
		var anns []Annotation
		for k := range 2 + r.IntN(3) {
			s, e := pickSpan(d.t[blk.start:blk.end], r.IntN(blk.end-blk.start), r.IntN(blk.end-blk.start+1))
			if s >= e {
				continue
			}
			s, e = s+blk.start, e+blk.start
			anns = append(anns, Annotation{Kind: []Kind{KindClaim, KindQuote}[k%2], ID: fmt.Sprint("a", k),
				Text: string(d.t[s:e]), Prefix: string(d.t[:s]), Suffix: string(d.t[e:]), Marking: Marking{Label: "L", Href: "/x/"}})
		}
		page, pc := convert(t, Document{File: "x.md", Annotations: anns}, body)
		if diags := Diagnostics(pc); len(diags) > 0 {
			t.Fatalf("round %d: %v", round, diags)
		}
		for _, a := range anns {
			got, _ := markedText(t, page, a.Kind, a.ID)
			if got != a.Text {
				t.Fatalf("round %d: %s %s joins to %q, want %q\n%s", round, a.Kind, a.ID, got, a.Text, page)
			}
		}
	}
}

// TestUnsafeOption checks that the renderer follows goldmark's unsafe
// option: raw HTML is kept and marks nest around it, and a javascript: href
// becomes a link only when unsafe HTML is allowed.
func TestUnsafeOption(t *testing.T) {
	body := "a <span>b c</span> d"
	anns := []Annotation{
		{Kind: KindClaim, ID: "c1", Text: "a b", Marking: Marking{Status: "s", Label: "S", Href: "javascript:x()"}},
		{Kind: KindQuote, ID: "q1", Text: "c d", Marking: Marking{Href: "/q/"}},
	}
	for _, unsafe := range []bool{false, true} {
		var opts []renderer.Option
		if unsafe {
			opts = append(opts, html.WithUnsafe())
		}
		md := goldmark.New(goldmark.WithExtensions(extension.GFM, Extension), goldmark.WithRendererOptions(opts...))
		pc := parser.NewContext()
		Set(pc, Document{File: "x.md", Annotations: anns})
		var buf bytes.Buffer
		if err := md.Convert([]byte(body), &buf, parser.WithContext(pc)); err != nil {
			t.Fatal(err)
		}
		page := buf.String()
		for _, a := range anns {
			if got, _ := markedText(t, page, a.Kind, a.ID); got != a.Text {
				t.Errorf("unsafe=%v: %s joins to %q\n%s", unsafe, a.ID, got, page)
			}
		}
		if hasJS := strings.Contains(page, `href="javascript:x()"`); hasJS != unsafe {
			t.Errorf("unsafe=%v: javascript href rendered=%v\n%s", unsafe, hasJS, page)
		}
		if hasSpan := !strings.Contains(page, "raw HTML omitted"); hasSpan != unsafe {
			t.Errorf("unsafe=%v: raw span kept=%v\n%s", unsafe, hasSpan, page)
		}
	}
}

// TestShortLabelAndOffsets: a claim whose short label differs from its label
// has both in its badge, the short one hidden from screen readers; anchors
// carry their offset in the text, so they sort into reading order.
func TestShortLabelAndOffsets(t *testing.T) {
	body := "Early words. Later words."
	anns := []Annotation{
		{Kind: KindClaim, ID: "late", Text: "Later", Marking: Marking{Status: "m", Label: "Misleading", Short: "Mislead.", Href: "/c/late/"}},
		{Kind: KindClaim, ID: "early", Text: "Early", Marking: Marking{Status: "t", Label: "True", Short: "True", Href: "/c/early/"}},
	}
	page, pc := convert(t, Document{File: "x.md", Annotations: anns}, body)
	for _, want := range []string{
		`<span class="v-label">Misleading</span><span class="v-short" aria-hidden="true">Mislead.</span></a>`,
		`href="/c/early/">True</a>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s:\n%s", want, page)
		}
	}
	as := Anchors(pc)
	if len(as) != 2 || as[0].ID != "late" || as[1].ID != "early" || as[0].Offset <= as[1].Offset {
		t.Errorf("anchors %+v: want them in annotation order, late's offset after early's", as)
	}
}
