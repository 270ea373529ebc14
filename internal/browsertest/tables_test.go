package browsertest

import (
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
)

// TestTableColumnsAlign: a Markdown table's aligned columns are aligned in
// the browser, under the pages' Content-Security-Policy (which blocks the
// inline style goldmark writes by default), and a table wider than a phone
// scrolls in its box instead of widening the page, while the table keeps
// the display of a table (which screen readers read as one). The same
// holds in a claim's explanation, outside the article's body.
func TestTableColumnsAlign(t *testing.T) {
	s, err := buildSite(fstest.MapFS{
		"site.toml": {Data: []byte("title = \"Tables\"\n")},
		"content/articles/a.md": {Data: []byte("+++\ntitle = \"Counts\"\ndate = 2022-01-10\n\n" +
			"[[claims]]\nid = \"c\"\ntext = \"Detained in January\"\nstatus = \"true\"\nchecked = 2022-02-01\n" +
			"explanation = \"\"\"\n" + wideTable + "\"\"\"\n" +
			"+++\n\nDetained in January.\n\n" + wideTable)},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	for _, page := range []string{"articles/a/", "claims/c/"} {
		do(t, ctx, watchCSP(), chromedp.EmulateViewport(390, 844), chromedp.Navigate(s.url+page), chromedp.WaitReady(chromedp.CSS("body")))
		checkOwnResources(t, ctx, page)
		for cell, want := range map[string]string{"td:nth-child(1)": "left", "td:nth-child(2)": "right", "td:nth-child(3)": "center"} {
			if got := eval[string](t, ctx, `getComputedStyle(document.querySelector("main `+cell+`")).textAlign`); got != want {
				t.Errorf("%s %s: text-align %q, want %q", page, cell, got, want)
			}
		}
		if got := eval[string](t, ctx, `getComputedStyle(document.querySelector("main table")).display`); got != "table" {
			t.Errorf("%s: the table's display is %q, want table", page, got)
		}
		if scrolls := eval[bool](t, ctx, `(b => b.scrollWidth > b.clientWidth && getComputedStyle(b).overflowX == "auto")(document.querySelector("main .table-scroll"))`); !scrolls {
			t.Errorf("%s: the table's box does not scroll at 390 px", page)
		}
		if wide := eval[bool](t, ctx, `document.documentElement.scrollWidth > innerWidth`); wide {
			t.Errorf("%s: the table widens the page at 390 px", page)
		}
	}
}

// wideTable is a Markdown table wider than a phone (an address does not
// wrap), one column of each alignment.
const wideTable = "| Region | Detained | Source and the date of its report, a long column |\n|:--|--:|:-:|\n" +
	"| Almaty | 4,266 | Ministry of Internal Affairs, reported in a briefing: mia.gov.kz/briefings/2022-01-10-detentions-by-region |\n"
