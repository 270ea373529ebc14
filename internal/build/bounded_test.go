package build

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
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
		page := string(res.Files["quotes/"+q.ID+"/index.html"])
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

// TestPaginatedLists walks every list of a generated dossier (an actor's
// and organization's full lists of claims and quotes included) from its first
// page along its rel="next" links: each page holds at most pageSize entries,
// the pages link back and forth, together they hold every entry exactly
// once, and the sitemap lists every page.
func TestPaginatedLists(t *testing.T) {
	b := New(Options{Source: os.DirFS(generated(t, 120, 5))})
	res, err := b.Build(nil)
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	d, size := b.last, res.Site.PageSize
	base := res.Site.BasePath()
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
	for _, v := range res.Site.Verdicts {
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
	sitemap := string(res.Files["sitemap.xml"])
	next := regexp.MustCompile(`<a rel="next" href="([^"]+)">`)
	prev := regexp.MustCompile(`<a rel="prev" href="([^"]+)">`)
	long := 0
	for _, l := range lists {
		seen := map[string]bool{}
		want := max(1, (l.want+size-1)/size)
		if want > 1 {
			long++
		}
		url, from := base+l.path, ""
		for number := 1; url != ""; number++ {
			file := strings.TrimPrefix(url, base) + "index.html"
			page := string(res.Files[file])
			if page == "" {
				t.Fatalf("%s: page %d (%s) was not built", l.path, number, file)
			}
			if !strings.Contains(sitemap, strings.TrimPrefix(url, base)+"</loc>") {
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
	if long < 3 {
		t.Fatalf("only %d lists of several pages in the generated dossier: the test checks little", long)
	}
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
	index := string(res.Files["timeline/index.html"])
	months := regexp.MustCompile(`<li><a href="([^"]+)"><time datetime="(\d{4}-\d\d)">`).FindAllStringSubmatch(index, -1)
	if len(months) < 2 || strings.Contains(index, `class="day"`) {
		t.Fatalf("/timeline/ of %d entries lists %d months, days: %v", want, len(months), strings.Contains(index, `class="day"`))
	}
	entry := regexp.MustCompile(`<li class="entry entry-\w+"><span class="entry-kind">[^<]*</span> <a href="([^"]+)">`)
	next := regexp.MustCompile(`<a rel="next" href="([^"]+)">`)
	total, paged := 0, false
	for _, m := range months {
		seen := map[string]bool{}
		for url := m[1]; url != ""; {
			page := string(res.Files[strings.TrimPrefix(url, base)+"index.html"])
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
