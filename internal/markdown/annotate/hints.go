package annotate

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/internal/diag"
)

// maxListed caps the occurrences a message lists and suggests a context
// for; the rest are counted ("and 7 more").
const maxListed = 10

// suggestLen is about how many characters of context a suggested prefix or
// suffix has; it doubles until the context is unique.
const suggestLen = 32

// crossesBlock reports a text found only across a block boundary, at folded offset s.
func (x *anchorer) crossesBlock(a *Annotation, s, n int) {
	orig := x.d.norm.orig
	from, to := x.fileLine(int(orig[s])), x.fileLine(int(orig[s+n])-1)
	where := fmt.Sprintf("lines %d-%d", from, to)
	if from == to {
		where = fmt.Sprintf("line %d", from)
	}
	x.errorf(a, diag.CrossesBlock, fmt.Sprintf("split it into one %s per block", a.Kind),
		"text crosses a block boundary (%s); it must lie within one paragraph, heading, list item, table cell or footnote", where)
}

// notFound reports a text that does not occur, with the closest passage as a hint.
func (x *anchorer) notFound(a *Annotation, needle []byte) {
	if x.closer == nil {
		x.closer = newClosest(&x.d.norm)
	}
	hint := "the body has no text to anchor to"
	if s, e, pct := x.closer.find(needle); e > s {
		orig := x.d.norm.orig
		hint = fmt.Sprintf("closest passage: %s at line %d (%d%% similar)",
			strconv.Quote(x.display(s, e)), x.fileLine(int(orig[s])), pct)
	}
	x.errorf(a, diag.NotFound, hint, "text not found in body")
}

// ambiguous reports a text that occurs more than once (with its context, if any).
func (x *anchorer) ambiguous(a *Annotation, occ []int, n int, ctx context) {
	with := ""
	switch {
	case len(ctx.prefix) > 0 && len(ctx.suffix) > 0:
		with = " with the given prefix and suffix"
	case len(ctx.prefix) > 0:
		with = " with the given prefix"
	case len(ctx.suffix) > 0:
		with = " with the given suffix"
	}
	x.errorf(a, diag.Ambiguous, "to pick one, add "+x.suggestions(occ, n, ctx),
		"text occurs %d times in body%s (lines %s)", len(occ), with, x.lines(occ))
}

// contextMismatch reports a prefix or suffix that matches none of the text's occurrences.
func (x *anchorer) contextMismatch(a *Annotation, occ []int, n int, ctx context) {
	what := ""
	switch {
	case len(x.filter(occ, n, context{prefix: ctx.prefix})) == 0:
		what = fmt.Sprintf("follows prefix %q", a.Prefix)
	case len(x.filter(occ, n, context{suffix: ctx.suffix})) == 0:
		what = fmt.Sprintf("precedes suffix %q", a.Suffix)
	default:
		what = fmt.Sprintf("has both prefix %q and suffix %q", a.Prefix, a.Suffix)
	}
	word := "lines"
	if len(occ) == 1 {
		word = "line"
	}
	x.errorf(a, diag.NotFound, "use instead "+x.suggestions(occ, n, context{}),
		"no occurrence of text (%s %s) %s", word, x.lines(occ), what)
}

// lines lists the file lines of occurrences: "12, 18, 40".
func (x *anchorer) lines(occ []int) string {
	parts := make([]string, 0, min(len(occ), maxListed))
	for _, s := range occ[:min(len(occ), maxListed)] {
		parts = append(parts, strconv.Itoa(x.fileLine(int(x.d.norm.orig[s]))))
	}
	return strings.Join(parts, ", ") + more(len(occ))
}

// more returns " and N more" when n occurrences are more than are listed.
func more(n int) string {
	if n > maxListed {
		return fmt.Sprintf(" and %d more", n-maxListed)
	}
	return ""
}

// suggestions returns, for each occurrence, a ready-to-paste prefix (or
// suffix) that picks it out among occ while keeping ctx's other half:
// `prefix = "…" (line 12); prefix = "…" (line 18)`.
func (x *anchorer) suggestions(occ []int, n int, ctx context) string {
	parts := make([]string, 0, min(len(occ), maxListed))
	for _, s := range occ[:min(len(occ), maxListed)] {
		parts = append(parts, fmt.Sprintf("%s (line %d)", x.suggestion(s, occ, n, ctx), x.fileLine(int(x.d.norm.orig[s]))))
	}
	return strings.Join(parts, "; ") + more(len(occ))
}

// suggestion returns `prefix = "…"` or `suffix = "…"` picking occurrence s
// out of occ, preferring a prefix, and never replacing one ctx already has.
func (x *anchorer) suggestion(s int, occ []int, n int, ctx context) string {
	if len(ctx.prefix) == 0 {
		if p := x.unique(s, occ, n, ctx, true); p != "" {
			return "prefix = " + p
		}
	}
	if len(ctx.suffix) == 0 {
		if p := x.unique(s, occ, n, ctx, false); p != "" {
			return "suffix = " + p
		}
	}
	return "a longer prefix or suffix"
}

// unique returns, quoted, the shortest context of about suggestLen
// characters, or a multiple of it, before (or after) occurrence s that no
// other occurrence in occ shares; "" if there is none.
func (x *anchorer) unique(s int, occ []int, n int, ctx context, before bool) string {
	b := x.d.norm.b
	for l := suggestLen; ; l *= 2 {
		var from, to int
		if before {
			from, to = x.wordStart(max(s-l, 0), s-l/2), s
			ctx.prefix = trimSpace(b[from:to])
		} else {
			from, to = s+n, x.wordEnd(min(s+n+l, len(b)), s+n+l/2)
			ctx.suffix = trimSpace(b[from:to])
		}
		if len(trimSpace(b[from:to])) > 0 && len(x.filter(occ, n, ctx)) == 1 {
			return strconv.Quote(x.display(from, to))
		}
		if (before && from == 0) || (!before && to == len(b)) {
			return ""
		}
	}
}

// wordStart moves from forward to just after a space, if one comes before limit.
func (x *anchorer) wordStart(from, limit int) int {
	b := x.d.norm.b
	if from == 0 {
		return 0
	}
	for i := from; i < limit; i++ {
		if b[i] == ' ' {
			return i + 1
		}
	}
	for from < len(b) && x.d.norm.orig[from] < 0 {
		from++
	}
	return from
}

// wordEnd moves to back to just before a space, if one comes after limit.
func (x *anchorer) wordEnd(to, limit int) int {
	b := x.d.norm.b
	if to == len(b) {
		return to
	}
	for i := to; i > limit && i > 0; i-- {
		if b[i-1] == ' ' {
			return i - 1
		}
	}
	for to > 0 && x.d.norm.orig[to] < 0 {
		to--
	}
	return to
}

// display returns the rendered text behind folded range [s, e), white space
// collapsed and trimmed, as the editor would paste it.
func (x *anchorer) display(s, e int) string {
	orig := x.d.norm.orig
	for s > 0 && orig[s] < 0 {
		s--
	}
	for e < len(orig)-1 && orig[e] < 0 {
		e++
	}
	return strings.Join(strings.Fields(string(x.d.t[orig[s]:orig[e]])), " ")
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && b[0] == ' ' {
		b = b[1:]
	}
	for len(b) > 0 && b[len(b)-1] == ' ' {
		b = b[:len(b)-1]
	}
	return b
}
