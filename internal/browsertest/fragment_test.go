package browsertest

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/chromedp/chromedp"
)

// The passages a claim's sources quote: one with the characters a text
// directive must encode (-, & and ,), and one long enough to become a
// start,end range.
const (
	shortPassage = "the Sino-Kazakh border, closed & guarded"
	longPassage  = "some external forces do not want peace and tranquillity in our region, the minister said on Monday"
)

// sourcePage is a long page with each passage far below the fold, as a
// source's page would have it.
func sourcePage() string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Source</title></head><body>\n")
	filler := func(n int) {
		for i := range n {
			fmt.Fprintf(&b, "<p>Filler paragraph %d, which says nothing the claim relies on, at some length so that the page is long.</p>\n", i)
		}
	}
	filler(120)
	b.WriteString("<p id=\"short\">Officials reported " + strings.ReplaceAll(shortPassage, "&", "&amp;") + " by nightfall.</p>\n")
	filler(120)
	b.WriteString("<p id=\"long\">He added that " + longPassage + ".</p>\n")
	filler(120)
	b.WriteString("</body></html>\n")
	return b.String()
}

// TestTextFragmentOpensAtPassage clicks, on a claim's page, the link of a
// source that quotes a passage (a real click: browsers apply text
// fragments only to navigations a user starts) and checks that the
// source's page, served locally, opens scrolled to the passage: once for a
// passage with -, & and , and once for a long one linked as a range.
func TestTextFragmentOpensAtPassage(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	page := sourcePage()
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, page)
	})}
	go srv.Serve(ln) //nolint:errcheck // closed below
	t.Cleanup(func() { srv.Close() })
	source := "http://" + ln.Addr().String() + "/report"

	s, err := buildSite(fstest.MapFS{
		"site.toml": {Data: []byte("title = \"Fragments\"\n")},
		"content/articles/a.md": {Data: []byte(`+++
title = "An article"
date = 2022-01-10
summary = "A test."

[[claims]]
id = "border-closed"
text = "the border was closed"
claim = "The border was closed."
status = "true"
explanation = "It was."
checked = 2026-11-26
  [[claims.sources]]
  title = "Short passage"
  url = "` + source + `"
  kind = "news"
  quote = "` + shortPassage + `"
  [[claims.sources]]
  title = "Long passage"
  url = "` + source + `?long"
  kind = "news"
  quote = "` + longPassage + `"
+++

They said the border was closed.
`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	for i, tc := range []struct{ link, target string }{
		{"Short passage", "short"},
		{"Long passage", "long"},
	} {
		t.Run(tc.target, func(t *testing.T) {
			do(t, ctx, chromedp.Navigate(s.url+"claims/border-closed/"), chromedp.WaitReady(chromedp.CSS("body")))
			href := eval[string](t, ctx, fmt.Sprintf(`Array.from(document.querySelectorAll(".sources a")).find(a => a.textContent === %q).href`, tc.link))
			if !strings.Contains(href, "#:~:text=") {
				t.Fatalf("the source link has no text directive: %s", href)
			}
			do(t, ctx, chromedp.Click(chromedp.CSS(fmt.Sprintf(`ol.sources > li:nth-child(%d) > a:first-child`, i+1))))
			// The browser scrolls to the passage once the page is laid out.
			waitAcrossNavigation(t, ctx, fmt.Sprintf(`(r => window.scrollY > 1000 && r.top >= 0 && r.bottom <= innerHeight)(document.getElementById(%q).getBoundingClientRect())`, tc.target))
		})
	}
}

// waitAcrossNavigation polls a JavaScript predicate until it is truthy,
// through the navigation a click started: while the old page goes and the
// new one comes, evaluating fails and is tried again.
func waitAcrossNavigation(t *testing.T, ctx context.Context, expr string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { try { return !!(`+expr+`) } catch (e) { return false } })()`))
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			state, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href + " scrollY=" + scrollY`))
			t.Fatalf("waiting for %s: %v (page %s)", expr, err, state)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
