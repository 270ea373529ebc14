package annotate

import (
	"slices"
	"unicode"
	"unicode/utf8"
)

// normText is a text folded for matching across typography, with the way
// back: orig[i] is the offset in the original text of the character whose
// folding starts at byte i, or -1 when byte i is inside a folding (the "-" of
// an em dash folded to "---"). orig[len(b)] is the original's length.
type normText struct {
	b    []byte
	orig []int32
}

// fold returns the form a character takes for matching: curly quotes become
// straight ones, dashes and the ellipsis become the ASCII the typographer
// makes them from. Every kind of white space is handled by the caller.
func fold(r rune) string {
	switch r {
	case '‘', '’', '‚', '‛', '′':
		return "'"
	case '“', '”', '„', '‟', '″':
		return `"`
	case '–':
		return "--"
	case '—':
		return "---"
	case '…':
		return "..."
	case '«':
		return "<<"
	case '»':
		return ">>"
	case '‐', '‑':
		return "-"
	}
	return ""
}

// normalize folds t for matching: each run of white space becomes one space,
// and typographic characters fold as fold says.
func normalize(t []byte) normText {
	var n normalizer
	n.b = make([]byte, 0, len(t))
	n.orig = make([]int32, 0, len(t)+1)
	n.write(t, 0)
	return n.finish(len(t))
}

// normalizer folds a text piece by piece, carrying white-space runs across pieces.
type normalizer struct {
	normText
	space bool
}

// write folds t, which starts at offset base of the original.
func (n *normalizer) write(t []byte, base int) {
	for i := 0; i < len(t); {
		if c := t[i]; c < utf8.RuneSelf && c > ' ' {
			j := i + 1
			for j < len(t) && t[j] < utf8.RuneSelf && t[j] > ' ' {
				j++
			}
			n.b = append(n.b, t[i:j]...)
			at := len(n.orig)
			n.orig = slices.Grow(n.orig, j-i)[:at+j-i]
			for k := range j - i {
				n.orig[at+k] = int32(base + i + k)
			}
			n.space = false
			i = j
			continue
		}
		if t[i] == ' ' {
			if !n.space {
				n.b = append(n.b, ' ')
				n.orig = append(n.orig, int32(base+i))
			}
			n.space = true
			i++
			continue
		}
		r, w := utf8.DecodeRune(t[i:])
		switch {
		case unicode.IsSpace(r):
			if !n.space {
				n.add(" ", base+i)
			}
			n.space = true
		default:
			n.space = false
			if f := fold(r); f != "" {
				n.add(f, base+i)
			} else {
				n.addBytes(t[i:i+w], base+i)
			}
		}
		i += w
	}
}

// finish closes the folding of an original of length tlen.
func (n *normalizer) finish(tlen int) normText {
	n.orig = append(n.orig, int32(tlen))
	return n.normText
}

// add appends the folding s of the character at offset at.
func (n *normText) add(s string, at int) {
	n.b = append(n.b, s...)
	n.orig = append(n.orig, int32(at))
	for range len(s) - 1 {
		n.orig = append(n.orig, -1)
	}
}

// addBytes appends an unfolded character b found at offset at.
func (n *normText) addBytes(b []byte, at int) {
	n.b = append(n.b, b...)
	n.orig = append(n.orig, int32(at))
	for range len(b) - 1 {
		n.orig = append(n.orig, -1)
	}
}

// aligned reports whether [s, e) of the folded text starts and ends on
// character boundaries of the original.
func (n *normText) aligned(s, e int) bool {
	return n.orig[s] >= 0 && n.orig[e] >= 0
}

// normalizeNeedle folds a front-matter string for matching; leading and
// trailing white space is dropped.
func normalizeNeedle(s string) []byte {
	b := normalize([]byte(s)).b
	for len(b) > 0 && b[0] == ' ' {
		b = b[1:]
	}
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}
