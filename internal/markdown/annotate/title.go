package annotate

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/internal/diag"
)

// TitleSpan is where an annotation lies in a title: bytes [Start, End) of it.
type TitleSpan struct {
	ID         string
	Start, End int
}

// AnchorTitle anchors annotations in a title (claims with in = "title"), the
// way the body's are anchored in its text: Text, with the optional Prefix and
// Suffix, matched across typography and white space. It returns the spans of
// those found, in the order of anns, and an error at the Pos of each of the
// others (file names the title's file when a Pos has none):
//
//	diag.Empty      claim "ID": text is empty
//	diag.NotFound   claim "ID": text not found in title
//	                hint: closest passage of the title: "…" (73% similar)
//	diag.NotFound   claim "ID": no occurrence of text in the title has the given prefix or suffix
//	diag.Ambiguous  claim "ID": text occurs 2 times in title
//	                hint: to pick one, add a prefix or suffix
func AnchorTitle(file, title string, anns []Annotation) ([]TitleSpan, diag.List) {
	var diags diag.List
	var spans []TitleSpan
	if len(anns) == 0 {
		return nil, nil
	}
	norm := normalize([]byte(title))
	errorf := func(a *Annotation, code diag.Code, hint, format string, args ...any) {
		pos := a.Pos
		if pos.File == "" {
			pos.File = file
		}
		diags.Errorf(pos, code, hint, "%s %q: "+format, append([]any{a.Kind, a.ID}, args...)...)
	}
	for i := range anns {
		a := &anns[i]
		needle := normalizeNeedle(a.Text)
		if len(needle) == 0 {
			errorf(a, diag.Empty, "copy the exact words from the article's title", "text is empty")
			continue
		}
		occ := titleOccurrences(&norm, needle)
		ctx := context{prefix: normalizeNeedle(a.Prefix), suffix: normalizeNeedle(a.Suffix)}
		var chosen []int
		for _, s := range occ {
			if foldedPrefix(norm.b, s, ctx.prefix) && foldedSuffix(norm.b, s+len(needle), ctx.suffix) {
				chosen = append(chosen, s)
			}
		}
		switch {
		case len(occ) == 0:
			hint := "the title has no text to anchor to"
			if s, e, pct := newClosest(&norm).find(needle); e > s {
				hint = fmt.Sprintf("closest passage of the title: %s (%d%% similar)", strconv.Quote(titleDisplay(&norm, title, s, e)), pct)
			}
			errorf(a, diag.NotFound, hint, "text not found in title")
		case len(chosen) == 0:
			errorf(a, diag.NotFound, "remove the prefix and suffix, or copy them from the title",
				"no occurrence of text in the title has the given prefix or suffix")
		case len(chosen) > 1:
			errorf(a, diag.Ambiguous, "to pick one, add a prefix or suffix: the words of the title just before or after it",
				"text occurs %d times in title", len(chosen))
		default:
			s := chosen[0]
			spans = append(spans, TitleSpan{ID: a.ID, Start: int(norm.orig[s]), End: int(norm.orig[s+len(needle)])})
		}
	}
	diags.Sort()
	return spans, diags
}

// titleOccurrences returns the starts of needle in the folded title that
// begin and end on character boundaries. A title is short: a plain search
// does.
func titleOccurrences(norm *normText, needle []byte) []int {
	var occ []int
	for from := 0; from+len(needle) <= len(norm.b); {
		i := bytes.Index(norm.b[from:], needle)
		if i < 0 {
			break
		}
		if s := from + i; norm.aligned(s, s+len(needle)) {
			occ = append(occ, s)
		}
		from += i + 1
	}
	return occ
}

// foldedPrefix reports whether the folded text b just before s is p,
// allowing one space between them.
func foldedPrefix(b []byte, s int, p []byte) bool {
	if len(p) > 0 && s > 0 && b[s-1] == ' ' {
		s--
	}
	return s >= len(p) && bytes.Equal(b[s-len(p):s], p)
}

// foldedSuffix reports whether the folded text b just after e is p,
// allowing one space between them.
func foldedSuffix(b []byte, e int, p []byte) bool {
	if len(p) > 0 && e < len(b) && b[e] == ' ' {
		e++
	}
	return len(b)-e >= len(p) && bytes.Equal(b[e:e+len(p)], p)
}

// titleDisplay returns the title's words behind folded range [s, e).
func titleDisplay(norm *normText, title string, s, e int) string {
	for s > 0 && norm.orig[s] < 0 {
		s--
	}
	for e < len(norm.orig)-1 && norm.orig[e] < 0 {
		e++
	}
	return strings.Join(strings.Fields(title[norm.orig[s]:norm.orig[e]]), " ")
}
