package browsertest

import (
	"context"
	"encoding/json"
	"os"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// pageTypes lists one page of each kind of the bundled dossier, with a
// JavaScript predicate that is true once the page's scripts have run.
func pageTypes(s *served) []struct{ name, path, ready string } {
	event := ""
	for p := range s.files {
		if strings.HasPrefix(p, "events/") && strings.HasSuffix(p, "/index.html") && (event == "" || p < event) {
			event = strings.TrimSuffix(p, "index.html")
		}
	}
	return []struct{ name, path, ready string }{
		{"home", "", ""},
		{"article", article, ""},
		{"actor", "actors/zhang-ming/", ""},
		{"organization", "organizations/sco/", ""},
		{"claim", "claims/sco-formed-by-china/", ""},
		{"claim with an update", "claims/compressed-gas-prices/", ""},
		{"quote", "quotes/rats-corresponding-request/", ""},
		{"event", event, ""},
		{"articles", "articles/", ""},
		{"actors", "actors/", ""},
		{"organizations", "organizations/", ""},
		{"quotes", "quotes/", ""},
		{"claims", "claims/", `document.getElementById("filter-verdict")`},
		{"verdict", "claims/false/", ""},
		{"timeline", "timeline/", ""},
		{"methodology", "methodology/", ""},
		{"tags", "tags/", ""},
		{"tag", "tags/sco/", ""},
		{"corrections", "corrections/", ""},
		{"events", "events/", ""},
		{"search", "search/?q=kazakhstan", `document.querySelectorAll("#search-results li").length > 0 && !document.getElementById("search-facets").hidden`},
		{"notfound", "no-such-page/", ""},
	}
}

// axeViolation is the part of an axe-core result the test reports.
type axeViolation struct {
	ID    string   `json:"id"`
	Help  string   `json:"help"`
	Nodes []string `json:"nodes"`
}

const runAxe = `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
  .then(r => JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " — " + (n.failureSummary || "").replace(/\s+/g, " "))}))))`

// TestAxe runs axe-core's WCAG 2.1 A and AA rules on every page type in the
// light and the dark colour scheme, and on an article with a preview card open.
func TestAxe(t *testing.T) {
	s := bundled(t)
	src, err := os.ReadFile("testdata/axe.min.js")
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	do(t, ctx, watchCSP())
	for _, scheme := range []string{"light", "dark"} {
		for _, p := range pageTypes(s) {
			do(t, ctx, colorScheme(scheme), chromedp.Navigate(s.url+p.path), chromedp.WaitReady(chromedp.CSS("body")))
			if p.ready != "" {
				waitFor(t, ctx, p.ready)
			}
			checkAxe(t, ctx, string(src), scheme+" "+p.name)
			if scheme == "light" {
				checkOwnResources(t, ctx, p.name)
			}
		}
		do(t, ctx, chromedp.Navigate(s.url+article), chromedp.WaitReady(chromedp.CSS("body")),
			chromedp.Focus(chromedp.CSS(`a.badge-claim`)))
		waitFor(t, ctx, `(c => c && !c.hidden)(document.getElementById("dossier-card"))`)
		checkAxe(t, ctx, string(src), scheme+" article with card")
	}
}

func checkAxe(t *testing.T, ctx context.Context, src, name string) {
	t.Helper()
	if !eval[bool](t, ctx, `typeof axe !== "undefined"`) {
		eval[chromedp.Void](t, ctx, src+"\n;undefined")
	}
	out := eval[string](t, ctx, runAxe)
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	for _, v := range vs {
		t.Errorf("%s: %s (%s)\n\t%s", name, v.ID, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
	if len(vs) == 0 {
		t.Logf("%s: 0 violations", name)
	}
}

// TestKeyboardReachesEveryControl tabs through the search page and the claims
// index and checks that each form control gets focus.
func TestKeyboardReachesEveryControl(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	for _, p := range []struct{ path, ready, controls string }{
		{"claims/", `document.getElementById("filter-verdict")`, `#filter-verdict, #filter-claimant`},
		{"search/?q=sco", `!document.getElementById("search-facets").hidden && document.querySelectorAll("#search-results li").length`, `#search-q, #search-facets input, #search-facets select`},
	} {
		do(t, ctx, chromedp.Navigate(s.url+p.path))
		waitFor(t, ctx, p.ready)
		want := eval[[]string](t, ctx, `Array.from(document.querySelectorAll(`+jsString(p.controls)+`)).map(e => e.id)`)
		var seen []string
		for range 200 {
			do(t, ctx, chromedp.KeyEvent("\t"))
			id := eval[string](t, ctx, `document.activeElement.id || ""`)
			if id != "" && !slices.Contains(seen, id) {
				seen = append(seen, id)
			}
		}
		for _, id := range want {
			if !slices.Contains(seen, id) {
				t.Errorf("%s: #%s is never focused by Tab", path.Clean(p.path), id)
			}
		}
	}
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// watchCSP records, on every page the tab loads, what the Content-Security-Policy
// blocks (an inline style or script, a request to another host).
func watchCSP() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `window.__csp = []; document.addEventListener("securitypolicyviolation", e => window.__csp.push(e.violatedDirective + " " + e.blockedURI + " " + e.sourceFile + ":" + e.lineNumber));`,
		})
		return err
	})
}

// checkOwnResources fails when the page broke its CSP or loaded anything
// from another origin: no third-party fonts, scripts, images or analytics.
func checkOwnResources(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	for _, v := range eval[[]string](t, ctx, `window.__csp || ["CSP watcher not installed"]`) {
		t.Errorf("%s: Content-Security-Policy violation: %s", name, v)
	}
	for _, u := range eval[[]string](t, ctx, `performance.getEntriesByType("resource").map(e => e.name).filter(n => !n.startsWith(location.origin + "/"))`) {
		t.Errorf("%s: third-party request %s", name, u)
	}
}
