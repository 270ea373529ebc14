package site_test

import (
	"bytes"
	"encoding/xml"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/internal/site"
	"github.com/dossier-dev/dossier/internal/testfiles"
)

const subPathURL = "https://example.github.io/kz-dossier/"

// atom is the part of an Atom feed the tests read.
type atom struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string   `xml:"title"`
	ID      string   `xml:"id"`
	Updated string   `xml:"updated"`
	Author  struct {
		Name string `xml:"name"`
	} `xml:"author"`
	Links []struct {
		Rel  string `xml:"rel,attr"`
		Href string `xml:"href,attr"`
	} `xml:"link"`
	Entries []struct {
		ID      string `xml:"id"`
		Title   string `xml:"title"`
		Updated string `xml:"updated"`
		Summary string `xml:"summary"`
		Link    struct {
			Href string `xml:"href,attr"`
		} `xml:"link"`
	} `xml:"entry"`
}

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		Lastmod string `xml:"lastmod"`
	} `xml:"url"`
}

// wellFormed decodes every token of b, failing on the first XML error.
func wellFormed(t *testing.T, name string, b []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte(`<?xml version="1.0" encoding="UTF-8"?>`)) {
		t.Errorf("%s: no XML declaration", name)
	}
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err != nil {
			if err.Error() != "EOF" {
				t.Errorf("%s: not well-formed: %v", name, err)
			}
			return
		}
	}
}

// absUnder reports whether s is an absolute URL under base.
func absUnder(s, base string) bool {
	u, err := url.Parse(s)
	return err == nil && u.IsAbs() && strings.HasPrefix(s, base)
}

// TestFeedsAreValidAtom checks the site's feed and every actor's and
// organization's: well-formed, the elements RFC 4287 requires, absolute URLs
// under the base URL, and a feed date that is its newest entry's.
func TestFeedsAreValidAtom(t *testing.T) {
	res := buildBundled(t, subPathURL)
	var feeds []string
	for name := range testfiles.Read(t, res.Output) {
		if strings.HasSuffix(name, "feed.xml") {
			feeds = append(feeds, name)
		}
	}
	slices.Sort(feeds)
	entities := 0
	for name := range testfiles.Read(t, res.Output) {
		if regexp.MustCompile(`^(actors|organizations)/[a-z0-9-]+/index\.html$`).MatchString(name) {
			entities++
			feed := strings.TrimSuffix(name, "index.html") + "feed.xml"
			link := `<link rel="alternate" type="application/atom+xml" title="`
			if !bytes.Contains(testfiles.Read(t, res.Output)[name], []byte(link)) || !bytes.Contains(testfiles.Read(t, res.Output)[name], []byte(`href="/kz-dossier/`+feed+`"`)) {
				t.Errorf("%s does not link its feed %s", name, feed)
			}
		}
	}
	if len(feeds) != entities+1 || entities == 0 {
		t.Fatalf("%d feeds for %d actors and organizations; want one each and the site's", len(feeds), entities)
	}
	for _, name := range feeds {
		checkFeed(t, name, testfiles.Read(t, res.Output)[name])
	}
}

func checkFeed(t *testing.T, name string, b []byte) {
	t.Helper()
	wellFormed(t, name, b)
	var f atom
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if f.Title == "" || f.Author.Name == "" || !absUnder(f.ID, subPathURL) {
		t.Errorf("%s: title %q, author %q, id %q", name, f.Title, f.Author.Name, f.ID)
	}
	self := ""
	for _, l := range f.Links {
		if !absUnder(l.Href, subPathURL) {
			t.Errorf("%s: link %q is not an absolute URL under %s", name, l.Href, subPathURL)
		}
		if l.Rel == "self" {
			self = l.Href
		}
	}
	if self != subPathURL+name {
		t.Errorf("%s: self link %q", name, self)
	}
	updated := mustTime(t, name, f.Updated)
	var newest time.Time
	for i, e := range f.Entries {
		at := mustTime(t, name, e.Updated)
		if at.After(newest) {
			newest = at
		}
		if e.Title == "" || e.Summary == "" || !absUnder(e.ID, subPathURL) || !absUnder(e.Link.Href, subPathURL) {
			t.Errorf("%s: entry %d: id %q, title %q, link %q, summary %q", name, i, e.ID, e.Title, e.Link.Href, e.Summary)
		}
	}
	if len(f.Entries) > 0 && !updated.Equal(newest) {
		t.Errorf("%s: updated %s, newest entry %s", name, f.Updated, newest.Format(time.RFC3339))
	}
	if name == "feed.xml" && len(f.Entries) == 0 {
		t.Errorf("the site's feed has no entries")
	}
}

func mustTime(t *testing.T, name, s string) time.Time {
	t.Helper()
	at, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Errorf("%s: updated %q is not an RFC 3339 time", name, s)
	}
	return at
}

// TestSitemapListsEveryPage checks sitemap.xml: well-formed, every page once
// with an absolute URL, lastmod dates that are content dates, and robots.txt
// pointing at it.
func TestSitemapListsEveryPage(t *testing.T) {
	res := buildBundled(t, subPathURL)
	b := testfiles.Read(t, res.Output)["sitemap.xml"]
	wellFormed(t, "sitemap.xml", b)
	var s urlset
	if err := xml.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	var locs []string
	for _, u := range s.URLs {
		locs = append(locs, u.Loc)
		if !absUnder(u.Loc, subPathURL) {
			t.Errorf("loc %q is not an absolute URL under %s", u.Loc, subPathURL)
		}
		if u.Lastmod != "" {
			if _, err := time.Parse("2006-01-02", u.Lastmod); err != nil {
				t.Errorf("%s: lastmod %q is not a date", u.Loc, u.Lastmod)
			}
		}
	}
	var want []string
	for name := range testfiles.Read(t, res.Output) {
		if name == "index.html" || strings.HasSuffix(name, "/index.html") {
			want = append(want, subPathURL+strings.TrimSuffix(name, "index.html"))
		}
	}
	slices.Sort(want)
	if !slices.Equal(locs, want) {
		t.Errorf("sitemap lists %d URLs, the site has %d pages", len(locs), len(want))
	}
	lastmod := map[string]string{}
	for _, u := range s.URLs {
		lastmod[strings.TrimPrefix(u.Loc, subPathURL)] = u.Lastmod
	}
	for page, date := range map[string]string{
		"":                                    "2026-12-04", // the newest update of a claim (the corrections log)
		"events/csto-deployment-decided/":     "2022-01-06",
		"quotes/wang-certain-outside-forces/": "2022-01-10",
	} {
		if lastmod[page] != date {
			t.Errorf("lastmod of %q = %q, want %q", page, lastmod[page], date)
		}
	}
	if robots := string(testfiles.Read(t, res.Output)["robots.txt"]); !strings.Contains(robots, "\nSitemap: "+subPathURL+"sitemap.xml\n") {
		t.Errorf("robots.txt does not point at the sitemap:\n%s", robots)
	}
}

// TestBuildIsReproducible builds the bundled dossier twice from scratch and
// compares every byte: no clock, map order or scheduling leaks into the output.
func TestBuildIsReproducible(t *testing.T) {
	var runs [2]map[string][]byte
	for i := range runs {
		res, err := site.Build(site.Options{Source: dirFS(repoRoot), BaseURL: subPathURL})
		if err != nil || res.Diags.HasErrors() {
			t.Fatalf("build %d: %v %v", i, err, res.Diags)
		}
		runs[i] = testfiles.Read(t, res.Output)
	}
	if a, b := slices.Sorted(maps.Keys(runs[0])), slices.Sorted(maps.Keys(runs[1])); !slices.Equal(a, b) {
		t.Fatalf("the two builds wrote different file lists")
	}
	for name, b := range runs[0] {
		if !bytes.Equal(b, runs[1][name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}
