package browsertest

import (
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

// claimItem reads a list entry's verdict and link from a built claims page.
var claimItem = regexp.MustCompile(`(?s)<li class="claim-item" data-status="([^"]+)".*?<a class="claim-text" href="([^"]+)"`)

// TestClaimsFilterWholeDossier: on a dossier whose claims fill three pages,
// choosing a verdict on page 1 lists every claim with it, those of pages 2
// and 3 too, in the list's order; the URL keeps the filter, back undoes
// it, and a filter that matches nothing offers a reset.
func TestClaimsFilterWholeDossier(t *testing.T) {
	root := repoRoot(t)
	conf, err := os.ReadFile(root + "/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := overlay{os.DirFS(root), fstest.MapFS{"site.toml": {Data: append([]byte("pageSize = 10\n"), conf...)}}}
	s, err := buildSite(src)
	if err != nil {
		t.Fatal(err)
	}
	// The claims with each verdict, page by page, as the lists hold them.
	want := map[string][]string{}
	later := map[string]int{} // how many are past page 1
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
}
