package annotate

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
)

// article returns a Markdown article of about words words in paragraphs of
// 100, with emphasis, links, code and typography, and n claims, each a span
// of about 8 words starting at a paragraph's first word.
func article(words, n int) (string, []Annotation) {
	vocab := strings.Fields(`the alliance troops arrived in Almaty on January protests began over fuel
		prices government resigned president declared state of emergency CSTO peacekeepers Russia
		China Kazakhstan said officials claimed outside forces terrorists internet was cut off
		reports from state media "independent" journalists can't confirm -- numbers ... rose`)
	r := rand.New(rand.NewPCG(1, 2))
	var b strings.Builder
	var anns []Annotation
	for p := 0; p*100 < words; p++ {
		fmt.Fprintf(&b, "Paragraph %d.", p)
		para := []string{fmt.Sprintf("Paragraph %d.", p)}
		for w := 0; w < 99; w++ {
			word := vocab[r.IntN(len(vocab))]
			switch r.IntN(20) {
			case 0:
				word = "*" + word + "*"
			case 1:
				word = "[" + word + "](https://example.org/" + word + ")"
			case 2:
				word = "`" + word + "`"
			}
			sep := " "
			if w%15 == 14 {
				sep = "\n"
			}
			b.WriteString(sep + word)
			para = append(para, word)
		}
		b.WriteString("\n\n")
		if p < n {
			anns = append(anns, Annotation{Kind: KindClaim, ID: fmt.Sprint("c", p),
				Text: plain(strings.Join(para[:8], " ")), Marking: Marking{Status: "false", Label: "False", Href: "/c/"}})
		}
	}
	return b.String(), anns
}

// plain strips the Markdown this generator adds, giving the rendered words.
func plain(s string) string {
	var out []string
	for _, w := range strings.Fields(s) {
		w = strings.Trim(w, "*`[")
		if i := strings.Index(w, "]("); i >= 0 {
			w = w[:i]
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func TestArticleAnchors(t *testing.T) {
	body, anns := article(10000, 50)
	_, pc := convert(t, Document{File: "a.md", BodyLine: 1, Annotations: anns}, body)
	if d := Diagnostics(pc); len(d) > 0 {
		t.Fatalf("%v", d[0])
	}
	if got := len(Anchors(pc)); got != 50 {
		t.Fatalf("%d anchors, want 50", got)
	}
}

// BenchmarkConvert converts a 10,000-word article with goldmark as the site
// configures it: "plain" without annotations (goldmark's own cost), and
// "claims=N" with N claims anchored and marked. The difference is this
// extension's cost; it grows with the text and the claims, not their product.
func BenchmarkConvert(b *testing.B) {
	for _, n := range []int{0, 50, 100} {
		body, anns := article(10000, n)
		name := fmt.Sprint("claims=", n)
		if n == 0 {
			name = "plain"
		}
		b.Run(name, func(b *testing.B) {
			md := newMarkdown()
			src := []byte(body)
			var buf bytes.Buffer
			b.ReportAllocs()
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				buf.Reset()
				pc := parser.NewContext()
				if n > 0 {
					Set(pc, Document{File: "a.md", BodyLine: 1, Annotations: anns})
				}
				if err := md.Convert(src, &buf, parser.WithContext(pc)); err != nil {
					b.Fatal(err)
				}
				if len(Diagnostics(pc)) > 0 {
					b.Fatal(Diagnostics(pc)[0])
				}
			}
		})
	}
}
