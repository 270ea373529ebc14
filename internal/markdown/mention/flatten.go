package mention

import (
	"sync"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// piece is a stretch of a block's plain text and the node it comes from.
// A block's pieces are contiguous and in document order.
type piece struct {
	node       ast.Node // the *ast.Text or *ast.String, or nil for a gap
	start, end int      // bytes of the block's flat text
	src        int      // source offset of start (for a String, of the text before it)
	match      bool     // whether a mention may cover it
}

// flattener builds the flat text of one block: the plain text of its inline
// content, where Text nodes keep their source bytes (so offsets map straight
// back to segments), line breaks become a space, and typographer Strings
// ("&rsquo;") become the characters they stand for. Text that must not be
// linked (code, links, images) is included, so word boundaries see it, but
// its pieces do not match. Every other inline node is bounded by zero-length
// gaps, which no mention may contain: a name never crosses from one parent
// node into another.
type flattener struct {
	source []byte
	flat   []byte
	pieces []piece
	src    int
	found  []match // the block's mentions, reused from block to block
}

// flatteners keeps released flatteners' buffers for the next documents.
var flatteners = sync.Pool{New: func() any { return new(flattener) }}

// release gives f back for reuse, without references to the document.
func (f *flattener) release() {
	if cap(f.flat) > 1<<20 {
		return
	}
	clear(f.pieces[:cap(f.pieces)])
	*f = flattener{flat: f.flat[:0], pieces: f.pieces[:0], found: f.found[:0]}
	flatteners.Put(f)
}

// block flattens the inline children of b.
func (f *flattener) block(b ast.Node) {
	f.flat, f.pieces = f.flat[:0], f.pieces[:0]
	f.children(b, true)
}

func (f *flattener) children(n ast.Node, match bool) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		f.inline(c, match)
	}
}

func (f *flattener) inline(n ast.Node, match bool) {
	switch n := n.(type) {
	case *ast.Text:
		f.text(n, match)
	case *ast.String:
		f.string(n, match)
	case *ast.AutoLink:
		f.gap()
		f.add(nil, n.Label(f.source), false)
		f.gap()
	case *ast.RawHTML:
		f.gap()
	default:
		f.gap()
		f.children(n, match && !closed(n))
		f.gap()
	}
}

// closed reports whether mentions must not be looked for inside n.
func closed(n ast.Node) bool {
	switch n.Kind() {
	case ast.KindLink, ast.KindAutoLink, ast.KindCodeSpan, ast.KindRawHTML, ast.KindImage, KindMention:
		return true
	}
	return false
}

func (f *flattener) text(t *ast.Text, match bool) {
	seg := t.Segment
	f.src = seg.Start
	if seg.Padding != 0 {
		match = false // the value is not the source bytes
	}
	f.add(t, seg.Value(f.source), match)
	f.src = seg.Stop
	if t.SoftLineBreak() || t.HardLineBreak() {
		f.flat = append(f.flat, ' ')
		f.pieces[len(f.pieces)-1].end++
	}
}

func (f *flattener) string(s *ast.String, match bool) {
	v := s.Value
	if s.IsCode() {
		v = util.ResolveEntityNames(util.ResolveNumericReferences(v))
	}
	f.add(s, v, match)
}

func (f *flattener) gap() { f.add(nil, nil, false) }

func (f *flattener) add(n ast.Node, b []byte, match bool) {
	start := len(f.flat)
	f.flat = append(f.flat, b...)
	f.pieces = append(f.pieces, piece{node: n, start: start, end: len(f.flat), src: f.src, match: match})
}

// at returns the index of the first piece that ends after offset i.
func (f *flattener) at(i int) int {
	lo, hi := 0, len(f.pieces)
	for lo < hi {
		mid := (lo + hi) / 2
		if f.pieces[mid].end > i {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo
}

// fits reports whether a mention may cover flat[start:end]: only matching
// pieces, no gap strictly inside, and Strings wholly or not at all.
func (f *flattener) fits(start, end int) bool {
	for k := f.at(start); k < len(f.pieces) && f.pieces[k].start < end; k++ {
		p := f.pieces[k]
		if p.start == p.end {
			if p.node == nil && p.start > start {
				return false // a gap strictly inside
			}
			continue
		}
		if !p.match {
			return false
		}
		if _, isText := p.node.(*ast.Text); !isText && (p.start < start || p.end > end) {
			return false
		}
	}
	return true
}
