package feeds

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

// addSitemap lists every HTML page among names but the 404 page, sorted,
// each with the newest date relevant to it as lastmod (never the wall
// clock, so identical input gives identical output), taken from mod (see
// lastmods). Pages without a date have no lastmod. Past sitemapLimit
// pages, sitemap.xml is an index of sitemap-1.xml, sitemap-2.xml … each
// listing at most that many.
func addSitemap(files map[string][]byte, u urls.URLs, names []string, mod map[string]dossier.Date) error {
	var paths []string
	for _, p := range names {
		if p == "index.html" || strings.HasSuffix(p, "/index.html") {
			paths = append(paths, strings.TrimSuffix(p, "index.html"))
		}
	}
	slices.Sort(paths)
	locs := make([]sitemapURL, len(paths))
	for i, p := range paths {
		locs[i].Loc = u.Abs(p)
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
		index.Sitemaps = append(index.Sitemaps, sitemapURL{Loc: u.Abs(name), LastMod: newest})
	}
	b, err := marshalXML(&index, "sitemap.xml")
	files["sitemap.xml"] = b
	return err
}
