package card

import (
	"encoding/binary"
	"encoding/hex"
	"hash/fnv"
	"image/color"
	"strconv"
)

// Size of every card, the size og:image:width and og:image:height give.
const (
	Width  = 1200
	Height = 630
)

// Version changes whenever the drawing changes (layout, fonts, palette), so
// that cached cards made by older code are not used: it is part of Key.
const Version = 1

// MaxVerdicts is the number of verdicts a card shows; further ones are left out.
const MaxVerdicts = 3

// Card is everything a share card shows.
type Card struct {
	// Text is the claim restated as a sentence, or the article's headline.
	Text string
	// Verdicts are the verdicts shown in the band, in order; none for an
	// article without a headline claim.
	Verdicts []Verdict
	// Site is the site's name, printed at the foot.
	Site string
}

// Verdict is one verdict as a card shows it.
type Verdict struct {
	Label string
	// Icon is a name of the theme's icon set: check, check-half, half,
	// cross, question, split, dash. Another name draws a dot.
	Icon string
	// Color is the verdict's colour; the band is filled with it and the
	// label and icon are white on it.
	Color color.RGBA
}

// Key names the card's content: a hash of everything drawn and of Version.
// Two cards with the same Key have the same bytes.
func (c Card) Key() string {
	h := fnv.New64a()
	field := func(s string) {
		var n [8]byte
		binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	field(strconv.Itoa(Version))
	field(c.Text)
	field(c.Site)
	for _, v := range c.Verdicts {
		field(v.Label)
		field(v.Icon)
		h.Write([]byte{v.Color.R, v.Color.G, v.Color.B, v.Color.A})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ParseColor reads "#rgb" or "#rrggbb"; ok is false for anything else.
func ParseColor(s string) (c color.RGBA, ok bool) {
	if len(s) != 4 && len(s) != 7 || s[0] != '#' {
		return c, false
	}
	var v [6]byte
	digits := s[1:]
	for i := range digits {
		d, ok := hexDigit(digits[i])
		if !ok {
			return c, false
		}
		v[i] = d
	}
	if len(digits) == 3 {
		return color.RGBA{v[0] * 17, v[1] * 17, v[2] * 17, 255}, true
	}
	return color.RGBA{v[0]<<4 | v[1], v[2]<<4 | v[3], v[4]<<4 | v[5], 255}, true
}

func hexDigit(b byte) (byte, bool) {
	switch {
	case '0' <= b && b <= '9':
		return b - '0', true
	case 'a' <= b && b <= 'f':
		return b - 'a' + 10, true
	case 'A' <= b && b <= 'F':
		return b - 'A' + 10, true
	}
	return 0, false
}
