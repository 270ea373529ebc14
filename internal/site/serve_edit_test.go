package site

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/render"
	"github.com/dossier-dev/dossier/internal/testfiles"
)

// servedSite is a lazy build as `dossier serve` keeps it, with every page
// and side file rendered, as if a reader had opened them all.
type servedSite struct {
	out  Output
	side map[string][]byte // the files that are neither pages nor static
}

// serveBuild runs b and renders everything the result holds.
func serveBuild(t *testing.T, b *Builder, changed []string) servedSite {
	t.Helper()
	res, err := b.Build(changed)
	if err != nil || res.Diags.HasErrors() || res.Output == nil {
		t.Fatalf("build after %v: %v %v", changed, err, res.Diags)
	}
	if diags := res.Output.(*render.Output).Check(); diags.HasErrors() {
		t.Fatal(diags)
	}
	side := map[string][]byte{}
	for name, data := range testfiles.Read(t, res.Output) {
		if res.Output.Version(name) == 0 { // neither a page nor a static file
			side[name] = data
		}
	}
	return servedSite{res.Output, side}
}

// rewritten lists the output files that next made again since prev: the
// pages whose version changed (serve renders them again and tells the
// browser they changed) and the side files whose bytes differ.
func rewritten(prev, next servedSite) (pages, side []string) {
	for _, name := range next.out.Pages() {
		if v := prev.out.Version(name); v == 0 || v != next.out.Version(name) {
			pages = append(pages, name)
		}
	}
	for name, data := range next.side {
		if old, ok := prev.side[name]; !ok || !bytes.Equal(old, data) {
			side = append(side, name)
		}
	}
	for name := range prev.side {
		if _, ok := next.side[name]; !ok {
			side = append(side, name)
		}
	}
	slices.Sort(pages)
	slices.Sort(side)
	return pages, side
}

// entityOf is "actors/x" for a page of actor x, and so for an
// organization's; "" for any other page.
func entityOf(page string) string {
	parts := strings.Split(page, "/")
	if len(parts) < 3 || (parts[0] != "actors" && parts[0] != "organizations") {
		return ""
	}
	return parts[0] + "/" + parts[1]
}

// TestServeRewritesInProportion counts the files `dossier serve` makes
// again after one saved edit in a generated 1,000-article dossier (issue
// 21, point 6). A body-only edit of an article re-renders its own page and
// rewrites the search files that hold its text: at most 60 files in all.
// Other edits (a claim's explanation, a new name in the body, the title)
// re-render only pages that show the article, its claims or its quotes, the
// pages of the actors and organizations it involves, and the few pages that
// sum the whole dossier up: never the dossier's thousands of pages.
func TestServeRewritesInProportion(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 1,000-article dossier")
	}
	dir := generated(t, 1000, 1)
	b := New(Options{Source: os.DirFS(dir), Preview: true, Lazy: true})
	last := serveBuild(t, b, nil)
	total := len(last.out.Pages()) + len(last.side)

	entries, err := os.ReadDir(filepath.Join(dir, "content", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	name := entries[len(entries)/2].Name()
	rel := "content/articles/" + name
	path := filepath.Join(dir, filepath.FromSlash(rel))
	id := strings.TrimSuffix(name, ".md")
	a := b.last.Article(id)
	if a == nil || len(a.Claims) == 0 {
		t.Fatalf("no article %s with claims", id)
	}
	article, claim := "articles/"+id+"/index.html", "claims/"+a.Claims[0].ID+"/index.html"

	// What shows the article links it, one of its claims or one of its quotes.
	shows := []string{"/articles/" + id + "/"}
	for _, c := range a.Claims {
		shows = append(shows, "/claims/"+c.ID+"/")
	}
	for _, q := range a.Quotes {
		shows = append(shows, "/quotes/"+q.ID+"/")
	}
	// The pages of the actors and organizations the article involves list
	// it in full (their first page shows a few of the list and its count).
	involved := map[string]bool{}
	for _, x := range a.Actors {
		involved["actors/"+x.ID] = true
	}
	for _, o := range a.Organizations {
		involved["organizations/"+o.ID] = true
	}
	for _, c := range a.Claims {
		switch e := c.Claimant.(type) {
		case *dossier.Actor:
			involved["actors/"+e.ID] = true
		case *dossier.Organization:
			involved["organizations/"+e.ID] = true
		}
	}
	for _, q := range a.Quotes {
		if q.Speaker != nil {
			involved["actors/"+q.Speaker.ID] = true
		}
		if q.Via != nil {
			involved["organizations/"+q.Via.ID] = true
		}
	}
	var newcomer *dossier.Actor // an actor the article does not name yet
	for _, x := range b.last.Actors {
		if !involved["actors/"+x.ID] {
			newcomer = x
			break
		}
	}
	involved["actors/"+newcomer.ID] = true
	// The home page and the corrections log sum the whole dossier up;
	// /actors/ and /organizations/ draw the whole network.
	summary := map[string]bool{"index.html": true, "corrections/index.html": true,
		"actors/index.html": true, "organizations/index.html": true}

	edits := []struct {
		what string
		edit func(string) string
		max  int // files rewritten, pages and side files
		must []string
	}{
		{"a body-only edit", func(src string) string {
			return src + "\nA sentence added in the test.\n"
		}, 60, []string{article}},
		{"a claim's explanation", func(src string) string {
			return strings.Replace(src, `explanation = "`, `explanation = "Edited in the test. `, 1)
		}, 100, []string{article, claim}},
		{"a body edit that names " + newcomer.Name, func(src string) string {
			return src + "\n" + newcomer.Name + " made no comment.\n"
		}, 60, []string{article, "actors/" + newcomer.ID + "/index.html"}},
		{"an article's title", func(src string) string {
			return regexp.MustCompile(`(?m)^title = "`).ReplaceAllString(src, `title = "Edited `)
		}, 120, []string{article, claim}},
	}
	for _, e := range edits {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		edited := e.edit(string(src))
		if edited == string(src) {
			t.Fatalf("%s: the edit changed nothing", e.what)
		}
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		next := serveBuild(t, b, []string{rel})
		pages, side := rewritten(last, next)
		t.Logf("%s rewrites %d of %d files: %d pages, %d side files %v", e.what, len(pages)+len(side), total, len(pages), len(side), side)
		if n := len(pages) + len(side); n > e.max {
			t.Errorf("%s rewrites %d files, more than %d; pages: %v", e.what, n, e.max, pages)
		}
		for _, page := range pages {
			data, err := next.out.ReadFile(page)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.ContainsFunc(shows, func(link string) bool { return bytes.Contains(data, []byte(link)) }) &&
				!involved[entityOf(page)] && !summary[page] {
				t.Errorf("%s re-renders %s, which shows neither the article nor its claims and quotes, and is no page of an actor or organization it involves", e.what, page)
			}
		}
		for _, want := range e.must {
			if !slices.Contains(pages, want) {
				t.Errorf("%s does not re-render %s", e.what, want)
			}
		}
		last = next
	}
}
