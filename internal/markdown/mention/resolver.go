package mention

import (
	"fmt"

	"github.com/yuin/goldmark/ast"
)

// Resolver gives the page a linked mention points to when a parsed document
// is rendered: finding names needs the names only, and the host backs the
// links with what it knows once every document is parsed.
type Resolver interface {
	// ResolveMention returns the URL of the page of the entity kind:id
	// ("actor" or "organization"). An error stops the rendering of the
	// document and is returned by Bind.
	ResolveMention(kind, id string) (href string, err error)
}

// Bind points every linked mention of the parsed document doc where r says,
// asking r once per entity. With a nil r the links are left as they are:
// at each Entity's Href, unless bound before.
// Bind changes the document's nodes: a document is bound and rendered by one
// goroutine at a time, and may be bound again and rendered again (a cached
// parse rendered by each build).
func Bind(doc ast.Node, r Resolver) error {
	if r == nil {
		return nil
	}
	tags := map[*Entity]string{}
	return ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		m, ok := n.(*Mention)
		if !ok || !entering {
			return ast.WalkContinue, nil
		}
		tag, ok := tags[m.Entity]
		if !ok {
			href, err := r.ResolveMention(m.Entity.Kind, m.Entity.ID)
			if err != nil {
				return ast.WalkStop, fmt.Errorf("mention of %s %q: %w", m.Entity.Kind, m.Entity.ID, err)
			}
			tag = linkTag(m.Entity, href)
			tags[m.Entity] = tag
		}
		m.open = tag
		return ast.WalkContinue, nil
	})
}
