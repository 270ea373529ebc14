package browsertest

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestVerdictFirstOnPhone: on a phone's first screen (390 × 844 px, not
// scrolled), the bundled article shows its headline's verdict, its claims
// per verdict (each linked to that verdict's list of claims, which exists)
// and the key to the marks.
func TestVerdictFirstOnPhone(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	const article = "articles/china-led-central-asian-alliance-to-intervene-in-kazakhstan/"
	do(t, ctx, chromedp.EmulateViewport(390, 844), chromedp.Navigate(s.url+article), chromedp.WaitReady(chromedp.CSS("body")))
	type box struct {
		What   string
		Bottom float64
		Right  float64
	}
	boxes := eval[[]box](t, ctx, `(() => {
		window.scrollTo(0, 0);
		const out = [];
		const add = (what, el) => { if (el) { const r = el.getBoundingClientRect(); out.push({What: what, Bottom: r.bottom + window.scrollY, Right: r.right}); } else out.push({What: what + " (missing)", Bottom: 1e9, Right: 0}); };
		add("the <h1>'s verdict", document.querySelector("main h1 .badge"));
		add("the headline's verdict", document.querySelector(".verdict-first .verdict-headline .badge"));
		document.querySelectorAll(".verdict-first .verdict-count").forEach((c, i) => add("count " + c.textContent.trim(), c));
		add("the key to the marks", document.querySelector(".verdict-first .marks-key"));
		add("the summary box", document.querySelector(".verdict-first"));
		return out;
	})()`)
	counts := 0
	for _, b := range boxes {
		t.Logf("%s: bottom at %.0f px", b.What, b.Bottom)
		if b.Bottom > 844 {
			t.Errorf("%s ends at %.0f px, below the first screen (844 px)", b.What, b.Bottom)
		}
		if b.Right > 390 {
			t.Errorf("%s reaches %.0f px, past the screen's width", b.What, b.Right)
		}
		if len(b.What) > 6 && b.What[:6] == "count " {
			counts++
		}
	}
	if counts < 2 {
		t.Errorf("%d verdict counts in the summary, want one per verdict the article's claims have", counts)
	}
	broken := eval[[]string](t, ctx, `Promise.all([...document.querySelectorAll(".verdict-first .verdict-count a")].map(a =>
		fetch(a.href).then(r => r.ok && /\/claims\/[a-z-]+\/$/.test(new URL(a.href).pathname) ? "" : a.href))).then(l => l.filter(Boolean))`)
	if len(broken) > 0 {
		t.Errorf("counts linking nowhere or not to a verdict's list of claims: %v", broken)
	}
}

// TestSearchHeadlineVerdicts: a search result that is the article with a
// false headline shows the verdict after its title, and a claim or quote
// result from it shows the verdict after the article's title in its snippet.
func TestSearchHeadlineVerdicts(t *testing.T) {
	s := bundled(t)
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.url+"search/?q=kazakhstan"))
	results(t, ctx)
	waitFor(t, ctx, `document.querySelector("#search-results li[data-kind=article]")`)
	got := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#search-results li")).map(li => {
		const kind = li.dataset.kind, snippet = li.querySelector(".result-snippet");
		if (kind === "article") return kind + (li.querySelector(":scope > .headline-verdicts > .badge[data-status=false]") ? " ok" : " missing");
		if ((kind === "claim" || kind === "quote") && snippet && snippet.textContent.includes("China-led Central Asian alliance"))
			return kind + (snippet.querySelector(".badge[data-status=false]") ? " ok" : " missing");
		return "";
	}).filter(Boolean)`)
	if len(got) < 2 {
		t.Fatalf("want the article and claims or quotes from it among the results, got %v", got)
	}
	for _, g := range got {
		if strings.HasSuffix(g, "missing") {
			t.Errorf("a %s result shows the false headline without its verdict", strings.Fields(g)[0])
		}
	}
}
