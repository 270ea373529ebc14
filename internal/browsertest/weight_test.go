package browsertest

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/chromedp/chromedp"
	"github.com/dossier-dev/dossier/internal/benchcorpus"
	"github.com/dossier-dev/dossier/internal/site"
)

// maxPageWeight is the budget for an article page's own HTML, CSS and JS,
// without the article's text.
const maxPageWeight = 60_000

// textBytes counts the bytes of the text nodes inside the element named tag:
// the page's text, as opposed to its markup.
func textBytes(t *testing.T, page []byte, tag string) int {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	var walk func(*html.Node, bool)
	walk = func(x *html.Node, in bool) {
		if x.Type == html.ElementNode && x.Data == tag {
			in = true
		}
		if in && x.Type == html.TextNode {
			n += len(x.Data)
		}
		for c := x.FirstChild; c != nil; c = c.NextSibling {
			walk(c, in)
		}
	}
	walk(doc, false)
	return n
}

func TestArticleWeight(t *testing.T) {
	s := bundled(t)
	page := s.files[article+"index.html"]
	text := textBytes(t, page, "main")
	own := len(page) - text
	css, js := len(s.files["style.css"]), len(s.files["dossier.js"])
	if bytes.Contains(page, []byte(`/code.css"`)) { // only pages with code link it
		css += len(s.files["code.css"])
	}
	if bytes.Contains(page, []byte("search.js")) {
		t.Error("the article page loads search.js")
	}
	total := own + css + js
	t.Logf("article page: HTML %d B (%d B of it text in <main>), CSS %d B, JS %d B: %d B without the text", len(page), text, css, js, total)
	if total > maxPageWeight {
		t.Errorf("article page weighs %d B without its text, over the %d B budget", total, maxPageWeight)
	}
}

// TestSearchDownloadOnLargeDossier builds a generated 1,000-article dossier
// (10,000 with DOSSIER_LARGE=1, written to disk as `dossier build` does)
// and measures what the browser downloads (gzip-compressed) for its first
// search: the page, its CSS and JS, the manifest, the shards, the records.
func TestSearchDownloadOnLargeDossier(t *testing.T) {
	c, s, n := largeDossier(t)
	index := 0
	for p, b := range s.files {
		if strings.HasPrefix(p, "search/") && strings.HasSuffix(p, ".json") {
			index += len(b)
		}
	}
	word := c.Articles[0].Title
	if f := strings.Fields(word); len(f) > 0 {
		word = f[0]
	}
	ctx := newBrowser(t) // after the build, which takes minutes at 10,000 articles
	s.sent.Store(0)
	do(t, ctx, chromedp.Navigate(s.url+"search/"), chromedp.WaitReady(chromedp.CSS("#search-q")))
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#search-q"), word+" the"))
	waitFor(t, ctx, `/result/.test(document.getElementById("search-status").textContent) && document.querySelectorAll("#search-results li").length > 0`)
	waitFor(t, ctx, `document.querySelectorAll("#search-results li").length >= Math.min(20, parseInt(document.getElementById("search-status").textContent))`)
	sent := s.sent.Load()
	t.Logf("%d articles: search index %d B uncompressed in all; loading the search page and a first search for %q downloaded %d B compressed", n, index, word+" the", sent)
	if sent > 300*1024 {
		t.Errorf("first search downloaded %d B, over 300 kB", sent)
	}
}

// TestClaimsFilterDownloadOnLargeDossier builds a generated 1,000-article
// dossier (10,000 with DOSSIER_LARGE=1) and measures what the browser
// downloads (gzip-compressed) for the claims filter's first result by
// actor, the filter that needs the most files: the claims page, its CSS
// and JS, the manifest, search/f/a.json, search/f/c.json and the records of
// the first 50 matches.
func TestClaimsFilterDownloadOnLargeDossier(t *testing.T) {
	c, s, n := largeDossier(t)
	actor := c.Articles[0].Actors[0]
	ctx := newBrowser(t)
	s.sent.Store(0)
	do(t, ctx, chromedp.Navigate(s.url+"claims/"))
	waitFor(t, ctx, `(e => e && e.textContent !== "")(document.querySelector(".filter-status"))`)
	eval[bool](t, ctx, `(() => { const s = document.getElementById("filter-actor"); s.value = "`+actor+`"; s.dispatchEvent(new Event("change")); return s.value === "`+actor+`" })()`)
	waitFor(t, ctx, `location.search === "?actor=`+actor+`"`)
	waitFor(t, ctx, `(m => m && parseInt(m[1]) > 0 && document.querySelectorAll("#claim-list .claim-item").length === Math.min(50, parseInt(m[1])))(/^(\d+) of/.exec(document.querySelector(".filter-status").textContent))`)
	sent := s.sent.Load()
	status := eval[string](t, ctx, `document.querySelector(".filter-status").textContent`)
	t.Logf("%d articles: loading /claims/ and filtering by actor %s (%s) downloaded %d B compressed", n, actor, status, sent)
	if sent > 500*1024 {
		t.Errorf("the claims filter's first result downloaded %d B, over 500 kB", sent)
	}
}

// largeDossier generates a dossier of 1,000 articles (10,000 with
// DOSSIER_LARGE=1), builds it with largeSite and returns the corpus, the
// site and the number of articles. It skips with -short.
func largeDossier(t *testing.T) (*benchcorpus.Corpus, *served, int) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a 1,000-article dossier; skipped with -short")
	}
	n := 1000
	if os.Getenv("DOSSIER_LARGE") == "1" {
		n = 10000
	}
	findBrowser(t)
	dir := t.TempDir()
	c := benchcorpus.Generate(benchcorpus.Options{Articles: n, Seed: 1})
	if err := c.WriteDossier(dir); err != nil {
		t.Fatal(err)
	}
	s, err := largeSite(t, dir, n)
	if err != nil {
		t.Fatal(err)
	}
	return c, s, n
}

// largeSite builds the dossier in dir: in memory at 1,000 articles; at
// more, written to disk by site.Publish (the in-memory site would not
// fit), then only the search and claims pages, the static files and the
// index are read back to be served.
func largeSite(t *testing.T, dir string, n int) (*served, error) {
	if n <= 1000 {
		return buildSite(os.DirFS(dir))
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := site.Publish(site.Options{Source: os.DirFS(dir), BaseURL: basePath}, out, dir)
	if err != nil {
		return nil, err
	}
	if res.Diags.HasErrors() {
		return nil, &buildError{"diagnostics"}
	}
	files := map[string][]byte{}
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if strings.HasSuffix(rel, ".html") && rel != "search/index.html" && rel != "claims/index.html" && rel != "404.html" {
			return nil
		}
		b, err := os.ReadFile(p)
		files[rel] = b
		return err
	})
	if err != nil {
		return nil, err
	}
	return serve(files)
}
