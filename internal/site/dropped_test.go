package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/dossier-dev/dossier/internal/testfiles"
)

// htmlPages lists out's HTML pages (share cards are skipped by
// CheckAndLetGo, so only these are ever dropped).
func htmlPages(out Output) []string {
	var names []string
	for _, name := range out.Pages() {
		if strings.HasSuffix(name, ".html") {
			names = append(names, name)
		}
	}
	return names
}

// freshFiles is every file of a fresh full build of dir.
func freshFiles(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	res, err := Build(Options{Source: os.DirFS(dir), Preview: true})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("fresh build: %v %v", err, res.Diags)
	}
	return testfiles.Read(t, res.Output)
}

// readAllAtOnce reads every page of out from workers goroutines at once,
// each page by every worker, and reports each page that differs from want.
func readAllAtOnce(out Output, names []string, want map[string][]byte, workers int) []string {
	var mu sync.Mutex
	var bad []string
	var wg sync.WaitGroup
	start := make(chan struct{})
	for w := range workers {
		wg.Go(func() {
			<-start
			for k := range names {
				name := names[(k+w*7)%len(names)]
				have, err := out.ReadFile(name)
				if err != nil || !bytes.Equal(have, want[name]) {
					mu.Lock()
					bad = append(bad, fmt.Sprintf("%s (err %v, %d vs %d bytes)", name, err, len(have), len(want[name])))
					mu.Unlock()
				}
			}
		})
	}
	close(start)
	wg.Wait()
	return bad
}

func reportReads(t *testing.T, what string, bad []string) {
	t.Helper()
	if len(bad) > 0 {
		t.Errorf("%s: %d reads differ from a fresh build, e.g. %s", what, len(bad), bad[0])
	}
}

// TestDroppedPagesReadAtOnce: serve's first build drops every page's
// bytes; many readers then read the same dropped pages at once, from the
// newest output and from older ones, including while the next build (a
// configuration change: CheckAndLetGo again) runs. Every read must equal a
// fresh build of the files that output was built from.
func TestDroppedPagesReadAtOnce(t *testing.T) {
	dir := generated(t, 12, 7)
	b := New(Options{Source: os.DirFS(dir), Preview: true, Lazy: true})
	first, err := b.Build(nil)
	if err != nil || first.Diags.HasErrors() {
		t.Fatalf("first build: %v %v", err, first.Diags)
	}
	fresh1 := freshFiles(t, dir)
	names1 := htmlPages(first.Output)
	reportReads(t, "first output, 8 readers", readAllAtOnce(first.Output, names1, fresh1, 8))

	// A prose save: the second output settles most pages on the first's
	// dropped versions.
	articles, _ := os.ReadDir(filepath.Join(dir, "content", "articles"))
	second := addSentence(t, b, dir, articles[0].Name())
	fresh2 := freshFiles(t, dir)
	names2 := htmlPages(second.Output)

	var wg sync.WaitGroup
	var bad1, bad2 []string
	wg.Go(func() { bad2 = readAllAtOnce(second.Output, names2, fresh2, 6) })
	wg.Go(func() { bad1 = readAllAtOnce(first.Output, names1, fresh1, 6) })
	wg.Wait()
	reportReads(t, "second output, concurrent with the first", bad2)
	reportReads(t, "first output after the second build", bad1)

	// A configuration change (the site's title): the third build checks
	// and drops every page again, while readers read both older outputs.
	cfg := filepath.Join(dir, "site.toml")
	toml, _ := os.ReadFile(cfg)
	toml = regexp.MustCompile(`(?m)^title = ".*"$`).ReplaceAll(toml, []byte(`title = "A renamed dossier"`))
	if err := os.WriteFile(cfg, toml, 0o644); err != nil {
		t.Fatal(err)
	}
	var third *Result
	wg.Go(func() { bad1 = readAllAtOnce(first.Output, names1, fresh1, 4) })
	wg.Go(func() { bad2 = readAllAtOnce(second.Output, names2, fresh2, 4) })
	third, err = b.Build([]string{"site.toml"})
	wg.Wait()
	if err != nil || third.Diags.HasErrors() {
		t.Fatalf("third build: %v %v", err, third.Diags)
	}
	reportReads(t, "first output, read during the third build", bad1)
	reportReads(t, "second output, read during the third build", bad2)
	fresh3 := freshFiles(t, dir)
	reportReads(t, "third output, 8 readers", readAllAtOnce(third.Output, htmlPages(third.Output), fresh3, 8))
	reportReads(t, "first output after the third build", readAllAtOnce(first.Output, names1, fresh1, 4))
	reportReads(t, "second output after the third build", readAllAtOnce(second.Output, names2, fresh2, 4))
}

// TestOldOutputKeepsItsWords: serve keeps serving the last good output when
// a build fails. Here the failing build also changes the site's language;
// the old output's pages, rendered again when read (their bytes were let
// go), must still print the old words: the template functions t, tn and
// date print their Renderer's, and a change of words makes a new Renderer.
// Found by a review: 161 of 173 pages came out in Russian.
func TestOldOutputKeepsItsWords(t *testing.T) {
	dir := generated(t, 12, 7)
	writeFailingArticle(t, dir)
	b := New(Options{Source: os.DirFS(dir), Preview: true, Lazy: true})
	first, err := b.Build(nil)
	if err != nil || first.Diags.HasErrors() {
		t.Fatalf("first build: %v %v", err, first.Diags)
	}
	fresh1 := freshFiles(t, dir)

	cfg := filepath.Join(dir, "site.toml")
	toml, _ := os.ReadFile(cfg)
	toml = bytes.Replace(toml, []byte(`language = "en"`), []byte(`language = "ru"`), 1)
	if err := os.WriteFile(cfg, toml, 0o644); err != nil {
		t.Fatal(err)
	}
	articles, _ := os.ReadDir(filepath.Join(dir, "content", "articles"))
	path := filepath.Join(dir, "content", "articles", articles[0].Name())
	src, _ := os.ReadFile(path)
	src = regexp.MustCompile(`(?m)^title = "`).ReplaceAll(src, []byte(`title = "`+strings.Repeat("Long ", 50)))
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := b.Build([]string{"site.toml", "content/articles/" + articles[0].Name()})
	if err != nil {
		t.Fatal(err)
	}
	if !second.Diags.HasErrors() || second.Output != nil {
		t.Fatalf("the second build was meant to fail on the long title: %v", second.Diags)
	}
	// serve still serves the first output.
	reportReads(t, "the last good output, read after a failed build", readAllAtOnce(first.Output, htmlPages(first.Output), fresh1, 1))
}
