package server

import (
	"bytes"
	"encoding/hex"
	"hash/fnv"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"

	"github.com/dossier-dev/dossier/internal/site"
)

// output is what the server serves of a build.
type output = site.Output

// snapshot is one complete build as served: immutable once made, swapped in
// whole, so a request sees one build and never parts of two.
type snapshot struct {
	// base is the path the site is served under, starting and ending with "/".
	base string
	// pending is true until the first build succeeds.
	pending bool
	out     output
	// files holds an entry for each page and static file of out, read
	// when first served.
	files map[string]*entry
	// side holds the entries of out's other files (search index, feeds,
	// export …), made when first asked for; nil for a file out lacks.
	sideMu sync.Mutex
	side   map[string]*entry
}

// lookup returns the entry of the output file name, or nil.
func (s *snapshot) lookup(name string) *entry {
	if e := s.files[name]; e != nil {
		return e
	}
	if s.out == nil || !fs.ValidPath(name) {
		return nil
	}
	s.sideMu.Lock()
	defer s.sideMu.Unlock()
	e, known := s.side[name]
	if !known {
		if data, err := fs.ReadFile(s.out, name); err == nil {
			e = newEntry(name, data, hashOf(data))
		}
		s.side[name] = e
	}
	return e
}

// entry is one output file, read from the build's output the first time it
// is served (see load).
type entry struct {
	out  output // the file's output, until it is read
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
	// inputs says that pages were noted because their recorded inputs
	// changed, which they may have done without changing their bytes.
	inputs bool
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

// newSnapshot makes the snapshot that serves out, and says which of its
// static files and which other files changed since prev. Which pages changed
// is known by checking each, which notePages does once the browsers have been
// told.
func newSnapshot(out output, base string, prev *snapshot) (*snapshot, changes) {
	ch := changes{files: map[string]bool{}, base: base != prev.base}
	if ch.base {
		prev = pendingSnapshot(base) // every file is served under new URLs
	}
	pages, static := out.Pages(), out.Static()
	next := &snapshot{base: base, out: out, files: make(map[string]*entry, len(pages)+len(static)), side: map[string]*entry{}}
	found := 0 // the files of next that prev has too
	for _, name := range static {
		old := prev.files[name]
		if old != nil {
			found++
		}
		if old == nil || prev.out.Version(name) != out.Version(name) {
			ch.note(name)
			next.files[name] = &entry{out: out}
		} else {
			next.files[name] = old
		}
	}
	for _, name := range pages {
		if prev.files[name] != nil {
			found++
		}
		next.files[name] = &entry{out: out}
	}
	// When every file of next is one of prev's and they have as many, no
	// file went: the usual rebuild skips looking up each of prev's.
	if all := len(next.files); found < all || len(prev.files) != all {
		for name := range prev.files {
			if next.files[name] == nil {
				ch.note(name)
			}
		}
	}
	return next, ch
}

// notePages adds to ch the pages of next that changed since prev: a page
// changed when its version did, which checks the inputs of every page a
// reader has opened. It runs on one goroutine, after the browsers have
// been told: on all cores, it delayed the reload message's delivery by 10
// to 30 ms in BenchmarkSaveToReload1000.
func notePages(ch *changes, next, prev *snapshot) {
	if ch.base {
		prev = pendingSnapshot(prev.base)
	}
	for _, name := range next.out.Pages() {
		if prev.files[name] == nil || prev.out.Version(name) != next.out.Version(name) {
			ch.note(name)
			ch.inputs = true
		}
	}
}

// load reads the entry's file from its output the first time; a page whose
// template fails keeps the failure in err.
func (e *entry) load(name string) *entry {
	e.once.Do(func() {
		if e.out == nil {
			return
		}
		data, err := fs.ReadFile(e.out, name)
		e.out = nil
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
