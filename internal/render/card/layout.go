package card

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
)

// ellipsis ends text cut short.
const ellipsis = "…"

// wrap breaks s into lines no wider than width, on spaces; a word wider than
// a line is broken between characters.
func wrap(face font.Face, s string, width fixed.Int26_6) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && font.MeasureString(face, line+" "+word) <= width {
			line += " " + word
			continue
		}
		if line != "" {
			lines = append(lines, line)
		}
		for font.MeasureString(face, word) > width {
			head := fitRunes(face, word, width)
			lines = append(lines, head)
			word = word[len(head):]
		}
		line = word
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// fitRunes is the longest prefix of s no wider than width, one character at least.
func fitRunes(face font.Face, s string, width fixed.Int26_6) string {
	end := 0
	for i, r := range s {
		next := i + utf8.RuneLen(r)
		if end > 0 && font.MeasureString(face, s[:next]) > width {
			break
		}
		end = next
	}
	return s[:end]
}

// shorten makes line, with an ellipsis appended, fit in width, dropping
// whole words from its end (characters when one word is left).
func shorten(face font.Face, line string, width fixed.Int26_6) string {
	for {
		cut := strings.TrimRight(line, " ,;:–—-")
		if font.MeasureString(face, cut+ellipsis) <= width || cut == "" {
			return cut + ellipsis
		}
		if i := strings.LastIndexByte(cut, ' '); i > 0 {
			line = cut[:i]
			continue
		}
		_, last := utf8.DecodeLastRuneInString(cut)
		line = cut[:len(cut)-last]
	}
}

// fit sets s in the largest of sizes whose lines fit in width and in height
// with lines spaced by lineGap times the size. When even the last size needs
// more lines, the last line kept ends with an ellipsis. It returns the face,
// the lines and the line spacing in pixels.
func fit(faces func(size float64) font.Face, s string, sizes []float64, width, height int, lineGap float64) (font.Face, []string, int) {
	w := fixed.I(width)
	var face font.Face
	var lines []string
	var step int
	for _, size := range sizes {
		face = faces(size)
		step = int(size*lineGap + 0.5)
		lines = wrap(face, s, w)
		if len(lines)*step <= height {
			return face, lines, step
		}
	}
	keep := max(1, height/step)
	if len(lines) > keep {
		lines = append(lines[:keep-1:keep-1], shorten(face, lines[keep-1], w))
	}
	return face, lines, step
}
