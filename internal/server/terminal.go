package server

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	dir    string // the site's folder, to tell saved files from editors' leftovers
	now    func() time.Time
	warned map[string]bool // the warnings of the latest good build
	// last and lastAt are the latest line's files and time: a save seen as
	// two events (truncate, then write) builds twice, and the second build,
	// which changes nothing, is not worth a line.
	last   string
	lastAt time.Time
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

// rebuilt reports a good build after a save. A page whose recorded inputs
// changed counts as changed, rendered or not (in a lazy build, see
// site.Options.Lazy, it renders only when asked for): the count is then of
// the pages that may have changed.
func (t *terminal) rebuilt(bt batch, ch changes, took time.Duration, diags diag.List, fixed bool) {
	warnings := diags.Without(diag.Note)
	var fresh diag.List
	for _, w := range warnings {
		if !t.warned[w.String()] {
			fresh = append(fresh, w)
		}
	}
	now, files := t.now(), t.saved(bt)
	if !fixed && len(ch.files) == 0 && len(fresh) == 0 && len(warnings) == len(t.warned) &&
		files == t.last && now.Sub(t.lastAt) < echo {
		return
	}
	t.last, t.lastAt = files, now
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: ", now.Format(time.TimeOnly), files)
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
		t.last, t.lastAt = t.saved(bt), t.now()
		fmt.Fprintf(t.w, "%s %s: build failed, %s; the last good build is still served:\n", t.lastAt.Format(time.TimeOnly), t.last, n)
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

// echo is how soon a build that changes nothing, for the files of the
// line before, is taken for the same save.
const echo = 2 * time.Second

// saved names what a build was for: the file saved, the first of several,
// or everything. Files that no longer exist (an editor's or sed's temporary
// file, renamed over the saved one) are left out, unless that is all.
func (t *terminal) saved(bt batch) string {
	if bt.all || len(bt.paths) == 0 {
		return "everything"
	}
	paths := make([]string, 0, len(bt.paths))
	for _, p := range bt.paths {
		if _, err := os.Lstat(filepath.Join(t.dir, filepath.FromSlash(p))); err == nil {
			paths = append(paths, p)
		}
	}
	if len(paths) == 0 {
		paths = bt.paths
	}
	if len(paths) == 1 {
		return paths[0]
	}
	return fmt.Sprintf("%s and %d more", paths[0], len(paths)-1)
}

// changedPages says how many pages, and other files, a build changed
// ("up to" so many when they were told by their inputs: see rebuilt).
func changedPages(ch changes) string {
	n := 0
	for p := range ch.files {
		if strings.HasSuffix(p, ".html") {
			n++
		}
	}
	s := count(n, "page") + " changed"
	switch {
	case n == 0:
		s = "no page changed"
	case ch.inputs:
		s = "up to " + s
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
