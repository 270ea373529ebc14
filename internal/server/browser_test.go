package server

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/dossier-dev/dossier/internal/site"
)

// requireBrowser is the environment variable that turns a missing Chromium
// from a skip into a failure (CI sets it).
const requireBrowser = "DOSSIER_REQUIRE_BROWSER"

// newBrowser starts a headless Chromium for the test, or skips (fails when
// DOSSIER_REQUIRE_BROWSER=1) when none is installed.
func newBrowser(t *testing.T) context.Context {
	t.Helper()
	exe := findChromium()
	if exe == "" {
		if os.Getenv(requireBrowser) == "1" {
			t.Fatalf("no Chromium found (looked for $DOSSIER_CHROMIUM, chromium, chromium-browser, google-chrome) and %s=1", requireBrowser)
		}
		t.Skipf("skipping browser test: no Chromium found (install the chromium package; %s=1 makes this a failure)", requireBrowser)
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	ctx, cancel := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil { // starts the browser
		if os.Getenv(requireBrowser) == "1" {
			t.Fatalf("start %s: %v", exe, err)
		}
		t.Skipf("skipping browser test: %s does not start: %v", exe, err)
	}
	return ctx
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

// eval runs a JavaScript expression in the page.
func eval[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// waitFor polls until the expression is true in the page, through reloads
// (an evaluation cut short by a navigation is retried).
func waitFor(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	var err error
	for time.Now().Before(deadline) {
		var ok bool
		if ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool]("!!("+expr+")")); err == nil && ok {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("waiting for %s (%s): last error %v", what, expr, err)
}

// openPage navigates to url and waits until its reload script subscribed.
func (ts *testServer) openPage(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	for len(ts.subs) > 0 {
		<-ts.subs
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
	select {
	case <-ts.subs:
	case <-time.After(waitLimit):
		t.Fatalf("%s never opened its event stream", url)
	}
}

// subscribed waits until a page (re)opened its event stream.
func (ts *testServer) subscribed(t *testing.T) {
	t.Helper()
	select {
	case <-ts.subs:
	case <-time.After(waitLimit):
		t.Fatal("no page opened its event stream")
	}
}

const overlayText = `(document.getElementById("dossier-overlay")?.shadowRoot?.textContent || "")`

func TestBrowserLiveReload(t *testing.T) {
	ctx := newBrowser(t)
	dir := newSite(t)
	fb := newFakeBuilder(dir)
	fb.base = "/repo/"
	ts := startServer(t, dir, fb, Options{})
	ts.openPage(t, ctx, ts.url+"articles/first/")

	// Edit: the new text shows without a manual reload.
	eval[bool](t, ctx, `window.marker = true`)
	writeFile(t, dir, "content/articles/first.md", "The first article, now edited.\n")
	waitFor(t, ctx, "the edited text", `document.getElementById("text").textContent.includes("now edited")`)
	if eval[bool](t, ctx, `window.marker === true`) {
		t.Error("the page changed without a reload")
	}
	ts.subscribed(t) // the reloaded page listens again: a change now reaches it

	// A stylesheet change is swapped in without a reload.
	eval[bool](t, ctx, `window.marker = true`)
	writeFile(t, dir, "static/style.css", "#text { color: rgb(1, 2, 3); }\n")
	waitFor(t, ctx, "the new style", `getComputedStyle(document.getElementById("text")).color === "rgb(1, 2, 3)"`)
	if !eval[bool](t, ctx, `window.marker === true`) {
		t.Error("a stylesheet-only change reloaded the page")
	}

	// Broken content: the overlay shows the file and line, over the last good page.
	writeFile(t, dir, "content/articles/first.md", "+++\ntitle = BROKEN\n+++\nThe first article, now edited.\n")
	waitFor(t, ctx, "the overlay", overlayText+`.includes("content/articles/first.md:2:9")`)
	text := eval[string](t, ctx, overlayText)
	for _, want := range []string{"the file is broken", `remove "BROKEN"`, "title = BROKEN"} {
		if !strings.Contains(text, want) {
			t.Errorf("overlay lacks %q:\n%s", want, text)
		}
	}
	if role := eval[string](t, ctx, `document.getElementById("dossier-overlay").shadowRoot.querySelector(".panel").getAttribute("role")`); role != "alertdialog" {
		t.Errorf("overlay role %q", role)
	}
	waitFor(t, ctx, "focus on the overlay's close button", closeFocused)
	if !eval[bool](t, ctx, `document.getElementById("text").textContent.includes("now edited")`) {
		t.Error("the last good page is gone under the overlay")
	}

	// Fixed: the overlay goes by itself.
	writeFile(t, dir, "content/articles/first.md", "The first article, fixed.\n")
	waitFor(t, ctx, "the fixed text", `document.getElementById("text").textContent.includes("fixed")`)
	waitFor(t, ctx, "the overlay to go", `!document.getElementById("dossier-overlay")`)
}

// The same round trip on the bundled dossier, built by the real builder and
// served under a project sub-path as on GitHub Pages.
func TestBrowserRealBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	ctx := newBrowser(t)
	watchCSP(t, ctx)
	dir := copyBundledSite(t)
	opts := servedOptions(dir)
	opts.BaseURL = "https://example.github.io/repo/"
	ts := startServer(t, dir, site.New(opts), Options{})
	if !strings.HasSuffix(ts.url, "/repo/") {
		t.Fatalf("served at %s, want the base path /repo/", ts.url)
	}
	const slug = "china-led-central-asian-alliance-to-intervene-in-kazakhstan"
	file := "content/articles/" + slug + ".md"
	orig, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	ts.openPage(t, ctx, ts.url+"articles/"+slug+"/")

	edited := string(orig) + "\nA paragraph added by the browser test.\n"
	writeFile(t, dir, file, edited)
	waitFor(t, ctx, "the added paragraph", `document.body.textContent.includes("added by the browser test")`)

	broken := strings.Replace(edited, "date    = 2022-01-10", `date    = "2022-01-10`, 1)
	if broken == edited {
		t.Fatal("the article's date line changed; update the test")
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page to load", `document.readyState === "complete"`)
	before := eval[float64](t, ctx, `window.scrollTo(0, 600), scrollY`)
	writeFile(t, dir, file, broken)
	waitFor(t, ctx, "the overlay", overlayText+`.includes("`+file+`:3:")`)
	waitFor(t, ctx, "the overlay's styles", overlayShown)
	waitFor(t, ctx, "focus in the overlay", closeFocused)
	checkFixedOverlay(t, ctx)
	if y := eval[float64](t, ctx, `scrollY`); y != before {
		t.Errorf("the overlay scrolled the article from %v to %v", before, y)
	}
	noViolations(t, ctx, "the article under the site's policy")

	// The fix changes the page: it reloads where the editor was.
	eval[bool](t, ctx, `window.marker = true`)
	fixed := edited + "\nAnd a second one.\n"
	writeFile(t, dir, file, fixed)
	waitFor(t, ctx, "the reloaded page", `!window.marker && document.readyState === "complete" && document.body.textContent.includes("And a second one")`)
	waitFor(t, ctx, "the scroll position back", fmt.Sprintf(`Math.abs(scrollY - %v) <= 10`, before))
	if eval[bool](t, ctx, `!!document.getElementById("dossier-overlay")`) {
		t.Error("the overlay is still there after the fix")
	}
	noViolations(t, ctx, "the reloaded article")
}

// After `dossier serve` restarts (here: on the same port, with a file edited
// while it was down), an open page reconnects by itself and reloads.
func TestBrowserReconnectsAfterRestart(t *testing.T) {
	ctx := newBrowser(t)
	dir := newSite(t)
	first := startServer(t, dir, newFakeBuilder(dir), Options{})
	port := portOf(t, first.url)
	first.openPage(t, ctx, first.url+"articles/first/")
	first.stop()

	writeFile(t, dir, "content/articles/first.md", "Edited while the server was down.\n")
	second := startServer(t, dir, newFakeBuilder(dir), Options{Port: port})
	waitFor(t, ctx, "the page to reload from the new server", `document.getElementById("text").textContent.includes("while the server was down")`)
	select {
	case <-second.subs:
	case <-time.After(waitLimit):
		t.Fatal("the reloaded page did not reconnect")
	}
}

func portOf(t *testing.T, siteURL string) int {
	t.Helper()
	u, err := url.Parse(siteURL)
	if err != nil {
		t.Fatal(err)
	}
	port, err := strconv.Atoi(u.Port())
	if err != nil {
		t.Fatal(err)
	}
	return port
}

// Behind a reverse proxy on another port that mounts the site under another
// path, the page still finds its script and event stream (both relative to
// the page) and reloads on a change.
func TestBrowserBehindProxy(t *testing.T) {
	ctx := newBrowser(t)
	dir := newSite(t)
	fb := newFakeBuilder(dir)
	fb.base = "/repo/"
	ts := startServer(t, dir, fb, Options{})
	target, err := url.Parse(ts.url)
	if err != nil {
		t.Fatal(err)
	}
	proxy := &httputil.ReverseProxy{Rewrite: func(r *httputil.ProxyRequest) {
		r.Out.URL.Scheme, r.Out.URL.Host = target.Scheme, target.Host
		r.Out.URL.Path = "/repo/" + strings.TrimPrefix(r.In.URL.Path, "/preview/")
		r.Out.URL.RawPath = ""
	}}
	front := httptest.NewServer(proxy)
	t.Cleanup(func() { ts.stop(); front.Close() }) // the server ends the proxied streams first
	ts.openPage(t, ctx, front.URL+"/preview/articles/first/")
	writeFile(t, dir, "content/articles/first.md", "Edited behind the proxy.\n")
	waitFor(t, ctx, "the edited text through the proxy", `document.getElementById("text").textContent.includes("behind the proxy")`)
	if got := eval[string](t, ctx, `location.pathname`); got != "/preview/articles/first/" {
		t.Errorf("the page left the proxy: %s", got)
	}
}
