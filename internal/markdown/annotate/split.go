package annotate

import (
	"bytes"
	"sort"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// marker changes one text block's inline tree so that every annotation's span
// is wrapped in Mark nodes.
type marker struct {
	source []byte
	buf    []byte // scratch for widths
}

// width returns the length of n's rendered text.
func (m *marker) width(n ast.Node) int {
	switch roleOf(n) {
	case leaf:
		if t, ok := n.(*ast.Text); ok {
			var w int
			w, m.buf = textWidth(t, m.source, m.buf)
			return w
		}
		m.buf = appendText(m.buf[:0], n, m.source)
		return len(m.buf)
	case container, codeSpan:
		w := 0
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			w += m.width(c)
		}
		return w
	}
	return 0
}

// cutIn returns the first cut strictly inside (s, e), or -1. cuts is sorted.
func cutIn(cuts []int, s, e int) int {
	i := sort.SearchInts(cuts, s+1)
	if i < len(cuts) && cuts[i] < e {
		return cuts[i]
	}
	return -1
}

// split cuts the leaves and code spans under parent, whose text starts at
// off, so that no cut falls inside one; it returns the offset after parent.
func (m *marker) split(parent ast.Node, off int, cuts []int) int {
	for c := parent.FirstChild(); c != nil; c = c.NextSibling() {
		switch roleOf(c) {
		case container:
			off = m.split(c, off, cuts)
		case codeSpan:
			start := off
			off = m.split(c, off, cuts)
			c = m.splitCodeSpan(c, start, cuts)
		case leaf:
			c, off = m.splitLeaf(c, off, cuts)
		}
	}
	return off
}

// splitLeaf cuts leaf n, which starts at off, at every cut inside it. It
// returns the last node made and the offset after it.
func (m *marker) splitLeaf(n ast.Node, off int, cuts []int) (ast.Node, int) {
	for {
		w := m.width(n)
		k := cutIn(cuts, off, off+w)
		if k < 0 {
			return n, off + w
		}
		switch v := n.(type) {
		case *ast.Text:
			n = m.splitText(v, k-off)
		case *ast.String:
			n = splitString(v, k-off)
		case *ast.AutoLink:
			link := m.autoLinkToLink(v)
			return link, m.split(link, off, cuts)
		}
		off = k
	}
}

// splitText cuts t after k bytes of its rendered text and returns the part after.
func (m *marker) splitText(t *ast.Text, k int) ast.Node {
	value := t.Segment.Value(m.source)
	raw := t.IsRaw() || inCodeSpan(t)
	i, acc := 0, 0
	for i < len(value) && acc < k {
		w, txt := nextUnit(value, i, raw)
		if acc+len(txt) > k {
			return m.explode(t, i, w, txt, k-acc)
		}
		acc += len(txt)
		i += w
	}
	left, right := cutSegment(t.Segment, i)
	r := ast.NewTextSegment(right)
	r.SetRaw(t.IsRaw())
	r.SetSoftLineBreak(t.SoftLineBreak())
	r.SetHardLineBreak(t.HardLineBreak())
	t.Segment = left
	t.SetSoftLineBreak(false)
	t.SetHardLineBreak(false)
	t.Parent().InsertAfter(t.Parent(), t, r)
	return r
}

// explode handles a cut inside one unit of a Text (an entity rendering as
// several characters): the unit at value[i:i+w] becomes two Strings, split
// after k bytes of its text txt. It returns the second.
func (m *marker) explode(t *ast.Text, i, w int, txt []byte, k int) ast.Node {
	left, after := cutSegment(t.Segment, i)
	_, right := cutSegment(after, w)
	tail := ast.NewTextSegment(right)
	tail.SetRaw(t.IsRaw())
	tail.SetSoftLineBreak(t.SoftLineBreak())
	tail.SetHardLineBreak(t.HardLineBreak())
	t.Segment = left
	t.SetSoftLineBreak(false)
	t.SetHardLineBreak(false)
	a, b := codeString(txt[:k]), codeString(txt[k:])
	p := t.Parent()
	p.InsertAfter(p, t, a)
	p.InsertAfter(p, a, b)
	p.InsertAfter(p, b, tail)
	return b
}

// cutSegment cuts seg after v bytes of its value (counting its padding).
func cutSegment(seg text.Segment, v int) (text.Segment, text.Segment) {
	if v <= seg.Padding {
		return text.Segment{Start: seg.Start, Stop: seg.Start, Padding: v},
			text.Segment{Start: seg.Start, Stop: seg.Stop, Padding: seg.Padding - v, ForceNewline: seg.ForceNewline}
	}
	at := seg.Start + v - seg.Padding
	return text.Segment{Start: seg.Start, Stop: at, Padding: seg.Padding},
		text.Segment{Start: at, Stop: seg.Stop, ForceNewline: seg.ForceNewline}
}

// codeString makes a String that renders as exactly the text s.
func codeString(s []byte) *ast.String {
	n := ast.NewString(util.EscapeHTML(bytes.Clone(s)))
	n.SetCode(true)
	return n
}

// splitString cuts s after k bytes of its rendered text and returns the part after.
func splitString(s *ast.String, k int) ast.Node {
	txt := appendString(nil, s)
	s.Value = util.EscapeHTML(txt[:k:k])
	s.SetCode(true)
	s.SetRaw(false)
	r := codeString(txt[k:])
	s.Parent().InsertAfter(s.Parent(), s, r)
	return r
}

// autoLinkToLink replaces an autolink, which cannot hold marks, by the same
// link as an ordinary Link whose label is a String.
func (m *marker) autoLinkToLink(a *ast.AutoLink) ast.Node {
	link := ast.NewLink()
	url := a.URL(m.source)
	if a.AutoLinkType == ast.AutoLinkEmail && !bytes.HasPrefix(bytes.ToLower(url), []byte("mailto:")) {
		url = append([]byte("mailto:"), url...)
	}
	link.Destination = url
	for _, attr := range a.Attributes() {
		link.SetAttribute(attr.Name, attr.Value)
	}
	link.AppendChild(link, codeString(a.Label(m.source)))
	a.Parent().ReplaceChild(a.Parent(), a, link)
	return link
}

// splitCodeSpan cuts code span cs, whose text starts at off and whose
// children were already cut, between children wherever a cut falls; it
// returns the last code span.
func (m *marker) splitCodeSpan(cs ast.Node, off int, cuts []int) ast.Node {
	for c := cs.FirstChild(); c != nil; {
		off += m.width(c)
		next := c.NextSibling()
		if next == nil {
			break
		}
		if i := sort.SearchInts(cuts, off); i < len(cuts) && cuts[i] == off {
			tail := ast.NewCodeSpan()
			for n := next; n != nil; {
				after := n.NextSibling()
				cs.RemoveChild(cs, n)
				tail.AppendChild(tail, n)
				n = after
			}
			cs.Parent().InsertAfter(cs.Parent(), cs, tail)
			cs = tail
		}
		c = next
	}
	return cs
}
