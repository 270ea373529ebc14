package site

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/render"
)

// A lazy build (serve's) renders every page (but the share cards) the first time, then only the
// pages asked for; what it serves equals a fresh full build; a template
// change renders everything again, so its failure is reported at once.
func TestLazyBuild(t *testing.T) {
	dir := generated(t, 20, 3)
	b := New(Options{Source: os.DirFS(dir), Preview: true, Lazy: true})
	first, err := b.Build(nil)
	if err != nil || first.Diags.HasErrors() || first.Plan == nil || first.Files != nil {
		t.Fatalf("first build: %v %v", err, first.Diags)
	}
	for name, d := range first.Plan.Pages {
		if strings.HasSuffix(name, "/card.png") {
			continue // a share card is made when asked for: it has no template to fail
		}
		if !d.Rendered() {
			t.Fatalf("first build: %s not rendered", name)
		}
	}

	articles, _ := os.ReadDir(filepath.Join(dir, "content", "articles"))
	edited, other := articles[0].Name(), articles[1].Name()
	path := filepath.Join(dir, "content", "articles", edited)
	src, _ := os.ReadFile(path)
	if err := os.WriteFile(path, append(src, "\nA sentence added in the test.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	second, err := b.Build([]string{"content/articles/" + edited})
	if err != nil || second.Diags.HasErrors() {
		t.Fatalf("second build: %v %v", err, second.Diags)
	}
	page := func(file string) string { return "articles/" + strings.TrimSuffix(file, ".md") + "/index.html" }
	if second.Plan.Pages[page(edited)].Rendered() {
		t.Errorf("the edited article's page was rendered before anyone asked for it")
	}
	if !kept(first.Plan.Pages[page(other)], second.Plan.Pages[page(other)]) {
		t.Errorf("an unchanged article's page was not kept from the first build")
	}

	fresh, err := Build(Options{Source: os.DirFS(dir), Preview: true})
	if err != nil || fresh.Diags.HasErrors() {
		t.Fatalf("fresh build: %v %v", err, fresh.Diags)
	}
	for name, want := range fresh.Files {
		var have []byte
		if d := second.Plan.Pages[name]; d != nil {
			have, _ = d.Bytes()
		} else if f, ok := second.Plan.Files[name]; ok {
			have = f
		} else {
			side, err := second.Plan.Side()
			if err != nil {
				t.Fatal(err)
			}
			have = side[name]
		}
		if !bytes.Equal(have, want) {
			t.Errorf("%s: the lazy build differs from a fresh build", name)
		}
	}

	if err := os.MkdirAll(filepath.Join(dir, "templates"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "templates", "claim.html"), []byte(`{{template "no-such-partial" .}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	third, err := b.Build([]string{"templates"})
	if err != nil {
		t.Fatal(err)
	}
	var text bytes.Buffer
	third.Diags.WriteText(&text)
	if !third.Diags.HasErrors() || !strings.Contains(text.String(), "templates/claim.html") {
		t.Errorf("a failing template after a template change: want its error at once, got %v", third.Diags)
	}
}

// kept reports whether next, a page of a later plan, is prev again: prev
// was rendered, and next took its bytes without rendering, since nothing
// prev read changed.
func kept(prev, next *render.Deferred) bool {
	return prev != nil && next != nil && prev.Rendered() && next.Sig() == prev.Sig() && next.Rendered()
}
