package mention

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Priorities. goldmark sorts by ascending number: a smaller number is a
// higher priority and runs (or is tried) first.
const (
	// transformerPriority is a large number, so that mentions are found in
	// the final tree: after the footnote extension's transformer (999) has
	// moved footnote definitions to the end of the document, so hits come in
	// reading order, and after the annotate extension (which must use a
	// smaller number) has wrapped claims and quotes in marks, anchored on the
	// text before any of it is split by mention links.
	transformerPriority = 2000
	// rendererPriority is goldmark's usual value for extension renderers (the
	// footnote and table extensions use it); no other renderer claims
	// KindMention, so it only has to be registered.
	rendererPriority = 500
)

type extender struct{}

// New returns the extension: an AST transformer that finds and links
// mentions in the documents prepared with Set, and the renderer of the
// links. Documents without Set are left alone.
func New() goldmark.Extender { return extender{} }

// Extend implements goldmark.Extender.
func (extender) Extend(md goldmark.Markdown) {
	md.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(transformer{}, transformerPriority),
	))
	md.Renderer().AddOptions(renderer.WithNodeRenderers(
		util.Prioritized(htmlRenderer{}, rendererPriority),
	))
}
