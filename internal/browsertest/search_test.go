package browsertest

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// first waits for results and returns the first one as "kind href".
func first(t *testing.T, ctx context.Context) string {
	t.Helper()
	got := results(t, ctx)
	return got[0]
}

// Events are indexed: a query for an event's title finds it, first.
func TestSearchFindsEvents(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.url+"search/?q=shoot%20to%20kill"))
	if got, want := first(t, ctx), "event /kz/events/tokayev-shoot-to-kill/"; got != want {
		t.Errorf("shoot to kill: first result %q, want %q (all: %v)", got, want, results(t, ctx))
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#facet-kind-event").length`); n != 1 {
		t.Errorf("no event facet")
	}
}

// An entity whose name or short name is the query ranks first.
func TestSearchRanksExactNameFirst(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	for q, want := range map[string]string{
		"SCO":                                   "organization /kz/organizations/sco/",
		"sco":                                   "organization /kz/organizations/sco/",
		"Shanghai%20Cooperation%20Organization": "organization /kz/organizations/sco/",
		"RATS":                                  "organization /kz/organizations/sco-rats/",
		"Zhang%20Ming":                          "actor /kz/actors/zhang-ming/",
	} {
		do(t, ctx, chromedp.Navigate(s.url+"search/?q="+q))
		if got := first(t, ctx); got != want {
			t.Errorf("%s: first result %q, want %q", q, got, want)
		}
	}
}

// A word of five letters or more matches within one edit, saying what it
// was read as; a query that matches nothing suggests one that does.
func TestSearchTypoAndDidYouMean(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.url+"search/?q=Tokayve"))
	if got := results(t, ctx); !contains(got, "actor /kz/actors/kassym-jomart-tokayev/") {
		t.Errorf("Tokayve: no Tokayev among %v", got)
	}
	waitFor(t, ctx, `document.getElementById("search-note").textContent.includes("tokayev")`)

	// Two edits away: nothing matches, and the suggestion finds him.
	do(t, ctx, chromedp.Navigate(s.url+"search/?q=Tokaevv"))
	waitFor(t, ctx, `/^0 results/.test(document.getElementById("search-status").textContent)`)
	waitFor(t, ctx, `document.querySelector("#search-note a.search-suggestion")`)
	if got := eval[string](t, ctx, `document.querySelector("#search-note a.search-suggestion").textContent`); got != "tokayev" {
		t.Errorf("did you mean %q, want tokayev", got)
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#search-note a.search-suggestion")))
	waitFor(t, ctx, `new URLSearchParams(location.search).get("q") === "tokayev"`)
	if got := results(t, ctx); !contains(got, "actor /kz/actors/kassym-jomart-tokayev/") {
		t.Errorf("the suggestion finds %v", got)
	}
	// A short word is never read as another.
	do(t, ctx, chromedp.Navigate(s.url+"search/?q=scx%20"))
	waitFor(t, ctx, `/^0 results/.test(document.getElementById("search-status").textContent)`)
}

// The verdict facet counts claims: an article holding a disputed claim is
// not counted as a disputed page.
func TestSearchVerdictCountsClaims(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.url+"search/?q=kazakhstan"))
	results(t, ctx)
	waitFor(t, ctx, `document.querySelector("[data-count='verdict|false']").textContent !== ""`)
	for _, v := range []string{"false", "true", "disputed"} {
		count := eval[string](t, ctx, `document.querySelector("[data-count='verdict|`+v+`']").textContent`)
		do(t, ctx, chromedp.Click(chromedp.CSS("#facet-verdict-"+v)))
		waitFor(t, ctx, `new URLSearchParams(location.search).get("verdict") === "`+v+`"`)
		waitFor(t, ctx, `/result/.test(document.getElementById("search-status").textContent)`)
		kinds := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#search-results li")).map(li => li.dataset.kind)`)
		n := eval[int](t, ctx, `parseInt(document.getElementById("search-status").textContent)`)
		if count != "("+strconv.Itoa(n)+")" {
			t.Errorf("verdict %s: count %s, %d results", v, count, n)
		}
		for _, k := range kinds {
			if k != "claim" {
				t.Errorf("verdict %s: a result of kind %s", v, k)
			}
		}
		do(t, ctx, chromedp.Click(chromedp.CSS("#facet-verdict-"+v)))
		waitFor(t, ctx, `!new URLSearchParams(location.search).has("verdict")`)
	}
}

// The query and the facets live in the URL: typing and ticking add history
// entries, and back and forward restore them.
func TestSearchURLState(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.url+"search/"), chromedp.WaitReady(chromedp.CSS("#search-facets details")))
	do(t, ctx, chromedp.SendKeys(chromedp.CSS("#search-q"), "china"))
	waitFor(t, ctx, `location.search === "?q=china"`)
	all := results(t, ctx)
	do(t, ctx, chromedp.Click(chromedp.CSS("#facet-kind-claim")))
	waitFor(t, ctx, `location.search === "?q=china&kind=claim"`)
	waitFor(t, ctx, `Array.from(document.querySelectorAll("#search-results li")).every(li => li.dataset.kind === "claim")`)
	claims := results(t, ctx)
	if len(claims) >= len(all) {
		t.Fatalf("kind=claim: %d results of %d", len(claims), len(all))
	}
	// A reload keeps both.
	do(t, ctx, chromedp.Reload())
	waitFor(t, ctx, `document.getElementById("search-q").value === "china" && document.getElementById("facet-kind-claim") && document.getElementById("facet-kind-claim").checked`)
	waitFor(t, ctx, `Array.from(document.querySelectorAll("#search-results li")).every(li => li.dataset.kind === "claim")`)

	do(t, ctx, chromedp.NavigateBack())
	waitFor(t, ctx, `location.search === "?q=china" && !document.getElementById("facet-kind-claim").checked`)
	waitFor(t, ctx, `document.querySelectorAll("#search-results li").length === `+strconv.Itoa(len(all)))
	do(t, ctx, chromedp.NavigateBack())
	waitFor(t, ctx, `location.search === "" && document.getElementById("search-q").value === "" && document.querySelectorAll("#search-results li").length === 0`)
	do(t, ctx, chromedp.NavigateForward())
	waitFor(t, ctx, `document.getElementById("search-q").value === "china"`)
	do(t, ctx, chromedp.NavigateForward())
	waitFor(t, ctx, `document.getElementById("facet-kind-claim").checked && location.search === "?q=china&kind=claim"`)
	waitFor(t, ctx, `Array.from(document.querySelectorAll("#search-results li")).every(li => li.dataset.kind === "claim") && document.querySelectorAll("#search-results li").length === `+strconv.Itoa(len(claims)))
	if got := results(t, ctx); strings.Join(got, ",") != strings.Join(claims, ",") {
		t.Errorf("forward: %v, want %v", got, claims)
	}
}
