package annotate

import (
	"strconv"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// role is how the rendered-text projection treats an inline node.
type role int

const (
	// container: its text is its children's text (emphasis, link, strikethrough, marks).
	container role = iota
	// leaf: a node with text of its own (Text, String, AutoLink).
	leaf
	// codeSpan: a container of Text that cannot hold marks; it is split instead.
	codeSpan
	// blank: no text, harmless inside a mark (image, task check box).
	blank
	// breaker: no text, and never inside a mark (raw HTML, footnote links, our
	// own Start/End, anything unknown), since wrapping it could break nesting
	// or add text to the span.
	breaker
)

// roleOf classifies n for the projection.
func roleOf(n ast.Node) role {
	switch n.Kind() {
	case ast.KindText, ast.KindString, ast.KindAutoLink:
		return leaf
	case ast.KindCodeSpan:
		return codeSpan
	case ast.KindImage, east.KindTaskCheckBox:
		return blank
	case ast.KindEmphasis, ast.KindLink, east.KindStrikethrough, KindMark:
		return container
	case ast.KindRawHTML, east.KindFootnoteLink, east.KindFootnoteBacklink, KindStart, KindEnd:
		return breaker
	}
	if n.HasChildren() {
		return container
	}
	return breaker
}

// isTextBlock reports whether n is a block whose inline content is anchored:
// a paragraph, heading, tight list item's text or table cell. Block quotes,
// lists and footnotes hold such blocks; code and HTML blocks are not text.
func isTextBlock(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindParagraph, ast.KindHeading, ast.KindTextBlock, east.KindTableCell:
		return true
	}
	return false
}

// isSkippedBlock reports whether n is a block whose content is never anchored.
func isSkippedBlock(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock:
		return true
	}
	return false
}

// appendText appends the rendered text of a leaf (as a browser shows it:
// entities and escapes resolved) to dst.
func appendText(dst []byte, n ast.Node, source []byte) []byte {
	switch n := n.(type) {
	case *ast.Text:
		return appendTextNode(dst, n, source)
	case *ast.String:
		return appendString(dst, n)
	case *ast.AutoLink:
		return append(dst, n.Label(source)...)
	}
	return dst
}

// appendTextNode appends a Text's rendered text, including the line break
// that follows it.
func appendTextNode(dst []byte, n *ast.Text, source []byte) []byte {
	value := n.Segment.Value(source)
	raw := n.IsRaw() || inCodeSpan(n)
	if plainText(value, raw) {
		dst = append(dst, value...)
	} else {
		dst = appendUnits(dst, value, raw)
	}
	if n.SoftLineBreak() || n.HardLineBreak() {
		dst = append(dst, '\n')
	}
	return dst
}

// textWidth returns the length of a Text's rendered text without building it.
func textWidth(n *ast.Text, source []byte, scratch []byte) (int, []byte) {
	value := n.Segment.Value(source)
	lb := 0
	if n.SoftLineBreak() || n.HardLineBreak() {
		lb = 1
	}
	if plainText(value, n.IsRaw() || inCodeSpan(n)) {
		return len(value) + lb, scratch
	}
	scratch = appendUnits(scratch[:0], value, n.IsRaw() || inCodeSpan(n))
	return len(scratch) + lb, scratch
}

// plainText reports whether value renders as itself: valid UTF-8 with no
// escape, reference or NUL (and, in raw text, no trailing line feed).
func plainText(value []byte, raw bool) bool {
	if raw && len(value) > 0 && value[len(value)-1] == '\n' {
		return false
	}
	ascii := true
	for _, c := range value {
		switch {
		case c >= utf8.RuneSelf:
			ascii = false
		case c == 0, !raw && (c == '\\' || c == '&'):
			return false
		}
	}
	return ascii || utf8.Valid(value)
}

// appendUnits appends the rendered text of value, unit by unit.
func appendUnits(dst, value []byte, raw bool) []byte {
	for i := 0; i < len(value); {
		w, text := nextUnit(value, i, raw)
		dst = append(dst, text...)
		i += w
	}
	return dst
}

// appendString appends a String's rendered text. The typographer's strings
// hold HTML entities ("&rsquo;"), which count as their characters.
func appendString(dst []byte, n *ast.String) []byte {
	switch {
	case n.IsCode():
		return appendEntities(dst, n.Value)
	case n.IsRaw():
		return append(dst, n.Value...)
	}
	for i := 0; i < len(n.Value); {
		w, text := nextUnit(n.Value, i, false)
		dst = append(dst, text...)
		i += w
	}
	return dst
}

// appendEntities appends s with its entity and character references
// resolved, as a browser reads HTML text (a code String is written as is).
func appendEntities(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		if s[i] == '&' {
			if w, text := reference(s[i:]); w > 0 {
				dst = append(dst, text...)
				i += w
				continue
			}
		}
		dst = append(dst, s[i])
		i++
	}
	return dst
}

// inCodeSpan reports whether n is a child of a code span, whose renderer
// writes its text raw and turns a trailing line feed into a space.
func inCodeSpan(n ast.Node) bool {
	p := n.Parent()
	return p != nil && p.Kind() == ast.KindCodeSpan
}

var replacement = []byte("\uFFFD")

// nextUnit returns the width in value of the unit at i and the text it renders
// as. A unit is a character, or (unless raw) a backslash escape or an entity
// or character reference, resolved as goldmark's HTML writer does. In raw
// (code span) text a trailing line feed renders as a space.
func nextUnit(value []byte, i int, raw bool) (int, []byte) {
	c := value[i]
	switch {
	case raw && c == '\n' && i == len(value)-1:
		return 1, []byte{' '}
	case c == 0:
		return 1, replacement
	case !raw && c == '\\' && i+1 < len(value) && util.IsPunct(value[i+1]):
		return 2, value[i+1 : i+2]
	case !raw && c == '&':
		if w, text := reference(value[i:]); w > 0 {
			return w, text
		}
	case c < utf8.RuneSelf:
		return 1, value[i : i+1]
	}
	r, w := utf8.DecodeRune(value[i:])
	if r == utf8.RuneError && w <= 1 {
		return 1, replacement
	}
	return w, value[i : i+w]
}

// reference decodes an entity or character reference at the start of s, as
// goldmark's writer does, returning its width and text, or 0.
func reference(s []byte) (int, []byte) {
	if len(s) > 2 && s[1] == '#' {
		return numericReference(s)
	}
	end := 1
	for end < len(s) && util.IsAlphaNumeric(s[end]) {
		end++
	}
	if end == 1 || end >= len(s) || s[end] != ';' {
		return 0, nil
	}
	e, ok := util.LookUpHTML5EntityByName(string(s[1:end]))
	if !ok {
		return 0, nil
	}
	return end + 1, e.Characters
}

// numericReference decodes "&#123;" or "&#x1F;" at the start of s.
func numericReference(s []byte) (int, []byte) {
	start, base, digit, maxLen := 2, 10, util.IsNumeric, 7
	if s[2] == 'x' || s[2] == 'X' {
		start, base, digit, maxLen = 3, 16, util.IsHexDecimal, 6
	}
	end := start
	for end < len(s) && digit(s[end]) {
		end++
	}
	if end == start || end >= len(s) || s[end] != ';' || end-start > maxLen {
		return 0, nil
	}
	v, _ := strconv.ParseUint(string(s[start:end]), base, 32)
	return end + 1, utf8.AppendRune(nil, util.ToValidRune(rune(v)))
}
