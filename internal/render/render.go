// Package render turns a resolved dossier into the files of the site, in
// memory: HTML pages from html/template templates (the site's templates/ over
// the embedded defaults), static files, the stylesheet for highlighted code,
// feeds, sitemap, JSON-LD, the search index and the data export. Every URL
// comes from one builder, urls.URLs, so the site works under any base path.
package render

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/render/card"
	"github.com/dossier-dev/dossier/internal/work"
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
	// ReadOnce says that the templates print an article's, claim's or
	// quote's rendered Markdown on its own page only, as the default ones
	// do. A render that keeps nothing (Versions nil) then takes each such
	// body out of HTML and hands it to its page, so that it is let go once
	// the page is out rather than at the end.
	ReadOnce bool
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
	words atomic.Pointer[config.Words] // the words of the site of the last plan, which t and tn print

	mu    sync.Mutex
	pages map[string]*Deferred       // output path → the page of the last plan
	order []string                   // the last plan's page paths, in job order
	list  []*Deferred                // and its pages, in that order
	items map[dossier.Ref]cachedItem // a claim's or quote's list entry, last renders
	table depTable                   // what the pages of kept renders read
	last  *siteData                  // the last plan's data, whose list entries the next plan keeps
}

// New parses the templates of fsys (normally Overlay(site templates, defaults)).
func New(templates fs.FS) (*Renderer, diag.List) {
	r := &Renderer{}
	r.words.Store(english)
	t, diags := ParseTemplates(templates, templateFuncs(r.words.Load))
	if diags.HasErrors() {
		return nil, diags
	}
	r.tmpl = t
	return r, diags
}

// Files is a rendered site: output path → bytes.
type Files map[string][]byte

// job is one page to produce.
type job struct {
	path     string       // output path, e.g. articles/x/index.html
	template string       // the page template to execute
	kind     string       // the page's kind (see Page.Kind)
	object   any          // the page's article, claim … or nil
	page     func() *Page // makes the page's data, when it renders
	// card, for a share card instead of a page, says what the card shows,
	// recording what it reads.
	card func(*recorder) card.Card
}

// Deferred is one HTML page of a plan, rendered the first time its bytes are
// asked for; safe for concurrent use. In a render kept for the next one, a
// page whose last rendered version read nothing that changed takes that
// version's bytes instead (see settle).
type Deferred struct {
	once    sync.Once
	settled sync.Once
	done    atomic.Bool
	exec    func(*Deferred, *bytes.Buffer) error // renders the page; nil once rendered
	body    []byte
	err     error
	sig     uint64
	// base is the last rendered version of the page at this path, until
	// this one is settled; prints is this render's fingerprints.
	base   atomic.Pointer[Deferred]
	prints *fingerprints
	pins   pinned    // the inputs the page read, with their fingerprints
	table  *depTable // the renderer's
}

// Sig is the page's generation: two pages of the same path and Sig have
// the same bytes, or the earlier one was never rendered. Asking for it
// checks the page's last version against this render's inputs.
func (d *Deferred) Sig() uint64 {
	d.settle()
	return d.sig
}

// settle decides, once, whether the page is its last rendered version:
// it is when every input that version read kept its fingerprint.
func (d *Deferred) settle() {
	d.settled.Do(func() {
		b := d.base.Load()
		switch {
		case b == nil:
			d.sig = 1
		case b.pins.valid(d.prints):
			d.body, d.pins, d.table, d.sig = b.body, b.pins, b.table, b.sig
			d.exec, d.prints = nil, nil
			d.base.Store(nil)
			d.once.Do(func() {})
			d.done.Store(true)
		default:
			d.sig = b.sig + 1
		}
	})
}

// Bytes renders the page on the first call and returns its bytes, or the
// template's failure as a *TemplateError.
func (d *Deferred) Bytes() ([]byte, error) {
	d.settle()
	d.once.Do(func() {
		buf := pageBuffers.Get().(*bytes.Buffer)
		buf.Reset()
		if d.err = d.exec(d, buf); d.err == nil {
			d.body = bytes.Clone(buf.Bytes())
		}
		pageBuffers.Put(buf)
		d.exec, d.prints = nil, nil // let the dossier it read go
		d.base.Store(nil)
		d.done.Store(true)
	})
	return d.body, d.err
}

// stream renders the page into a pooled buffer, hands the bytes to put and
// keeps nothing: a one-shot render's pages are never asked for again.
func (d *Deferred) stream(name string, put func(name string, data []byte) error) error {
	buf := pageBuffers.Get().(*bytes.Buffer)
	defer pageBuffers.Put(buf)
	buf.Reset()
	err := d.exec(d, buf)
	d.exec = nil
	if err != nil {
		return err
	}
	return put(name, buf.Bytes())
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

// Rendered reports whether Bytes has run and succeeded.
func (d *Deferred) Rendered() bool { return d.done.Load() && d.err == nil }

// Plan is a render whose pages are made only when asked for: the preview
// server renders just the pages someone looks at.
type Plan struct {
	// Pages maps each HTML page's output path to its deferred render.
	Pages map[string]*Deferred
	// Files holds what is ready at once: the static files and code.css.
	Files Files
	order []string    // page paths in job order
	list  []*Deferred // the pages in that order
	keep  bool        // the renderer keeps this plan's pages for the next one

	r    *Renderer
	site *siteData
	side struct {
		once  sync.Once
		files Files
		err   error
	}
}

// Plan prepares a render: every page's job, and the static files. A page
// whose path is that of a page the last plan rendered, and whose recorded
// inputs all kept their fingerprints (see record.go), keeps that page's
// Deferred, bytes and all.
func (r *Renderer) Plan(in Input) (*Plan, error) {
	site := newSiteData(in, r.tmpl)
	r.words.Store(site.words)
	keep := in.Versions != nil // a render kept for the next one records what pages read
	r.mu.Lock()
	prev, prevPages := r.order, r.list
	r.mu.Unlock()
	jobs := pages(site, prev)
	if !keep && in.ReadOnce {
		handOver(jobs, in.HTML)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if keep {
		site.table = &r.table
		site.fps = newFingerprints(in, site.links, site.table)
		if r.items == nil {
			r.items = map[dossier.Ref]cachedItem{}
		}
		if r.last != nil {
			r.last.items.Range(func(k, v any) bool {
				r.items[k.(dossier.Ref)] = v.(cachedItem)
				return true
			})
		}
	}
	site.previous = r.items
	p := &Plan{Pages: make(map[string]*Deferred, len(jobs)), order: make([]string, 0, len(jobs)), keep: keep, r: r, site: site}
	p.list = make([]*Deferred, len(jobs))
	for i, j := range jobs {
		d := &Deferred{exec: r.pageExec(j, site)}
		if keep {
			// Where the list of pages is the last one's, the same page
			// is at the same place, with the same file name.
			var old *Deferred
			if i < len(prev) && prev[i] == j.path {
				old = prevPages[i]
			} else {
				old = r.pages[j.path]
			}
			d.base.Store(lastRendered(old))
			d.prints = site.fps
		}
		p.list[i] = d
		p.Pages[j.path] = d
		p.order = append(p.order, j.path)
	}
	p.Files = Files{}
	if err := addStatic(p.Files, in); err != nil {
		return nil, err
	}
	if keep {
		r.pages, r.order, r.list, r.last = p.Pages, p.order, p.list, site
	} else {
		r.pages, r.order, r.list, r.last, r.items = nil, nil, nil, nil, nil
	}
	return p, nil
}

// lastRendered is the last rendered version of the page old was planned
// as: old itself once rendered, else the version it would have checked.
func lastRendered(old *Deferred) *Deferred {
	if old == nil {
		return nil
	}
	if old.Rendered() {
		return old
	}
	return old.base.Load()
}

// handOver moves the rendered Markdown of every article, claim and quote
// from bodies to the job of its page (see Input.ReadOnce).
func handOver(jobs []job, bodies map[TextKey]template.HTML) {
	for i := range jobs {
		key, ok := bodyKey(jobs[i].object)
		if !ok {
			continue
		}
		own, newPage := bodies[key], jobs[i].page
		delete(bodies, key)
		jobs[i].page = func() *Page {
			p := newPage()
			p.own = own
			return p
		}
	}
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

// pageExec returns the function that renders j into a buffer, recording
// what the page reads when the render is kept for the next one.
func (r *Renderer) pageExec(j job, site *siteData) func(*Deferred, *bytes.Buffer) error {
	if j.card != nil {
		return r.cardExec(j, site)
	}
	return func(d *Deferred, buf *bytes.Buffer) error {
		page := j.page()
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
}

// cardExec returns the function that makes j's share card into a buffer,
// recording what the card reads when the render is kept for the next one.
func (r *Renderer) cardExec(j job, site *siteData) func(*Deferred, *bytes.Buffer) error {
	return func(d *Deferred, buf *bytes.Buffer) error {
		var rec *recorder
		if site.fps != nil {
			rec = newRecorder()
			rec.read(dep{kind: depSite})
		}
		b, err := site.cards.make(j.card(rec))
		if err != nil {
			return fmt.Errorf("%s: %w", j.path, err)
		}
		buf.Write(b)
		if site.fps != nil {
			d.pins, d.table = r.table.pin(rec, site.fps), &r.table
		}
		return nil
	}
}

// pageBuffers are the buffers pages are rendered into, reused.
var pageBuffers = sync.Pool{New: func() any { return bytes.NewBuffer(make([]byte, 0, 64<<10)) }}

// Side returns the files made from the whole dossier rather than one page:
// search index, data export, feeds, sitemap, robots.txt and CNAME. They are
// made on the first call.
func (p *Plan) Side() (Files, error) {
	p.side.once.Do(func() {
		files := Files{}
		var mu sync.Mutex
		p.side.err = p.sideGroups(func(group Files) error {
			mu.Lock()
			defer mu.Unlock()
			maps.Copy(files, group)
			return nil
		})
		p.side.files = files
	})
	return p.side.files, p.side.err
}

// sideGroups makes the side files in groups, handing each group to put
// (from two goroutines) before making the next: the search index on one
// processor, while the other makes the export, then feeds, sitemap,
// robots.txt and CNAME.
func (p *Plan) sideGroups(put func(Files) error) error {
	var searchErr error
	var searched sync.WaitGroup
	searched.Go(func() {
		search := Files{}
		if searchErr = addSearch(search, p.site); searchErr == nil {
			searchErr = put(search)
		}
	})
	err := p.exportAndData(put)
	searched.Wait()
	return cmp.Or(searchErr, err)
}

// exportAndData makes the data export, then feeds, sitemap, robots.txt and CNAME.
func (p *Plan) exportAndData(put func(Files) error) error {
	site := p.site
	export := Files{}
	if err := addExport(export, site); err != nil {
		return err
	}
	if err := put(export); err != nil {
		return err
	}
	data := Files{}
	for _, name := range p.order {
		data[name] = nil // the sitemap lists the pages and static files
	}
	for name := range p.Files {
		data[name] = nil
	}
	if err := addData(data, site); err != nil {
		return err
	}
	out := Files{}
	for name, b := range data {
		_, page := p.Pages[name]
		if _, static := p.Files[name]; !page && !static {
			out[name] = b
		}
	}
	return put(out)
}

// Render produces every file of the site in memory. Template execution
// failures are diagnostics; err is for the tool's own failures.
func (r *Renderer) Render(in Input) (Files, diag.List, error) {
	p, err := r.Plan(in)
	if err != nil {
		return nil, nil, err
	}
	files := Files{}
	var mu sync.Mutex
	diags, err := p.RenderTo(func(name string, data []byte) error {
		if !p.keep {
			data = bytes.Clone(data) // a one-shot render lends its pages' bytes
		}
		mu.Lock()
		files[name] = data
		mu.Unlock()
		return nil
	})
	return files, diags, err
}

// RenderTo produces every file of the site and hands each to put as soon as
// it is made, from GOMAXPROCS goroutines at once, so that a caller can write
// the site out while the rest renders. The bytes of a page are lent: put
// must not keep or change them once it returns. An error from put fails the
// render.
func (r *Renderer) RenderTo(in Input, put func(name string, data []byte) error) (diag.List, error) {
	p, err := r.Plan(in)
	if err != nil {
		return nil, err
	}
	return p.RenderTo(put)
}

// RenderTo renders every page of the plan that is not rendered yet and the
// side files, handing each file to put, which must not keep or change the
// bytes once it returns (see Renderer.RenderTo).
func (p *Plan) RenderTo(put func(name string, data []byte) error) (diag.List, error) {
	return p.render(put, true)
}

// RenderPages renders every page of the plan that is not rendered yet, and
// reports the templates' failures.
func (p *Plan) RenderPages() diag.List {
	diags, _ := p.render(func(string, []byte) error { return nil }, false)
	return diags
}

func (p *Plan) render(put func(name string, data []byte) error, side bool) (diag.List, error) {
	var diags diag.List
	var failed failures
	var mu sync.Mutex
	var putErr error
	fail := func(err error) {
		mu.Lock()
		if putErr == nil {
			putErr = err
		}
		mu.Unlock()
	}
	var sideErr error
	makeSide := func() {
		sideErr = p.sideGroups(func(group Files) error {
			for name, b := range group {
				if err := put(name, b); err != nil {
					return err
				}
			}
			return nil
		})
	}
	// A render kept for the next one makes the side files first, beside the
	// pages (the longest single task). A one-shot render makes them after
	// the pages, once what only pages read is let go, so that the two never
	// take memory at once.
	overlap := side && p.keep
	work.Each(len(p.order)+1, func(i int) {
		if i == 0 {
			if overlap {
				makeSide()
			}
			return
		}
		name := p.order[i-1]
		if !side && isCard(name) {
			return // a card has no template to fail: it is made when asked for
		}
		page := p.Pages[name]
		var err error
		if p.keep {
			var body []byte
			if body, err = page.Bytes(); err == nil {
				err = put(name, body)
			}
		} else {
			err = page.stream(name, put)
		}
		var tmplErr *TemplateError
		if errors.As(err, &tmplErr) {
			mu.Lock()
			failed.add(tmplErr)
			mu.Unlock()
		} else if err != nil {
			fail(err)
		}
	})
	diags = failed.list()
	if putErr != nil {
		return diags, putErr
	}
	if diags.HasErrors() {
		return diags, nil
	}
	if side && !overlap {
		p.site.releasePages()
		makeSide()
	}
	if sideErr != nil {
		return diags, sideErr
	}
	for name, b := range p.Files {
		if err := put(name, b); err != nil {
			return diags, err
		}
	}
	return diags, nil
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
