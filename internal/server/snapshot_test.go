package server

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/dossier-dev/dossier/internal/site"
)

// TestPlanSnapshotNotesWhatWent: a rebuild that changes nothing notes no
// file, one that removes an article notes its page, and one that changes
// a stylesheet notes it.
func TestPlanSnapshotNotesWhatWent(t *testing.T) {
	dir := copyBundledSite(t)
	writeFile(t, dir, "content/articles/second.md", "+++\ntitle = \"Second\"\ndate = 2022-01-09\n+++\n\nText.\n")
	opts := realOptions(dir)
	opts.Lazy = true
	b := site.New(opts)
	snap := func(changed []string, prev *snapshot) (*snapshot, changes) {
		t.Helper()
		res, err := b.Build(changed)
		if err != nil || res.Diags.HasErrors() || res.Output == nil {
			t.Fatalf("build: %v %v", err, res.Diags)
		}
		return newSnapshot(res.Output, "/", prev)
	}
	first, _ := snap(nil, pendingSnapshot("/"))
	if first.files["articles/second/index.html"] == nil {
		t.Fatal("no page for the second article")
	}
	same, ch := snap([]string{}, first)
	if len(ch.files) != 0 {
		t.Errorf("a rebuild that changed nothing noted %v", slices.Sorted(maps.Keys(ch.files)))
	}
	if err := os.Remove(filepath.Join(dir, "content", "articles", "second.md")); err != nil {
		t.Fatal(err)
	}
	next, ch := snap([]string{"content/articles/second.md"}, same)
	if !ch.files["articles/second/index.html"] || next.files["articles/second/index.html"] != nil {
		t.Errorf("the removed article's page: noted %t, still served %t", ch.files["articles/second/index.html"], next.files["articles/second/index.html"] != nil)
	}
	writeFile(t, dir, "static/style.css", "body { color: black }\n")
	if _, ch = snap([]string{"static/style.css"}, next); !ch.files["style.css"] || !slices.Contains(ch.css, "style.css") {
		t.Errorf("the changed stylesheet: noted %v, stylesheets %v", slices.Sorted(maps.Keys(ch.files)), ch.css)
	}
}
