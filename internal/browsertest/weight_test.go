package browsertest

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/chromedp/chromedp"
	"github.com/dossier-dev/dossier/internal/benchcorpus"
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

// TestSearchDownloadOnLargeDossier builds a generated 1,000-article dossier and
// measures what the browser downloads (gzip-compressed) for its first search.
func TestSearchDownloadOnLargeDossier(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000-article dossier; skipped with -short")
	}
	ctx := newBrowser(t)
	dir := t.TempDir()
	c := benchcorpus.Generate(benchcorpus.Options{Articles: 1000, Seed: 1})
	if err := c.WriteDossier(dir); err != nil {
		t.Fatal(err)
	}
	s, err := buildSite(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
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
	// Everything counts: the page, its CSS and JS, the manifest, the shards, the documents.
	s.sent.Store(0)
	do(t, ctx, chromedp.Navigate(s.url+"search/"), chromedp.WaitReady(chromedp.CSS("#search-q")))
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#search-q"), word+" the"))
	waitFor(t, ctx, `/result/.test(document.getElementById("search-status").textContent) && document.querySelectorAll("#search-results li").length > 0`)
	waitFor(t, ctx, `document.querySelectorAll("#search-results li").length >= Math.min(20, parseInt(document.getElementById("search-status").textContent))`)
	sent := s.sent.Load()
	t.Logf("1,000 articles: search index %d B uncompressed in all; loading the search page and a first search for %q downloaded %d B compressed", index, word+" the", sent)
	if sent > 300*1024 {
		t.Errorf("first search downloaded %d B, over 300 kB", sent)
	}
}
