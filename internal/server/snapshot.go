package server

import (
	"bytes"
	"encoding/hex"
	"hash/fnv"
	"html/template"
	"mime"
	"net/http"
	"path"
	"runtime"
	"strings"
	"sync"

	"github.com/dossier-dev/dossier/internal/render"
)

// snapshot is one complete build as served: immutable once made, swapped in
// whole, so a request sees one build and never parts of two.
type snapshot struct {
	// base is the path the site is served under, starting and ending with "/".
	base string
	// pending is true until the first build succeeds.
	pending bool
	files   map[string]*entry
	// side, in a snapshot of a lazy build, holds the files made from the
	// whole dossier (search index, feeds, export …), made when first asked for.
	side *sideFiles
}

// lookup returns the entry of the output file name, or nil.
func (s *snapshot) lookup(name string) *entry {
	if e := s.files[name]; e != nil {
		return e
	}
	if s.side != nil {
		return s.side.get()[name]
	}
	return nil
}

// sideFiles are a lazy build's whole-dossier files, made on first use.
type sideFiles struct {
	plan  *render.Plan
	once  sync.Once
	files map[string]*entry
}

func (f *sideFiles) get() map[string]*entry {
	f.once.Do(func() {
		files, err := f.plan.Side()
		f.files = map[string]*entry{}
		if err != nil {
			return // the pages still serve; these files answer 404
		}
		for name, data := range files {
			f.files[name] = newEntry(name, data, hashOf(data))
		}
	})
	return f.files
}

// entry is one output file, ready to serve, or, in a lazy build, a page
// rendered on first use (see load).
type entry struct {
	page *render.Deferred // the lazy page, nil when the entry is ready
	once sync.Once
	err  error // the page's template failure

	raw   []byte // the build's output, never modified
	body  []byte // what is served: raw, with the reload script when HTML
	hash  string // of raw; the page reports it back on the event stream
	etag  string
	ctype string
	html  bool
}

// changes says what differs between two snapshots.
type changes struct {
	files  map[string]bool // every output path added, changed or removed
	css    []string        // stylesheets among them
	assets []string        // other files (not HTML, not CSS) among them
	base   bool            // the base path moved
}

// etagVersion changes the ETags when the injected script changes, so a
// browser never revalidates an old page with a new server.
const etagVersion = "1"

// hashOf is a short content hash, stable across runs.
func hashOf(b []byte) string {
	h := fnv.New64a()
	h.Write(b)
	return hex.EncodeToString(h.Sum(nil))
}

// pendingSnapshot is the state before the first good build.
func pendingSnapshot(base string) *snapshot {
	return &snapshot{base: base, pending: true, files: map[string]*entry{}}
}

// newSnapshot makes the snapshot for files, reusing prev's entries for files
// whose bytes did not change, and says what changed since prev.
func newSnapshot(files map[string][]byte, base string, prev *snapshot) (*snapshot, changes) {
	ch := changes{files: map[string]bool{}, base: base != prev.base}
	if ch.base {
		prev = pendingSnapshot(base) // every file is served under new URLs
	}
	next := &snapshot{base: base, files: entries(files, prev, 0)}
	for name, e := range next.files {
		if prev.files[name] != e {
			ch.note(name)
		}
	}
	for name := range prev.files {
		if _, ok := files[name]; !ok {
			ch.note(name)
		}
	}
	return next, ch
}

// entries makes the entry of every file, in parallel: comparing each file
// with its previous bytes (and hashing the changed ones) is the only
// per-build cost that grows with the whole site rather than with what changed.
// The map has room for more entries to come.
func entries(files map[string][]byte, prev *snapshot, more int) map[string]*entry {
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	made := make([]*entry, len(names))
	workers := min(runtime.GOMAXPROCS(0), len(names))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(names); i += workers {
				name, data := names[i], files[names[i]]
				if old := prev.files[name]; old != nil && bytes.Equal(old.raw, data) {
					made[i] = old
				} else {
					made[i] = newEntry(name, data, hashOf(data))
				}
			}
		})
	}
	wg.Wait()
	out := make(map[string]*entry, len(names)+more)
	for i, name := range names {
		out[name] = made[i]
	}
	return out
}

// newPlanSnapshot is newSnapshot for a lazy build: the pages are entries
// rendered on first use. The changes it returns name the other files only:
// which pages changed is known by checking each, which notePages does once
// the browsers have been told.
func newPlanSnapshot(plan *render.Plan, base string, prev *snapshot) (*snapshot, changes) {
	ch := changes{files: map[string]bool{}, base: base != prev.base}
	if ch.base {
		prev = pendingSnapshot(base)
	}
	next := &snapshot{base: base, files: entries(plan.Files, prev, len(plan.Pages)), side: &sideFiles{plan: plan}}
	found := 0 // the files of next that prev has too
	for name := range plan.Files {
		old, ok := prev.files[name]
		if ok {
			found++
		}
		if old != next.files[name] {
			ch.note(name)
		}
	}
	for name, d := range plan.Pages {
		if prev.files[name] != nil {
			found++
		}
		next.files[name] = &entry{page: d}
	}
	// When every file of next is one of prev's and they have as many, no
	// file went: the usual rebuild skips looking up each of prev's.
	if all := len(plan.Files) + len(plan.Pages); found < all || len(next.files) != all || len(prev.files) != all {
		for name := range prev.files {
			if next.files[name] == nil {
				ch.note(name)
			}
		}
	}
	return next, ch
}

// notePages adds to ch the pages of plan that changed since prev: a page
// changed when its generation did (see render.Deferred.Sig), which checks
// the inputs of every page a reader has opened. It runs on one goroutine,
// after the browsers have been told: on all cores, it delayed the reload
// message's delivery by 10 to 30 ms in BenchmarkSaveToReload1000.
func notePages(ch *changes, plan *render.Plan, prev *snapshot) {
	if ch.base {
		prev = pendingSnapshot(prev.base)
	}
	for name, d := range plan.Pages {
		if old := prev.files[name]; old == nil || old.page == nil || old.page.Sig() != d.Sig() {
			ch.note(name)
		}
	}
}

// load renders a lazy entry's page the first time; a ready entry is returned as it is.
func (e *entry) load(name string) *entry {
	if e.page == nil {
		return e
	}
	e.once.Do(func() {
		data, err := e.page.Bytes()
		if err != nil {
			e.err, e.hash = err, "error-"+hashOf([]byte(err.Error()))
			return
		}
		ready := newEntry(name, data, hashOf(data))
		e.raw, e.body, e.hash, e.etag, e.ctype, e.html = ready.raw, ready.body, ready.hash, ready.etag, ready.ctype, ready.html
	})
	return e
}

// note records that name changed.
func (c *changes) note(name string) {
	c.files[name] = true
	switch {
	case path.Ext(name) == ".css":
		c.css = append(c.css, name)
	case !isHTMLName(name):
		c.assets = append(c.assets, name)
	}
}

func newEntry(name string, data []byte, hash string) *entry {
	e := &entry{raw: data, body: data, hash: hash, etag: `"` + hash + "-" + etagVersion + `"`, ctype: contentType(name, data)}
	if strings.HasPrefix(e.ctype, "text/html") {
		e.html = true
		e.body = inject(data, reloadTag(strings.Count(name, "/"), name, hash))
	}
	return e
}

func isHTMLName(name string) bool {
	ext := path.Ext(name)
	return ext == ".html" || ext == ".htm"
}

// contentType is the MIME type for name, sniffed from data when the
// extension says nothing.
func contentType(name string, data []byte) string {
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return http.DetectContentType(data)
}

// reloadTag is the script element that connects a page to the event stream.
// depth is how many folders below the base path the page's URL is, so the src
// is relative and works through any proxy.
func reloadTag(depth int, page, hash string) []byte {
	return []byte(`<script src="` + strings.Repeat("../", depth) + `_dossier/reload.js" data-page="` +
		template.HTMLEscapeString(page) + `" data-hash="` + template.HTMLEscapeString(hash) + `"></script>`)
}

// inject returns a copy of doc with tag before its last </body>, or at the end
// when it has none. doc itself is never modified.
func inject(doc, tag []byte) []byte {
	i := lastBodyClose(doc)
	out := make([]byte, 0, len(doc)+len(tag))
	out = append(out, doc[:i]...)
	out = append(out, tag...)
	return append(out, doc[i:]...)
}

// lastBodyClose is the index of the last "</body" in doc, in any case, or len(doc).
func lastBodyClose(doc []byte) int {
	const closing = "</body"
	for i := len(doc) - len(closing); i >= 0; i-- {
		if doc[i] == '<' && bytes.EqualFold(doc[i:i+len(closing)], []byte(closing)) {
			return i
		}
	}
	return len(doc)
}

// refersTo reports whether the HTML page e mentions the output file asset.
func (e *entry) refersTo(asset string) bool {
	return bytes.Contains(e.raw, []byte(asset))
}
