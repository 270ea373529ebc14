package render

import (
	"strings"
)

// A source's quote (the passage a verdict rests on) becomes a text
// directive on the source's URL (the URL Fragment Text Directives
// specification, https://wicg.github.io/scroll-to-text-fragment/), so that
// a browser that supports them opens the page scrolled to the passage and
// highlights it.

// rangeWords is how many words a passage may have before its directive
// names only its first and last words (textStart,textEnd): a long passage
// is more likely to differ from the page in a detail (a line break, a
// typographic quote) than its ends are, and makes a long URL.
const rangeWords = 10

// rangeEnds is how many words stand for each end of a long passage.
const rangeEnds = 4

// TextFragment returns rawURL with a text directive for passage: the
// whole passage, or a start,end range when it has more than rangeWords
// words. White space is collapsed as browsers match rendered text. An
// existing fragment is kept before the directive (#frag:~:text=…). An
// empty passage or URL returns rawURL unchanged.
func TextFragment(rawURL, passage string) string {
	words := strings.Fields(passage)
	if rawURL == "" || len(words) == 0 {
		return rawURL
	}
	directive := encodeTextDirective(strings.Join(words, " "))
	if len(words) > rangeWords {
		directive = encodeTextDirective(strings.Join(words[:rangeEnds], " ")) + "," +
			encodeTextDirective(strings.Join(words[len(words)-rangeEnds:], " "))
	}
	sep := "#:~:text="
	if strings.Contains(rawURL, "#") {
		sep = ":~:text="
	}
	return rawURL + sep + directive
}

// encodeTextDirective percent-encodes one value of a text directive
// (textStart, textEnd, prefix or suffix): every byte but the
// specification's text-directive-explicit-char (ASCII letters and digits
// and !$'()*+./:;=?@_~) becomes %XX, so the directive's own syntax ("-"
// marking a prefix or suffix, "," between values, "&" between directives)
// never appears unencoded in the passage, nor does white space or text
// outside ASCII (UTF-8, byte by byte).
func encodeTextDirective(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if explicitChar(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

// explicitChar reports whether c may stand unencoded in a text directive's
// value (text-directive-explicit-char).
func explicitChar(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("!$'()*+./:;=?@_~", c) >= 0
}
