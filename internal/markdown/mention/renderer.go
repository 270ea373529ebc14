package mention

import (
	"bytes"

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
//	<a class="mention" href="HREF" data-entity="KIND:ID">…</a>
//
// with every attribute HTML-escaped and the href URL-escaped as goldmark does
// for links.
func (r htmlRenderer) renderMention(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</a>")
		return ast.WalkContinue, nil
	}
	n := node.(*Mention)
	if n.open != "" {
		_, _ = w.WriteString(n.open)
	} else {
		_, _ = w.WriteString(openTag(n.Entity))
	}
	return ast.WalkContinue, nil
}

// openTag returns the start tag of a link to e, as renderMention writes it.
func openTag(e *Entity) string { return linkTag(e, e.Href) }

// linkTag returns the start tag of a link to e at href.
func linkTag(e *Entity, href string) string {
	var b bytes.Buffer
	b.WriteString(`<a class="mention" href="`)
	b.Write(util.EscapeHTML(util.URLEscape([]byte(href), true)))
	b.WriteString(`" data-entity="`)
	b.Write(util.EscapeHTML([]byte(e.Kind + ":" + e.ID)))
	b.WriteString(`">`)
	return b.String()
}
