package browsertest

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
)

var updateScreenshots = flag.Bool("update-screenshots", false, "rewrite docs/screenshots/*.png")

// TestScreenshots writes the README's screenshots: the home, article, actor,
// claim and search pages, 390 and 1280 pixels wide (the first screen of
// each), and the article page in the dark scheme at both widths.
func TestScreenshots(t *testing.T) {
	if !*updateScreenshots {
		t.Skip("screenshots are written only with -update-screenshots")
	}
	s := bundled(t)
	ctx := newBrowser(t)
	dir := filepath.Join(repoRoot(t), "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	shots := []struct{ name, path, ready string }{
		{"home", "", ""},
		{"article", article, ""},
		{"actor", "actors/zhang-ming/", ""},
		{"claim", "claims/sco-formed-by-china/", ""},
		{"search", "search/?q=sco", `document.querySelectorAll("#search-results li").length > 0 && !document.getElementById("search-facets").hidden`},
	}
	for _, w := range []struct {
		width, height int64
		scheme        string
	}{{390, 844, "light"}, {390, 844, "dark"}, {1280, 900, "light"}, {1280, 900, "dark"}} {
		for _, sh := range shots {
			if w.scheme == "dark" && sh.name != "article" {
				continue
			}
			do(t, ctx, chromedp.EmulateViewport(w.width, w.height), colorScheme(w.scheme),
				chromedp.Navigate(s.url+sh.path), chromedp.WaitReady(chromedp.CSS("body")))
			if sh.ready != "" {
				waitFor(t, ctx, sh.ready)
			}
			png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			name := sh.name + "-" + strconv.FormatInt(w.width, 10)
			if w.scheme == "dark" {
				name += "-dark"
			}
			if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("wrote docs/screenshots/%s.png", name)
		}
	}
}
