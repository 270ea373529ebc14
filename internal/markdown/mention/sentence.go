package mention

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/util"

	"github.com/dossier-dev/dossier/internal/markdown/sentence"
)

// sentenceOf returns the plain text of the sentence of flat that contains
// flat[start:end] (see package sentence), with escapes and entities resolved
// and white space collapsed; a sentence never reaches out of its block.
func sentenceOf(flat []byte, start, end int) string {
	from, to := sentence.Bounds(flat, start, end)
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
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, c := range s {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteByte(c)
	}
	return b.String()
}
