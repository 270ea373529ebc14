package render

import (
	"encoding/xml"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// urlset is sitemap.xml (the Sitemaps 0.9 protocol).
type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// sitemapIndex is sitemap.xml when the site has more pages than one sitemap
// may list: it names the sitemaps that do.
type sitemapIndex struct {
	XMLName  xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
	Sitemaps []sitemapURL `xml:"sitemap"`
}

// sitemapLimit is the most URLs one sitemap may list (the protocol's limit).
const sitemapLimit = 50000

// addSitemap lists every HTML page but the 404 page, sorted, each with the
// newest date relevant to it as lastmod (never the wall clock, so identical
// input gives identical output), taken from mod (see lastmods). Pages
// without a date have no lastmod. Past sitemapLimit pages, sitemap.xml is an
// index of sitemap-1.xml, sitemap-2.xml … each listing at most that many.
func addSitemap(files Files, s *siteData, mod map[string]dossier.Date) error {
	var paths []string
	for p := range files {
		if p == "index.html" || strings.HasSuffix(p, "/index.html") {
			paths = append(paths, strings.TrimSuffix(p, "index.html"))
		}
	}
	slices.Sort(paths)
	locs := make([]sitemapURL, len(paths))
	for i, p := range paths {
		locs[i].Loc = s.URLs.Abs(p)
		if d := mod[p]; !d.IsZero() {
			locs[i].LastMod = d.String()
		}
	}
	if len(locs) <= sitemapLimit {
		b, err := marshalXML(&urlset{URLs: locs}, "sitemap.xml")
		files["sitemap.xml"] = b
		return err
	}
	var index sitemapIndex
	for n := 1; len(locs) > 0; n++ {
		part := locs[:min(sitemapLimit, len(locs))]
		locs = locs[len(part):]
		name := "sitemap-" + strconv.Itoa(n) + ".xml"
		b, err := marshalXML(&urlset{URLs: part}, name)
		if err != nil {
			return err
		}
		files[name] = b
		var newest string
		for _, u := range part {
			newest = max(newest, u.LastMod)
		}
		index.Sitemaps = append(index.Sitemaps, sitemapURL{Loc: s.URLs.Abs(name), LastMod: newest})
	}
	b, err := marshalXML(&index, "sitemap.xml")
	files["sitemap.xml"] = b
	return err
}

// newest returns the latest of its dates; the zero Date when none is set.
func newest(dates ...dossier.Date) dossier.Date {
	var n dossier.Date
	for _, d := range dates {
		if d.After(n.Time) {
			n = d
		}
	}
	return n
}

// claimDate is when a claim last changed: its latest update or check, else its article's date.
func claimDate(c *dossier.Claim) dossier.Date { return newest(c.Checked, c.Modified(), c.Article.Date) }

// quoteDate is when a quote last changed: its article's date or when it was said.
func quoteDate(q *dossier.Quote) dossier.Date { return newest(q.Said, q.Article.Date) }

// articleDate is an article's date or the latest check of one of its claims.
func articleDate(a *dossier.Article) dossier.Date {
	d := a.Date
	for _, c := range a.Claims {
		d = newest(d, c.Checked)
	}
	return d
}

func eventDate(e *dossier.Event) dossier.Date { return newest(e.Date, e.End) }

// actorDate is the newest date among what the actor's page shows.
func actorDate(a *dossier.Actor) dossier.Date {
	var d dossier.Date
	for _, c := range a.Claims {
		d = newest(d, claimDate(c))
	}
	for _, q := range a.Quotes {
		d = newest(d, quoteDate(q))
	}
	for _, x := range a.Articles {
		d = newest(d, articleDate(x))
	}
	for _, e := range a.Events {
		d = newest(d, eventDate(e))
	}
	return d
}

// organizationDate is the newest date among what the organization's page shows.
func organizationDate(o *dossier.Organization) dossier.Date {
	var d dossier.Date
	for _, c := range o.Claims {
		d = newest(d, claimDate(c))
	}
	for _, q := range o.Statements {
		d = newest(d, quoteDate(q))
	}
	for _, x := range o.Articles {
		d = newest(d, articleDate(x))
	}
	for _, e := range o.Events {
		d = newest(d, eventDate(e))
	}
	return d
}

// lastmods maps the site path of every dated page to its newest relevant date.
func lastmods(d *dossier.Dossier) map[string]dossier.Date {
	m := map[string]dossier.Date{}
	bump := func(path string, date dossier.Date) {
		if old, ok := m[path]; !ok || date.After(old.Time) {
			m[path] = newest(old, date)
		}
	}
	for _, a := range d.Articles {
		date := articleDate(a)
		bump(Path(a), date)
		bump("articles/", date)
	}
	for _, c := range d.Claims {
		date := claimDate(c)
		bump(Path(c), date)
		bump("claims/", date)
		bump(urls.Verdict(c.Verdict.ID), date)
	}
	for _, u := range d.Updates {
		bump(urls.Corrections, u.Date)
	}
	for _, q := range d.Quotes {
		date := quoteDate(q)
		bump(Path(q), date)
		bump("quotes/", date)
		bump("timeline/", q.Said)
	}
	for _, a := range d.Actors {
		date := actorDate(a)
		bump(Path(a), date)
		bump("actors/", date)
	}
	for _, o := range d.Organizations {
		date := organizationDate(o)
		bump(Path(o), date)
		bump("organizations/", date)
	}
	for _, e := range d.Events {
		date := eventDate(e)
		bump(Path(e), date)
		bump("timeline/", date)
	}
	for _, a := range d.Articles {
		bump("timeline/", a.Date)
	}
	for _, g := range tagGroups(d) {
		for _, a := range g.articles {
			bump(urls.Tag(g.slug), articleDate(a))
			bump(urls.Tags, articleDate(a))
		}
	}
	var home dossier.Date
	for _, date := range m {
		home = newest(home, date)
	}
	m[""] = home
	return m
}
