package annotate

import (
	"unicode"
	"unicode/utf8"

	"github.com/dossier-dev/dossier/internal/diag"
)

// maxFuzzy caps the characters of a text compared when looking for the
// closest passage, so a long text's hint costs O(maxFuzzy·n).
const maxFuzzy = 200

// closest finds the passage of a folded text nearest to a missing needle,
// for the "not found" hint. It is never used to anchor.
type closest struct {
	runes []rune  // the folded text, lower-cased
	at    []int32 // byte offset in the folded text of each rune, and its length
}

func newClosest(n *normText) *closest {
	c := &closest{runes: make([]rune, 0, len(n.b)), at: make([]int32, 0, len(n.b)+1)}
	for i := 0; i < len(n.b); {
		r, w := utf8.DecodeRune(n.b[i:])
		c.runes = append(c.runes, unicode.ToLower(r))
		c.at = append(c.at, int32(i))
		i += w
	}
	c.at = append(c.at, int32(len(n.b)))
	return c
}

// find returns the folded range [s, e) of the passage with the fewest edits
// from needle (approximate substring matching, Sellers' algorithm), widened
// to whole words, and its similarity in percent.
func (c *closest) find(needle []byte) (s, e, pct int) {
	p := []rune(string(needle))
	if len(p) > maxFuzzy {
		p = p[:maxFuzzy]
	}
	for i, r := range p {
		p[i] = unicode.ToLower(r)
	}
	if len(c.runes) == 0 {
		return 0, 0, 0
	}
	rs, re := c.sellers(p)
	rs, re = c.widen(rs, re)
	d := diag.Distance(p, c.runes[rs:re])
	pct = 100 * (max(len(p), re-rs) - d) / max(len(p), re-rs, 1)
	return int(c.at[rs]), int(c.at[re]), pct
}

// sellers returns the rune range of the text that needs the fewest edits to
// become p; ties go to the earliest.
func (c *closest) sellers(p []rune) (int, int) {
	n := len(c.runes)
	prev, cur := make([]int32, n+1), make([]int32, n+1)
	pstart, cstart := make([]int32, n+1), make([]int32, n+1)
	for j := range pstart {
		pstart[j] = int32(j)
	}
	for i := 1; i <= len(p); i++ {
		cur[0], cstart[0] = int32(i), 0
		for j := 1; j <= n; j++ {
			d, st := prev[j-1], pstart[j-1]
			if p[i-1] != c.runes[j-1] {
				d++
			}
			if prev[j]+1 < d {
				d, st = prev[j]+1, pstart[j]
			}
			if cur[j-1]+1 < d {
				d, st = cur[j-1]+1, cstart[j-1]
			}
			cur[j], cstart[j] = d, st
		}
		prev, cur, pstart, cstart = cur, prev, cstart, pstart
	}
	best := 0
	for j := 1; j <= n; j++ {
		if prev[j] < prev[best] {
			best = j
		}
	}
	return int(pstart[best]), best
}

// widen moves [s, e) out to word boundaries.
func (c *closest) widen(s, e int) (int, int) {
	for s > 0 && !unicode.IsSpace(c.runes[s-1]) && s < e {
		s--
	}
	for s < e && unicode.IsSpace(c.runes[s]) {
		s++
	}
	for e < len(c.runes) && e > s && !unicode.IsSpace(c.runes[e]) {
		e++
	}
	for e > s && unicode.IsSpace(c.runes[e-1]) {
		e--
	}
	return s, e
}
