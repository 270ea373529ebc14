package site

import (
	"os"
	"testing"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// BenchmarkResolve1000 resolves the graph of a generated 1,000-article
// dossier and finishes it (without mentions), as every rebuild of serve does:
// the part of BenchmarkRebuildOneArticle1000 that no cache shortens.
func BenchmarkResolve1000(b *testing.B) {
	src := os.DirFS(corpus(b, 1000))
	site, _ := config.Load(src, config.FileName)
	set, _, err := New(Options{Source: src}).load(nil)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_, diags := dossier.Resolve(site, set, false, nil)
		if diags.HasErrors() {
			b.Fatal(diags)
		}
	}
}
