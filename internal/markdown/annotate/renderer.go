package annotate

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// htmlRenderer writes Mark, Start and End nodes as the markup contract in
// doc.go says. It honours goldmark's HTML options: with unsafe off, a
// dangerous Href (javascript: …) is left out, as goldmark does for links.
type htmlRenderer struct {
	html.Config
}

// newRenderer returns the renderer; goldmark sets its options (SetOption is
// html.Config's) from the instance's renderer options.
func newRenderer() renderer.NodeRenderer {
	return &htmlRenderer{Config: html.NewConfig()}
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r *htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindMark, r.renderMark)
	reg.Register(KindStart, r.renderStart)
	reg.Register(KindEnd, r.renderEnd)
}

func (r *htmlRenderer) renderMark(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		_, _ = w.WriteString("</mark>")
		return ast.WalkContinue, nil
	}
	n := node.(*Mark)
	a := n.Annotation
	writeStrings(w, `<mark class="`, string(a.Kind), `" data-`, string(a.Kind), `="`)
	writeEscaped(w, a.ID)
	if a.Kind == KindClaim {
		_, _ = w.WriteString(`" data-status="`)
		writeEscaped(w, a.Status)
	}
	if a.Kind == KindQuote && a.Paraphrase {
		_, _ = w.WriteString(`" data-paraphrase="`)
	}
	if n.First {
		writeStrings(w, `" id="`, string(a.Kind), "-")
		writeEscaped(w, a.ID)
	}
	_ = w.WriteByte('"')
	if n.Attributes() != nil {
		html.RenderAttributes(w, n, html.GlobalAttributeFilter)
	}
	_ = w.WriteByte('>')
	return ast.WalkContinue, nil
}

func (r *htmlRenderer) renderStart(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<span class="sr-only">`)
		writeEscaped(w, startText(node.(*Start).Annotation))
		_, _ = w.WriteString(`</span>`)
	}
	return ast.WalkContinue, nil
}

func (r *htmlRenderer) renderEnd(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	a := node.(*End).Annotation
	_, _ = w.WriteString(`<span class="sr-only">`)
	if a.End != "" {
		writeEscaped(w, a.End)
	} else {
		writeStrings(w, " end of ", kindName(a))
	}
	_, _ = w.WriteString(`</span>`)
	r.renderBadge(w, a)
	return ast.WalkContinue, nil
}

// renderBadge writes the link to the annotation's page: the verdict's icon
// and label for a claim (and its short label, when it differs), "quote" for
// a quote. Without a usable Href it is a span.
func (r *htmlRenderer) renderBadge(w util.BufWriter, a *Annotation) {
	tag := "a"
	href := util.URLEscape([]byte(a.Href), false)
	if a.Href == "" || (!r.Unsafe && html.IsDangerousURL(href)) {
		tag = "span"
	}
	writeStrings(w, "<", tag, ` class="badge badge-`, string(a.Kind), `"`)
	if a.Kind == KindClaim {
		_, _ = w.WriteString(` data-status="`)
		writeEscaped(w, a.Status)
		_ = w.WriteByte('"')
	}
	if tag == "a" {
		_, _ = w.WriteString(` href="`)
		_, _ = w.Write(util.EscapeHTML(href))
		_ = w.WriteByte('"')
	}
	_ = w.WriteByte('>')
	if a.Kind == KindClaim && a.Icon != "" {
		_, _ = w.WriteString(`<span class="icon icon-`)
		writeEscaped(w, a.Icon)
		_, _ = w.WriteString(`" aria-hidden="true"></span>`)
	}
	if label := badgeText(a); a.Kind == KindClaim && a.Short != "" && a.Short != label {
		_, _ = w.WriteString(`<span class="v-label">`)
		writeEscaped(w, label)
		_, _ = w.WriteString(`</span><span class="v-short" aria-hidden="true">`)
		writeEscaped(w, a.Short)
		_, _ = w.WriteString(`</span>`)
	} else {
		writeEscaped(w, label)
	}
	writeStrings(w, "</", tag, ">")
}

// startText is what screen readers hear before an annotation.
func startText(a *Annotation) string {
	switch {
	case a.Start != "":
		return a.Start
	case a.Kind == KindClaim && a.Label != "":
		return "claim, rated " + a.Label + ": "
	case a.Kind == KindQuote && a.Paraphrase && a.Label != "":
		return "paraphrase of " + a.Label + ": "
	case a.Kind == KindQuote && a.Label != "":
		return "quote by " + a.Label + ": "
	}
	return kindName(a) + ": "
}

// kindName is what readers are told an annotation is: claim, quote, or
// paraphrase for a quote whose words are not verbatim.
func kindName(a *Annotation) string {
	if a.Kind == KindQuote && a.Paraphrase {
		return "paraphrase"
	}
	return string(a.Kind)
}

// badgeText is the badge's text: the verdict's label (or id) for a claim.
func badgeText(a *Annotation) string {
	if a.Kind != KindClaim {
		if a.Badge != "" {
			return a.Badge
		}
		return kindName(a)
	}
	if a.Label != "" {
		return a.Label
	}
	return a.Status
}

// writeEscaped writes s escaped for HTML text and attribute values.
func writeEscaped(w util.BufWriter, s string) {
	_, _ = w.Write(util.EscapeHTML([]byte(s)))
}

// writeStrings writes each of ss.
func writeStrings(w util.BufWriter, ss ...string) {
	for _, s := range ss {
		_, _ = w.WriteString(s)
	}
}
