package benchcorpus

import (
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// textBlock is the rendered text of one leaf block of a parsed body.
type textBlock struct {
	kind   ast.NodeKind
	parent ast.NodeKind
	text   string
}

// renderedBlocks parses body as the floor does (GFM, footnotes, typographer) and
// returns the text a reader sees, one entry per leaf block.
func renderedBlocks(t *testing.T, body string) []textBlock {
	t.Helper()
	src := []byte(body)
	doc := floorMarkdown().Parser().Parse(text.NewReader(src))
	var blocks []textBlock
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || n.Type() != ast.TypeBlock {
			return ast.WalkContinue, nil
		}
		switch n.(type) {
		case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *east.TableCell:
			blocks = append(blocks, textBlock{n.Kind(), n.Parent().Kind(), inlineText(n, src)})
			return ast.WalkSkipChildren, nil
		case *ast.FencedCodeBlock, *ast.CodeBlock:
			blocks = append(blocks, textBlock{n.Kind(), n.Parent().Kind(), string(n.Lines().Value(src))})
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return blocks
}

// inlineText concatenates the text of n's inline descendants.
func inlineText(n ast.Node, src []byte) string {
	var sb strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			sb.Write(c.Value(src))
			if c.SoftLineBreak() || c.HardLineBreak() {
				sb.WriteByte(' ')
			}
		case *ast.String:
			sb.Write(c.Value)
		case *ast.AutoLink:
			sb.Write(c.URL(src))
		case *east.FootnoteLink:
			sb.WriteString("[note]")
		}
		return ast.WalkContinue, nil
	})
	return sb.String()
}

// TestAnnotationsAnchorOnce parses every body with goldmark and checks that each
// claim and quote text occurs exactly once in the rendered text, inside one
// top-level paragraph, and that the body has every kind of block and 600-1,500 words.
func TestAnnotationsAnchorOnce(t *testing.T) {
	_, l := writeCorpus(t, 200)
	for slug, a := range l.articles {
		blocks := renderedBlocks(t, l.bodies[slug])
		kinds := map[ast.NodeKind]bool{}
		var all strings.Builder
		nwords := 0
		for _, b := range blocks {
			kinds[b.kind] = true
			kinds[b.parent] = true
			all.WriteString(b.text + "\n")
			nwords += len(strings.Fields(b.text))
		}
		for _, k := range []ast.NodeKind{ast.KindHeading, ast.KindListItem, ast.KindBlockquote,
			east.KindTableCell, ast.KindFencedCodeBlock, ast.KindParagraph} {
			if !kinds[k] {
				t.Errorf("%s: no %v in the body", slug, k)
			}
		}
		if nwords < 600 || nwords > 1500 {
			t.Errorf("%s: %d words", slug, nwords)
		}
		var texts []string
		for _, c := range a.Claims {
			texts = append(texts, c.Text)
		}
		for _, q := range a.Quotes {
			texts = append(texts, q.Text)
		}
		for _, want := range texts {
			if n := strings.Count(all.String(), want); n != 1 {
				t.Errorf("%s: %q occurs %d times", slug, want, n)
				continue
			}
			for _, b := range blocks {
				if strings.Contains(b.text, want) && (b.kind != ast.KindParagraph || b.parent != ast.KindDocument) {
					t.Errorf("%s: %q is in a %v inside a %v", slug, want, b.kind, b.parent)
				}
			}
		}
	}
}
