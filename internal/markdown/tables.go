package markdown

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
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
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(tableScrollRenderer{}, 500)))
}

// kindTableScroll is the kind of the node that holds a table.
var kindTableScroll = ast.NewNodeKind("TableScroll")

// tableScroll holds one table, for the stylesheet to scroll it.
type tableScroll struct{ ast.BaseBlock }

func (n *tableScroll) Kind() ast.NodeKind { return kindTableScroll }

func (n *tableScroll) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

type tableScrollRenderer struct{}

func (tableScrollRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindTableScroll, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<div class=\"table-scroll\">\n")
		} else {
			_, _ = w.WriteString("</div>\n")
		}
		return ast.WalkContinue, nil
	})
}

// alignByClass sets the class of every aligned table cell, and puts each
// table in a tableScroll.
type alignByClass struct{}

func (alignByClass) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	var tables []*east.Table
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *east.Table:
			tables = append(tables, n)
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
	for _, t := range tables {
		scroll := &tableScroll{}
		t.Parent().ReplaceChild(t.Parent(), t, scroll)
		scroll.AppendChild(scroll, t)
	}
}
