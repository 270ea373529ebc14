package mention

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// transformer finds the mentions of one document, records them as hits and
// wraps those to be linked in Mention nodes.
type transformer struct{}

// Transform implements parser.ASTTransformer. It visits every block with
// inline content except headings, in document order, and looks for names in
// each block's flat text in one pass of the automaton.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	st := stateOf(pc)
	if st == nil || len(st.m.patterns) == 0 {
		return
	}
	f := flatteners.Get().(*flattener)
	defer f.release()
	f.source = reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch {
		case !entering:
		case n.Kind() == ast.KindHeading:
			return ast.WalkSkipChildren, nil
		case n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline:
			st.block(f, n)
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
}

// block finds, reports and links the mentions of one block.
func (st *state) block(f *flattener, b ast.Node) {
	f.block(b)
	f.found = st.m.find(f.flat, f.fits, f.found)
	var links []int // indexes into f.found
	for k, x := range f.found {
		if x.entity == ambiguous || x.entity == st.self {
			continue
		}
		linked := st.linkNext(x.entity)
		e := &st.m.entities[x.entity]
		st.hits = append(st.hits, Hit{
			Kind: e.Kind, ID: e.ID,
			Line:     st.line(f.source, f.srcOf(x.start)),
			Sentence: sentenceOf(f.flat, x.start, x.end),
			Linked:   linked,
		})
		if linked {
			links = append(links, k)
		}
	}
	// Right to left, so that splitting a text node leaves the pieces to its
	// left, which are still to be wrapped, as they were.
	for k := len(links) - 1; k >= 0; k-- {
		x := f.found[links[k]]
		f.wrap(x, newMention(&st.m.entities[x.entity], st.m.opens[x.entity]))
	}
}

// srcOf returns the source offset of byte i of the flat text.
func (f *flattener) srcOf(i int) int {
	p := f.pieces[min(f.at(i), len(f.pieces)-1)]
	if _, ok := p.node.(*ast.Text); ok {
		return p.src + i - p.start
	}
	return p.src
}

// wrap moves the nodes covering x under mention, splitting text nodes at
// x's ends. fits has checked that they are consecutive siblings.
func (f *flattener) wrap(x match, mention *Mention) {
	first, last := f.pieces[f.at(x.start)], f.pieces[f.at(x.end-1)]
	start, end := first.node, last.node
	if t, ok := start.(*ast.Text); ok {
		if at := first.src + x.start - first.start; at > t.Segment.Start {
			start = splitText(t, at)
			if end == t {
				end = start
			}
		}
	}
	if t, ok := end.(*ast.Text); ok {
		if at := last.src + x.end - last.start; at < t.Segment.Stop || t.SoftLineBreak() || t.HardLineBreak() {
			splitText(t, at)
		}
	}
	parent := start.Parent()
	parent.InsertBefore(parent, start, mention)
	for n := start; n != nil; {
		next := n.NextSibling()
		mention.AppendChild(mention, n)
		if n == end {
			return
		}
		n = next
	}
}

// splitText cuts t at source offset at: t keeps what comes before, and a new
// text node inserted after it takes the rest and t's line break.
func splitText(t *ast.Text, at int) *ast.Text {
	right := ast.NewTextSegment(t.Segment.WithStart(at))
	right.SetRaw(t.IsRaw())
	right.SetSoftLineBreak(t.SoftLineBreak())
	right.SetHardLineBreak(t.HardLineBreak())
	t.Segment = t.Segment.WithStop(at)
	t.SetSoftLineBreak(false)
	t.SetHardLineBreak(false)
	t.Parent().InsertAfter(t.Parent(), t, right)
	return right
}
