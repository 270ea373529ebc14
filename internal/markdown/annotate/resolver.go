package annotate

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// Resolver gives the Marking of an anchored annotation when a parsed
// document is rendered: the host backs it with what it knows once every
// document is parsed (verdicts, pages, speakers), which anchoring never reads.
type Resolver interface {
	// ResolveAnnotation returns how the annotation kind:id shows. An error
	// stops the rendering of the document and is returned by Bind.
	ResolveAnnotation(kind Kind, id string) (Marking, error)
}

// Bind sets the Marking of every annotation marked in the parsed document
// doc from r, asking r once per annotation, so that the document renders as
// r says. With a nil r the markings are left as they were set before
// parsing. Bind changes the document's nodes: a document is bound and
// rendered by one goroutine at a time, and may be bound again and rendered
// again (a cached parse rendered by each build).
func Bind(doc ast.Node, r Resolver) error {
	if r == nil {
		return nil
	}
	seen := map[*Annotation]bool{}
	return ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		var a *Annotation
		switch n := n.(type) {
		case *Mark:
			a = n.Annotation
		case *Start:
			a = n.Annotation
		case *End:
			a = n.Annotation
		default:
			return ast.WalkContinue, nil
		}
		if seen[a] {
			return ast.WalkContinue, nil
		}
		seen[a] = true
		m, err := r.ResolveAnnotation(a.Kind, a.ID)
		if err != nil {
			return ast.WalkStop, fmt.Errorf("%s %q: %w", a.Kind, a.ID, err)
		}
		a.Marking = m
		return ast.WalkContinue, nil
	})
}
