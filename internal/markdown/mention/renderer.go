package mention

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// htmlRenderer writes a Mention as an anchor around its children.
type htmlRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (r htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMention, r.renderMention)
}

// renderMention writes
//
//	<a class="mention" href="HREF" data-entity="KIND:ID" data-title="TITLE">…</a>
//
// with every attribute HTML-escaped and the href URL-escaped as goldmark does
// for links.
func (r htmlRenderer) renderMention(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	e := node.(*Mention).Entity
	_, _ = w.WriteString(`<a class="mention" href="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(e.Href), true)))
	_, _ = w.WriteString(`" data-entity="`)
	_, _ = w.Write(util.EscapeHTML([]byte(e.Kind + ":" + e.ID)))
	_, _ = w.WriteString(`" data-title="`)
	_, _ = w.Write(util.EscapeHTML([]byte(e.Title)))
	_, _ = w.WriteString(`">`)
	return ast.WalkContinue, nil
}
