package markdown

import (
	"html"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// PlainText is the text a reader sees in a parsed body, for the search index:
// the words of paragraphs, headings, list items, table cells, block quotes and
// code, one block per line, without markup, link targets or the text the
// annotate extension adds for screen readers. Runs of white space inside a
// block become one space.
func PlainText(doc *Doc) string {
	tb := textBufferPool.Get().(*textBuffer)
	defer textBufferPool.Put(tb)
	tb.reset()
	source := doc.in.Source
	_ = ast.Walk(doc.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			tb.newline()
			if entering && isCodeBlock(n) {
				writeLines(tb, n, source)
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		}
		if entering {
			return inlineText(tb, n, source), nil
		}
		return ast.WalkContinue, nil
	})
	return tb.text()
}

// inlineText writes the text of one inline node and says whether to walk its children.
func inlineText(w *textBuffer, n ast.Node, source []byte) ast.WalkStatus {
	switch n := n.(type) {
	case *ast.Text:
		w.write(n.Segment.Value(source))
		if n.SoftLineBreak() || n.HardLineBreak() {
			w.writeByte(' ')
		}
	case *ast.String:
		// The typographer's strings are entities (&rsquo;); write the characters.
		w.writeString(unescape(n.Value))
	case *ast.AutoLink:
		w.write(n.Label(source))
	case *ast.RawHTML, *east.FootnoteLink, *east.FootnoteBacklink:
		return ast.WalkSkipChildren
	}
	return ast.WalkContinue
}

// entities are the characters the typographer writes, by entity.
var entities = map[string]string{
	"&lsquo;": "‘", "&rsquo;": "’", "&ldquo;": "“", "&rdquo;": "”",
	"&ndash;": "–", "&mdash;": "—", "&hellip;": "…", "&laquo;": "«", "&raquo;": "»",
}

// unescape returns the text of an HTML-escaped string.
func unescape(b []byte) string {
	if s, ok := entities[string(b)]; ok {
		return s
	}
	return html.UnescapeString(string(b))
}

func isCodeBlock(n ast.Node) bool {
	return n.Kind() == ast.KindCodeBlock || n.Kind() == ast.KindFencedCodeBlock || n.Kind() == ast.KindHTMLBlock
}

// writeLines writes a code block's lines; HTML blocks are markup, not text.
func writeLines(w *textBuffer, n ast.Node, source []byte) {
	if n.Kind() == ast.KindHTMLBlock {
		return
	}
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		w.write(seg.Value(source))
	}
	w.newline()
}

// textBuffer collects a body's text, then normalizes its white space (see
// normalizeSpace). Text is collected raw first because a piece may end in the
// middle of a character that the next piece completes.
type textBuffer struct {
	raw []byte
	out []byte
}

var textBufferPool = sync.Pool{New: func() any { return new(textBuffer) }}

func (w *textBuffer) reset() { w.raw, w.out = w.raw[:0], w.out[:0] }

func (w *textBuffer) write(t []byte)       { w.raw = append(w.raw, t...) }
func (w *textBuffer) writeString(s string) { w.raw = append(w.raw, s...) }
func (w *textBuffer) writeByte(c byte)     { w.raw = append(w.raw, c) }

// newline ends the current line, unless it is already ended.
func (w *textBuffer) newline() {
	if n := len(w.raw); n > 0 && w.raw[n-1] != '\n' {
		w.raw = append(w.raw, '\n')
	}
}

// text returns the collected text with white space normalized.
func (w *textBuffer) text() string {
	w.out = appendNormalized(w.out[:0], w.raw)
	return string(w.out)
}

// appendNormalized appends t with white space normalized: runs of white space
// (unicode.IsSpace) within a line become one space, lines are trimmed and
// empty lines dropped; lines end at line feeds.
func appendNormalized(out, t []byte) []byte {
	start := len(out)
	words := false // the current line has a word
	gap := false   // white space since the line's last word
	ended := false // a line with words ended since the last word
	for i := 0; i < len(t); {
		c := t[i]
		switch {
		case c == '\n':
			ended = ended || words
			words, gap = false, false
			i++
			continue
		case c < utf8.RuneSelf && asciiSpace[c]:
			gap = true
			i++
			continue
		}
		// A word: a run of ASCII other than white space, or one other character.
		j := i
		for j < len(t) && t[j] < utf8.RuneSelf && !asciiSpace[t[j]] {
			j++
		}
		if j == i {
			r, size := utf8.DecodeRune(t[i:])
			if unicode.IsSpace(r) {
				gap = true
				i += size
				continue
			}
			j = i + size
		}
		switch {
		case ended && len(out) > start:
			out = append(out, '\n')
		case gap && words:
			out = append(out, ' ')
		}
		ended, gap, words = false, false, true
		out = append(out, t[i:j]...)
		i = j
	}
	return out
}

// asciiSpace holds the ASCII white space of unicode.IsSpace.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
