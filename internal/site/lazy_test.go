package site

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	root "github.com/dossier-dev/dossier"
	"github.com/dossier-dev/dossier/internal/render"
	"github.com/dossier-dev/dossier/internal/testfiles"
)

// failingArticle is the default article template, failing on the page of
// an article whose title is longer than 200 characters: a failure that
// shows only when that page renders.
func failingArticle(t *testing.T) []byte {
	t.Helper()
	src, err := fs.ReadFile(root.Templates(), "article.html")
	if err != nil {
		t.Fatal(err)
	}
	return append([]byte(`{{if gt (len .Object.Title) 200}}{{index .Object.Claims 999}}{{end}}`), src...)
}

// writeFailingArticle makes failingArticle the article template of the
// site in dir.
func writeFailingArticle(t *testing.T, dir string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "templates", "article.html"), failingArticle(t), 0o644); err != nil {
		t.Fatal(err)
	}
}

// addSentence adds "A sentence added in the test." to the article file of
// the site in dir, and builds it again with b, which must succeed.
func addSentence(t *testing.T, b *Builder, dir, file string) *Result {
	t.Helper()
	path := filepath.Join(dir, "content", "articles", file)
	src, _ := os.ReadFile(path)
	if err := os.WriteFile(path, append(src, "\nA sentence added in the test.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := b.Build([]string{"content/articles/" + file})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build after the sentence was added: %v %v", err, res.Diags)
	}
	return res
}

// A lazy build (serve's) renders every page (but the share cards) the first time, then only the
// pages asked for; what it serves equals a fresh full build; a template
// change renders everything again, so its failure is reported at once.
func TestLazyBuild(t *testing.T) {
	dir := generated(t, 20, 3)
	// The site's article template fails on a long title, so that whether
	// a page rendered shows in the build's diagnostics.
	writeFailingArticle(t, dir)
	b := New(Options{Source: os.DirFS(dir), Preview: true, Lazy: true})
	first, err := b.Build(nil)
	if err != nil || first.Diags.HasErrors() || first.Output == nil {
		t.Fatalf("first build: %v %v", err, first.Diags)
	}

	articles, _ := os.ReadDir(filepath.Join(dir, "content", "articles"))
	edited, other := articles[0].Name(), articles[1].Name()
	second := addSentence(t, b, dir, edited)
	page := func(file string) string { return "articles/" + strings.TrimSuffix(file, ".md") + "/index.html" }
	if first.Output.Version(page(edited)) == second.Output.Version(page(edited)) {
		t.Errorf("the edited article's page kept the first build's version")
	}
	if !kept(first.Output, second.Output, page(other)) {
		t.Errorf("an unchanged article's page was not kept from the first build")
	}

	fresh, err := Build(Options{Source: os.DirFS(dir), Preview: true})
	if err != nil || fresh.Diags.HasErrors() {
		t.Fatalf("fresh build: %v %v", err, fresh.Diags)
	}
	for name, want := range testfiles.Read(t, fresh.Output) {
		have, err := second.Output.ReadFile(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
		} else if !bytes.Equal(have, want) {
			t.Errorf("%s: the lazy build differs from a fresh build", name)
		}
	}

	// An edit that makes the article's page fail: the lazy build does not
	// render the page, so its failure shows when the page is read.
	path := filepath.Join(dir, "content", "articles", edited)
	src, _ := os.ReadFile(path)
	long := regexp.MustCompile(`(?m)^title = "`).ReplaceAll(src, []byte(`title = "`+strings.Repeat("Long ", 50)))
	if bytes.Equal(long, src) {
		t.Fatal("the article has no title to make long")
	}
	if err := os.WriteFile(path, long, 0o644); err != nil {
		t.Fatal(err)
	}
	third, err := b.Build([]string{"content/articles/" + edited})
	if err != nil || third.Diags.HasErrors() || third.Output == nil {
		t.Fatalf("a lazy build rendered the edited article's page before anyone asked for it: %v %v", err, third.Diags)
	}
	out := third.Output.(*render.Output)
	if failed := out.Failures(); len(failed) > 0 {
		t.Errorf("failures before any page was read: %v", failed)
	}
	var tmplErr *render.TemplateError
	if _, err := out.ReadFile(page(edited)); !errors.As(err, &tmplErr) {
		t.Errorf("reading the failing page: got %v, want a template error", err)
	}
	if failed := out.Failures(); !failed.HasErrors() {
		t.Errorf("the failing page's read left no failure")
	}

	// The first build of a lazy Builder renders every page: the failure
	// shows at once.
	res, err := New(Options{Source: os.DirFS(dir), Preview: true, Lazy: true}).Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	res.Diags.WriteText(&text)
	if !res.Diags.HasErrors() || !strings.Contains(text.String(), "templates/article.html") || res.Output != nil {
		t.Errorf("a lazy first build with a failing page: want its error at once, got %v", res.Diags)
	}

	if err := os.WriteFile(filepath.Join(dir, "templates", "claim.html"), []byte(`{{template "no-such-partial" .}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	fourth, err := b.Build([]string{"templates"})
	if err != nil {
		t.Fatal(err)
	}
	text.Reset()
	fourth.Diags.WriteText(&text)
	if !fourth.Diags.HasErrors() || !strings.Contains(text.String(), "templates/claim.html") {
		t.Errorf("a failing template after a template change: want its error at once, got %v", fourth.Diags)
	}
}

// kept reports whether the page name of next, a later output of the same
// Builder, is prev's again: next took prev's bytes without rendering,
// since nothing the page read changed. prev's page must have been rendered
// (read, or rendered by the build) for this to mean anything: a page never
// rendered keeps its version too.
func kept(prev, next Output, name string) bool {
	v := prev.Version(name)
	return v != 0 && next.Version(name) == v
}

// pageSet is the set of an output's pages and share cards.
func pageSet(out Output) map[string]bool {
	set := map[string]bool{}
	for _, name := range out.Pages() {
		set[name] = true
	}
	return set
}

// TestUnreadPageVersions: in a lazy build, a page nobody asked for since
// its inputs changed still gets a new version at each change, and keeps
// it while nothing changes, so that serve's count of the pages a save
// changed is never "no page changed" after an edit.
func TestUnreadPageVersions(t *testing.T) {
	dir := generated(t, 10, 3)
	b := New(Options{Source: os.DirFS(dir), Preview: true, Lazy: true})
	articles, _ := os.ReadDir(filepath.Join(dir, "content", "articles"))
	edited := articles[0].Name()
	path := filepath.Join(dir, "content", "articles", edited)
	page := "articles/" + strings.TrimSuffix(edited, ".md") + "/index.html"
	other := "articles/" + strings.TrimSuffix(articles[1].Name(), ".md") + "/index.html"
	var outs []Output
	build := func(step string) {
		t.Helper()
		res, err := b.Build(nil)
		if err != nil || res.Diags.HasErrors() {
			t.Fatalf("%s: %v %v", step, err, res.Diags)
		}
		outs = append(outs, res.Output)
	}
	build("first")
	for i := range 2 {
		src, _ := os.ReadFile(path)
		if err := os.WriteFile(path, fmt.Appendf(src, "\nEdit %d.\n", i), 0o644); err != nil {
			t.Fatal(err)
		}
		build(fmt.Sprint("edit ", i))
	}
	build("no change")
	v := func(k int, name string) uint64 { return outs[k].Version(name) }
	if v(0, page) == v(1, page) || v(1, page) == v(2, page) || v(0, page) == v(2, page) {
		t.Errorf("the edited page, never read after the first build: versions %d, %d, %d, want three", v(0, page), v(1, page), v(2, page))
	}
	if v(2, page) != v(3, page) {
		t.Errorf("a build that changed nothing gave the edited page a new version: %d then %d", v(2, page), v(3, page))
	}
	if v(0, other) != v(3, other) {
		t.Errorf("an article not edited changed version: %d then %d", v(0, other), v(3, other))
	}
}

// TestVersionAfterTemplateChange: a template change makes a new renderer,
// whose pages have no last version to compare with; a page whose bytes
// changed must not keep its version.
func TestVersionAfterTemplateChange(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	b := New(Options{Source: fsys, Preview: true, Lazy: true})
	first, err := b.Build(nil)
	if err != nil || first.Diags.HasErrors() {
		t.Fatal(err, first.Diags)
	}
	name := "articles/sco-offer/index.html"
	before, _ := first.Output.ReadFile(name)
	src, err := fs.ReadFile(root.Templates(), "article.html")
	if err != nil {
		t.Fatal(err)
	}
	fsys["templates/article.html"] = &fstest.MapFile{Data: append(src, "<p>changed</p>"...)}
	second, err := b.Build([]string{"templates/article.html"})
	if err != nil || second.Diags.HasErrors() {
		t.Fatal(err, second.Diags)
	}
	after, _ := second.Output.ReadFile(name)
	if bytes.Equal(before, after) {
		t.Fatal("the template change did not change the page")
	}
	if v := first.Output.Version(name); v == second.Output.Version(name) {
		t.Errorf("the page's bytes changed, yet both builds give it version %d", v)
	}
}

// TestPreviewHoldsOnlyWhatIsRead: serve's first build renders every page
// to report the templates' failures, then lets the bytes go and keeps what
// each page read; a page read afterwards renders again, equal to a fresh
// build's, and the next build still knows which pages a save changed. A
// build that renders everything (serve --render-all) holds each page in
// its own length, not in the 32 kB buffer it was rendered into.
func TestPreviewHoldsOnlyWhatIsRead(t *testing.T) {
	dir := generated(t, 20, 5)
	b := New(Options{Source: os.DirFS(dir), Preview: true, Lazy: true})
	first, err := b.Build(nil)
	if err != nil || first.Diags.HasErrors() {
		t.Fatalf("first build: %v %v", err, first.Diags)
	}
	out := first.Output.(*render.Output)
	if held := out.Held(); held != 0 {
		t.Errorf("the first build holds %d bytes of pages", held)
	}
	fresh, err := Build(Options{Source: os.DirFS(dir), Preview: true})
	if err != nil || fresh.Diags.HasErrors() {
		t.Fatalf("fresh build: %v %v", err, fresh.Diags)
	}
	articles, _ := os.ReadDir(filepath.Join(dir, "content", "articles"))
	page := func(i int) string {
		return "articles/" + strings.TrimSuffix(articles[i].Name(), ".md") + "/index.html"
	}
	for _, name := range []string{page(0), page(1), "index.html", "claims/index.html"} {
		if len(out.Inputs(name)) == 0 {
			t.Errorf("%s: no recorded inputs after the first build", name)
		}
		for range 2 {
			have, err := out.ReadFile(name)
			want, _ := fresh.Output.ReadFile(name)
			if err != nil || !bytes.Equal(have, want) {
				t.Errorf("%s: read again after the first build: %v, equal to a fresh build: %v", name, err, bytes.Equal(have, want))
			}
		}
	}
	if held := out.Held(); held != 0 {
		t.Errorf("pages read after the first build are held: %d bytes", held)
	}

	second := addSentence(t, b, dir, articles[0].Name())
	if first.Output.Version(page(0)) == second.Output.Version(page(0)) {
		t.Errorf("the edited article's page kept the first build's version")
	}
	if !kept(first.Output, second.Output, page(1)) {
		t.Errorf("an unchanged article's page was not kept from the first build")
	}
	edited, err := second.Output.ReadFile(page(0))
	if err != nil || !bytes.Contains(edited, []byte("A sentence added in the test.")) {
		t.Errorf("the edited page: %v, has the new sentence: %v", err, bytes.Contains(edited, []byte("A sentence added in the test.")))
	}

	all, err := New(Options{Source: os.DirFS(dir), Preview: true}).Build(nil)
	if err != nil || all.Diags.HasErrors() {
		t.Fatalf("a build that renders everything: %v %v", err, all.Diags)
	}
	total := 0
	for name, data := range testfiles.Read(t, all.Output) {
		if strings.HasSuffix(name, ".html") && pageSet(all.Output)[name] {
			total += len(data)
		}
	}
	// Go's allocator rounds a slice up to its size class, at most 1/8 more.
	if held := all.Output.(*render.Output).Held(); held < total || held > total+total/8 {
		t.Errorf("a build that renders everything holds %d bytes for %d bytes of pages", held, total)
	}
}
