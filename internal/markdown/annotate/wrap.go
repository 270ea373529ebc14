package annotate

import (
	"slices"

	"github.com/yuin/goldmark/ast"
)

// markBlock wraps the placements ps, all in block b (whose text starts at
// off), in Mark nodes, and adds their Start and End nodes.
func (m *marker) markBlock(b ast.Node, off int, ps []placement) {
	cuts := make([]int, 0, 2*len(ps))
	for _, p := range ps {
		cuts = append(cuts, p.start-off, p.end-off)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	m.split(b, 0, cuts)
	// ps is in document order (start, then longest first). Wrapping in the
	// reverse order makes an enclosing span's marks wrap an enclosed one's
	// where they cover the same words, so marks nest as the spans do, and
	// as the Start and End announcements (placed in document order) do.
	pieces := make(map[*Annotation][]*Mark, len(ps))
	for _, p := range slices.Backward(ps) {
		s, e := p.start-off, p.end-off
		var got []*Mark
		for i := slices.Index(cuts, s); i+1 < len(cuts) && cuts[i] < e; i++ {
			got = m.wrap(b, 0, cuts[i], cuts[i+1], p.ann, got)
		}
		pieces[p.ann] = got
	}
	for _, p := range ps {
		decorate(p.ann, pieces[p.ann])
	}
}

// wrap wraps the nodes under parent (whose text starts at off) that lie in
// [s, e) in marks for a, appending them to got. No leaf or code span
// straddles s or e (split saw to it).
func (m *marker) wrap(parent ast.Node, off, s, e int, a *Annotation, got []*Mark) []*Mark {
	var group []ast.Node
	gw := 0
	flush := func() {
		if gw > 0 {
			got = append(got, enclose(parent, group, a))
		}
		group, gw = group[:0], 0
	}
	for c := parent.FirstChild(); c != nil; {
		next := c.NextSibling()
		w := m.width(c)
		cs, ce := off, off+w
		inside := s <= cs && ce <= e && (w > 0 || (s < cs && ce < e))
		switch {
		case inside && clean(c):
			group = append(group, c)
			gw += w
		case cs < e && s < ce && roleOf(c) == container:
			flush()
			got = m.wrap(c, cs, s, e, a, got)
		default:
			flush()
		}
		off, c = ce, next
	}
	flush()
	return got
}

// clean reports whether n can go inside a mark: it holds no breaker.
func clean(n ast.Node) bool {
	switch roleOf(n) {
	case breaker:
		return false
	case container, codeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if !clean(c) {
				return false
			}
		}
	}
	return true
}

// enclose moves the consecutive children group of parent into a new Mark for a.
func enclose(parent ast.Node, group []ast.Node, a *Annotation) *Mark {
	mark := &Mark{Annotation: a}
	parent.InsertBefore(parent, group[0], mark)
	for _, g := range group {
		parent.RemoveChild(parent, g)
		mark.AppendChild(mark, g)
	}
	return mark
}

// decorate marks a's first piece and puts its Start before the first piece
// and its End after the last, both outside every mark and the End outside
// every link, so that no mark's text includes them and no link nests.
func decorate(a *Annotation, pieces []*Mark) {
	if len(pieces) == 0 {
		return
	}
	pieces[0].First = true
	first := outsideMarks(pieces[0])
	first.Parent().InsertBefore(first.Parent(), first, &Start{Annotation: a})
	last := outsideMarks(outsideLinks(outsideMarks(pieces[len(pieces)-1])))
	last.Parent().InsertAfter(last.Parent(), last, &End{Annotation: a})
}

// outsideMarks climbs from n through the marks that enclose it.
func outsideMarks(n ast.Node) ast.Node {
	for n.Parent() != nil && n.Parent().Kind() == KindMark {
		n = n.Parent()
	}
	return n
}

// outsideLinks returns the outermost link enclosing n, or n.
func outsideLinks(n ast.Node) ast.Node {
	out := n
	for p := n.Parent(); p != nil && p.Type() == ast.TypeInline; p = p.Parent() {
		if p.Kind() == ast.KindLink {
			out = p
		}
	}
	return out
}
