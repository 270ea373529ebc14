package mention

import (
	"bytes"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// sentence returns the plain text of the sentence of flat that contains
// flat[start:end], with escapes and entities resolved and white space
// collapsed. A sentence ends at ".", "!", "?" or "…" (and any closing quotes
// or brackets) followed by white space and no lower-case letter, except after
// an initial ("J.") or a common abbreviation ("Mr.", "Gen."); a sentence never
// reaches out of its block.
func sentence(flat []byte, start, end int) string {
	from := 0
	for j := start - 1; j >= 0; j-- {
		if e, ok := sentenceBreak(flat, j); ok && e <= start {
			from = e
			break
		}
	}
	to := len(flat)
	for j := end; j < len(flat); j++ {
		if e, ok := sentenceBreak(flat, j); ok {
			to = e
			break
		}
	}
	s := flat[from:to]
	if bytes.ContainsAny(s, `\&`) {
		s = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(s)))
	}
	return collapseSpace(s)
}

// collapseSpace trims s and turns each run of ASCII white space into one
// space (the flat text has no other line breaks).
func collapseSpace(s []byte) string {
	s = bytes.TrimSpace(s)
	b := make([]byte, 0, len(s))
	space := false
	for _, c := range s {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			space = true
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		b = append(b, c)
	}
	return string(b)
}

// sentenceBreak reports whether a sentence ends with the terminator at
// flat[j], and where (after its closing quotes and brackets).
func sentenceBreak(flat []byte, j int) (int, bool) {
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
