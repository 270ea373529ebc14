package mention

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

var syllables = strings.Fields("ka ra to ye va na zar ba mo sin tur gul nur sul tan as ta li be ko ma ja det ri us el om")

// benchWord returns a capitalised made-up word.
func benchWord(r *rand.Rand) string {
	var b strings.Builder
	for range 2 + r.IntN(3) {
		b.WriteString(syllables[r.IntN(len(syllables))])
	}
	s := b.String()
	return strings.ToUpper(s[:1]) + s[1:]
}

// benchCorpus returns 1,000 entities with a full name and a surname each
// (2,000 names), and a 10,000-word article in paragraphs of 100 words where
// about one word in forty begins a name, some possessive, some emphasised.
func benchCorpus() ([]Entity, []byte) {
	r := rand.New(rand.NewPCG(1, 2))
	ents := make([]Entity, 1000)
	for i := range ents {
		first, last := benchWord(r), benchWord(r)+fmt.Sprint(i)
		ents[i] = Entity{Kind: "actor", ID: fmt.Sprint("a", i), Names: []string{first + " " + last, last}, Href: fmt.Sprint("/actors/a", i, "/")}
	}
	filler := strings.Fields("the of and to in a said that for on was with as by government protest forces security on january city region")
	var b bytes.Buffer
	for w := 0; w < 10000; w++ {
		switch k := r.IntN(80); {
		case k == 0:
			fmt.Fprintf(&b, "%s's", ents[r.IntN(len(ents))].Names[1])
		case k == 1:
			fmt.Fprintf(&b, "*%s*", ents[r.IntN(len(ents))].Names[0])
		case k == 2:
			b.WriteString(ents[r.IntN(len(ents))].Names[r.IntN(2)])
		case bytes.HasSuffix(b.Bytes(), []byte(".\n")):
			f := filler[r.IntN(len(filler))]
			b.WriteString(strings.ToUpper(f[:1]) + f[1:])
		default:
			b.WriteString(filler[r.IntN(len(filler))])
		}
		switch {
		case w%100 == 99:
			b.WriteString(".\n\n")
		case w%12 == 11:
			b.WriteString(".\n")
		default:
			b.WriteByte(' ')
		}
	}
	return ents, b.Bytes()
}

// BenchmarkFind is the automaton alone over the article's bytes.
func BenchmarkFind(b *testing.B) {
	ents, src := benchCorpus()
	m := mustMatcher(b, ents)
	var dst []match
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		dst = m.find(src, nil, dst)
	}
}

// BenchmarkConvert parses and renders the article with the site's goldmark
// set-up, with mentions (mode first) and, for comparison, without.
func BenchmarkConvert(b *testing.B) {
	ents, src := benchCorpus()
	m := mustMatcher(b, ents)
	md := newMarkdown()
	for _, with := range []bool{false, true} {
		b.Run(map[bool]string{false: "without", true: "with"}[with], func(b *testing.B) {
			var out bytes.Buffer
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				pc := parser.NewContext()
				if with {
					Set(pc, m, ModeFirst, "bench.md", 1)
				}
				doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(pc))
				out.Reset()
				if err := md.Renderer().Render(&out, src, doc); err != nil {
					b.Fatal(err)
				}
			}
			if with && len(Hits(parser.NewContext())) != 0 {
				b.Fatal("hits leaked between contexts")
			}
		})
	}
}

// BenchmarkNewMatcher builds the automaton from the 2,000 names.
func BenchmarkNewMatcher(b *testing.B) {
	ents, _ := benchCorpus()
	for b.Loop() {
		mustMatcher(b, ents)
	}
}

// TestBenchCorpus makes sure the benchmark measures what it says: 10,000
// words, 2,000 names and a few hundred mentions found.
func TestBenchCorpus(t *testing.T) {
	ents, src := benchCorpus()
	if n := len(bytes.Fields(src)); n < 10000 {
		t.Errorf("article has %d words", n)
	}
	m := mustMatcher(t, ents)
	if len(m.patterns) != 2000 {
		t.Errorf("%d names", len(m.patterns))
	}
	_, hits := convert(t, newMarkdown(), m, ModeFirst, string(src))
	if len(hits) < 200 {
		t.Errorf("only %d hits", len(hits))
	}
}
