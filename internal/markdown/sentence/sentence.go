// Package sentence finds the sentence of a plain text that holds a span, for
// the quotations in context that claim, quote and entity pages show.
//
// A sentence ends at ".", "!", "?" or "…" (and any closing quotes or brackets)
// followed by white space and no lower-case letter, except after an initial
// ("J.") or a common abbreviation ("Mr.", "Gen.").
package sentence

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds returns the start and end of the sentence of text holding text[start:end].
func Bounds(text []byte, start, end int) (from, to int) {
	for j := start - 1; j >= 0; j-- {
		if e, ok := breakAt(text, j); ok && e <= start {
			from = e
			break
		}
	}
	to = len(text)
	for j := end; j < len(text); j++ {
		if e, ok := breakAt(text, j); ok {
			to = e
			break
		}
	}
	return from, to
}

// sentenceBreak reports whether a sentence ends with the terminator at
// flat[j], and where (after its closing quotes and brackets).
func breakAt(flat []byte, j int) (int, bool) {
	n := terminator(flat[j:])
	if n == 0 || (flat[j] == '.' && abbreviation(flat[:j])) {
		return 0, false
	}
	e := j + n
	for e < len(flat) {
		r, size := utf8.DecodeRune(flat[e:])
		if !strings.ContainsRune(`"')]”’»`, r) {
			break
		}
		e += size
	}
	if e == len(flat) {
		return e, true
	}
	if !unicode.IsSpace(rune(flat[e])) {
		return 0, false
	}
	next, _ := utf8.DecodeRune(bytes.TrimLeftFunc(flat[e:], unicode.IsSpace))
	return e, !unicode.IsLower(next)
}

// terminator returns the length of the sentence terminator b begins with, or 0.
func terminator(b []byte) int {
	switch {
	case len(b) == 0:
		return 0
	case b[0] == '.' || b[0] == '!' || b[0] == '?':
		return 1
	case b[0] == 0xE2 && bytes.HasPrefix(b, []byte("…")):
		return len("…")
	}
	return 0
}

// abbreviations end with a full stop that does not end a sentence.
var abbreviations = []string{"Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Col", "Lt", "Sgt", "Sen", "Rep", "Gov", "St", "Jr", "Sr", "vs", "No"}

// abbreviation reports whether before ends with an initial or an abbreviation.
func abbreviation(before []byte) bool {
	i := len(before)
	for i > 0 {
		r, size := utf8.DecodeLastRune(before[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= size
	}
	word := string(before[i:])
	return utf8.RuneCountInString(word) == 1 || slices.Contains(abbreviations, word)
}
