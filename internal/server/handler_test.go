package server

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// testSnapshotServer is a server holding files under base, without a
// builder, watcher or listener.
func testSnapshotServer(base string, files map[string][]byte) *server {
	s := newServer(nil, Options{BasePath: base}.withDefaults())
	next, _ := newSnapshot(outputOf(files), base, s.site.Load())
	s.site.Store(next)
	return s
}

var handlerFiles = map[string][]byte{
	"index.html":            []byte("<!doctype html><html><body><p>home</p></body></html>"),
	"articles/x/index.html": []byte("<!doctype html><html><BODY><p>article x</p></BODY></html>"),
	"articles/index.html":   []byte("<html><body>articles</body></html>"),
	"404.html":              []byte("<html><body><p>custom 404</p></body></html>"),
	"style.css":             []byte("body{color:red}"),
	"feed.xml":              []byte("<rss></rss>"),
	"data/dossier.json":     []byte(`{"a":1}`),
	"images/a.svg":          []byte("<svg xmlns='http://www.w3.org/2000/svg'></svg>"),
	"nohtml/page.html":      []byte("no body element"),
	"a/myindex.html":        []byte("<html><body>not an index</body></html>"),
	".nojekyll":             nil,
}

func TestHandler(t *testing.T) {
	s := testSnapshotServer("/repo/", handlerFiles)
	for _, tc := range []struct {
		method, path string
		code         int
		ctype        string
		contains     string // in the body, or the Location header for redirects
		absent       string
	}{
		{"GET", "/repo/", 200, "text/html", "<p>home</p>", ""},
		{"GET", "/repo/index.html", 200, "text/html", `src="_dossier/reload.js" data-page="index.html"`, ""},
		{"GET", "/repo/articles/x/", 200, "text/html", `<p>article x</p><script src="../../_dossier/reload.js" data-page="articles/x/index.html"`, ""},
		{"GET", "/repo/articles/x", 302, "", "x/", ""},
		{"GET", "/repo", 302, "", "repo/", ""},
		{"GET", "/", 302, "", "/repo/", ""},
		{"GET", "/elsewhere/", 404, "text/html", `served under <a href="/repo/">`, ""},
		{"GET", "/repo/style.css", 200, "text/css", "body{color:red}", "_dossier"},
		{"GET", "/repo/feed.xml", 200, "xml", "<rss></rss>", "_dossier"},
		{"GET", "/repo/data/dossier.json", 200, "application/json", `{"a":1}`, "_dossier"},
		{"GET", "/repo/images/a.svg", 200, "image/svg+xml", "<svg", "_dossier"},
		{"GET", "/repo/nohtml/page.html", 200, "text/html", "no body element<script", ""},
		{"GET", "/repo/a/myindex.html", 200, "text/html", "not an index", ""},
		{"GET", "/repo/missing/", 404, "text/html", "custom 404", ""},
		{"GET", "/repo/missing/", 404, "text/html", `src="../_dossier/reload.js" data-page="missing/index.html" data-hash=""`, ""},
		{"GET", "/repo/images/", 404, "text/html", "custom 404", "a.svg"}, // no listing
		{"GET", "/repo/../etc/passwd", 400, "", "leaves the site", ""},
		{"GET", "/repo/articles/../../x", 400, "", "leaves the site", ""},
		{"GET", "/repo/a\\b", 400, "", "leaves the site", ""},
		{"POST", "/repo/", 405, "", "", ""},
		{"GET", "/repo/_dossier/reload.js", 200, "text/javascript", "EventSource", ""},
		{"GET", "/repo/_dossier/nothing", 404, "", "", ""},
		{"HEAD", "/repo/articles/x/", 200, "text/html", "", "article"},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			req := httptest.NewRequest(tc.method, "http://localhost"+"/", nil)
			req.URL.Path = tc.path // unclean paths must reach the handler as sent
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, req)
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != tc.code {
				t.Fatalf("status %d, want %d; body %q", res.StatusCode, tc.code, body)
			}
			if !strings.Contains(res.Header.Get("Content-Type"), tc.ctype) {
				t.Errorf("Content-Type %q, want %q", res.Header.Get("Content-Type"), tc.ctype)
			}
			got := string(body)
			if res.StatusCode == http.StatusFound {
				got = res.Header.Get("Location")
			}
			if !strings.Contains(got, tc.contains) {
				t.Errorf("got %q, want it to contain %q", got, tc.contains)
			}
			if tc.absent != "" && strings.Contains(got, tc.absent) {
				t.Errorf("got %q, want no %q", got, tc.absent)
			}
		})
	}
}

func TestHandlerRootBase(t *testing.T) {
	s := testSnapshotServer("/", handlerFiles)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/articles/x/", nil))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "article x") {
		t.Fatalf("GET /articles/x/: %d %q", rec.Code, rec.Body)
	}
}

func TestHandlerConditional(t *testing.T) {
	s := testSnapshotServer("/", handlerFiles)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/articles/x/", nil))
	etag := rec.Header().Get("ETag")
	if etag == "" || rec.Header().Get("Cache-Control") != "no-cache" {
		t.Fatalf("headers %v: want an ETag and Cache-Control: no-cache", rec.Header())
	}
	req := httptest.NewRequest("GET", "/articles/x/", nil)
	req.Header.Set("If-None-Match", etag)
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusNotModified {
		t.Fatalf("revalidation: %d, want 304", rec.Code)
	}
}

// The script goes into the served copy only: the build's bytes stay as they were.
func TestInjectionLeavesBuildOutputAlone(t *testing.T) {
	files := map[string][]byte{"index.html": []byte("<html><body>x</body></html>")}
	orig := bytes.Clone(files["index.html"])
	s := testSnapshotServer("/", files)
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/", nil))
	if !strings.Contains(rec.Body.String(), "reload.js") {
		t.Fatalf("served page has no reload script: %q", rec.Body)
	}
	if !bytes.Equal(files["index.html"], orig) {
		t.Fatalf("build output modified: %q", files["index.html"])
	}
}

func TestPendingPage(t *testing.T) {
	s := newServer(nil, Options{}.withDefaults())
	rec := httptest.NewRecorder()
	s.ServeHTTP(rec, httptest.NewRequest("GET", "/articles/x/", nil))
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), `data-hash="pending"`) {
		t.Fatalf("before the first build: %d %q", rec.Code, rec.Body)
	}
}

func TestInject(t *testing.T) {
	tag := []byte("<T>")
	for in, want := range map[string]string{
		"<body>a</body></html>":             "<body>a<T></body></html>",
		"<body>a</BODY>":                    "<body>a<T></BODY>",
		"<body><p>&lt;/body&gt;</p></body>": "<body><p>&lt;/body&gt;</p><T></body>",
		"a </body> b </body>":               "a </body> b <T></body>",
		"no body":                           "no body<T>",
		"":                                  "<T>",
	} {
		if got := string(inject([]byte(in), tag)); got != want {
			t.Errorf("inject(%q) = %q, want %q", in, got, want)
		}
	}
}
