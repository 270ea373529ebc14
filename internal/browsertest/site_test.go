package browsertest

import (
	"compress/gzip"
	"context"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/dossier-dev/dossier/internal/site"
)

// basePath is where the test server puts the site, to check that every
// link and fetch honours the base path.
const basePath = "/kz/"

// requireBrowser turns a missing Chromium from a skip into a failure.
const requireBrowser = "DOSSIER_REQUIRE_BROWSER"

// served is a built site served from memory.
type served struct {
	files map[string][]byte
	url   string       // http://127.0.0.1:PORT/kz/
	sent  atomic.Int64 // compressed bytes sent since the last reset
}

var (
	repoOnce sync.Once
	repoSite *served
	repoErr  error
)

// repoRoot is the repository's folder, two levels up from this package.
func repoRoot(t testing.TB) string {
	t.Helper()
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	return root
}

// bundled builds and serves the repository's own dossier, once per test binary.
func bundled(t *testing.T) *served {
	t.Helper()
	repoOnce.Do(func() {
		repoSite, repoErr = buildSite(os.DirFS(repoRoot(t)))
	})
	if repoErr != nil {
		t.Fatal(repoErr)
	}
	return repoSite
}

// buildSite builds the site in src under basePath and serves it until the
// test binary exits.
func buildSite(src fs.FS) (*served, error) {
	res, err := site.Build(site.Options{Source: src, BaseURL: basePath})
	if err != nil {
		return nil, err
	}
	if res.Diags.HasErrors() {
		var b strings.Builder
		res.Diags.WriteText(&b)
		return nil, &buildError{b.String()}
	}
	files := map[string][]byte{}
	err = fs.WalkDir(res.Output, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files[name], err = fs.ReadFile(res.Output, name)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	return serve(files)
}

// serve serves files under basePath until the test binary exits.
func serve(files map[string][]byte) (*served, error) {
	s := &served{files: files}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	s.url = "http://" + ln.Addr().String() + basePath
	go http.Serve(ln, s) //nolint:errcheck // serves until the process ends
	return s, nil
}

type buildError struct{ msg string }

func (e *buildError) Error() string { return "build: " + e.msg }

// ServeHTTP serves the files under basePath, gzip-compressed when the
// client accepts it, and counts the bytes it sends.
func (s *served) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p, ok := strings.CutPrefix(r.URL.Path, basePath)
	if !ok {
		http.NotFound(w, r)
		return
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	status := http.StatusOK
	b, ok := s.files[p]
	if !ok {
		status, b, p = http.StatusNotFound, s.files["404.html"], "404.html"
	}
	w.Header().Set("Content-Type", mime.TypeByExtension(path.Ext(p)))
	w.Header().Set("Cache-Control", "no-store")
	cw := &countingWriter{w: w, n: &s.sent}
	if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		w.WriteHeader(status)
		cw.Write(b)
		return
	}
	w.Header().Set("Content-Encoding", "gzip")
	w.WriteHeader(status)
	gz := gzip.NewWriter(cw)
	gz.Write(b)
	gz.Close()
}

type countingWriter struct {
	w http.ResponseWriter
	n *atomic.Int64
}

func (c *countingWriter) Write(b []byte) (int, error) {
	c.n.Add(int64(len(b)))
	return c.w.Write(b)
}

// newBrowser starts a headless Chromium for one test, or skips (fails with
// DOSSIER_REQUIRE_BROWSER=1) when there is none.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	exe := findBrowser(t)
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe), chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	ctx, cancel := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx, focusEmulation()); err != nil {
		if os.Getenv(requireBrowser) == "1" {
			t.Fatalf("start %s: %v", exe, err)
		}
		t.Skipf("skipping browser test: %s does not start: %v", exe, err)
	}
	return ctx
}

// findBrowser returns the Chromium binary, or skips (fails with
// DOSSIER_REQUIRE_BROWSER=1) when there is none.
func findBrowser(t *testing.T) string {
	t.Helper()
	exe := findChromium()
	if exe == "" {
		if os.Getenv(requireBrowser) == "1" {
			t.Fatalf("no Chromium found ($DOSSIER_CHROMIUM, chromium, chromium-browser, google-chrome) and %s=1", requireBrowser)
		}
		t.Skipf("skipping browser test: no Chromium found (install the chromium package; %s=1 makes this a failure)", requireBrowser)
	}
	return exe
}

func findChromium() string {
	if p := os.Getenv("DOSSIER_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// do runs actions, failing the test on error.
func do(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) into T.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls a JavaScript predicate until it is truthy.
func waitFor(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	if _, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](expr, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("waiting for %s: %v", expr, err)
	}
}

// colorScheme emulates prefers-color-scheme: "light" or "dark".
func colorScheme(scheme string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: scheme}},
		})
		return err
	})
}

// focusEmulation makes the page behave as if its window had focus, so that
// focusing an element fires focus events in headless Chromium.
func focusEmulation() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
		return err
	})
}
