package browsertest

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
)

// overlay is a source folder with some files replaced.
type overlay struct {
	fs.FS
	over fstest.MapFS
}

func (o overlay) Open(name string) (fs.File, error) {
	if _, ok := o.over[name]; ok {
		return o.over.Open(name)
	}
	return o.FS.Open(name)
}

// ReadDir lists a folder with the overlay's new files and folders in it.
func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	list, err := fs.ReadDir(o.FS, name)
	if err != nil {
		return nil, err
	}
	had := map[string]bool{}
	for _, e := range list {
		had[e.Name()] = true
	}
	added, err := fs.ReadDir(o.over, name)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for _, e := range added {
		if !had[e.Name()] {
			list = append(list, e)
		}
	}
	slices.SortFunc(list, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
	return list, nil
}

// claimItem reads a list entry's verdict and link from a built claims page.
var claimItem = regexp.MustCompile(`(?s)<li class="claim-item" data-status="([^"]+)".*?<a class="claim-text" href="([^"]+)"`)

// secondArticle is an article added to the bundled dossier for the actor
// filter: its actor (alikhan-smailov) is in no other article, and one of its
// claims is made by an actor (askar-mamin) named in no article.
const secondArticle = `+++
title = "A second report"
date = 2022-01-12
actors = ["alikhan-smailov"]

[[claims]]
id = "second-report-prices"
text = "prices would fall"
claimant = "askar-mamin"
status = "false"
explanation = "A test claim."
checked = 2026-11-26

[[claims]]
id = "second-report-order"
text = "order was restored"
claimant = "article"
status = "false"
explanation = "A test claim."
checked = 2026-11-26
+++

The report said prices would fall, and that order was restored.
`

// misleadingBadges lists the claims list's entries that show a verdict
// badge other than the claim's own outside a labelled headline-verdicts
// span, or such a span without its label.
const misleadingBadges = `Array.from(document.querySelectorAll("#claim-list .claim-item")).flatMap(li => {
  const own = Array.from(li.querySelectorAll("a.badge")).filter(b => !b.closest(".headline-verdicts"));
  const bad = [];
  if (own.length !== 1 || own[0].dataset.status !== li.dataset.status) bad.push(li.dataset.status + ": " + li.textContent.trim());
  li.querySelectorAll(".headline-verdicts").forEach(h => { if (!h.textContent.startsWith("(headline rated")) bad.push("unlabelled: " + h.textContent) });
  return bad;
})`

// TestClaimsFilterWholeDossier: on a dossier whose claims fill three pages,
// choosing a verdict or an actor on page 1 lists every claim with it, those
// of pages 2 and 3 too, in the list's order; the URL keeps the filter, back
// undoes it, and a filter that matches nothing offers a reset.
func TestClaimsFilterWholeDossier(t *testing.T) {
	root := repoRoot(t)
	conf, err := os.ReadFile(root + "/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := overlay{os.DirFS(root), fstest.MapFS{
		"site.toml":                           {Data: append([]byte("pageSize = 10\n"), conf...)},
		"content/articles/a-second-report.md": {Data: []byte(secondArticle)},
	}}
	s, err := buildSite(src)
	if err != nil {
		t.Fatal(err)
	}
	// The claims with each verdict, page by page, as the lists hold them.
	want := map[string][]string{}
	later := map[string]int{} // how many are past page 1
	var order []string        // every claim's link, in the list's order
	onPage := map[string]int{}
	for page := 1; ; page++ {
		name := "claims/index.html"
		if page > 1 {
			name = "claims/page/" + strconv.Itoa(page) + "/index.html"
		}
		b, ok := s.files[name]
		if !ok {
			if page < 3 {
				t.Fatalf("no %s: the claims do not fill more than one page", name)
			}
			break
		}
		for _, m := range claimItem.FindAllStringSubmatch(string(b), -1) {
			want[m[1]] = append(want[m[1]], m[2])
			order = append(order, m[2])
			onPage[m[2]] = page
			if page > 1 {
				later[m[1]]++
			}
		}
	}
	verdict := "true"
	if later[verdict] == 0 {
		t.Fatalf("no %s claim past page 1: %v", verdict, later)
	}

	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.url+"claims/"))
	waitFor(t, ctx, `(e => e && e.textContent !== "")(document.querySelector(".filter-status"))`)
	if n := eval[int](t, ctx, `document.querySelectorAll("#claim-list .claim-item").length`); n != 10 {
		t.Fatalf("page 1 lists %d claims, want 10", n)
	}
	if bad := eval[[]string](t, ctx, misleadingBadges); len(bad) > 0 {
		t.Errorf("the page's own entries show verdicts that are not the claim's as if they were:\n%s", strings.Join(bad, "\n"))
	}
	eval[bool](t, ctx, `(() => { const s = document.getElementById("filter-verdict"); s.value = "`+verdict+`"; s.dispatchEvent(new Event("change")); return true })()`)
	waitFor(t, ctx, `location.search === "?verdict=`+verdict+`"`)
	waitFor(t, ctx, `document.querySelectorAll("#claim-list .claim-item").length === `+strconv.Itoa(len(want[verdict])))
	got := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#claim-list .claim-item")).map(li => li.dataset.status + " " + li.querySelector("a.claim-text").getAttribute("href"))`)
	var exp []string
	for _, href := range want[verdict] {
		exp = append(exp, verdict+" "+href)
	}
	if !slices.Equal(got, exp) {
		t.Errorf("verdict %s:\n got  %v\n want %v", verdict, got, exp)
	}
	total := 0
	for _, l := range want {
		total += len(l)
	}
	if st := eval[string](t, ctx, `document.querySelector(".filter-status").textContent`); st != strconv.Itoa(len(exp))+" of "+strconv.Itoa(total)+" claims shown" {
		t.Errorf("status %q", st)
	}
	if eval[bool](t, ctx, `getComputedStyle(document.querySelector(".pager")).display !== "none"`) {
		t.Error("the pager of the unfiltered list still shows")
	}
	// An entry drawn from the index looks like the page's own.
	if html := eval[string](t, ctx, `document.querySelector("#claim-list .claim-item .claim-meta").innerHTML`); !strings.Contains(html, `href="/kz/articles/`) {
		t.Errorf("entry meta %s: no article link", html)
	}

	// A filtered entry shows one verdict of its own, the claim's; its
	// article's headline verdicts are labelled as the headline's, as on
	// the page's own entries, never bare beside the claim.
	if bad := eval[[]string](t, ctx, misleadingBadges); len(bad) > 0 {
		t.Errorf("filtered entries show verdicts that are not the claim's as if they were:\n%s", strings.Join(bad, "\n"))
	}
	if n := eval[int](t, ctx, `document.querySelectorAll("#claim-list .claim-item .headline-verdicts").length`); n == 0 {
		t.Error("no filtered entry shows its article's headline verdicts: not the case the test is for")
	}

	// The URL restores the filter.
	do(t, ctx, chromedp.Reload())
	waitFor(t, ctx, `document.getElementById("filter-verdict") && document.getElementById("filter-verdict").value === "`+verdict+`" && document.querySelectorAll("#claim-list .claim-item").length === `+strconv.Itoa(len(exp)))
	// Back returns to the page as it was.
	do(t, ctx, chromedp.NavigateBack())
	waitFor(t, ctx, `location.search === "" && document.getElementById("filter-verdict").value === "" && document.querySelectorAll("#claim-list .claim-item").length === 10`)

	// A claimant and a verdict that match nothing offer a reset.
	do(t, ctx, chromedp.Navigate(s.url+"claims/?verdict=false&claimant=zhang-ming"))
	waitFor(t, ctx, `document.querySelector(".filter-status") && document.querySelector(".filter-status").textContent.startsWith("0 of")`)
	do(t, ctx, chromedp.Click(chromedp.CSS(".filter-reset")))
	waitFor(t, ctx, `location.search === "" && document.querySelectorAll("#claim-list .claim-item").length === 10`)

	// An actor finds the claims they made and those of the articles they
	// are in, on every page, in the list's order, read from the data export.
	involves := involvement(t, s.files)
	for _, tc := range []struct {
		actor string
		later bool // some of its claims are past page 1
	}{
		{"wang-yi", true},          // in the first article only
		{"alikhan-smailov", false}, // in the second article only
		{"askar-mamin", false},     // made a claim, in no article
		{"zhang-ming", true},       // both
	} {
		var exp []string
		pastFirst := false
		for _, href := range order {
			if involves[href][tc.actor] {
				exp = append(exp, href)
				pastFirst = pastFirst || onPage[href] > 1
			}
		}
		if len(exp) == 0 || pastFirst != tc.later {
			t.Fatalf("actor %s: the dossier has claims %v: not the case the test is for", tc.actor, exp)
		}
		do(t, ctx, chromedp.Navigate(s.url+"claims/"))
		waitFor(t, ctx, `(e => e && e.textContent !== "")(document.querySelector(".filter-status"))`)
		eval[bool](t, ctx, `(() => { const s = document.getElementById("filter-actor"); s.value = "`+tc.actor+`"; s.dispatchEvent(new Event("change")); return true })()`)
		waitFor(t, ctx, `location.search === "?actor=`+tc.actor+`"`)
		waitFor(t, ctx, `document.querySelectorAll("#claim-list .claim-item").length === `+strconv.Itoa(len(exp)))
		got := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#claim-list .claim-item a.claim-text")).map(a => a.getAttribute("href"))`)
		if !slices.Equal(got, exp) {
			t.Errorf("actor %s:\n got  %v\n want %v", tc.actor, got, exp)
		}
		if tc.actor == "wang-yi" {
			// The URL restores the actor filter.
			do(t, ctx, chromedp.Reload())
			waitFor(t, ctx, `document.getElementById("filter-actor") && document.getElementById("filter-actor").value === "wang-yi" && document.querySelectorAll("#claim-list .claim-item").length === `+strconv.Itoa(len(exp)))
		}
	}
	// With a verdict too, both must hold.
	do(t, ctx, chromedp.Navigate(s.url+"claims/?verdict="+verdict+"&actor=wang-yi"))
	waitFor(t, ctx, `document.getElementById("filter-actor") && document.getElementById("filter-actor").value === "wang-yi" && document.querySelectorAll("#claim-list .claim-item").length === `+strconv.Itoa(len(want[verdict])))
	// An actor of no claim and no article: nothing matches, and the reset shows.
	if len(involvesAny(involves, "xi-jinping")) > 0 {
		t.Fatal("xi-jinping is involved in a claim: not the case the test is for")
	}
	do(t, ctx, chromedp.Navigate(s.url+"claims/?actor=xi-jinping"))
	waitFor(t, ctx, `document.querySelector(".filter-status") && document.querySelector(".filter-status").textContent.startsWith("0 of") && !document.querySelector(".filter-reset").hidden`)
	do(t, ctx, chromedp.Click(chromedp.CSS(".filter-reset")))
	waitFor(t, ctx, `location.search === "" && document.getElementById("filter-actor").value === "" && document.querySelectorAll("#claim-list .claim-item").length === 10`)
}

// involvement reads the data export: for each claim's link, the actors it
// involves, who made it and its article's actors.
func involvement(t *testing.T, files map[string][]byte) map[string]map[string]bool {
	t.Helper()
	var claims []struct {
		URL      string `json:"url"`
		Article  string `json:"article"`
		Claimant *struct {
			ID   string `json:"id"`
			Kind string `json:"kind"`
		} `json:"claimant"`
	}
	var articles []struct {
		ID     string   `json:"id"`
		Actors []string `json:"actors"`
	}
	if err := json.Unmarshal(files["data/claims.json"], &claims); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(files["data/articles.json"], &articles); err != nil {
		t.Fatal(err)
	}
	actors := map[string][]string{}
	for _, a := range articles {
		actors[a.ID] = a.Actors
	}
	out := map[string]map[string]bool{}
	for _, c := range claims {
		in := map[string]bool{}
		for _, a := range actors[c.Article] {
			in[a] = true
		}
		if c.Claimant != nil && c.Claimant.Kind == "actor" {
			in[c.Claimant.ID] = true
		}
		out[c.URL] = in
	}
	return out
}

// involvesAny lists the claims that involve actor.
func involvesAny(involves map[string]map[string]bool, actor string) []string {
	var out []string
	for href, in := range involves {
		if in[actor] {
			out = append(out, href)
		}
	}
	return out
}
