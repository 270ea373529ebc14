package site

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkBodyEditPages1000 counts the pages that a body-only edit of one
// article of a 1,000-article dossier makes `dossier serve` render again
// (pages/op), after a first build that rendered every page.
func BenchmarkBodyEditPages1000(b *testing.B) {
	dir := corpus(b, 1000)
	entries, err := os.ReadDir(filepath.Join(dir, "content", "articles"))
	if err != nil {
		b.Fatal(err)
	}
	name := entries[len(entries)/2].Name()
	path := filepath.Join(dir, "content", "articles", name)
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(path, orig, 0o644)
	pages := 0
	for b.Loop() {
		if err := os.WriteFile(path, orig, 0o644); err != nil {
			b.Fatal(err)
		}
		builder := New(Options{Source: os.DirFS(dir), Preview: true, Lazy: true})
		first, err := builder.Build(nil)
		if err != nil || first.Diags.HasErrors() {
			b.Fatal(err, first.Diags)
		}
		if err := os.WriteFile(path, append(bytes.Clone(orig), "\nAn added sentence.\n"...), 0o644); err != nil {
			b.Fatal(err)
		}
		second, err := builder.Build([]string{"content/articles/" + name})
		if err != nil || second.Diags.HasErrors() {
			b.Fatal(err, second.Diags)
		}
		pages = 0
		for _, p := range second.Output.Pages() {
			if !kept(first.Output, second.Output, p) {
				pages++
			}
		}
	}
	b.ReportMetric(float64(pages), "pages/op")
}
