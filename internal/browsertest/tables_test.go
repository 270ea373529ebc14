package browsertest

import (
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
)

// TestTableColumnsAlign: a Markdown table's aligned columns are aligned in
// the browser, under the pages' Content-Security-Policy (which blocks the
// inline style goldmark writes by default), and a table wider than a phone
// scrolls inside the body instead of widening the page.
func TestTableColumnsAlign(t *testing.T) {
	s, err := buildSite(fstest.MapFS{
		"site.toml": {Data: []byte("title = \"Tables\"\n")},
		"content/articles/a.md": {Data: []byte("+++\ntitle = \"Counts\"\ndate = 2022-01-10\n+++\n\n" +
			"| Region | Detained | Source and the date of its report, a long column |\n|:--|--:|:-:|\n" +
			"| Almaty | 4,266 | Ministry of Internal Affairs, reported on 10 January 2022 in a briefing |\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	do(t, ctx, watchCSP(), chromedp.EmulateViewport(390, 844), chromedp.Navigate(s.url+"articles/a/"), chromedp.WaitReady(chromedp.CSS("body")))
	checkOwnResources(t, ctx, "article with a table")
	for cell, want := range map[string]string{"td:nth-child(1)": "left", "td:nth-child(2)": "right", "td:nth-child(3)": "center"} {
		if got := eval[string](t, ctx, `getComputedStyle(document.querySelector(".body `+cell+`")).textAlign`); got != want {
			t.Errorf("%s: text-align %q, want %q", cell, got, want)
		}
	}
	if wide := eval[bool](t, ctx, `document.documentElement.scrollWidth > innerWidth`); wide {
		t.Error("the table widens the page at 390 px")
	}
}
