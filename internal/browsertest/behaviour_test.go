package browsertest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

const article = "articles/china-led-central-asian-alliance-to-intervene-in-kazakhstan/"

// results waits for the status line and returns "kind id" per result.
func results(t *testing.T, ctx context.Context) []string {
	t.Helper()
	waitFor(t, ctx, `/result/.test(document.getElementById("search-status").textContent) && document.querySelectorAll("#search-results li").length > 0`)
	return eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#search-results li")).map(li => li.dataset.kind + " " + li.querySelector("a").getAttribute("href"))`)
}

func contains(list []string, want string) bool {
	for _, s := range list {
		if strings.Contains(s, want) {
			return true
		}
	}
	return false
}

func TestSearchFindsEveryKind(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	for _, tc := range []struct{ q, want string }{
		{"Tokayev", "actor /kz/actors/kassym-jomart-tokayev/"},
		{"tokay", "actor /kz/actors/kassym-jomart-tokayev/"}, // a prefix of the last word
		{"Shanghai%20Cooperation", "organization /kz/organizations/sco/"},
		{"formed%20by%20China%20in%202001", "claim /kz/claims/sco-formed-by-china/"},
		{"corresponding%20request", "quote /kz/quotes/rats-corresponding-request/"},
		{"re-translated", "article /kz/" + article}, // summary
		{"stabilization", "article /kz/" + article}, // full text only
	} {
		do(t, ctx, chromedp.Navigate(s.url+"search/?q="+tc.q))
		got := results(t, ctx)
		if !contains(got, tc.want) {
			t.Errorf("search %q: want %q among %v", tc.q, tc.want, got)
		}
	}
}

func TestSearchFacetsAndBadges(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.url+"search/?q=china"))
	all := results(t, ctx)
	do(t, ctx, chromedp.Click(chromedp.CSS("#facet-kind-claim")))
	waitFor(t, ctx, `Array.from(document.querySelectorAll("#search-results li")).every(li => li.dataset.kind === "claim")`)
	claims := results(t, ctx)
	if len(claims) == 0 || len(claims) >= len(all) {
		t.Fatalf("kind=claim facet: %d results of %d", len(claims), len(all))
	}
	do(t, ctx, chromedp.Click(chromedp.CSS("#facet-verdict-false")))
	waitFor(t, ctx, `Array.from(document.querySelectorAll("#search-results li")).every(li => li.querySelector(".badge[data-status=false]"))`)
	falseClaims := results(t, ctx)
	if len(falseClaims) == 0 || len(falseClaims) >= len(claims) {
		t.Fatalf("verdict=false facet: %d results of %d", len(falseClaims), len(claims))
	}
	// Every false claim matching "china" in the built site is found.
	if !contains(falseClaims, "claims/headline-alliance-to-intervene/") {
		t.Errorf("verdict=false: missing headline-alliance-to-intervene in %v", falseClaims)
	}
	// The actor facet narrows to what one person said.
	do(t, ctx, chromedp.Navigate(s.url+"search/?q=kazakhstan"))
	results(t, ctx)
	eval[bool](t, ctx, `(() => { const s = document.getElementById("facet-actor"); s.value = "zhang-ming"; s.dispatchEvent(new Event("change")); return true })()`)
	waitFor(t, ctx, `Array.from(document.querySelectorAll("#search-results li a.result-title")).some(a => a.getAttribute("href").includes("/kz/"))  && document.getElementById("facet-actor").value === "zhang-ming" && !Array.from(document.querySelectorAll("#search-results li")).some(li => li.dataset.kind === "organization")`)
	got := results(t, ctx)
	if !contains(got, "claims/kazakhstan-sco-member-state/") && !contains(got, "actors/zhang-ming/") {
		t.Errorf("actor=zhang-ming: got %v", got)
	}
}

func TestClaimsFilter(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.url+"claims/"))
	waitFor(t, ctx, `document.getElementById("filter-verdict")`)
	total := eval[int](t, ctx, `document.querySelectorAll("#claim-list .claim-item").length`)
	for _, v := range []string{"true", "false", "misleading"} {
		want := strings.Count(string(s.files["claims/"+v+"/index.html"]), `class="claim-item"`)
		eval[bool](t, ctx, fmt.Sprintf(`(() => { const s = document.getElementById("filter-verdict"); s.value = %q; s.dispatchEvent(new Event("change")); return true })()`, v))
		waitFor(t, ctx, fmt.Sprintf(`location.search === "?verdict=%s" && document.querySelectorAll("#claim-list .claim-item").length === %d`, v, want))
		shown := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#claim-list .claim-item")).filter(li => !li.hidden && li.offsetParent).map(li => li.dataset.status)`)
		if len(shown) != want || want == 0 {
			t.Errorf("verdict %s: %d shown, the per-verdict page lists %d", v, len(shown), want)
		}
		for _, st := range shown {
			if st != v {
				t.Errorf("verdict %s: a %s claim is shown", v, st)
			}
		}
		status := eval[string](t, ctx, `document.querySelector(".filter-status").textContent`)
		if status != fmt.Sprintf("%d of %d claims shown", want, total) {
			t.Errorf("status %q", status)
		}
	}
	// Claimant and verdict combine.
	eval[bool](t, ctx, `(() => { const v = document.getElementById("filter-verdict"); v.value = ""; v.dispatchEvent(new Event("change"));
		const c = document.getElementById("filter-claimant"); c.value = "zhang-ming"; c.dispatchEvent(new Event("change")); return true })()`)
	waitFor(t, ctx, `location.search === "?claimant=zhang-ming" && Array.from(document.querySelectorAll("#claim-list .claim-item")).every(li => li.dataset.claimant === "zhang-ming")`)
	shown := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#claim-list .claim-item")).filter(li => !li.hidden).map(li => li.dataset.claimant)`)
	if len(shown) == 0 {
		t.Fatal("claimant zhang-ming: nothing shown")
	}
	for _, c := range shown {
		if c != "zhang-ming" {
			t.Errorf("claimant filter shows a claim by %s", c)
		}
	}
}

func TestPreviewCardOnFocus(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.url+article), chromedp.WaitReady(chromedp.CSS("body")))
	do(t, ctx, chromedp.Focus(chromedp.CSS(`a.badge-claim[href$="/claims/sco-formed-by-china/"]`)))
	waitFor(t, ctx, `(c => c && !c.hidden)(document.getElementById("dossier-card"))`)
	card := eval[string](t, ctx, `document.getElementById("dossier-card").textContent`)
	for _, want := range []string{"Misleading", "China formed the Shanghai Cooperation Organization in 2001."} {
		if !strings.Contains(card, want) {
			t.Errorf("claim card %q lacks %q", card, want)
		}
	}
	if d := eval[string](t, ctx, `document.activeElement.getAttribute("aria-describedby") || ""`); d != "dossier-card" {
		t.Errorf("focused badge aria-describedby = %q", d)
	}
	do(t, ctx, chromedp.KeyEvent("\x1b"))
	waitFor(t, ctx, `document.getElementById("dossier-card").hidden`)

	// A name: the card tells who the person is.
	do(t, ctx, chromedp.Focus(chromedp.CSS(`a.mention[href$="/actors/zhang-ming/"]`)))
	waitFor(t, ctx, `(c => c && !c.hidden && c.textContent.includes("Zhang Ming"))(document.getElementById("dossier-card"))`)
	// A quote badge: the card names the speaker.
	do(t, ctx, chromedp.Focus(chromedp.CSS(`a.badge-quote[href$="/quotes/rats-corresponding-request/"]`)))
	waitFor(t, ctx, `(c => c && !c.hidden && /Speaker/.test(c.textContent))(document.getElementById("dossier-card"))`)
}
