package mention

import (
	"unicode"
	"unicode/utf8"
)

// isWord reports whether r belongs to a word: letters, digits, combining
// marks and "_". Hyphens, apostrophes, spaces and punctuation separate words,
// so "CSTO-led" mentions "CSTO".
func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}

// unspaced reports whether r is of a script written without spaces between
// words (Chinese, Japanese kana, Thai, Lao, Khmer, Myanmar): a name in such
// a script is found anywhere in a run of it, and such a character next to
// a name of another script separates it like a space.
func unspaced(r rune) bool {
	return r >= 0x0E00 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao,
		unicode.Khmer, unicode.Myanmar) || r == 'ー' || r == '々')
}

// spacedWord reports whether r is a word character of a script that puts
// spaces between words (Latin, Cyrillic, Greek, Arabic, Hangul …): only
// such characters make a word boundary necessary.
func spacedWord(r rune) bool { return isWord(r) && !unspaced(r) }

// isApostrophe reports whether r is written as an apostrophe: straight,
// typographic (what the typographer's "&rsquo;" stands for) or the letter
// apostrophe.
func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == 'ʼ'
}

// wholeWord reports whether text[start:end], an occurrence of p, stands as a
// whole word: no word character touches it on a side where the name itself
// begins or ends with one, where only the characters of scripts written
// with spaces count (a Chinese name is found inside Chinese text, and a
// Cyrillic one next to Chinese characters; see unspaced). Apostrophes are looked through so that "O'Brien"
// does not mention "Brien" while the possessive "Tokayev's" (or "Tokayev’s")
// mentions "Tokayev": after a name, an apostrophe may be followed only by a
// lone "s" or by a non-word character.
func wholeWord(text []byte, start, end int, p pattern) bool {
	if p.wordStart && !startsWord(text, start) {
		return false
	}
	return !p.wordEnd || endsWord(text, end)
}

// startsWord reports whether a word may begin at text[i].
func startsWord(text []byte, i int) bool {
	r, n := utf8.DecodeLastRune(text[:i])
	if i == 0 || !isApostrophe(r) {
		return i == 0 || !spacedWord(r)
	}
	before, _ := utf8.DecodeLastRune(text[:i-n])
	return i-n == 0 || !spacedWord(before)
}

// endsWord reports whether a word may end just before text[i], a possessive
// ending allowed.
func endsWord(text []byte, i int) bool {
	if i == len(text) {
		return true
	}
	r, n := utf8.DecodeRune(text[i:])
	if !isApostrophe(r) {
		return !spacedWord(r)
	}
	rest := text[i+n:]
	next, n := utf8.DecodeRune(rest)
	if len(rest) == 0 || !spacedWord(next) {
		return true
	}
	if next != 's' {
		return false
	}
	after, _ := utf8.DecodeRune(rest[n:])
	return len(rest) == n || !spacedWord(after)
}
