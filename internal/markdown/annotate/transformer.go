package annotate

import (
	"cmp"
	"github.com/dossier-dev/dossier/internal/markdown/sentence"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// transformer anchors the Document stored in the parser.Context and marks
// the spans in the AST.
type transformer struct{}

// Transform implements parser.ASTTransformer.
func (transformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	d := document(pc)
	if d == nil {
		return
	}
	res := &result{}
	pc.Set(resultKey, res)
	if len(d.Annotations) == 0 {
		return
	}
	x := &anchorer{d: collect(doc, reader.Source()), doc: d}
	defer x.d.release()
	x.resolve()
	res.anchors = x.anchors()
	x.mark(reader.Source())
	x.diags.Sort()
	res.diags = x.diags
}

// anchors describes the placements, in the order of the annotations.
func (x *anchorer) anchors() []Anchor {
	out := make([]Anchor, 0, len(x.placed))
	for _, p := range x.placed {
		out = append(out, Anchor{
			Kind: p.ann.Kind, ID: p.ann.ID, Line: x.fileLine(p.start), Offset: p.start,
			Sentence: x.d.sentence(p.block, p.start, p.end),
		})
	}
	return out
}

// mark wraps every placement in marks, block by block.
func (x *anchorer) mark(source []byte) {
	ps := slices.Clone(x.placed)
	slices.SortStableFunc(ps, func(a, b placement) int {
		return cmp.Or(cmp.Compare(a.block, b.block), cmp.Compare(a.start, b.start), cmp.Compare(b.end, a.end))
	})
	m := &marker{source: source}
	for i := 0; i < len(ps); {
		j := i + 1
		for j < len(ps) && ps[j].block == ps[i].block {
			j++
		}
		b := x.d.blocks[ps[i].block]
		m.markBlock(b.node, b.start, ps[i:j])
		i = j
	}
}

// sentence returns the plain text of the sentence of block bi holding the
// rendered range [s, e) (see package sentence), white space collapsed.
func (d *docText) sentence(bi, s, e int) string {
	b := d.blocks[bi]
	t := d.t[b.start:b.end]
	from, to := sentence.Bounds(t, s-b.start, e-b.start)
	return collapseSpace(t[from:to])
}

// collapseSpace returns t with each run of white space made one space and
// none at either end.
func collapseSpace(t []byte) string {
	var out strings.Builder
	out.Grow(len(t))
	space := false
	for i := 0; i < len(t); {
		r, w := rune(t[i]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRune(t[i:])
		}
		if unicode.IsSpace(r) {
			space = out.Len() > 0
		} else {
			if space {
				out.WriteByte(' ')
				space = false
			}
			out.Write(t[i : i+w])
		}
		i += w
	}
	return out.String()
}
