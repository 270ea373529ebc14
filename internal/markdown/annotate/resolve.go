package annotate

import (
	"github.com/dossier-dev/dossier/internal/diag"
)

// anchorer finds every annotation of one document in its rendered text.
type anchorer struct {
	d      *docText
	doc    *Document
	diags  diag.List
	placed []placement
	closer *closest // built on the first "not found"
}

// placement is an anchored annotation: its block and range in the rendered text.
type placement struct {
	ann        *Annotation
	block      int
	start, end int
}

// context is an annotation's folded prefix and suffix.
type context struct{ prefix, suffix []byte }

// resolve anchors every annotation, collecting diagnostics for those that fail.
func (x *anchorer) resolve() {
	anns := x.doc.Annotations
	needles := make([][]byte, len(anns))
	ids := make(map[string]int, len(anns))
	var patterns [][]byte
	pattern := make([]int, len(anns))
	for i := range anns {
		needles[i] = normalizeNeedle(anns[i].Text)
		id, ok := ids[string(needles[i])]
		if !ok {
			id = len(patterns)
			ids[string(needles[i])] = id
			patterns = append(patterns, needles[i])
		}
		pattern[i] = id
	}
	occ := x.occurrences(patterns)
	for i := range anns {
		x.resolveOne(&anns[i], needles[i], occ[pattern[i]])
	}
}

// occurrences returns, for each pattern, the starts of its occurrences in the
// folded text that begin and end on character boundaries.
func (x *anchorer) occurrences(patterns [][]byte) [][]int {
	occ := make([][]int, len(patterns))
	norm := &x.d.norm
	a := newAutomaton(patterns)
	defer a.release()
	a.find(norm.b, func(p, s int) {
		if norm.aligned(s, s+len(patterns[p])) {
			occ[p] = append(occ[p], s)
		}
	})
	return occ
}

// resolveOne anchors a, whose folded text is needle, among its occurrences.
func (x *anchorer) resolveOne(a *Annotation, needle []byte, occ []int) {
	if len(needle) == 0 {
		x.errorf(a, diag.Empty, "copy the exact words from the article body", "text is empty")
		return
	}
	var within []int
	for _, s := range occ {
		if x.d.blockAt(s, s+len(needle)) >= 0 {
			within = append(within, s)
		}
	}
	switch {
	case len(within) == 0 && len(occ) > 0:
		x.crossesBlock(a, occ[0], len(needle))
		return
	case len(within) == 0:
		x.notFound(a, needle)
		return
	}
	ctx := context{prefix: normalizeNeedle(a.Prefix), suffix: normalizeNeedle(a.Suffix)}
	chosen := x.filter(within, len(needle), ctx)
	switch {
	case len(chosen) == 0:
		x.contextMismatch(a, within, len(needle), ctx)
	case len(chosen) > 1:
		x.ambiguous(a, chosen, len(needle), ctx)
	default:
		x.place(a, chosen[0], len(needle))
	}
}

// filter keeps the occurrences (of length n) that have the given context.
func (x *anchorer) filter(occ []int, n int, ctx context) []int {
	var keep []int
	for _, s := range occ {
		if x.hasPrefix(s, ctx.prefix) && x.hasSuffix(s+n, ctx.suffix) {
			keep = append(keep, s)
		}
	}
	return keep
}

// hasPrefix reports whether the folded text just before s is p, allowing
// one space between them.
func (x *anchorer) hasPrefix(s int, p []byte) bool { return foldedPrefix(x.d.norm.b, s, p) }

// hasSuffix reports whether the folded text just after e is p, allowing
// one space between them.
func (x *anchorer) hasSuffix(e int, p []byte) bool { return foldedSuffix(x.d.norm.b, e, p) }

// place records a's anchoring at folded range [s, s+n).
func (x *anchorer) place(a *Annotation, s, n int) {
	orig := x.d.norm.orig
	x.placed = append(x.placed, placement{
		ann: a, block: x.d.blockAt(s, s+n), start: int(orig[s]), end: int(orig[s+n]),
	})
}

// fileLine turns a place in the rendered text into a line of the file.
func (x *anchorer) fileLine(t int) int {
	return max(x.doc.BodyLine, 1) + x.d.line(t) - 1
}

// errorf adds an error about a, its message prefixed with `kind "id": `.
func (x *anchorer) errorf(a *Annotation, code diag.Code, hint, format string, args ...any) {
	pos := a.Pos
	if pos.File == "" {
		pos.File = x.doc.File
	}
	args = append([]any{a.Kind, a.ID}, args...)
	x.diags.Errorf(pos, code, hint, "%s %q: "+format, args...)
}
