package mention

import (
	"github.com/yuin/goldmark/ast"
)

// KindMention is the node kind of a linked mention.
var KindMention = ast.NewNodeKind("Mention")

// Mention is a linked name: its children are the original text nodes of the
// name, moved under it. Unlinked mentions leave the tree untouched.
type Mention struct {
	ast.BaseInline
	// Entity is the mentioned entity; it belongs to the Matcher and is never modified.
	Entity *Entity
	open   string // the link's start tag, or "" to make it from Entity
}

// Kind implements ast.Node.
func (n *Mention) Kind() ast.NodeKind { return KindMention }

// Dump implements ast.Node.
func (n *Mention) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{
		"Entity": n.Entity.Kind + ":" + n.Entity.ID,
		"Href":   n.Entity.Href,
	}, nil)
}

// newMention returns an empty mention of e, whose link starts with the tag open.
func newMention(e *Entity, open string) *Mention { return &Mention{Entity: e, open: open} }
