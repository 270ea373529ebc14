package server

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/dossier-dev/dossier/internal/diag"
)

// terminal is what `dossier serve` prints: at start the build time and the
// number of warnings; on each save one line with the time, the files saved
// and how many pages changed; the errors of a build that fails; a warning
// only when a save brings it. Notes are never printed. Everything else,
// the full list of warnings included, is in the browser.
type terminal struct {
	w      io.Writer
	now    func() time.Time
	warned map[string]bool // the warnings of the latest good build
}

// first reports the first good build: how many files, how long, how many warnings.
func (t *terminal) first(files map[string]*entry, took time.Duration, diags diag.List) {
	warnings := diags.Without(diag.Note)
	fmt.Fprintf(t.w, "Built %s (%s) in %v", count(pages(files), "page"), count(len(files), "file"), took)
	if n := len(warnings); n > 0 {
		fmt.Fprintf(t.w, ", %s: the page's corner badge and `dossier check` list them", count(n, "warning"))
	}
	fmt.Fprintln(t.w)
	t.warned = texts(warnings)
}

// rebuilt reports a good build after a save.
func (t *terminal) rebuilt(bt batch, ch changes, took time.Duration, diags diag.List, fixed bool) {
	warnings := diags.Without(diag.Note)
	var fresh diag.List
	for _, w := range warnings {
		if !t.warned[w.String()] {
			fresh = append(fresh, w)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: ", t.now().Format(time.TimeOnly), saved(bt))
	if fixed {
		b.WriteString("fixed, ")
	}
	b.WriteString(changedPages(ch))
	fmt.Fprintf(&b, " (%v)", took)
	switch {
	case len(fresh) > 0:
		fmt.Fprintf(&b, "; %s, %d in all:", count(len(fresh), "new warning"), len(warnings))
	case len(warnings) != len(t.warned):
		fmt.Fprintf(&b, "; %s left", count(len(warnings), "warning"))
	}
	fmt.Fprintln(t.w, b.String())
	t.list(fresh)
	t.warned = texts(warnings)
}

// failed reports a build that failed, with its errors (its warnings are in
// the browser's overlay).
func (t *terminal) failed(bt batch, diags diag.List, first bool) {
	errs := diags.Without(diag.Note).Without(diag.Warning)
	n := count(len(errs), "error")
	if first {
		fmt.Fprintf(t.w, "The site does not build: %s; open it in the browser to see them over the page:\n", n)
	} else {
		fmt.Fprintf(t.w, "%s %s: build failed, %s; the last good build is still served:\n", t.now().Format(time.TimeOnly), saved(bt), n)
	}
	t.list(errs)
}

// list prints diagnostics as `dossier check` does (a terminal makes their
// file:line:col a link), without its count.
func (t *terminal) list(l diag.List) {
	for _, d := range l {
		fmt.Fprintln(t.w, d)
	}
}

// saved names what a build was for: the file saved, the first of several, or everything.
func saved(bt batch) string {
	switch {
	case bt.all || len(bt.paths) == 0:
		return "everything"
	case len(bt.paths) == 1:
		return bt.paths[0]
	}
	return fmt.Sprintf("%s and %d more", bt.paths[0], len(bt.paths)-1)
}

// changedPages says how many pages, and other files, a build changed.
func changedPages(ch changes) string {
	n := 0
	for p := range ch.files {
		if strings.HasSuffix(p, ".html") {
			n++
		}
	}
	s := count(n, "page") + " changed"
	if n == 0 {
		s = "no page changed"
	}
	if other := len(ch.files) - n; other > 0 {
		s += fmt.Sprintf(", %s", count(other, "other file"))
	}
	return s
}

func pages(files map[string]*entry) int {
	n := 0
	for p := range files {
		if strings.HasSuffix(p, ".html") {
			n++
		}
	}
	return n
}

func texts(list diag.List) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, d := range list {
		m[d.String()] = true
	}
	return m
}

// count writes n and the noun, in the plural unless n is 1.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
