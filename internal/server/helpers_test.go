package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/site"
)

// fakeBuilder renders a tiny site from the files on disk, so the server's
// tests do not depend on the real build: content/X.md becomes X/index.html
// holding the file's text, static/ is copied, and a file containing
// "BROKEN" is an error at that word's line and column ("WARN" a warning,
// "NOTE" a note).
type fakeBuilder struct {
	dir   string
	base  string // site base URL, e.g. "/repo/"
	gen   atomic.Int64
	calls chan []string // every Build's changed list
}

func newFakeBuilder(dir string) *fakeBuilder {
	return &fakeBuilder{dir: dir, base: "/", calls: make(chan []string, 1000)}
}

func (f *fakeBuilder) Build(changed []string) (*site.Result, error) {
	f.calls <- changed
	f.gen.Add(1)
	res := &site.Result{Site: &config.Site{BaseURL: f.base}}
	files := map[string][]byte{}
	var pages []string
	err := filepath.WalkDir(f.dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(f.dir, p)
		rel = filepath.ToSlash(rel)
		data, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", rel, err)
		}
		if i := bytes.Index(data, []byte("BROKEN")); i >= 0 {
			line := bytes.Count(data[:i], []byte("\n")) + 1
			col := i - bytes.LastIndexByte(data[:i], '\n')
			res.Diags.Errorf(diag.Pos{File: rel, Line: line, Col: col}, diag.Syntax, `remove "BROKEN"`, "the file is broken")
		}
		if i := bytes.Index(data, []byte("WARN")); i >= 0 {
			res.Diags.Warnf(diag.Pos{File: rel, Line: bytes.Count(data[:i], []byte("\n")) + 1}, diag.UnknownKey, "", "the file has a warning")
		}
		if bytes.Contains(data, []byte("NOTE")) {
			res.Diags.Notef(diag.Pos{File: rel, Line: 1}, diag.UnknownKey, "", "the file has a note")
		}
		switch {
		case strings.HasPrefix(rel, "content/") && strings.HasSuffix(rel, ".md"):
			page := strings.TrimSuffix(strings.TrimPrefix(rel, "content/"), ".md") + "/index.html"
			files[page] = fakePage(f.base, rel, string(data))
			pages = append(pages, page)
		case strings.HasPrefix(rel, "static/"):
			files[strings.TrimPrefix(rel, "static/")] = data
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if res.Diags.HasErrors() {
		return res, nil
	}
	slices.Sort(pages)
	files["index.html"] = fakePage(f.base, "home", strings.Join(pages, "\n"))
	files["404.html"] = fakePage(f.base, "404", "no such page")
	files[".nojekyll"] = nil
	res.Output = outputOf(files)
	return res, nil
}

func fakePage(base, title, text string) []byte {
	return []byte(`<!doctype html><html lang="en"><head><meta charset="utf-8">` + previewPolicy + `<title>` + title +
		`</title><link rel="stylesheet" href="` + base + `style.css"></head><body><main id="text">` + text + "</main></body></html>\n")
}

// testServer is a running Serve on a free port.
type testServer struct {
	url    string // the site's URL, ending in the base path
	dir    string
	fake   *fakeBuilder
	builds chan buildEvent
	subs   chan string // pages that opened their event stream
	log    *syncBuffer
	stop   func() // shuts the server down and waits (also done at the test's end)
}

type buildEvent struct {
	changed []string
	ok      bool
}

// syncBuffer is a bytes.Buffer safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// startServer runs Serve over b for dir until the test ends, and returns once
// the server listens and its watcher is in place.
func startServer(t testing.TB, dir string, b Builder, opts Options) *testServer {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ts := &testServer{dir: dir, builds: make(chan buildEvent, 1000), subs: make(chan string, 1000), log: &syncBuffer{}}
	if f, ok := b.(*fakeBuilder); ok {
		ts.fake = f
	}
	ready, watching := make(chan string, 1), make(chan struct{})
	var once sync.Once
	opts.Dir, opts.Log = dir, ts.log
	opts.Ready = func(u string) { ready <- u }
	opts.hooks = &hooks{
		watching: func() { once.Do(func() { close(watching) }) },
		built:    func(changed []string, ok bool) { ts.builds <- buildEvent{changed, ok} },
		subscribed: func(page string) {
			select {
			case ts.subs <- page:
			default:
			}
		},
	}
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, b, opts) }()
	var stopOnce sync.Once
	ts.stop = func() {
		stopOnce.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Serve: %v", err)
			}
		})
	}
	t.Cleanup(ts.stop)
	select {
	case ts.url = <-ready:
	case err := <-done:
		t.Fatalf("Serve returned before listening: %v", err)
	}
	<-watching
	ts.nextBuild(t) // the initial one
	return ts
}

// waitLimit only stops a test that would otherwise hang; it is no assertion
// about speed.
const waitLimit = 20 * time.Second

// nextBuild waits for the next build.
func (ts *testServer) nextBuild(t testing.TB) buildEvent {
	t.Helper()
	select {
	case ev := <-ts.builds:
		return ev
	case <-time.After(waitLimit):
		t.Fatalf("no build within %v; log:\n%s", waitLimit, ts.log)
	}
	return buildEvent{}
}

// get fetches the site-relative path rel and returns status and body.
func (ts *testServer) get(t testing.TB, rel string) (int, string) {
	t.Helper()
	resp, err := http.Get(ts.url + rel)
	if err != nil {
		t.Fatalf("GET %s: %v", rel, err)
	}
	defer resp.Body.Close()
	var b bytes.Buffer
	b.ReadFrom(resp.Body)
	return resp.StatusCode, b.String()
}

// writeFile writes a site file, creating its folders.
func writeFile(t testing.TB, dir, rel, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// newSite makes a small site in a temporary folder.
func newSite(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	writeFile(t, dir, "site.toml", "title = \"Test\"\n")
	writeFile(t, dir, "content/articles/first.md", "+++\ntitle = \"First\"\n+++\nThe first article.\n")
	writeFile(t, dir, "content/actors/zhang.md", "+++\nname = \"Zhang\"\n+++\nA person.\n")
	writeFile(t, dir, "static/style.css", "body { color: black; }\n")
	writeFile(t, dir, "templates/.keep", "")
	return dir
}
