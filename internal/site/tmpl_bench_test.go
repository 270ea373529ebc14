package site

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"

	root "github.com/dossier-dev/dossier"
	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/markdown"
	"github.com/dossier-dev/dossier/internal/render"
)

// renderInput prepares, once, what the renderer gets for a generated
// dossier of n articles: the resolved dossier, its converted bodies and the
// templates. Versions stay nil, so every Render renders every page.
func renderInput(b *testing.B, n int) (*render.Renderer, render.Input) {
	b.Helper()
	dir := corpus(b, n)
	if over := os.Getenv("DOSSIER_RENDER_TEMPLATES"); over != "" {
		// A site's own templates, to check that overrides keep working.
		if err := os.CopyFS(filepath.Join(dir, "templates"), os.DirFS(over)); err != nil {
			b.Fatal(err)
		}
	}
	src := os.DirFS(dir)
	builder := New(Options{Source: src})
	site, diags := config.Load(src, config.FileName)
	set, ldiags, err := builder.load(nil)
	if err != nil {
		b.Fatal(err)
	}
	r, tdiags, err := builder.templates(site)
	if err != nil {
		b.Fatal(err)
	}
	d, bodies, mdiags, err := builder.parseResolveConvert(site, set)
	if err != nil {
		b.Fatal(err)
	}
	codeCSS, err := markdown.CSS(site.Markdown.Highlight)
	if err != nil {
		b.Fatal(err)
	}
	for _, l := range []interface{ HasErrors() bool }{diags, ldiags, tdiags, mdiags} {
		if l.HasErrors() {
			b.Fatal(l)
		}
	}
	return r, render.Input{Dossier: d, HTML: bodies.html, Text: bodies.text, CodeCSS: codeCSS,
		Static: root.Static(), SkipStatic: IsTempFile}
}

// BenchmarkRender1000 times one full render (every page's template, the
// search index, the export, feeds and sitemap) of a 1,000-article dossier,
// without loading, resolving or converting it.
func BenchmarkRender1000(b *testing.B) {
	r, in := renderInput(b, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		out, err := r.Render(in)
		if err != nil {
			b.Fatal(err)
		}
		n, err := readEach(out, func(string, []byte) {})
		if err != nil {
			b.Fatal(err)
		}
		if n == 0 {
			b.Fatal("no files")
		}
	}
}

// BenchmarkRenderDump writes one render of the 1,000-article dossier to the
// folder named by DOSSIER_RENDER_DUMP, to compare template changes byte for
// byte (diff -r) on a larger site than the golden one. With
// DOSSIER_RENDER_TEMPLATES=DIR, the templates of DIR override the defaults.
func BenchmarkRenderDump(b *testing.B) {
	dir := os.Getenv("DOSSIER_RENDER_DUMP")
	if dir == "" {
		b.Skip("set DOSSIER_RENDER_DUMP=DIR to write a render of the 1,000-article dossier")
	}
	r, in := renderInput(b, 1000)
	out, err := r.Render(in)
	if err != nil {
		b.Fatal(err)
	}
	var mu sync.Mutex
	var errs []error
	_, err = readEach(out, func(name string, body []byte) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		err := os.MkdirAll(filepath.Dir(p), 0o755)
		if err == nil {
			err = os.WriteFile(p, body, 0o644)
		}
		if err != nil {
			mu.Lock()
			errs = append(errs, err)
			mu.Unlock()
		}
	})
	if err := errors.Join(append(errs, err)...); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
	}
}
