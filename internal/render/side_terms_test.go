package render

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

// trickyStrings mix ASCII, upper case, accents, scripts whose lower case is
// longer or shorter, invalid UTF-8 and characters JSON and XML escape.
var trickyStrings = []string{
	"", "a", "Hello, World!", "ÜRÜMQI Ürümqi straße STRASSE", "İstanbul ǅemal Σίσυφος ΣΊΣΥΦΟΣ",
	"K (Kelvin) Å (Angstrom) ẞ", "x\xffy \xc3 z\xe2\x82", "tab\there\nnew\rline\b\f\x00\x1f\x7f",
	`quote " back \ slash <b>&amp;</b> 'apos'`, "line\u2028sep\u2029par", "\ufffd replacement",
	"digits 2001 ٣٤٥ ²³ Ⅻ", "emoji 😀 x😀y", "日本語のテキスト", "mixed-CASE_words.and,punct;",
	"\U0010FFFF \uFDD0 \uD7FF\uE000", "Ǆ ǅ ǆ ΐ", "ＡＢＣ ａｂｃ",
}

// oldTokens is how terms were split before termIndex.
func oldTokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

func TestTermIndexSplitsLikeFieldsFunc(t *testing.T) {
	x := newTermIndex()
	check := func(s string) {
		var got []string
		x.eachTerm(s, func(n int32) { got = append(got, x.terms[n]) })
		if want := oldTokens(s); !slices.Equal(got, want) {
			t.Errorf("terms of %q = %q, want %q", s, got, want)
		}
	}
	for _, s := range trickyStrings {
		check(s)
	}
	check(strings.Join(trickyStrings, ""))
	check(strings.Join(trickyStrings, " "))
	for r := rune(0); r < 0x11000; r++ {
		check("a" + string(r) + "B" + string(r))
	}
}

func FuzzTermIndex(f *testing.F) {
	for _, s := range trickyStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		x := newTermIndex()
		var got []string
		x.eachTerm(s, func(n int32) { got = append(got, x.terms[n]) })
		if want := oldTokens(s); !slices.Equal(got, want) {
			t.Errorf("terms of %q = %q, want %q", s, got, want)
		}
	})
}
