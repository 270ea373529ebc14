package mention

import (
	"bytes"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// bruteFind is find without the automaton: every name tried at every offset.
func bruteFind(m *Matcher, words []string, text []byte) []match {
	var c []match
	for i := range text {
		for p, w := range words {
			if bytes.HasPrefix(text[i:], []byte(w)) && wholeWord(text, i, i+len(w), m.patterns[p]) {
				c = append(c, match{start: i, end: i + len(w), entity: m.patterns[p].entity})
			}
		}
	}
	return leftmostLongest(c)
}

// patternWords lists the matcher's patterns in order, as compile builds them.
func patternWords(ents []Entity) []string {
	owners, order := collectNames(ents)
	_ = owners
	var words []string
	for _, name := range order {
		words = append(words, apostropheVariants(name)...)
	}
	return words
}

func FuzzFind(f *testing.F) {
	f.Add("Tokayev\nKassym-Jomart Tokayev\nCSTO", "Kassym-Jomart Tokayev's CSTO-led Tokayevs")
	f.Add("a\na a\na a a\nb", "a a a a b a")
	f.Add("People's\nO'Brien\nBrien", "People’s O'Brien Brien's Brien'sa")
	f.Add("he\nshe\nhis\nhers", "ushers she his hers")
	f.Add("ab\nb", "ab")
	f.Add("Москва\nÉlysée", "Москва, l'Élysée ÉlyséeX")
	f.Fuzz(func(t *testing.T, names, text string) {
		var ents []Entity
		for i, n := range strings.Split(names, "\n") {
			ents = append(ents, Entity{Kind: "actor", ID: string(rune('a' + i%26)), Names: []string{n}})
			if i > 50 {
				break
			}
		}
		m, _ := NewMatcher(ents)
		got := m.find([]byte(text), nil, nil)
		want := bruteFind(m, patternWords(ents), []byte(text))
		if !slices.Equal(got, want) {
			t.Fatalf("automaton %v, brute force %v", got, want)
		}
		checkWholeWords(t, []byte(text), got)
	})
}

// checkWholeWords asserts that no word character touches a match whose edge
// is itself a word character, and that matches do not overlap.
func checkWholeWords(t *testing.T, text []byte, ms []match) {
	end := 0
	for _, x := range ms {
		if x.start < end {
			t.Fatalf("overlapping matches %v", ms)
		}
		end = x.end
		first, _ := utf8.DecodeRune(text[x.start:])
		last, _ := utf8.DecodeLastRune(text[:x.end])
		before, _ := utf8.DecodeLastRune(text[:x.start])
		after, _ := utf8.DecodeRune(text[x.end:])
		if x.start > 0 && isWord(first) && isWord(before) || x.end < len(text) && isWord(last) && isWord(after) {
			t.Fatalf("%q in %q is not a whole word", text[x.start:x.end], text)
		}
	}
}

var fuzzAnchor = regexp.MustCompile(`<a class="mention"[^>]*>((?s:.*?))</a>`)
var tag = regexp.MustCompile(`<[^>]*>`)

func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"Kassym-Jomart Tokayev's *CSTO*-led [Tokayev](x) `PLA`",
		"# Tokayev\n\n- Elbasy[^1]\n\n[^1]: The People's Liberation Army",
		"| Tokayev |\n|---|\n| **Kassym-Jomart** Tokayev |",
		"Kassym-Jomart\\\nTokayev <b>CSTO</b> https://x.org/CSTO O'Brien",
		"Tokayev&rsquo;s AT&T and AT&amp;T ~~Wang~~ Wang Yi",
	} {
		f.Add(s)
	}
	m := mustMatcher(f, testEntities)
	md := newMarkdown()
	names := map[string]bool{}
	for _, e := range testEntities {
		for _, n := range e.Names {
			names[normalizeName(n)] = true
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		out, hits := convert(t, md, m, ModeAll, src)
		anchors := fuzzAnchor.FindAllStringSubmatch(out, -1)
		linked := 0
		for _, h := range hits {
			if h.Linked {
				linked++
			}
			if h.Line < 1 || !utf8.ValidString(h.Sentence) && utf8.ValidString(src) {
				t.Errorf("bad hit %+v", h)
			}
		}
		if len(anchors) != linked {
			t.Fatalf("%d links, %d linked hits:\n%s", len(anchors), linked, out)
		}
		for _, a := range anchors {
			text := normalizeName(html.UnescapeString(tag.ReplaceAllString(a[1], "")))
			if !names[text] {
				t.Fatalf("link text %q is not a name:\n%s", a[1], out)
			}
		}
	})
}
