package annotate

import (
	"slices"
	"sort"
	"sync"

	"github.com/yuin/goldmark/ast"
)

// docText is a document's rendered text: the text of each text block, in
// document order, separated by line feeds, folded for matching, with what is
// needed to find a place's line in the source.
type docText struct {
	source []byte
	t      []byte
	blocks []textBlock
	srcs   []srcMark // ascending in t
	norm   normText
	lfs    []int // offsets of the source's line feeds, computed on demand
	// lfsDone says lfs is computed.
	lfsDone bool
}

// textBlock is one text block and its ranges in the rendered and folded text.
type textBlock struct {
	node         ast.Node
	start, end   int // in docText.t
	nstart, nend int // in docText.norm.b
}

// srcMark says that offset t of the rendered text comes from offset src of the source.
type srcMark struct{ t, src int32 }

// docTexts keeps the buffers of released docTexts for the next documents.
var docTexts = sync.Pool{New: func() any { return new(docText) }}

// collect projects the document's text blocks into a docText. Release it when done.
func collect(doc ast.Node, source []byte) *docText {
	d := docTexts.Get().(*docText)
	d.source = source
	d.t = slices.Grow(d.t[:0], len(source))
	d.srcs = slices.Grow(d.srcs[:0], len(source)/32+1)
	d.walkBlocks(doc)
	d.fold()
	return d
}

// maxPooledText is the largest rendered text whose buffers are kept for reuse.
const maxPooledText = 1 << 20

// release gives d's buffers back for reuse; d must not be used after.
func (d *docText) release() {
	if cap(d.t) > maxPooledText {
		return
	}
	clear(d.blocks) // drop the references to the document's nodes
	*d = docText{t: d.t[:0], blocks: d.blocks[:0], srcs: d.srcs[:0],
		norm: normText{b: d.norm.b[:0], orig: d.norm.orig[:0]}, lfs: d.lfs[:0]}
	docTexts.Put(d)
}

// walkBlocks projects every text block under n.
func (d *docText) walkBlocks(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch {
		case isTextBlock(c):
			d.project(c)
		case isSkippedBlock(c) || c.Type() != ast.TypeBlock:
		default:
			d.walkBlocks(c)
		}
	}
}

// project appends the text of block b.
func (d *docText) project(b ast.Node) {
	if len(d.blocks) > 0 {
		d.t = append(d.t, '\n')
	}
	if lines := b.Lines(); lines != nil && lines.Len() > 0 {
		d.srcs = append(d.srcs, srcMark{int32(len(d.t)), int32(lines.At(0).Start)})
	}
	start := len(d.t)
	d.inline(b)
	d.blocks = append(d.blocks, textBlock{node: b, start: start, end: len(d.t)})
}

// inline appends the text of n's inline children.
func (d *docText) inline(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch roleOf(c) {
		case container, codeSpan:
			d.inline(c)
		case leaf:
			if t, ok := c.(*ast.Text); ok {
				d.srcs = append(d.srcs, srcMark{int32(len(d.t)), int32(t.Segment.Start)})
			}
			d.t = appendText(d.t, c, d.source)
		}
	}
}

// fold builds the folded text, block by block, recording each block's range in it.
func (d *docText) fold() {
	var n normalizer
	n.b = slices.Grow(d.norm.b[:0], len(d.t))
	n.orig = slices.Grow(d.norm.orig[:0], len(d.t)+1)
	prev := 0
	for i := range d.blocks {
		b := &d.blocks[i]
		n.write(d.t[prev:b.start], prev)
		b.nstart = len(n.b)
		n.write(d.t[b.start:b.end], b.start)
		b.nend = len(n.b)
		prev = b.end
	}
	d.norm = n.finish(len(d.t))
}

// blockAt returns the index of the block whose folded range holds [s, e), or
// -1 when the range crosses a block boundary.
func (d *docText) blockAt(s, e int) int {
	i := sort.Search(len(d.blocks), func(i int) bool { return d.blocks[i].nend > s })
	if i < len(d.blocks) && d.blocks[i].nstart <= s && e <= d.blocks[i].nend {
		return i
	}
	return -1
}

// line returns the 1-based line of the body on which offset t of the
// rendered text lies.
func (d *docText) line(t int) int {
	i := sort.Search(len(d.srcs), func(i int) bool { return int(d.srcs[i].t) > t })
	if i == 0 {
		return 1
	}
	src := int(d.srcs[i-1].src)
	if !d.lfsDone {
		d.lfsDone = true
		for j, c := range d.source {
			if c == '\n' {
				d.lfs = append(d.lfs, j)
			}
		}
	}
	return sort.SearchInts(d.lfs, src) + 1
}
