package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// TestPairChunks checks that pairs read back as they were added across the
// chunk boundaries, the first chunk grown by append included.
func TestPairChunks(t *testing.T) {
	var p pairChunks
	n := 2<<pairChunkBits + 10
	for i := 0; i < n; i += 2 {
		p.add(int32(i), int32(-i))
	}
	if p.len != n || len(p.chunks) != 3 {
		t.Fatalf("len %d in %d chunks, want %d in 3", p.len, len(p.chunks), n)
	}
	for i := 0; i < n; i += 2 {
		if a, b := p.at(i), p.at(i+1); a != int32(i) || b != int32(-i) {
			t.Fatalf("pair at %d = (%d, %d), want (%d, %d)", i, a, b, i, -i)
		}
	}
}

// referenceTerms is the definition of a text's terms that search.js
// follows, written plainly: the runs of letters and digits of the
// lower-cased text, ё read as е, each part in a script written without
// spaces cut into overlapping pairs of characters.
func referenceTerms(s string) []string {
	var out []string
	for _, field := range strings.FieldsFunc(strings.ReplaceAll(strings.ToLower(s), "ё", "е"), notTermRune) {
		rs := []rune(field)
		for i := 0; i < len(rs); {
			j := i
			for j < len(rs) && unspacedScript(rs[j]) == unspacedScript(rs[i]) {
				j++
			}
			switch {
			case !unspacedScript(rs[i]) || j-i == 1:
				out = append(out, string(rs[i:j]))
			default:
				for k := i; k+1 < j; k++ {
					out = append(out, string(rs[k:k+2]))
				}
			}
			i = j
		}
	}
	return out
}

// TestTermsSplitLikeFieldsFunc checks that the index's terms are those of
// strings.FieldsFunc over strings.ToLower(text), the definition the browser
// follows, for every rune between two others and for odd strings.
func TestTermsSplitLikeFieldsFunc(t *testing.T) {
	x := newTermIndex()
	check := func(s string) {
		t.Helper()
		x.add(s, 1)
		var got []string
		for _, n := range x.inDoc {
			got = append(got, x.terms[n])
		}
		x.endDoc()
		want := referenceTerms(s)
		slices.Sort(want)
		want = slices.Compact(want)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("terms of %q = %q, want %q", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		check("a" + string(r) + "B" + string(r) + "c")
	}
	for _, s := range []string{"", "Hello, World!", "ÜRÜMQI Ürümqi straße STRASSE", "İstanbul ǅemal ΣΊΣΥΦΟΣ",
		"K (Kelvin) Å (Angstrom) ẞ", "x\xffy \xc3 z\xe2\x82", "digits 2001 ٣٤٥ ²³ Ⅻ", "Ǆ ǅ ǆ ΐ ＡＢＣ ａｂｃ",
		"Токаев заявил, ЁЛКА ёлка", "外交部发言人王文斌表示，上海合作组织", "ШОС和王文斌 王", "日本の外務省は ภาษาไทย", "x\xe4\xb8y"} {
		check(s)
	}
}
