package site

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/testfiles"
	"github.com/dossier-dev/dossier/internal/urls"
)

// TestQuotePageShowsFewOthers checks that a quote's page stays the same size
// however much its speaker said: it lists at most five of the speaker's
// other quotes, newest first, and links to the speaker's full list when
// there are more.
func TestQuotePageShowsFewOthers(t *testing.T) {
	b := New(Options{Source: os.DirFS(generated(t, 60, 3))})
	res, err := b.Build(nil)
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	d := b.last
	more := regexp.MustCompile(`(?s)<h2 id="more-h">.*?</section>`)
	said := regexp.MustCompile(`, (\d{1,2} [A-Z][a-z]+ \d{4})`)
	checked := 0
	for _, q := range d.Quotes {
		if q.Speaker == nil {
			continue
		}
		others := len(q.Speaker.Quotes) - 1
		page := string(testfiles.Read(t, res.Output)["quotes/"+q.ID+"/index.html"])
		if page == "" {
			t.Fatalf("no page for quote %s", q.ID)
		}
		section := more.FindString(page)
		shown := strings.Count(section, `<li class="quote-item">`)
		if want := min(others, 5); shown != want {
			t.Errorf("quote %s: %d other quotes shown, want %d (the speaker has %d others)", q.ID, shown, want, others)
		}
		hasAll := strings.Contains(section, `/actors/`+q.Speaker.ID+`/quotes/"`)
		if hasAll != (others > 5) {
			t.Errorf("quote %s: link to the full list is %v with %d other quotes", q.ID, hasAll, others)
		}
		var last time.Time
		for i, m := range said.FindAllStringSubmatch(section, -1) {
			day, err := time.Parse("2 January 2006", m[1])
			if err != nil {
				t.Fatal(err)
			}
			if i > 0 && day.After(last) {
				t.Errorf("quote %s: other quotes not newest first (%s after %s)", q.ID, m[1], last.Format(time.DateOnly))
			}
			last = day
		}
		if others > 5 {
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no speaker in the generated dossier has more than six quotes: the test checks nothing")
	}
}

// TestPaginatedLists walks every list of a generated dossier (tags, and an
// actor's and organization's full lists of claims, quotes and mentions
// included) from its first
// page along its rel="next" links: each page holds at most pageSize entries,
// the pages link back and forth, together they hold every entry exactly
// once, and the sitemap lists every page.
func TestPaginatedLists(t *testing.T) {
	b := New(Options{Source: os.DirFS(generated(t, 120, 5))})
	res, err := b.Build(nil)
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	if long := checkLists(t, b.last, res.Site, testfiles.Read(t, res.Output)); long < 3 {
		t.Fatalf("only %d lists of several pages in the generated dossier: the test checks little", long)
	}
}

// checkLists walks every list of d in files (those of TestPaginatedLists,
// tags and entities' mentions) from its first page along its rel="next" links and returns how many lists have
// several pages. Only the lists' pages and the sitemaps need be in files.
func checkLists(t *testing.T, d *dossier.Dossier, site *config.Site, files map[string][]byte) (long int) {
	t.Helper()
	size, base := site.PageSize, site.BasePath()
	entry := map[string]*regexp.Regexp{
		"articles": regexp.MustCompile(`<li><a href="([^"]+)">`),
		"entities": regexp.MustCompile(`<li><a href="([^"]+)">`),
		"quotes":   regexp.MustCompile(`<blockquote><p><a href="([^"]+)">`),
		"claims":   regexp.MustCompile(`class="claim-text" href="([^"]+)"`),
	}
	lists := []struct {
		path, entries string
		want          int
	}{
		{"articles/", "articles", len(d.Articles)},
		{"actors/", "entities", len(d.Actors)},
		{"organizations/", "entities", len(d.Organizations)},
		{"quotes/", "quotes", len(d.Quotes)},
		{"claims/", "claims", len(d.Claims)},
	}
	for _, v := range site.Verdicts {
		lists = append(lists, struct {
			path, entries string
			want          int
		}{"claims/" + v.ID + "/", "claims", len(d.ClaimsWithVerdict(v.ID))})
	}
	entityList := func(path, entries string, n int) {
		if n > 5 {
			lists = append(lists, struct {
				path, entries string
				want          int
			}{path, entries, n})
		}
	}
	for _, a := range d.Actors {
		entityList("actors/"+a.ID+"/claims/", "claims", len(a.Claims))
		entityList("actors/"+a.ID+"/quotes/", "quotes", len(a.Quotes))
	}
	for _, o := range d.Organizations {
		entityList("organizations/"+o.ID+"/claims/", "claims", len(o.Claims))
		entityList("organizations/"+o.ID+"/quotes/", "quotes", len(o.Statements))
	}
	// An entity's full list of mentions: each article, event and profile
	// that names it, once; its page shows five of each.
	mentions := func(path string, articles []*dossier.Article, events []*dossier.Event, list []dossier.Mention) {
		arts, evs, profs := map[any]bool{}, map[any]bool{}, map[any]bool{}
		for _, a := range articles {
			arts[a] = true
		}
		for _, e := range events {
			evs[e] = true
		}
		for _, m := range list {
			switch {
			case m.Article != nil:
				arts[m.Article] = true
			case m.Event != nil:
				evs[m.Event] = true
			case m.From != nil:
				profs[m.From] = true
			}
		}
		if max(len(arts), len(evs), len(profs)) > 5 {
			entityList(path, "articles", len(arts)+len(evs)+len(profs))
		}
	}
	for _, a := range d.Actors {
		mentions("actors/"+a.ID+"/mentions/", a.Articles, a.Events, a.Mentions)
	}
	for _, o := range d.Organizations {
		mentions("organizations/"+o.ID+"/mentions/", o.Articles, o.Events, o.Mentions)
	}
	tagged := map[string]map[*dossier.Article]bool{}
	for _, a := range d.Articles {
		for _, tag := range a.Tags {
			slug := urls.TagSlug(tag)
			if tagged[slug] == nil {
				tagged[slug] = map[*dossier.Article]bool{}
			}
			tagged[slug][a] = true
		}
	}
	for slug, articles := range tagged {
		entityList(urls.Tag(slug), "articles", len(articles))
	}
	listed := sitemapPaths(t, site, files)
	next := regexp.MustCompile(`<a rel="next" href="([^"]+)">`)
	prev := regexp.MustCompile(`<a rel="prev" href="([^"]+)">`)
	for _, l := range lists {
		seen := map[string]bool{}
		want := max(1, (l.want+size-1)/size)
		if want > 1 {
			long++
		}
		url, from := base+l.path, ""
		for number := 1; url != ""; number++ {
			file := strings.TrimPrefix(url, base) + "index.html"
			page := string(files[file])
			if page == "" {
				t.Fatalf("%s: page %d (%s) was not built", l.path, number, file)
			}
			if !listed[strings.TrimPrefix(url, base)] {
				t.Errorf("%s: the sitemap does not list %s", l.path, url)
			}
			list := page[strings.Index(page, `<main id="main">`):]
			if i := strings.Index(list, `<nav class="pager"`); i >= 0 {
				list = list[:i]
			} else if want > 1 {
				t.Errorf("%s: page %d has no pager", l.path, number)
			}
			if i := strings.Index(list, `<section aria-labelledby="network-h">`); i >= 0 {
				list = list[:i]
			}
			found := entry[l.entries].FindAllStringSubmatch(list, -1)
			if len(found) > size {
				t.Errorf("%s: page %d lists %d entries, more than %d", l.path, number, len(found), size)
			}
			for _, m := range found {
				if seen[m[1]] {
					t.Errorf("%s: %s listed twice", l.path, m[1])
				}
				seen[m[1]] = true
			}
			if want > 1 && !strings.Contains(page, fmt.Sprintf("Page %d of %d", number, want)) {
				t.Errorf("%s: page %d does not say it is page %d of %d", l.path, number, number, want)
			}
			if m := prev.FindStringSubmatch(page); (m == nil) != (from == "") || (m != nil && m[1] != from) {
				t.Errorf("%s: page %d links back to %v, want %q", l.path, number, m, from)
			}
			from = url
			url = ""
			if m := next.FindStringSubmatch(page); m != nil {
				url = m[1]
			}
			if url == "" && number != want {
				t.Errorf("%s: the pages end at %d of %d", l.path, number, want)
			}
		}
		if len(seen) != l.want {
			t.Errorf("%s: the pages hold %d entries, want %d", l.path, len(seen), l.want)
		}
	}
	return long
}

// sitemapPaths reads sitemap.xml, and when it is an index of sitemaps each
// sitemap it names, failing on anything the Sitemaps protocol forbids: a
// root other than urlset or sitemapindex, a sitemap of more than 50,000
// URLs, a URL outside the site, a malformed lastmod, a URL listed twice. It
// returns the site paths listed ("" for the home page, "articles/" …).
func sitemapPaths(t *testing.T, site *config.Site, files map[string][]byte) map[string]bool {
	t.Helper()
	type loc struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	}
	var doc struct {
		XMLName  xml.Name
		URLs     []loc `xml:"url"`
		Sitemaps []loc `xml:"sitemap"`
	}
	const ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
	abs := strings.TrimSuffix(site.BaseURL, "/") + "/"
	lastmod := regexp.MustCompile(`^\d{4}-\d\d-\d\d$`)
	check := func(name string, l loc) string {
		if l.LastMod != "" && !lastmod.MatchString(l.LastMod) {
			t.Errorf("%s: %s has lastmod %q", name, l.Loc, l.LastMod)
		}
		p, ok := strings.CutPrefix(l.Loc, abs)
		if !ok {
			t.Errorf("%s: %s is outside the site %s", name, l.Loc, abs)
		}
		return p
	}
	paths := map[string]bool{}
	read := func(name string) {
		data, ok := files[name]
		if !ok {
			t.Fatalf("no %s", name)
		}
		doc.URLs, doc.Sitemaps = nil, nil
		if err := xml.Unmarshal(data, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if doc.XMLName.Space != ns || doc.XMLName.Local != "urlset" {
			t.Fatalf("%s is a %v, not a urlset", name, doc.XMLName)
		}
		if len(doc.URLs) > 50000 {
			t.Errorf("%s lists %d URLs, more than 50,000", name, len(doc.URLs))
		}
		for _, u := range doc.URLs {
			p := check(name, u)
			if paths[p] {
				t.Errorf("%s lists %s twice", name, u.Loc)
			}
			paths[p] = true
		}
	}
	if bytes.Contains(files["sitemap.xml"], []byte("<sitemapindex")) {
		if err := xml.Unmarshal(files["sitemap.xml"], &doc); err != nil {
			t.Fatalf("sitemap.xml: %v", err)
		}
		if doc.XMLName.Space != ns || len(doc.Sitemaps) < 2 || len(doc.URLs) > 0 {
			t.Fatalf("sitemap.xml is an index of %d sitemaps and %d URLs", len(doc.Sitemaps), len(doc.URLs))
		}
		for _, s := range slices.Clone(doc.Sitemaps) {
			read(check("sitemap.xml", s))
		}
		return paths
	}
	read("sitemap.xml")
	return paths
}

// TestTimelineByMonth checks a long timeline: /timeline/ lists its months,
// and each month's pages, walked along their next links, hold the month's
// entries once each, at most pageSize a page; together every dated entry.
func TestTimelineByMonth(t *testing.T) {
	b := New(Options{Source: os.DirFS(generated(t, 120, 5))})
	res, err := b.Build(nil)
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	d, base, size := b.last, res.Site.BasePath(), res.Site.PageSize
	want := len(d.Events) + len(d.Articles)
	for _, q := range d.Quotes {
		if !q.Said.IsZero() {
			want++
		}
	}
	index := string(testfiles.Read(t, res.Output)["timeline/index.html"])
	months := regexp.MustCompile(`<li><a href="([^"]+)"><time datetime="(\d{4}-\d\d)">`).FindAllStringSubmatch(index, -1)
	if len(months) < 2 || strings.Contains(index, `class="day"`) {
		t.Fatalf("/timeline/ of %d entries lists %d months, days: %v", want, len(months), strings.Contains(index, `class="day"`))
	}
	entry := regexp.MustCompile(`<li class="entry entry-\w+"><span class="entry-kind">[^<]*</span> <span class="entry-what"><a href="([^"]+)">`)
	next := regexp.MustCompile(`<a rel="next" href="([^"]+)">`)
	total, paged := 0, false
	for _, m := range months {
		seen := map[string]bool{}
		for url := m[1]; url != ""; {
			page := string(testfiles.Read(t, res.Output)[strings.TrimPrefix(url, base)+"index.html"])
			if page == "" {
				t.Fatalf("month %s: no page at %s", m[2], url)
			}
			found := entry.FindAllStringSubmatch(page, -1)
			if len(found) > size {
				t.Errorf("%s holds %d entries", url, len(found))
			}
			for _, f := range found {
				if seen[f[1]] {
					t.Errorf("month %s: %s twice", m[2], f[1])
				}
				seen[f[1]] = true
			}
			url = ""
			if n := next.FindStringSubmatch(page); n != nil {
				url, paged = n[1], true
			}
		}
		total += len(seen)
	}
	if total != want {
		t.Errorf("the months hold %d entries, want %d", total, want)
	}
	if !paged {
		t.Error("no month has several pages: the test checks little")
	}
}

// pageLimit is the most bytes an HTML page may weigh, uncompressed (issue 21).
const pageLimit = 150_000

// TestEveryPageBounded builds a generated 1,000-article dossier, 10,000
// with DOSSIER_LARGE=1, as `dossier build` does (each file handed over as it
// is made, the site never whole in memory) and fails on any HTML page over
// pageLimit. It also walks every paginated list (see checkLists) and checks
// that the sitemap, or the sitemaps of its index, is valid and lists every
// page and nothing else.
func TestEveryPageBounded(t *testing.T) {
	n := 1000
	if os.Getenv("DOSSIER_LARGE") != "" {
		n = 10000
	} else if testing.Short() {
		t.Skip("builds a 1,000-article dossier")
	}
	dir := generated(t, n, 1)
	site, diags := config.Load(os.DirFS(dir), config.FileName)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	verdicts := map[string]bool{}
	for _, v := range site.Verdicts {
		verdicts[v.ID] = true
	}
	var (
		mu          sync.Mutex
		kept        = map[string][]byte{} // the lists' pages and the sitemaps
		pages       = map[string]bool{}   // the site path of every page
		files, html int
		bytesOut    int64
		largest     string
		largestSize int
		over        []string
	)
	b := New(Options{Source: os.DirFS(dir)})
	res, err := b.buildOnce()
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	_, err = readEach(res.Output, func(name string, data []byte) {
		mu.Lock()
		defer mu.Unlock()
		files++
		bytesOut += int64(len(data))
		if strings.HasSuffix(name, ".html") {
			html++
			if len(data) > largestSize {
				largest, largestSize = name, len(data)
			}
			if len(data) > pageLimit {
				over = append(over, fmt.Sprintf("%s (%d bytes)", name, len(data)))
			}
		}
		if p, ok := strings.CutSuffix(name, "index.html"); ok && (p == "" || strings.HasSuffix(p, "/")) {
			pages[p] = true
		}
		if listPage(name, verdicts) || (strings.HasPrefix(name, "sitemap") && strings.HasSuffix(name, ".xml")) {
			kept[name] = bytes.Clone(data)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d articles: %d files, %d of them HTML, %.1f MB in all; the largest page is %s, %d bytes",
		n, files, html, float64(bytesOut)/1e6, largest, largestSize)
	slices.Sort(over)
	for _, o := range over {
		t.Errorf("over %d bytes: %s", pageLimit, o)
	}
	if long := checkLists(t, b.last, res.Site, kept); long < 10 {
		t.Errorf("only %d lists of several pages: the walk checks little", long)
	}
	listed := sitemapPaths(t, res.Site, kept)
	for p := range pages {
		if !listed[p] {
			t.Errorf("the sitemap does not list /%s", p)
		}
	}
	for p := range listed {
		if !pages[p] {
			t.Errorf("the sitemap lists /%s, which is no page", p)
		}
	}
	if len(pages) > 50000 && !bytes.Contains(kept["sitemap.xml"], []byte("<sitemapindex")) {
		t.Errorf("%d pages, and sitemap.xml is no index of sitemaps", len(pages))
	}
}

// listPage reports whether the output file name is a page checkLists reads:
// a page of a list of the whole dossier, of a verdict's claims, of a tag, or
// of an actor's or organization's claims, quotes or mentions.
func listPage(name string, verdicts map[string]bool) bool {
	parts := strings.Split(name, "/")
	switch {
	case len(parts) == 2 || slices.Contains(parts, "page"):
		return true
	case len(parts) == 4 && (parts[0] == "actors" || parts[0] == "organizations"):
		return parts[2] == "claims" || parts[2] == "quotes" || parts[2] == "mentions"
	case len(parts) == 3 && parts[0] == "tags":
		return true
	case len(parts) == 3 && parts[0] == "claims":
		return verdicts[parts[1]]
	}
	return false
}
