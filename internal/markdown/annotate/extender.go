package annotate

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Priorities. goldmark runs AST transformers in ascending order of priority.
const (
	// transformerPriority is above the footnote extension's transformer (999),
	// so footnotes are already gathered at the end of the document and the
	// rendered text is in output order, and below the mention extension's,
	// which links names inside the marks made here.
	transformerPriority = 1000
	// rendererPriority is the usual one for an extension's node renderer
	// (goldmark's own extensions use 500); only our own node kinds are
	// registered, so it never competes with another renderer.
	rendererPriority = 500
)

// extender is the goldmark.Extender.
type extender struct{}

// Extension is the extension; New returns it too.
var Extension = New()

// New returns the extension. Its renderer receives the goldmark instance's
// renderer options (html.WithUnsafe …) like goldmark's own renderers.
func New() goldmark.Extender {
	return extender{}
}

// Extend implements goldmark.Extender.
func (extender) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(transformer{}, transformerPriority),
	))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(newRenderer(), rendererPriority),
	))
}
