package render

import (
	"maps"

	"github.com/dossier-dev/dossier/internal/render/export"
	"github.com/dossier-dev/dossier/internal/render/search"
)

// SideOutputs makes only the side outputs of a render: the search index, the
// data export, the feeds, sitemap.xml and robots.txt, as Render makes them on
// a first render, but one after the other and with empty HTML pages (the
// sitemap lists them). It is for benchmarks of these outputs.
func SideOutputs(in Input) (Files, error) {
	site := newSiteData(in, nil)
	site.fps = newFingerprints(in, site.links, &depTable{})
	files := Files{}
	for _, j := range pages(site, nil) {
		files[j.path] = nil
	}
	if err := addSearch(files, site); err != nil {
		return nil, err
	}
	if err := addExport(files, site); err != nil {
		return nil, err
	}
	if err := addData(files, site); err != nil {
		return nil, err
	}
	return files, nil
}

// addExport adds the data export (see package export) to files.
func addExport(files Files, s *siteData) error {
	out, err := export.Files(s.D, s.URLs)
	maps.Copy(files, out)
	return err
}

// addSearch adds the search index (see package search) to files.
func addSearch(files Files, s *siteData) error {
	out, err := search.Files(search.Input{Dossier: s.D, Words: s.words, Text: s.in.Text, Consume: s.in.Versions == nil,
		EventText: s.eventDescription})
	maps.Copy(files, out)
	return err
}
