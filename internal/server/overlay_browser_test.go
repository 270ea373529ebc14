package server

import (
	"context"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/dossier-dev/dossier/internal/site"
)

// watchCSP records, in window.__csp on every document the tab loads, what
// the page's Content-Security-Policy blocked.
func watchCSP(t *testing.T, ctx context.Context) {
	t.Helper()
	err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber));`,
		})
		return err
	}))
	if err != nil {
		t.Fatal(err)
	}
}

// noViolations fails when the page's policy blocked anything so far.
func noViolations(t *testing.T, ctx context.Context, when string) {
	t.Helper()
	if v := eval[[]string](t, ctx, `window.__csp || ["the violation listener is missing"]`); len(v) > 0 {
		t.Errorf("%s: Content-Security-Policy violations: %q", when, v)
	}
}

// JavaScript expressions about the overlay and the badge.
const (
	overlayHost  = `document.getElementById("dossier-overlay")`
	overlayShown = `(h => h && !h.hidden && h.shadowRoot.querySelector(".panel"))(` + overlayHost + `)`
	badgeHost    = `document.getElementById("dossier-badge")`
	badgeText    = `((h => h && !h.hidden ? h.shadowRoot.textContent : "")(` + badgeHost + `))`
	closeFocused = `(h => h && h.shadowRoot.activeElement && h.shadowRoot.activeElement.hasAttribute("data-close"))(` + overlayHost + `)`
)

// longPage is an article long enough to scroll, with a button in its middle.
func longPage(extra string) string {
	var b strings.Builder
	for i := range 120 {
		fmt.Fprintf(&b, "<p>Paragraph %d of a long article.</p>\n", i)
		if i == 40 {
			b.WriteString(`<p><button id="mid" type="button">A control in the middle</button></p>` + "\n")
		}
	}
	return b.String() + extra
}

// checkFixedOverlay checks that the overlay's stylesheet applied: the box is
// fixed over the whole viewport and the panel is styled.
func checkFixedOverlay(t *testing.T, ctx context.Context) {
	t.Helper()
	box := eval[map[string]any](t, ctx, `(() => {
		const h = `+overlayHost+`, r = h.getBoundingClientRect(), p = h.shadowRoot.querySelector(".panel");
		return {position: getComputedStyle(h).position, top: r.top, left: r.left, width: r.width, height: r.height,
			vw: innerWidth, vh: innerHeight, panel: getComputedStyle(p).position, overflow: getComputedStyle(p).overflowY};
	})()`)
	if box["position"] != "fixed" {
		t.Errorf("overlay position %v, want fixed", box["position"])
	}
	if box["top"] != 0.0 || box["left"] != 0.0 || box["width"].(float64) < box["vw"].(float64) || box["height"].(float64) < box["vh"].(float64) {
		t.Errorf("overlay does not cover the viewport: %v", box)
	}
	if box["panel"] != "absolute" || box["overflow"] != "auto" {
		t.Errorf("overlay panel unstyled: %v", box)
	}
}

// The overlay on a page that carries the site's policy: fixed over the page,
// focused without scrolling, dismissed by Escape and by its button with
// focus given back, reopened from the badge; the fix reloads the page at
// the same place, with the same focus; the policy blocks nothing.
func TestBrowserOverlayUnderPolicy(t *testing.T) {
	ctx := newBrowser(t)
	watchCSP(t, ctx)
	dir := newSite(t)
	writeFile(t, dir, "content/articles/first.md", longPage(""))
	ts := startServer(t, dir, newFakeBuilder(dir), Options{})
	ts.openPage(t, ctx, ts.url+"articles/first/")
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 800)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the page to load", `document.readyState === "complete"`)
	eval[bool](t, ctx, `window.scrollTo(0, 600), document.getElementById("mid").focus({preventScroll: true}), true`)
	before := eval[float64](t, ctx, `scrollY`)
	if before < 500 {
		t.Fatalf("the page did not scroll (scrollY %v)", before)
	}

	writeFile(t, dir, "content/articles/first.md", longPage("BROKEN\n"))
	waitFor(t, ctx, "the overlay", overlayShown)
	waitFor(t, ctx, "focus in the overlay", closeFocused)
	checkFixedOverlay(t, ctx)
	if y := eval[float64](t, ctx, `scrollY`); y != before {
		t.Errorf("opening the overlay scrolled the page from %v to %v", before, y)
	}
	if text := eval[string](t, ctx, overlayText); !strings.Contains(text, "Showing the last good build") || !strings.Contains(text, "content/articles/first.md:") {
		t.Errorf("overlay text: %s", text)
	}

	// Escape closes it, focus goes back, and the badge can reopen it.
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.Escape)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, ctx, "the overlay to close on Escape", `!`+overlayHost)
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "mid" {
		t.Errorf("after Escape, focus is on %q, want #mid", id)
	}
	waitFor(t, ctx, "the failure badge", badgeText+`.includes("Build failed")`)
	eval[bool](t, ctx, badgeHost+`.shadowRoot.querySelector("[data-open]").click(), true`)
	waitFor(t, ctx, "the overlay again", overlayShown)
	waitFor(t, ctx, "focus in the reopened overlay", closeFocused)

	// The close button closes it too.
	eval[bool](t, ctx, overlayHost+`.shadowRoot.querySelector("[data-close]").click(), true`)
	waitFor(t, ctx, "the overlay to close on its button", `!`+overlayHost)
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "mid" {
		t.Errorf("after the close button, focus is on %q, want #mid", id)
	}
	if y := eval[float64](t, ctx, `scrollY`); y != before {
		t.Errorf("closing the overlay scrolled the page from %v to %v", before, y)
	}
	noViolations(t, ctx, "with the overlay")

	// Broken again, then fixed while the overlay is open: the page reloads
	// where the editor was.
	writeFile(t, dir, "content/articles/first.md", longPage("BROKEN again\n"))
	waitFor(t, ctx, "the overlay", overlayShown)
	eval[bool](t, ctx, `window.marker = true`)
	writeFile(t, dir, "content/articles/first.md", longPage("<p id=fixed>Fixed.</p>\n"))
	waitFor(t, ctx, "the reloaded page", `document.getElementById("fixed") && !window.marker && document.readyState === "complete"`)
	waitFor(t, ctx, "the scroll position back", fmt.Sprintf(`Math.abs(scrollY - %v) <= 10`, before))
	if y := eval[float64](t, ctx, `scrollY`); math.Abs(y-before) > 10 {
		t.Errorf("after the reload scrollY is %v, want %v", y, before)
	}
	if id := eval[string](t, ctx, `document.activeElement.id`); id != "mid" {
		t.Errorf("after the reload, focus is on %q, want #mid", id)
	}
	if eval[bool](t, ctx, `!!`+overlayHost) {
		t.Error("the overlay is still there after the fix")
	}
	noViolations(t, ctx, "after the reload")
}

// When the very first build fails, the overlay says there is no build yet,
// on a page that carries the same policy.
func TestBrowserOverlayFirstBuild(t *testing.T) {
	ctx := newBrowser(t)
	watchCSP(t, ctx)
	dir := newSite(t)
	writeFile(t, dir, "content/articles/first.md", "title = BROKEN\n")
	ts := startServer(t, dir, newFakeBuilder(dir), Options{})
	ts.openPage(t, ctx, ts.url+"articles/first/")
	waitFor(t, ctx, "the overlay", overlayShown)
	checkFixedOverlay(t, ctx)
	text := eval[string](t, ctx, overlayText)
	if !strings.Contains(text, "No build yet") || strings.Contains(text, "last good build") {
		t.Errorf("first failed build: overlay says\n%s", text)
	}
	noViolations(t, ctx, "pending page")

	writeFile(t, dir, "content/articles/first.md", "Fixed at last.\n")
	waitFor(t, ctx, "the page", `document.getElementById("text") && document.getElementById("text").textContent.includes("Fixed at last")`)
	noViolations(t, ctx, "first good page")
}

// Warnings are listed, collapsed, in a corner badge; notes are not shown.
func TestBrowserWarningsBadge(t *testing.T) {
	ctx := newBrowser(t)
	watchCSP(t, ctx)
	dir := newSite(t)
	ts := startServer(t, dir, newFakeBuilder(dir), Options{})
	ts.openPage(t, ctx, ts.url+"articles/first/")
	if eval[bool](t, ctx, `!!`+badgeHost) {
		t.Error("a badge without warnings")
	}
	writeFile(t, dir, "content/actors/zhang.md", "WARN and NOTE\n")
	waitFor(t, ctx, "the badge", badgeText+`.includes("1 warning")`)
	box := eval[map[string]any](t, ctx, `(() => {
		const h = `+badgeHost+`, r = h.getBoundingClientRect(), d = h.shadowRoot.querySelector("details");
		return {position: getComputedStyle(h).position, right: innerWidth - r.right, bottom: innerHeight - r.bottom, open: d.open,
			listShown: d.querySelector(".list").checkVisibility()};
	})()`)
	if box["position"] != "fixed" || box["right"].(float64) < 0 || box["bottom"].(float64) < 0 || box["right"].(float64) > 40 || box["bottom"].(float64) > 40 {
		t.Errorf("badge not fixed in the corner: %v", box)
	}
	if box["open"] != false || box["listShown"] != false {
		t.Errorf("badge not collapsed: %v", box)
	}
	eval[bool](t, ctx, badgeHost+`.shadowRoot.querySelector("summary").click(), true`)
	text := eval[string](t, ctx, badgeText)
	if !strings.Contains(text, "content/actors/zhang.md:1: warning: the file has a warning") || strings.Contains(text, "note") {
		t.Errorf("badge text:\n%s", text)
	}
	if !eval[bool](t, ctx, badgeHost+`.shadowRoot.querySelector("details").open`) {
		t.Error("the badge does not open")
	}
	writeFile(t, dir, "content/actors/zhang.md", "Clean again, but NOTE\n")
	waitFor(t, ctx, "the badge to go", `!`+badgeHost)
	noViolations(t, ctx, "badge")
}

var updateScreenshots = flag.Bool("update-screenshots", false, "rewrite docs/screenshots/overlay-*.png")

// TestOverlayScreenshots writes docs/screenshots/overlay-1280.png and
// overlay-390.png: the overlay over an article of the bundled dossier whose
// front matter has a syntax error.
func TestOverlayScreenshots(t *testing.T) {
	if !*updateScreenshots {
		t.Skip("screenshots are written only with -update-screenshots")
	}
	ctx := newBrowser(t)
	dir := copyBundledSite(t)
	ts := startServer(t, dir, site.New(servedOptions(dir)), Options{})
	const slug = "china-led-central-asian-alliance-to-intervene-in-kazakhstan"
	file := "content/articles/" + slug + ".md"
	orig, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join("..", "..", "docs", "screenshots")
	for _, w := range []int64{1280, 390} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, map[int64]int64{1280: 900, 390: 844}[w])); err != nil {
			t.Fatal(err)
		}
		writeFile(t, dir, file, string(orig))
		ts.openPage(t, ctx, ts.url+"articles/"+slug+"/")
		writeFile(t, dir, file, strings.Replace(string(orig), "date    = 2022-01-10", `date    = "2022-01-10`, 1))
		waitFor(t, ctx, "the overlay", overlayShown)
		waitFor(t, ctx, "focus in the overlay", closeFocused)
		png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
		if err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(out, fmt.Sprintf("overlay-%d.png", w))
		if err := os.WriteFile(name, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", name)
	}
}

// The overlay and the badge pass axe-core's WCAG 2.1 A and AA rules (only
// their own nodes are judged: the test pages are bare).
func TestBrowserOverlayAxe(t *testing.T) {
	src, err := os.ReadFile("../browsertest/testdata/axe.min.js")
	if err != nil {
		t.Skipf("no axe-core: %v", err)
	}
	ctx := newBrowser(t)
	dir := newSite(t)
	writeFile(t, dir, "content/actors/zhang.md", "A WARN\n")
	ts := startServer(t, dir, newFakeBuilder(dir), Options{})
	ts.openPage(t, ctx, ts.url+"articles/first/")
	waitFor(t, ctx, "the badge", badgeText+`.includes("1 warning")`)
	eval[bool](t, ctx, badgeHost+`.shadowRoot.querySelector("summary").click(), true`)
	axeOwn(t, ctx, string(src), "badge")
	writeFile(t, dir, "content/articles/first.md", "+++\ntitle = BROKEN\n+++\n")
	waitFor(t, ctx, "the overlay", overlayShown)
	axeOwn(t, ctx, string(src), "overlay")
}

// axeOwn runs axe-core and reports the violations on the server's own nodes.
func axeOwn(t *testing.T, ctx context.Context, src, name string) {
	t.Helper()
	if !eval[bool](t, ctx, `typeof axe !== "undefined"`) {
		eval[bool](t, ctx, src+"\n;true")
	}
	out, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
		.then(r => r.violations.flatMap(v => v.nodes.filter(n => JSON.stringify(n.target).includes("dossier-"))
			.map(n => v.id + ": " + JSON.stringify(n.target) + " " + (n.failureSummary || "").replace(/\s+/g, " "))))`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("axe: %v", err)
	}
	for _, v := range out {
		t.Errorf("%s: %s", name, v)
	}
}
