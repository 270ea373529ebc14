package markdown

import (
	"bytes"
	"html"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// PlainText is the text a reader sees in a parsed body, for the search index:
// the words of paragraphs, headings, list items, table cells, block quotes and
// code, one block per line, without markup, link targets or the text the
// annotate extension adds for screen readers. Runs of white space inside a
// block become one space.
func PlainText(doc *Doc) string {
	var b bytes.Buffer
	_ = ast.Walk(doc.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if n.Type() == ast.TypeBlock {
			blockBreak(&b)
			if entering && isCodeBlock(n) {
				writeLines(&b, n, doc.in.Source)
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		}
		if entering {
			return inlineText(&b, n, doc.in.Source), nil
		}
		return ast.WalkContinue, nil
	})
	return normalizeSpace(b.String())
}

// inlineText writes the text of one inline node and says whether to walk its children.
func inlineText(b *bytes.Buffer, n ast.Node, source []byte) ast.WalkStatus {
	switch n := n.(type) {
	case *ast.Text:
		b.Write(n.Segment.Value(source))
		if n.SoftLineBreak() || n.HardLineBreak() {
			b.WriteByte(' ')
		}
	case *ast.String:
		// The typographer's strings are entities (&rsquo;); write the characters.
		b.WriteString(html.UnescapeString(string(n.Value)))
	case *ast.AutoLink:
		b.Write(n.Label(source))
	case *ast.RawHTML, *east.FootnoteLink, *east.FootnoteBacklink:
		return ast.WalkSkipChildren
	}
	return ast.WalkContinue
}

func isCodeBlock(n ast.Node) bool {
	return n.Kind() == ast.KindCodeBlock || n.Kind() == ast.KindFencedCodeBlock || n.Kind() == ast.KindHTMLBlock
}

// writeLines writes a code block's lines; HTML blocks are markup, not text.
func writeLines(b *bytes.Buffer, n ast.Node, source []byte) {
	if n.Kind() == ast.KindHTMLBlock {
		return
	}
	lines := n.Lines()
	for i := range lines.Len() {
		seg := lines.At(i)
		b.Write(seg.Value(source))
	}
	blockBreak(b)
}

// blockBreak ends the current line, unless it is already ended.
func blockBreak(b *bytes.Buffer) {
	if b.Len() > 0 && b.Bytes()[b.Len()-1] != '\n' {
		b.WriteByte('\n')
	}
}

// normalizeSpace collapses white space within lines and drops empty lines.
func normalizeSpace(s string) string {
	var out []string
	for line := range strings.SplitSeq(s, "\n") {
		if f := strings.Fields(line); len(f) > 0 {
			out = append(out, strings.Join(f, " "))
		}
	}
	return strings.Join(out, "\n")
}
