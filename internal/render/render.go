// Package render turns a resolved dossier into the files of the site, in
// memory: HTML pages from html/template templates (the site's templates/ over
// the embedded defaults), static files, the stylesheet for highlighted code,
// feeds, sitemap, JSON-LD, the search index and the data export. Every URL
// comes from one builder, URLs, so the site works under any base path.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"sync"

	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// Input is everything one render needs.
type Input struct {
	Dossier *dossier.Dossier
	// HTML holds rendered Markdown by key: "article:ID", "actor:ID",
	// "organization:ID", "event:ID", "claim:ID" (the explanation), "quote:ID" (the context).
	HTML map[string]template.HTML
	// Text holds the plain text of article bodies by article id, for search.
	Text map[string]string
	// Static is the static files (the site's over the defaults), copied as they are.
	Static fs.FS
	// SkipStatic, when set, leaves out static files by name (editors' temporary files).
	SkipStatic func(name string) bool
	// CodeCSS is the stylesheet for highlighted code.
	CodeCSS []byte
	// Preview marks a build for `dossier serve` (drafts are labelled).
	Preview bool
	// Versions identifies the content of each source file by "kind:id"
	// ("article:x", "actor:y", "organization:z", "event:e"), and Global
	// everything else the pages depend on (configuration, templates, options,
	// the names bodies link). A page whose dependencies kept their versions
	// is not rendered again (see incremental.go).
	Versions map[string]uint64
	Global   uint64
}

// Renderer renders sites with templates parsed once.
type Renderer struct {
	tmpl  *Templates
	mu    sync.Mutex
	cache map[string]cachedPage     // output path → the page of the last render
	items map[string]cachedPage     // "claim:ID", "quote:ID" → its list entry in the last render
	terms map[string]map[string]int // article body text → its search term counts, last render
	out   map[string]cachedPage     // other generated files of the last render, see siteData.reuse
}

// New parses the templates of fsys (normally Overlay(site templates, defaults)).
func New(templates fs.FS) (*Renderer, diag.List) {
	t, diags := ParseTemplates(templates, funcs)
	if diags.HasErrors() {
		return nil, diags
	}
	return &Renderer{tmpl: t}, diags
}

// Files is a rendered site: output path → bytes.
type Files map[string][]byte

// job is one output file to produce.
type job struct {
	path     string // output path, e.g. articles/x/index.html
	template string // the page template to execute
	page     *Page
}

// Render produces every file of the site. Template execution failures are
// diagnostics; err is for the tool's own failures.
func (r *Renderer) Render(in Input) (Files, diag.List, error) {
	site := newSiteData(in, r.tmpl)
	jobs := pages(site)
	signer := newSigner(in, site.links.net)
	r.mu.Lock()
	defer r.mu.Unlock()
	site.signer, site.previous = signer, r.items
	site.prevTerms, site.nextTerms = r.terms, map[string]map[string]int{}
	site.prevOut, site.nextOut = r.out, map[string]cachedPage{}
	previous, next := r.cache, make(map[string]cachedPage, len(jobs))
	files := Files{}
	var diags diag.List
	var mu sync.Mutex
	work := make(chan job)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for j := range work {
				sig := signer.signature(j.page)
				if old, ok := previous[j.path]; ok && old.sig == sig && in.Versions != nil {
					mu.Lock()
					files[j.path], next[j.path] = old.body, old
					mu.Unlock()
					continue
				}
				buf.Reset()
				err := r.tmpl.Execute(&buf, j.template, j.page)
				mu.Lock()
				if err != nil {
					diags.Add(templateDiagnostic(j.template, fmt.Errorf("%s: %w", j.path, err)))
				} else {
					files[j.path] = bytes.Clone(buf.Bytes())
					next[j.path] = cachedPage{sig: sig, body: files[j.path]}
				}
				mu.Unlock()
			}
		})
	}
	for _, j := range jobs {
		work <- j
	}
	close(work)
	wg.Wait()
	r.cache = next
	r.items = map[string]cachedPage{}
	site.items.Range(func(k, v any) bool {
		r.items[k.(string)] = v.(cachedPage)
		return true
	})
	if err := addStatic(files, in); err != nil {
		return nil, diags, err
	}
	// The search index and the data export read only the dossier; they are
	// made while feeds and sitemap are, into their own maps.
	search, export := Files{}, Files{}
	var searchErr, exportErr error
	var side sync.WaitGroup
	side.Go(func() { searchErr = addSearch(search, site) })
	side.Go(func() { export["data/dossier.json"], exportErr = exportJSON(site) })
	dataErr := addData(files, site)
	side.Wait()
	for _, err := range []error{dataErr, searchErr, exportErr} {
		if err != nil {
			return nil, diags, err
		}
	}
	r.out, r.terms = site.nextOut, site.nextTerms
	maps.Copy(files, search)
	maps.Copy(files, export)
	return files, diags, nil
}

func addStatic(files Files, in Input) error {
	if in.Static != nil {
		names, err := fsList(in.Static)
		if err != nil {
			return fmt.Errorf("list static files: %w", err)
		}
		for _, p := range names {
			if in.SkipStatic != nil && in.SkipStatic(path.Base(p)) {
				continue
			}
			b, err := fs.ReadFile(in.Static, p)
			if err != nil {
				return fmt.Errorf("read static %s: %w", p, err)
			}
			files[p] = b
		}
	}
	files["code.css"] = in.CodeCSS
	files[".nojekyll"] = []byte{}
	return nil
}
