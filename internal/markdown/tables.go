package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Pages forbid inline styles (their Content-Security-Policy has no
// 'unsafe-inline'), so a browser ignores the style="text-align:right" that
// goldmark writes for an aligned table column by default. Tables are
// therefore GFM's with no alignment of their own, and a transformer gives
// each aligned cell a class that the stylesheet aligns: align-left,
// align-center or align-right.

// gfm is goldmark's GFM with tables that align by class.
var gfm = goldmark.Extender(gfmByClass{})

type gfmByClass struct{}

func (gfmByClass) Extend(m goldmark.Markdown) {
	extension.Linkify.Extend(m)
	extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)).Extend(m)
	extension.Strikethrough.Extend(m)
	extension.TaskList.Extend(m)
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(alignByClass{}, 500)))
}

// alignByClass sets the class of every aligned table cell.
type alignByClass struct{}

func (alignByClass) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.TableCell:
			if n.Alignment != east.AlignNone {
				n.SetAttributeString("class", []byte("align-"+n.Alignment.String()))
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph, *ast.Heading:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}
