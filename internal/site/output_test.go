package site

import (
	"testing"
	"testing/fstest"
)

// TestOutputIsAFileSystem: a build's output behaves as fs.FS says a file
// system must (fstest.TestFS: opening, reading, listing and walking agree),
// pages, static files and the files made from the whole dossier alike.
func TestOutputIsAFileSystem(t *testing.T) {
	res, err := Build(Options{Source: loadSite(t, "testdata/golden/site.txtar")})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diags)
	}
	if err := fstest.TestFS(res.Output, "index.html", "claims/wang-outside-forces/index.html", "style.css",
		"search/index.json", "data/dossier.json", "data/claimreview.json", "sitemap.xml", "feed.xml"); err != nil {
		t.Fatal(err)
	}
}
