package render

import (
	"maps"
	"slices"

	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/render/export"
	"github.com/dossier-dev/dossier/internal/render/feeds"
	"github.com/dossier-dev/dossier/internal/render/search"
)

// SideOutputs makes only the side outputs of a render: the search index, the
// data export, the feeds, sitemap.xml and robots.txt, as Render makes them on
// a first render, but one after the other and with empty HTML pages (the
// sitemap lists them). It is for benchmarks of these outputs.
func SideOutputs(in Input) (map[string][]byte, error) {
	site := newSiteData(in, nil)
	site.fps = newFingerprints(in, site.links, &depTable{})
	files := fileMap{}
	for _, j := range pages(site) {
		files[j.path] = nil
	}
	if err := addSearch(files, site); err != nil {
		return nil, err
	}
	if err := addExport(files, site); err != nil {
		return nil, err
	}
	if err := addData(files, slices.Collect(maps.Keys(files)), site); err != nil {
		return nil, err
	}
	return files, nil
}

// addExport adds the data export (see package export) to files.
func addExport(files fileMap, s *siteData) error {
	out, err := export.Files(s.D, s.URLs)
	maps.Copy(files, out)
	return err
}

// addSearch adds the search index (see package search) to files.
func addSearch(files fileMap, s *siteData) error {
	out, err := search.Files(search.Input{Dossier: s.D, Words: s.words, Text: s.in.Text, Consume: s.in.Versions == nil,
		EventText: s.eventDescription})
	maps.Copy(files, out)
	return err
}

// addData adds what a static host expects besides the pages: the feeds,
// sitemap.xml, robots.txt and CNAME (see package feeds), and every
// ClaimReview in one document. The sitemap lists the HTML pages among
// names, the site's other files.
func addData(files fileMap, names []string, s *siteData) error {
	out, err := feeds.Files(feeds.Input{Dossier: s.D, URLs: s.URLs, Words: s.words, Files: names,
		Headline: func(a *dossier.Article) (string, string) {
			h := s.headline(a)
			return h.Rated, h.Note
		},
		Rated:      s.ratedPhrase,
		QuoteTitle: func(q *dossier.Quote, n int) string { return quoteTitle(s.words, q, n) },
		QuoteAbout: func(q *dossier.Quote) string { return quoteDescription(s.words, q) },
	})
	if err != nil {
		return err
	}
	maps.Copy(files, out)
	files[ClaimReviewPath], err = claimReviews(s)
	return err
}
