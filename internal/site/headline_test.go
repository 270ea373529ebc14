package site

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/testfiles"
)

// TestHeadlineVerdictsCrawl crawls built sites for every occurrence of a
// title that holds claims (in = "title") and checks that it carries every
// one of their verdicts: in the same list item, heading, table cell or
// paragraph as a badge of each; in <title>, meta contents and feed elements
// as the verdict's label; in JSON (JSON-LD, the data export, the search
// index) on the same object. No false headline travels without its verdict.
func TestHeadlineVerdictsCrawl(t *testing.T) {
	total := 0
	t.Run("bundled", func(t *testing.T) {
		res, err := Build(Options{Source: os.DirFS(repoRoot)})
		if err != nil || res.Diags.HasErrors() {
			t.Fatalf("build: %v %v", err, res.Diags)
		}
		titles := ratedTitles(t, testfiles.Read(t, res.Output))
		want := ratedTitle{"China-led Central Asian alliance to intervene in Kazakhstan", []string{"false"}, []string{"False"}}
		if !slices.ContainsFunc(titles, func(r ratedTitle) bool { return r.title == want.title && slices.Equal(r.ids, want.ids) }) {
			t.Errorf("rated titles %v, want %v among them", titles, want)
		}
		n := crawlHeadlines(t, testfiles.Read(t, res.Output), titles)
		t.Logf("bundled site: %d occurrences of %d rated titles checked", n, len(titles))
		total += n
	})
	t.Run("fixture", func(t *testing.T) {
		res := buildSite(t, loadSite(t, "testdata/headline/site.txtar"), Options{})
		titles := ratedTitles(t, testfiles.Read(t, res.Output))
		want := []ratedTitle{
			{"Minister’s bridge will open in May — and the tolls are waived", []string{"pants-on-fire", "half-true"}, []string{"Pants on fire", "Half true"}},
			{"Ferry service ends", []string{"opinion"}, []string{"Opinion"}},
		}
		for _, w := range want {
			if !slices.ContainsFunc(titles, func(r ratedTitle) bool { return r.title == w.title && slices.Equal(r.ids, w.ids) }) {
				t.Errorf("rated titles %v, want %v among them", titles, w)
			}
		}
		h1 := string(testfiles.Read(t, res.Output)["articles/bridge-opens/index.html"])
		for _, part := range []string{
			`<mark class="claim" data-claim="bridge-in-may" data-status="pants-on-fire" id="claim-bridge-in-may">Minister’s bridge will open in May</mark>`,
			`<mark class="claim" data-claim="tolls-waived" data-status="half-true" id="claim-tolls-waived">and the tolls are waived</mark>`,
			`<title>Minister’s bridge will open in May — and the tolls are waived — “Minister’s bridge will open in May” rated Pants on fire; “and the tolls are waived” rated Half true · Bridge watch</title>`,
		} {
			if !strings.Contains(h1, part) {
				t.Errorf("the article page lacks %s", part)
			}
		}
		n := crawlHeadlines(t, testfiles.Read(t, res.Output), titles)
		t.Logf("fixture: %d occurrences of %d rated titles checked", n, len(titles))
		total += n
	})
	t.Logf("%d occurrences checked in all", total)
}

// TestHeadlineRebuild edits the title claims of the headline fixture step by
// step: after each step the Builder's output equals a fresh build byte for
// byte, so every page showing a title reads the verdicts it shows.
func TestHeadlineRebuild(t *testing.T) {
	fsys := loadSite(t, "testdata/headline/site.txtar")
	b := New(Options{Source: fsys})
	edit := func(name, old, new string) func() {
		return func() {
			f := fsys[name]
			if !strings.Contains(string(f.Data), old) {
				t.Fatalf("%s has no %q", name, old)
			}
			fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1))}
		}
	}
	const bridge = "content/articles/bridge-opens.md"
	steps := []struct {
		name  string
		do    func()
		fails bool
	}{
		{"nothing", func() {}, false},
		{"title claim's verdict", edit(bridge, `status = "half-true"`, `status = "accurate"`), false},
		{"title claim's words", edit(bridge, `text = "and the tolls are waived"`, `text = "the tolls are waived"`), false},
		{"verdict label", edit("site.toml", `label = "Pants on fire"`, `label = "Pants ablaze"`), false},
		{"title without the words", edit(bridge, `title = "Minister’s bridge`, `title = "The bridge`), true},
		{"title claim back in the body", edit(bridge, "text = \"Minister's bridge will open in May\"\nin = \"title\"", `text = "cost twice the estimate"`+"\nprefix = \"It\""), false},
		{"YAML title claim's verdict", edit("content/articles/ferry-ends.md", "status: opinion", "status: accurate"), false},
	}
	for _, step := range steps {
		step.do()
		got, err := b.Build(nil)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Build(Options{Source: fsys})
		if err != nil {
			t.Fatal(err)
		}
		if step.fails {
			if !got.Diags.HasErrors() || !want.Diags.HasErrors() {
				t.Fatalf("%s: want the build to fail: %v / %v", step.name, got.Diags, want.Diags)
			}
			continue
		}
		if got.Diags.HasErrors() || want.Diags.HasErrors() {
			t.Fatalf("%s: build failed: %v / %v", step.name, got.Diags, want.Diags)
		}
		wantFiles, gotFiles := testfiles.Read(t, want.Output), testfiles.Read(t, got.Output)
		for _, name := range slices.Sorted(maps.Keys(wantFiles)) {
			if !bytes.Equal(gotFiles[name], wantFiles[name]) {
				t.Errorf("after %q, %s differs from a fresh build:\n%s", step.name, name, firstDiff(string(wantFiles[name]), string(gotFiles[name])))
			}
		}
		crawlHeadlines(t, gotFiles, ratedTitles(t, gotFiles))
	}
}

// TestTitleClaimNotFound: a title claim whose words are not in the title is
// an error at the claim's line, with the closest passage of the title.
func TestTitleClaimNotFound(t *testing.T) {
	fsys := loadSite(t, "testdata/headline/site.txtar")
	const bridge = "content/articles/bridge-opens.md"
	src := strings.Replace(string(fsys[bridge].Data), `text = "and the tolls are waived"`, `text = "and the tolls are lifted"`, 1)
	fsys[bridge] = &fstest.MapFile{Data: []byte(src)}
	res, err := Build(Options{Source: fsys})
	if err != nil {
		t.Fatal(err)
	}
	line := strings.Count(src[:strings.Index(src, `id = "tolls-waived"`)], "\n") + 1
	for _, d := range res.Diags {
		if d.Code == diag.NotFound && strings.Contains(d.Msg, `"tolls-waived": text not found in title`) {
			if d.Pos.File != bridge || d.Pos.Line < line-1 || d.Pos.Line > line+2 {
				t.Errorf("at %v, want %s near line %d", d.Pos, bridge, line)
			}
			if !strings.Contains(d.Hint, `closest passage of the title: "and the tolls are waived"`) {
				t.Errorf("hint %q", d.Hint)
			}
			return
		}
	}
	t.Errorf("no not-found error in %v", res.Diags)
}

// TestGoldenHeadline compares the pages of the headline fixture that show
// its title claims with testdata/golden (run with -update, as TestGolden).
func TestGoldenHeadline(t *testing.T) {
	res := buildSite(t, loadSite(t, "testdata/headline/site.txtar"), Options{})
	for page, golden := range map[string]string{
		"articles/bridge-opens/index.html": "headline-article.html",
		"claims/tolls-waived/index.html":   "headline-claim.html",
		"articles/index.html":              "headline-articles.html",
	} {
		got := testfiles.Read(t, res.Output)[page]
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

// TestHeadlineInRussian: the headline's verdicts in words, the summary box
// and the <h1>'s screen-reader text follow the site's language, and the
// crawl still finds every rated title with its verdicts.
func TestHeadlineInRussian(t *testing.T) {
	fsys := loadSite(t, "testdata/headline/site.txtar")
	fsys["site.toml"] = &fstest.MapFile{Data: append([]byte("language = \"ru\"\n"), fsys["site.toml"].Data...)}
	res := buildSite(t, fsys, Options{})
	page := string(testfiles.Read(t, res.Output)["articles/bridge-opens/index.html"])
	for _, want := range []string{
		"— «Minister’s bridge will open in May» вердикт: Pants on fire; «and the tolls are waived» вердикт: Half true",
		`aria-label="Что мы проверили"`,
		"Заголовок «Minister’s bridge will open in May»:",
		"Проверено утверждений:",
		`<span class="sr-only">утверждение`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the Russian article page lacks %q", want)
		}
	}
	crawlHeadlines(t, testfiles.Read(t, res.Output), ratedTitles(t, testfiles.Read(t, res.Output)))
}
