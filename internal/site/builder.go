package site

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"

	root "github.com/dossier-dev/dossier"
	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/markdown"
	"github.com/dossier-dev/dossier/internal/render"
	"github.com/dossier-dev/dossier/internal/work"
)

// Builder builds a site again and again, keeping what did not change: parsed
// content files, converted Markdown and parsed templates. Its output is always
// the same as a fresh build's. A Builder is not safe for concurrent use.
type Builder struct {
	opts Options

	parsed    map[string]parsedFile    // content path → last parse of its front matter
	walked    []string                 // the content files the last walk of content/ listed
	walkDiags diag.List                // and what it warned about
	parses    map[uint64]*parsedUnit   // parse key → a file's Markdown parsed, from the last build
	converted map[uint64]convertedUnit // unit key → its conversion, from the last build
	metaKey   uint64                   // what the last load read of every file but articles' bodies (see load)
	resolved  resolvedGraph            // the last build's graph, and what it was resolved from
	collected collected                // the last build's bodies, for the next to copy
	matcher   names                    // the mention matcher of the last build
	renderer  *render.Renderer
	tmplHash  uint64
	tmplDiags diag.List
	last      *dossier.Dossier // the graph of the last successful build, for tests and tools
	// lastGlobal is the global signature of the last lazy build that
	// succeeded (see Build).
	lastGlobal uint64
	cards      *render.Cards // the share cards drawn, kept by content (see shareCards)
	// keepNothing marks a build that keeps nothing for a next one
	// (prepareOnce): no parse, conversion or page.
	keepNothing bool
	astBudget   int  // keptASTBudget, or what a test sets
	dropASTs    bool // this build's Markdown is over astBudget: its ASTs go once parsed
}

type parsedFile struct {
	hash  uint64 // the file's bytes
	meta  uint64 // its front matter's bytes: an article's body is compared as rendered
	item  any
	diags diag.List
}

// methodologyText is content/methodology.md: Markdown without front
// matter, the methodology page's text.
type methodologyText []byte

// New returns a Builder for opts.
func New(opts Options) *Builder {
	return &Builder{opts: opts, parsed: map[string]parsedFile{}, astBudget: keptASTBudget}
}

// Build builds the whole site in memory.
func Build(opts Options) (*Result, error) { return New(opts).Build(nil) }

// Build rebuilds the site. changed lists the source paths (files or folders)
// that changed since the last call; nil means unknown, and then every content
// file is read again and compared by content hash. A content file parsed
// before and not in the list is not read again, so the list must be complete,
// as the preview server's watcher makes it.
//
// The output keeps what it renders for the next Build, which renders again
// only the pages whose recorded inputs changed. Every page is rendered before
// Build returns, so that a template's failure is in Result.Diags, except with
// Options.Lazy, where pages render when first read but for the first build and
// whenever the templates or the configuration changed.
func (b *Builder) Build(changed []string) (*Result, error) {
	res, in, err := b.prepare(changed)
	if err != nil || in == nil {
		return res, err
	}
	out, err := b.renderer.Render(*in)
	if err != nil {
		return nil, err
	}
	switch {
	case !b.opts.Lazy:
		res.Diags.Append(out.Check())
	case in.Global != b.lastGlobal:
		res.Diags.Append(out.CheckAndLetGo())
	}
	b.finish(res, out)
	if res.Output != nil {
		b.lastGlobal = in.Global
	}
	return res, nil
}

// buildOnce builds the site for one reading of each file, keeping nothing
// for a next build: the output's pages let go of what they read as they
// are read (see render.Output), and the Builder lets go of its parses and
// conversions. When the content has errors, the output is nil.
func (b *Builder) buildOnce() (*Result, error) {
	res, in, err := b.prepareOnce()
	if err != nil || in == nil {
		return res, err
	}
	return b.renderOnce(res, in)
}

// prepareOnce is prepare for a build that keeps nothing; nil input when the
// content has errors.
func (b *Builder) prepareOnce() (*Result, *render.Input, error) {
	b.keepNothing = true
	res, in, err := b.prepare(nil)
	if err != nil || in == nil {
		return res, nil, err
	}
	in.Versions = nil // a one-shot build keeps nothing for a next one
	// nor parses or conversions: the site's HTML is then held by in alone
	b.parses, b.converted, b.collected = nil, nil, collected{}
	b.releaseSources()
	return res, in, nil
}

// renderOnce plans the one-shot render of in into res.
func (b *Builder) renderOnce(res *Result, in *render.Input) (*Result, error) {
	out, err := b.renderer.Render(*in)
	if err != nil {
		return nil, err
	}
	b.finish(res, out)
	return res, nil
}

// releaseSources lets go of what only loading, resolving and converting
// read: each file's Markdown, and with it the file's bytes, and the
// positions of its keys. A one-shot build calls it before rendering; the
// parses go too, since their items are no longer whole.
func (b *Builder) releaseSources() {
	for _, pf := range b.parsed {
		if doc := docOf(pf.item); doc != nil {
			doc.Body, doc.Keys = nil, nil
		}
	}
	b.parsed = nil
}

// docOf is the Markdown file of a parsed article, actor, organization or
// event; nil for anything else.
func docOf(item any) *content.Doc {
	switch item := item.(type) {
	case *content.Article:
		return &item.Doc
	case *content.Actor:
		return &item.Doc
	case *content.Organization:
		return &item.Doc
	case *content.Event:
		return &item.Doc
	}
	return nil
}

// finish gives res the output, unless res has errors.
func (b *Builder) finish(res *Result, out Output) {
	res.Diags.Sort()
	if !res.Diags.HasErrors() {
		res.Output = out
	}
}

// prepare does everything but rendering, in the order content → parse →
// resolve → convert: it loads the content files, parses their Markdown
// (which reads each file and the names of actors and organizations only),
// resolves the dossier with what parsing found, converts the parsed
// Markdown to HTML through the graph and parses the templates. When the
// content has errors, nothing is converted, the returned input is nil and
// res.Diags holds them.
func (b *Builder) prepare(changed []string) (*Result, *render.Input, error) {
	var diags diag.List
	site, cdiags := config.Load(b.opts.Source, config.FileName)
	diags.Append(cdiags)
	if b.opts.BaseURL != "" {
		site.BaseURL = b.opts.BaseURL
	}
	res := &Result{Site: site}
	set, ldiags, err := b.load(changed)
	if err != nil {
		return nil, nil, err
	}
	diags.Append(ldiags)
	drafts := b.opts.Drafts || b.opts.Preview
	if !drafts {
		res.DraftsLeftOut = set.Drafts()
	}
	md := b.parseAll(site, set, drafts)
	diags.Append(md.diags)
	d, rdiags := b.resolve(site, set, drafts, md)
	diags.Append(rdiags)
	r, tdiags, err := b.templates(site)
	if err != nil {
		return nil, nil, err
	}
	diags.Append(tdiags)
	codeCSS, err := markdown.CSS(site.Markdown.Highlight)
	if err != nil {
		diags.Errorf(diag.Pos{File: config.FileName}, diag.Config, "try github, monokai or dracula", "%v", err)
	}
	res.Diags = diags
	if diags.HasErrors() || r == nil {
		res.Diags.Sort()
		return res, nil, nil
	}
	bodies, err := b.convertAll(site, d, md)
	if err != nil {
		return nil, nil, err
	}
	b.last = d
	return res, &render.Input{
		Dossier: d, HTML: bodies.html, Text: bodies.text, CodeCSS: codeCSS, Preview: b.opts.Preview,
		Static: render.Overlay(subOrNil(b.opts.Source, "static"), root.Static()), SkipStatic: IsTempFile,
		Versions: b.versions(), BodyVersions: bodies.versions, Global: b.global(site),
		Cards: b.shareCards(),
	}, nil
}

// load parses every content file, reusing the parse of files whose bytes did not change.
//
// With a list of changed paths (not nil), a file parsed before and not in the
// list is not even read again: the watcher has said it did not change.
func (b *Builder) load(changed []string) (*content.Set, diag.List, error) {
	var diags diag.List
	fresh := changedSet(changed)
	paths, wdiags := b.files(fresh)
	diags.Append(wdiags)
	files := make([]parsedFile, len(paths))
	errs := make([]error, len(paths))
	parallel(len(paths), func(i int) {
		files[i], errs[i] = b.parse(paths[i], fresh)
	})
	set := &content.Set{}
	next := make(map[string]parsedFile, len(paths))
	meta := fnv.New64a()
	for i, p := range paths {
		if errs[i] != nil {
			return nil, nil, errs[i]
		}
		meta.Write(binary.LittleEndian.AppendUint64([]byte(p), files[i].meta))
		if files[i].item == nil {
			meta.Write([]byte("|unparsed"))
		}
		next[p] = files[i]
		diags.Append(files[i].diags)
		if files[i].item != nil {
			set.Add(files[i].item)
		} else {
			set.AddUnparsed(p)
		}
	}
	if src, err := fs.ReadFile(b.opts.Source, content.MethodologyFile); err == nil {
		next[content.MethodologyFile] = parsedFile{hash: hashBytes(src), item: methodologyText(src)}
	}
	b.parsed = next
	b.metaKey = meta.Sum64()
	set.Sort()
	return set, diags, nil
}

// resolvedGraph is a resolved graph, its diagnostics and the key of what it
// was resolved from (see resolveKey).
type resolvedGraph struct {
	key   uint64
	d     *dossier.Dossier
	diags diag.List
}

// resolve resolves the dossier from the loaded set and what parsing found,
// or gives the last build's graph when neither changed: a save that edits
// an article's prose but not where its claims, quotes and mentions are
// found. That graph holds the edited article's last parse, whose front
// matter is the same and whose body nothing after converting reads.
// Speed: resolving took 21 ms of each 51 ms rebuild of a 1,000-article
// dossier (BenchmarkRebuildOneArticle1000).
func (b *Builder) resolve(site *config.Site, set *content.Set, drafts bool, md parsed) (*dossier.Dossier, diag.List) {
	key := resolveKey(site, drafts, b.metaKey, md)
	if b.resolved.d != nil && b.resolved.key == key {
		return b.resolved.d, b.resolved.diags
	}
	d, diags := dossier.Resolve(site, set, drafts, md.found)
	b.resolved = resolvedGraph{}
	if !b.keepNothing {
		b.resolved = resolvedGraph{key: key, d: d, diags: diags}
	}
	return d, diags
}

// resolveKey identifies what a graph is resolved from: the site's
// configuration, whether drafts are in, every content file but articles'
// bodies (meta, from load), and what parsing found in each file.
func resolveKey(site *config.Site, drafts bool, meta uint64, md parsed) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%#v|%#v|%t|%d|", *site, site.Verdicts, drafts, meta)
	for i, u := range md.units {
		h.Write(binary.LittleEndian.AppendUint64([]byte(u.file), md.parse[i].foundHash))
	}
	return h.Sum64()
}

// files lists the content files, as content.Files does. When every changed
// path under content/ is a file the last build read and still a file,
// nothing was added or removed there: the last list stands, and the walk
// of content/ is skipped.
func (b *Builder) files(fresh map[string]bool) ([]string, diag.List) {
	if fresh == nil || b.walked == nil || !b.sameFiles(fresh) {
		b.walked, b.walkDiags = content.Files(b.opts.Source)
	}
	return b.walked, b.walkDiags
}

// sameFiles reports whether the changed paths leave content/ holding the
// files the last build read.
func (b *Builder) sameFiles(fresh map[string]bool) bool {
	for p := range fresh {
		if p == "." || p == "content" {
			return false
		}
		if !strings.HasPrefix(p, "content/") {
			continue // site.toml, templates/, static/ …
		}
		if _, read := b.parsed[p]; !read {
			return false
		}
		if info, err := fs.Stat(b.opts.Source, p); err != nil || !info.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// parse returns the parse of one content file: the last one when the file
// is not in the changed set (fresh, nil for unknown) or its bytes are the
// same, a new one otherwise. b.parsed is only read here.
func (b *Builder) parse(p string, fresh map[string]bool) (parsedFile, error) {
	pf, ok := b.parsed[p]
	if ok && fresh != nil && !touched(fresh, p) {
		return pf, nil
	}
	src, err := fs.ReadFile(b.opts.Source, p)
	if err != nil {
		return parsedFile{}, fmt.Errorf("read %s: %w", p, err)
	}
	h := hashBytes(src)
	if ok && pf.hash == h {
		return pf, nil
	}
	item, diags := content.Parse(p, src)
	meta := h
	if a, ok := item.(*content.Article); ok && len(a.Body) <= len(src) {
		meta = hashBytes(src[:len(src)-len(a.Body)])
	}
	return parsedFile{hash: h, meta: meta, item: item, diags: diags}, nil
}

// parallel calls f(0) … f(n-1) on GOMAXPROCS goroutines.
func parallel(n int, f func(i int)) { work.Each(n, f) }

// templates parses the templates again only when a template file or the
// site's words changed.
//
// The site's words (its language and [strings]) are part of the key: the
// template functions t, tn and date print the words of their Renderer's
// last render, so a change of words makes a new Renderer, and the outputs
// of the old one, which serve may still show (a page renders when read),
// keep printing theirs.
func (b *Builder) templates(words *config.Site) (*render.Renderer, diag.List, error) {
	site := subOrNil(b.opts.Source, "templates")
	h := fnv.New64a()
	fmt.Fprintf(h, "%s\x00", words.Language)
	for _, k := range slices.Sorted(maps.Keys(words.Strings)) {
		fmt.Fprintf(h, "%s\x00%s\x00", k, words.Strings[k])
	}
	if site != nil {
		err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			src, err := fs.ReadFile(site, p)
			fmt.Fprintf(h, "%s\x00%d\x00", p, len(src))
			h.Write(src)
			return err
		})
		if err != nil {
			return nil, nil, fmt.Errorf("read templates: %w", err)
		}
	}
	if b.renderer != nil && h.Sum64() == b.tmplHash {
		return b.renderer, b.tmplDiags, nil
	}
	r, diags := render.New(render.Overlay(site, root.Templates()))
	b.renderer, b.tmplHash, b.tmplDiags = r, h.Sum64(), diags
	return r, diags, nil
}

// subOrNil returns the named folder of fsys, or nil when it does not exist.
func subOrNil(fsys fs.FS, dir string) fs.FS {
	if fi, err := fs.Stat(fsys, dir); err != nil || !fi.IsDir() {
		return nil
	}
	sub, err := fs.Sub(fsys, dir)
	if err != nil {
		return nil
	}
	return sub
}

func hashBytes(b []byte) uint64 {
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}

// bodies is the rendered Markdown of a build.
type bodies struct {
	// versions identifies what each body was converted from (its file,
	// the names and the options), for the renderer's page cache.
	versions map[dossier.Ref]uint64
	html     map[render.TextKey]template.HTML
	text     map[string]string // each article's plain text, by id
}

// versions identifies each parsed content file's bytes by the object it
// holds, for the renderer's page cache: an article by its front matter
// alone, since the renderer compares its body as rendered.
func (b *Builder) versions() map[dossier.Ref]uint64 {
	v := make(map[dossier.Ref]uint64, len(b.parsed))
	for _, pf := range b.parsed {
		switch item := pf.item.(type) {
		case *content.Article:
			v[dossier.Ref{Kind: dossier.KindArticle, ID: item.ID}] = pf.meta
		case *content.Actor:
			v[dossier.Ref{Kind: dossier.KindActor, ID: item.ID}] = pf.hash
		case *content.Organization:
			v[dossier.Ref{Kind: dossier.KindOrganization, ID: item.ID}] = pf.hash
		case *content.Event:
			v[dossier.Ref{Kind: dossier.KindEvent, ID: item.ID}] = pf.hash
		}
	}
	return v
}

// global hashes what every page may depend on besides content files: the
// configuration, the templates and the options. The names bodies link show
// in the rendered bodies, which the renderer compares as they are.
func (b *Builder) global(site *config.Site) uint64 {
	h := fnv.New64a()
	fmt.Fprintf(h, "%#v|%#v|%d|%t|%t", *site, site.Verdicts, b.tmplHash, b.opts.Drafts, b.opts.Preview)
	return h.Sum64()
}

// changedSet turns the list of changed paths into a set; nil stays nil
// (everything may have changed). A changed folder marks everything in it.
func changedSet(changed []string) map[string]bool {
	if changed == nil {
		return nil
	}
	set := make(map[string]bool, len(changed))
	for _, p := range changed {
		set[path.Clean(p)] = true
	}
	return set
}

// touched reports whether p, or a folder holding it, is in the changed set.
func touched(changed map[string]bool, p string) bool {
	for ; p != "." && p != "/" && p != ""; p = path.Dir(p) {
		if changed[p] {
			return true
		}
	}
	return false
}
