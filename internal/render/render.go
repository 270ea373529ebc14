// Package render turns a resolved dossier into the files of the site, as one
// in-memory file system (Output): HTML pages from html/template templates
// (the site's templates/ over the embedded defaults) with their JSON-LD,
// static files, the stylesheet for highlighted code, and the files its
// subpackages make from the whole dossier (search, export, feeds). Every
// URL comes from one builder, urls.URLs, so the site works under any base
// path.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/render/card"
)

// Input is everything one render needs.
type Input struct {
	Dossier *dossier.Dossier
	// HTML holds the rendered Markdown of the build (see TextKey).
	HTML map[TextKey]template.HTML
	// Text holds the plain text of article bodies by article id, for search.
	// A render that keeps nothing (Versions nil) empties it as it reads it.
	Text map[string]string
	// Static is the static files (the site's over the defaults), copied as they are.
	Static fs.FS
	// SkipStatic, when set, leaves out static files by name (editors' temporary files).
	SkipStatic func(name string) bool
	// CodeCSS is the stylesheet for highlighted code.
	CodeCSS []byte
	// Preview marks a build for `dossier serve` (drafts are labelled).
	Preview bool
	// Versions identifies the content of each source file by the object
	// it holds (an article, actor, organization or event): an article's
	// front matter alone, since its rendered body is compared as it is;
	// Global identifies the configuration and the build's options. A page
	// whose recorded inputs kept their fingerprints is not rendered again
	// (see record.go). Without Versions, nothing of the render is kept for
	// the next one.
	Versions map[dossier.Ref]uint64
	Global   uint64
	// BodyVersions identifies what each article's body was rendered from
	// (a hash of its file, the names it links and the options), so that a
	// body is compared without reading it; a body without a version is
	// compared as rendered.
	BodyVersions map[dossier.Ref]uint64
	// Cards draws the share cards, keeping them by content; nil draws
	// every card of the render.
	Cards *Cards
}

// TextKey names one rendered Markdown text of a build in Input.HTML.
type TextKey struct {
	// Of is whose text it is: an article's, actor's, organization's or
	// event's body, a claim's explanation, a quote's context; the zero Ref
	// for content/methodology.md.
	Of dossier.Ref
	// Update, for a claim, is 1 + the index of the update (oldest first)
	// whose note the text is; 0 for the claim's explanation.
	Update int
}

// BodyOf is the key of the text of the object r names.
func BodyOf(r dossier.Ref) TextKey { return TextKey{Of: r} }

// UpdateNote is the key of the note of a claim's i-th update, oldest first.
func UpdateNote(claim *dossier.Claim, i int) TextKey { return TextKey{Of: claim.Ref(), Update: i + 1} }

// Methodology is the key of content/methodology.md, when the site has one.
var Methodology = TextKey{}

// Renderer renders sites with templates parsed once.
type Renderer struct {
	tmpl  *Templates
	words atomic.Pointer[config.Words] // the words of the site of the last render, which t and tn print

	mu   sync.Mutex
	kept *Output // the last render kept for the next one
	// firstSig is the generation of a page with no version to compare
	// with (see lazyPage.Sig): one of its own for each Renderer.
	firstSig uint64
	plan     *plan                      // the last render's plan
	items    map[dossier.Ref]cachedItem // a claim's or quote's list entry, last renders
	table    depTable                   // what the pages of kept renders read
	last     *siteData                  // the last render's data, whose list entries the next render keeps
}

// New parses the templates of fsys (normally Overlay(site templates, defaults)).
func New(templates fs.FS) (*Renderer, diag.List) {
	r := &Renderer{firstSig: uniqueSig()}
	r.words.Store(english)
	t, diags := ParseTemplates(templates, templateFuncs(r.words.Load))
	if diags.HasErrors() {
		return nil, diags
	}
	r.tmpl = t
	return r, diags
}

// fileMap holds files by output path, as they are made.
type fileMap = map[string][]byte

// job is one page to produce.
type job struct {
	path     string                     // output path, e.g. articles/x/index.html
	template string                     // the page template to execute
	kind     string                     // the page's kind (see Page.Kind)
	object   any                        // the page's article, claim … or nil
	page     func(site *siteData) *Page // makes the page's data, when it renders
	// card, for a share card instead of a page, says what the card shows,
	// recording what it reads.
	card func(site *siteData, rec *recorder) card.Card
}

// plan is a render's pages, in order, and where each is. It is made from
// the graph and its configuration alone, never from a render's data, so
// that a render of the same graph (a save that edits prose only: see
// site's Builder.resolve) uses it again.
// Speed: planning the pages of a 1,000-article dossier took 9 ms of each
// serve rebuild after a prose edit; reusing the plan took
// BenchmarkRebuildOneArticle1000 from 37.9 to 22.1 ms, and the 10,000-article
// one from 663 to 345 ms (medians of 3, alternating; one run at 10,000).
type plan struct {
	graph *dossier.Dossier
	jobs  []job
	order []string       // the jobs' paths
	index map[string]int // path → its job
}

// planFor returns the plan of site's graph: last, when it is that graph's.
func planFor(site *siteData, last *plan) *plan {
	if last != nil && last.graph == site.D {
		return last
	}
	jobs := pages(site)
	p := &plan{graph: site.D, jobs: jobs, order: make([]string, len(jobs)), index: make(map[string]int, len(jobs))}
	for i, j := range jobs {
		p.order[i] = j.path
		p.index[j.path] = i
	}
	return p
}

// failures gathers the templates' failures of a render: a failure at one
// place of a template, which every page of that template meets, is
// reported once, with the number of pages.
type failures struct {
	order []diag.Diagnostic
	pages map[diag.Diagnostic][]string
}

func (f *failures) add(e *TemplateError) {
	if f.pages == nil {
		f.pages = map[diag.Diagnostic][]string{}
	}
	if _, seen := f.pages[e.Diag]; !seen {
		f.order = append(f.order, e.Diag)
	}
	f.pages[e.Diag] = append(f.pages[e.Diag], e.Page)
}

// list is one diagnostic a failure, naming the first page (in name order)
// and how many more met it.
func (f *failures) list() diag.List {
	var out diag.List
	for _, d := range f.order {
		pages := f.pages[d]
		first := slices.Min(pages)
		switch n := len(pages) - 1; n {
		case 0:
			d.Msg += " (making " + first + ")"
		case 1:
			d.Msg += " (making " + first + " and 1 more page)"
		default:
			d.Msg += fmt.Sprintf(" (making %s and %d more pages)", first, n)
		}
		out.Add(d)
	}
	return out
}

// TemplateError is a page template's failure to execute: Diag is placed in
// the template, and Page is the output file it was making.
type TemplateError struct {
	Diag diag.Diagnostic
	Page string
}

func (e *TemplateError) Error() string { return e.Page + ": " + e.Diag.String() }

// lastRendered is the last rendered version of the page old was planned
// as: old itself once rendered, else the version it would have checked.
func lastRendered(old *lazyPage) *version {
	if old == nil {
		return nil
	}
	if old.Rendered() {
		return old.ver
	}
	return old.base.Load()
}

// bodyKey is the key in Input.HTML of the rendered Markdown an article,
// claim or quote page shows as its own; false for other objects.
func bodyKey(obj any) (TextKey, bool) {
	switch o := obj.(type) {
	case *dossier.Article, *dossier.Claim, *dossier.Quote:
		return BodyOf(o.(dossier.Object).Ref()), true
	}
	return TextKey{}, false
}

// renderPage renders j into buf, recording in d what the page reads when
// the render is kept for the next one.
func (r *Renderer) renderPage(d *version, j *job, site *siteData, buf *bytes.Buffer) error {
	if j.card != nil {
		return r.renderCard(d, j, site, buf)
	}
	page := j.page(site)
	if site.fps != nil {
		page.rec = newRecorder()
		page.rec.read(dep{kind: depSite})
		page.rec.read(dep{kind: depTemplate, id: j.template})
	}
	if err := r.tmpl.Execute(buf, j.template, page); err != nil {
		return &TemplateError{Diag: templateDiagnostic(j.template, err), Page: j.path}
	}
	if site.fps != nil {
		d.pins, d.table = r.table.pin(page.rec, site.fps), &r.table
	}
	return nil
}

// renderCard makes j's share card into buf, recording in d what the card
// reads when the render is kept for the next one.
func (r *Renderer) renderCard(d *version, j *job, site *siteData, buf *bytes.Buffer) error {
	var rec *recorder
	if site.fps != nil {
		rec = newRecorder()
		rec.read(dep{kind: depSite})
	}
	b, err := site.cards.make(j.card(site, rec))
	if err != nil {
		return fmt.Errorf("%s: %w", j.path, err)
	}
	buf.Write(b)
	if site.fps != nil {
		d.pins, d.table = r.table.pin(rec, site.fps), &r.table
	}
	return nil
}

func addStatic(files fileMap, in Input) error {
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
