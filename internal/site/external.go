package site

import (
	"net/url"

	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/linkcheck"
)

// externalLinks lists every external URL of the dossier where it is
// written, for `dossier check --external`: sources and their archived
// copies, the original of a re-posted article, actors' images, and the
// publisher's and staff's addresses in site.toml.
func externalLinks(d *dossier.Dossier) []linkcheck.Link {
	var links []linkcheck.Link
	add := func(l linkcheck.Link) {
		if isExternal(l.URL) {
			links = append(links, l)
		}
	}
	for _, s := range d.Sources() {
		add(linkcheck.Link{URL: s.URL, Pos: s.URLPos, Quote: s.Quote != ""})
		add(linkcheck.Link{URL: s.Archived, Pos: s.ArchivedPos})
		if o := s.Original; o != nil {
			add(linkcheck.Link{URL: o.URL, Pos: o.URLPos})
		}
	}
	for _, a := range d.Actors {
		add(linkcheck.Link{URL: a.Image, Pos: a.At("image")})
	}
	site := d.Site
	add(linkcheck.Link{URL: site.Publisher.URL, Pos: site.Pos("publisher.url")})
	add(linkcheck.Link{URL: site.Publisher.Corrections, Pos: site.Pos("publisher.corrections")})
	for i, m := range site.Staff {
		add(linkcheck.Link{URL: m.URL, Pos: site.EntryPos("staff", i, "url")})
	}
	return links
}

// isExternal reports whether s is an http(s) URL with a host.
func isExternal(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
