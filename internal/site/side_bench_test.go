package site

import (
	"os"
	"testing"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/render"
)

// sideInput resolves a generated dossier of n articles and converts its
// Markdown, as Build does, and returns what Render would get.
func sideInput(b *testing.B, n int) render.Input {
	b.Helper()
	builder := New(Options{Source: os.DirFS(corpus(b, n))})
	site, diags := config.Load(builder.opts.Source, config.FileName)
	set, ldiags, err := builder.load(nil)
	if err != nil {
		b.Fatal(err)
	}
	diags.Append(ldiags)
	d, bodies, mdiags, err := builder.parseResolveConvert(site, set)
	if err != nil {
		b.Fatal(err)
	}
	diags.Append(mdiags)
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	return render.Input{Dossier: d, HTML: bodies.html, Text: bodies.text,
		Versions: builder.versions(), Global: builder.global(site)}
}

// BenchmarkSideOutputs1000 times the search index, data export, feeds and
// sitemap of a generated 1,000-article dossier, without the HTML pages.
func BenchmarkSideOutputs1000(b *testing.B) {
	in := sideInput(b, 1000)
	b.ResetTimer()
	for b.Loop() {
		if _, err := render.SideOutputs(in); err != nil {
			b.Fatal(err)
		}
	}
}

// parseResolveConvert parses the Markdown of set, resolves the dossier
// and converts the Markdown, as a build does.
func (b *Builder) parseResolveConvert(site *config.Site, set *content.Set) (*dossier.Dossier, bodies, diag.List, error) {
	md := b.parseAll(site, set, false)
	d, diags := dossier.Resolve(site, set, false, md.found)
	diags.Append(md.diags)
	res, err := b.convertAll(site, d, md)
	return d, res, diags, err
}
