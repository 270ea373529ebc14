package site

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/dossier-dev/dossier/internal/testfiles"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// loadSite reads a txtar archive into an in-memory site folder.
func loadSite(t testing.TB, name string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(name)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

// buildSite builds an in-memory site and fails the test on any error.
func buildSite(t *testing.T, fsys fstest.MapFS, opts Options) *Result {
	t.Helper()
	opts.Source = fsys
	res, err := Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		var b bytes.Buffer
		res.Diags.WriteText(&b)
		t.Fatalf("build failed:\n%s", b.String())
	}
	return res
}

// TestGolden compares representative rendered pages with testdata/golden.
// Run `go test ./internal/site -run Golden -update` after a deliberate change
// to templates or rendering, and review the diff.
func TestGolden(t *testing.T) {
	res := buildSite(t, loadSite(t, "testdata/golden/site.txtar"), Options{BaseURL: "https://example.org/dossier/"})
	pages := map[string]string{
		"index.html":                            "home.html",
		"articles/sco-offer/index.html":         "article.html",
		"claims/sco-formed-by-china/index.html": "claim.html",
		"quotes/outside-forces/index.html":      "quote.html",
		"actors/wang-wenbin/index.html":         "actor.html",
		"organizations/sco/index.html":          "organization.html",
		"claims/misleading/index.html":          "verdict.html",
		"timeline/index.html":                   "timeline.html",
	}
	compareGolden(t, res, pages)
}

// TestGoldenFactCheck compares the pages of the fact-check apparatus with
// testdata/golden: a claim with updates, staff, archived and pinpointed
// sources; re-posted articles whose original has a date and has none; the
// corrections log and its feed; a site's own methodology text; a not-rated
// claim on its claimant's scorecard, its page and its verdict's page.
func TestGoldenFactCheck(t *testing.T) {
	res := buildSite(t, loadSite(t, "testdata/golden/factcheck.txtar"), Options{})
	compareGolden(t, res, map[string]string{
		"claims/formed-2001/index.html":            "fc-claim.html",
		"articles/repost/index.html":               "fc-article-original.html",
		"articles/undated/index.html":              "fc-article-undated.html",
		"corrections/index.html":                   "fc-corrections.html",
		"corrections.xml":                          "fc-corrections.xml",
		"methodology/index.html":                   "fc-methodology.html",
		"organizations/sco/index.html":             "fc-organization.html",
		"claims/not-rated/index.html":              "fc-not-rated.html",
		"claims/outside-forces-framing/index.html": "fc-claim-not-rated.html",
	})
}

// compareGolden compares output pages with their golden files (page → file
// name in testdata/golden), or rewrites them with -update.
func compareGolden(t *testing.T, res *Result, pages map[string]string) {
	t.Helper()
	for page, golden := range pages {
		got, ok := testfiles.Read(t, res.Output)[page]
		if !ok {
			t.Errorf("no %s in the output", page)
			continue
		}
		path := filepath.Join("testdata", "golden", golden)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run with -update after a deliberate change):\n%s", page, path, firstDiff(string(want), string(got)))
		}
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + wl + "\n  got:  " + gl
		}
	}
	return ""
}
