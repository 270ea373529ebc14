package server

import (
	"bytes"
	_ "embed"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

// internalDir is the folder, under the base path, of the server's own files.
const internalDir = "_dossier/"

//go:embed reload.js
var reloadJS []byte

// ServeHTTP serves the latest good build from memory, plus the reload script
// and event stream under BASE/_dossier/.
func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	snap := s.site.Load()
	p := r.URL.Path
	if !strings.HasPrefix(p, snap.base) {
		outside(w, r, snap.base)
		return
	}
	rel := p[len(snap.base):]
	if !safeRel(rel) {
		http.Error(w, "400 bad request: the path leaves the site", http.StatusBadRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if name, ok := strings.CutPrefix(rel, internalDir); ok {
		s.serveInternal(w, r, name)
		return
	}
	serveSite(w, r, snap, rel)
}

// safeRel reports whether rel stays inside the site: no "..", no
// backslashes (a path separator on some systems), no NUL.
func safeRel(rel string) bool {
	if strings.ContainsAny(rel, "\\\x00") {
		return false
	}
	for seg := range strings.SplitSeq(rel, "/") {
		if seg == ".." {
			return false
		}
	}
	return true
}

// outside answers a request outside the base path: the bare base path and
// the root are redirected to it, anything else says where the site is.
func outside(w http.ResponseWriter, r *http.Request, base string) {
	switch r.URL.Path {
	case strings.TrimSuffix(base, "/"):
		redirect(w, r, path.Base(base)+"/")
	case "/":
		redirect(w, r, base)
	default:
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		b := template.HTMLEscapeString(base)
		w.Write([]byte(`<!doctype html><title>Not found</title><p>Not found. This site is served under <a href="` + b + `">` + b + `</a>.</p>`))
	}
}

// redirect sends a temporary redirect to loc, which may be relative (so it
// survives proxies that rewrite paths); the query is kept.
func redirect(w http.ResponseWriter, r *http.Request, loc string) {
	if r.URL.RawQuery != "" {
		loc += "?" + r.URL.RawQuery
	}
	w.Header().Set("Location", loc)
	w.WriteHeader(http.StatusFound)
}

// serveSite serves rel (relative to the base path) from snap, through
// http.FileServerFS over the files as served (see served).
func serveSite(w http.ResponseWriter, r *http.Request, snap *snapshot, rel string) {
	name := rel
	if name == "" || strings.HasSuffix(name, "/") {
		name += "index.html"
	}
	e := snap.lookup(name)
	if e == nil {
		if snap.lookup(name+"/index.html") != nil {
			redirect(w, r, path.Base(name)+"/")
			return
		}
		notFound(w, r, snap, rel)
		return
	}
	if e.load(name).err != nil {
		serveFailure(w, r, name, e)
		return
	}
	h := w.Header()
	h.Set("Content-Type", e.ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("ETag", e.etag)
	// The file server answers a folder's URL with its index.html, and
	// would send a URL ending in /index.html to the folder's: a static
	// host serves both, so it is asked for the folder.
	req := r.Clone(r.Context())
	req.URL.Path = "/" + name
	if name == "index.html" || strings.HasSuffix(name, "/index.html") {
		req.URL.Path = "/" + strings.TrimSuffix(name, "index.html")
	}
	http.FileServerFS(served{snap}).ServeHTTP(w, req)
}

// served is a snapshot's files as the browser gets them: HTML pages with
// the reload script. A folder is there when it has an index.html.
type served struct{ snap *snapshot }

func (s served) Open(name string) (fs.File, error) {
	if e := s.snap.lookup(name); e != nil && e.load(name).err == nil {
		return &servedFile{name: path.Base(name), Reader: bytes.NewReader(e.body)}, nil
	}
	if name == "." || s.snap.lookup(name+"/index.html") != nil {
		return &servedFile{name: path.Base(name), dir: true, Reader: bytes.NewReader(nil)}, nil
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

// servedFile is an open file, or folder, of served.
type servedFile struct {
	*bytes.Reader
	name string
	dir  bool
}

func (f *servedFile) Stat() (fs.FileInfo, error) { return f, nil }
func (f *servedFile) Close() error               { return nil }
func (f *servedFile) Name() string               { return f.name }
func (f *servedFile) ModTime() time.Time         { return time.Time{} }
func (f *servedFile) IsDir() bool                { return f.dir }
func (f *servedFile) Sys() any                   { return nil }
func (f *servedFile) Mode() fs.FileMode {
	if f.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

// notFound answers with the site's 404.html, or a placeholder while no build
// has succeeded yet. Both carry the reload script, registered for the page
// the request asked for, so the browser reloads when it appears.
func notFound(w http.ResponseWriter, r *http.Request, snap *snapshot, rel string) {
	page := rel
	switch {
	case page == "" || strings.HasSuffix(page, "/"):
		page += "index.html"
	case path.Ext(page) == "":
		page += "/index.html"
	}
	depth := strings.Count(rel, "/")
	status, doc, hash := http.StatusNotFound, []byte("<!doctype html><title>Not found</title><p>404: not found</p>"), ""
	if snap.pending {
		status, doc, hash = http.StatusServiceUnavailable, []byte(pendingPage), "pending"
	} else if e := snap.lookup("404.html"); e != nil && e.load("404.html").err == nil {
		doc = e.raw
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(inject(doc, reloadTag(depth, page, hash)))
	}
}

// serveFailure answers for a lazy page whose template failed: the error,
// with the reload script, so the page reloads once a save fixes it.
func serveFailure(w http.ResponseWriter, r *http.Request, name string, e *entry) {
	doc := "<!doctype html>" + previewPolicy + "<title>dossier: the page did not render</title><h1>The page did not render</h1><pre>" +
		template.HTMLEscapeString(e.err.Error()) + "</pre>"
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	if r.Method != http.MethodHead {
		w.Write(inject([]byte(doc), reloadTag(strings.Count(name, "/"), name, e.hash)))
	}
}

// previewPolicy is the Content-Security-Policy of the server's own pages,
// as strict as the default theme's, so that the overlay is seen under the
// policy it meets on the site's pages.
const previewPolicy = `<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'">`

// pendingPage is shown until the first build succeeds; the overlay covers it.
const pendingPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">` + previewPolicy + `<title>dossier: the site did not build</title></head>
<body><p>The site did not build yet. The errors are listed in the terminal and, with JavaScript, here.</p></body></html>
`

// The ETags of the server's own files.
var (
	reloadETag  = `"` + hashOf(reloadJS) + `"`
	overlayETag = `"` + hashOf(overlayCSS) + `"`
)

// serveInternal serves the reload script, the overlay's stylesheet and the
// event stream.
func (s *server) serveInternal(w http.ResponseWriter, r *http.Request, name string) {
	switch name {
	case "reload.js":
		serveEntry(w, r, reloadJS, reloadETag, "text/javascript; charset=utf-8")
	case "overlay.css":
		serveEntry(w, r, overlayCSS, overlayETag, "text/css; charset=utf-8")
	case "events":
		s.hub.serveEvents(w, r)
	default:
		http.NotFound(w, r)
	}
}

// serveEntry answers with one of the server's own files, honouring
// conditional and range requests.
func serveEntry(w http.ResponseWriter, r *http.Request, body []byte, etag, ctype string) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("ETag", etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(body))
}
