package site

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"html/template"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/markdown"
	"github.com/dossier-dev/dossier/internal/markdown/annotate"
	"github.com/dossier-dev/dossier/internal/markdown/mention"
	"github.com/dossier-dev/dossier/internal/render"
	"github.com/dossier-dev/dossier/internal/urls"
)

// parsedUnit is the parse of one content file's Markdown: what parsing
// it found, and its ASTs, ready to convert.
type parsedUnit struct {
	key   uint64           // what it was parsed from (see parseKey)
	keys  []render.TextKey // where each body's HTML goes
	docs  []*markdown.Doc  // each body's AST
	found *dossier.Found   // what the file's own body and title hold
	// foundHash is the hash of found's values: two parses that found the
	// same resolve alike (see resolveKey).
	foundHash uint64
	diags     diag.List // what anchoring found wrong
	text      string    // an article's plain text, for the search index
}

// parsed is what parseAll gives: each unit's parse, and a dossier.Finder
// over them.
type parsed struct {
	units []unit
	parse []*parsedUnit
	found dossier.FoundIn
	names names
	diags diag.List
}

// parseAll parses every content file's Markdown in parallel, with the
// anchoring and mention transformers. A file's parse reads the file and the
// names only, never the graph: it is kept while the file's bytes, the names
// and the mention mode are the same (see parseKey).
func (b *Builder) parseAll(site *config.Site, set *content.Set, drafts bool) parsed {
	var method methodologyText
	if pf, ok := b.parsed[content.MethodologyFile]; ok {
		method = pf.item.(methodologyText)
	}
	m, diags := mentionMatcher(set, drafts, b.matcher)
	b.matcher = m
	mode := mention.Mode(site.Markdown.Mentions)
	conv := markdown.New(markdown.Options{})
	list := units(set, drafts, method)
	b.dropASTs = markdownBytes(list) > b.astBudget
	out := parsed{units: list, parse: make([]*parsedUnit, len(list)), found: make(dossier.FoundIn, len(list)), names: m}
	parallel(len(list), func(i int) {
		u := list[i]
		key := parseKey(m.fingerprint, mode, b.sourceHash(u.file), u.file)
		if p, ok := b.parses[key]; ok {
			if b.dropASTs {
				p.docs = nil // parsed under the budget, kept past it
			}
			out.parse[i] = p
			return
		}
		out.parse[i] = u.parse(conv, m, mode)
		out.parse[i].key = key
		if b.dropASTs {
			out.parse[i].docs = nil // parsed again when converted: see keptASTBudget
		}
	})
	kept := make(map[uint64]*parsedUnit, len(list))
	for i, p := range out.parse {
		if !b.keepNothing {
			kept[p.key] = p
		}
		diags.Append(p.diags)
		if p.found != nil {
			out.found[list[i].file] = p.found
		}
	}
	b.parses = kept // only what this build used, so a long serve session does not grow
	out.diags = diags
	return out
}

// keptASTBudget is the most Markdown, in bytes, whose ASTs a build holds
// from parse to convert (and serve from one build to the next). Past it, each file's parse keeps what it found
// (anchors, mentions, names) and lets its AST go at once, and the file is
// parsed again, one at a time, to be converted: serve converts a file again
// only when it or what it shows changed. ASTs take about 15 bytes for each
// byte of Markdown, so the budget is about 240 MiB of them. At 10,000
// generated articles (82 MB of Markdown) serve's first build had 1.9 GB
// live with them all, its peak (VmHWM 3,719 MiB, against 2,534 MiB with
// each let go once parsed). Under it, holding them spares the second
// parse: at 1,000 generated articles (8.2 MB), BenchmarkBuild1000 took
// 2.25 s and 4.05 s of CPU with them, 2.43 s and 4.27 s without (medians
// of 3, alternating, on 2 cores).
const keptASTBudget = 16 << 20

// markdownBytes is the size of the units' own Markdown bodies.
func markdownBytes(list []unit) int {
	n := 0
	for _, u := range list {
		if doc := docOf(u.item); doc != nil {
			n += len(doc.Body)
		} else if text, ok := u.item.(methodologyText); ok {
			n += len(text)
		}
	}
	return n
}

// parseKey identifies a unit's parse: the names' fingerprint, the mention
// mode, the hash of its file's bytes and its path.
func parseKey(names uint64, mode mention.Mode, file uint64, path string) uint64 {
	h := fnv.New64a()
	h.Write(binary.LittleEndian.AppendUint64(nil, names))
	h.Write(binary.LittleEndian.AppendUint64(nil, file))
	fmt.Fprintf(h, "%s|%s", mode, path)
	return h.Sum64()
}

// parse parses the unit's bodies and, for an article, anchors its title.
func (u unit) parse(conv *markdown.Converter, m names, mode mention.Mode) *parsedUnit {
	list := u.bodies(m, mode)
	p := &parsedUnit{keys: make([]render.TextKey, len(list)), docs: make([]*markdown.Doc, len(list))}
	for i, b := range list {
		doc := conv.Parse(b.in)
		p.keys[i], p.docs[i] = b.key, doc
		p.diags.Append(doc.Diags)
	}
	own := p.docs[0]
	found := &dossier.Found{}
	for _, a := range own.Anchors {
		found.Anchors = append(found.Anchors, dossier.Anchor{Kind: string(a.Kind), ID: a.ID, Sentence: a.Sentence, Line: a.Line, Offset: a.Offset})
	}
	for _, h := range own.Mentions {
		found.Mentions = append(found.Mentions, dossier.Mentioned{Kind: h.Kind, ID: h.ID, Sentence: h.Sentence, Line: h.Line})
	}
	if a, ok := u.item.(*content.Article); ok {
		var tdiags diag.List
		found.Title, tdiags = anchorTitle(a)
		p.diags.Append(tdiags)
		p.text = markdown.PlainText(own)
	}
	if found.Anchors != nil || found.Mentions != nil || found.Title != nil {
		p.found = found
		h := fnv.New64a()
		fmt.Fprintf(h, "%#v", *found)
		p.foundHash = h.Sum64()
	}
	return p
}

// convertedUnit is the conversion of one content file's bodies.
type convertedUnit struct {
	keys []render.TextKey // where each goes in the render's input
	html []template.HTML  // the HTML of each
	text string           // an article's plain text
}

// convertAll renders every parsed body into HTML in parallel, its marks
// and links backed by the graph and the site's URLs. A unit is converted
// again only when its parse or what its conversion reads of the rest of
// the site changed (see unitKey); otherwise the last build's HTML is reused.
func (b *Builder) convertAll(site *config.Site, d *dossier.Dossier, p parsed) (bodies, error) {
	u := urls.New(site.BaseURL)
	w := site.Words()
	conv := markdown.New(markdown.Options{UnsafeHTML: site.Markdown.UnsafeHTML})
	// What conversions read besides their parse: the names (a quote's
	// speaker is shown by name), the verdict scale, the base URL, the
	// options and the words.
	env := fnv.New64a()
	fmt.Fprintf(env, "unsafe=%t|%s|%v|%d|%s|%v|", site.Markdown.UnsafeHTML, site.BaseURL, site.Verdicts, p.names.fingerprint,
		site.Language, site.Strings)
	envHash := env.Sum64()
	results := make([]convertedUnit, len(p.units))
	keys := make([]uint64, len(p.units))
	errs := make([]error, len(p.units))
	links := hrefs{u}
	reparse := markdown.New(markdown.Options{})
	mode := mention.Mode(site.Markdown.Mentions)
	parallel(len(p.units), func(i int) {
		pu := p.parse[i]
		keys[i] = unitKey(envHash, pu.key)
		if r, ok := b.converted[keys[i]]; ok {
			results[i] = r
			return
		}
		if pu.docs == nil { // its ASTs were let go: see keptASTBudget
			again := *pu
			again.docs = p.units[i].parse(reparse, p.names, mode).docs
			pu = &again
		}
		var marks annotate.Resolver
		if a := d.Article(p.units[i].key.Of.ID); a != nil && p.units[i].key.Of.Kind == dossier.KindArticle {
			marks = articleMarks{a: a, u: u, w: w}
		}
		results[i], errs[i] = convert(conv, pu, markdown.Resolvers{Annotations: marks, Mentions: links})
		if b.keepNothing {
			// A build that keeps nothing lets the file's AST and source
			// go once converted, not once every file is.
			p.parse[i].docs = nil
			if doc := docOf(p.units[i].item); doc != nil {
				doc.Body, doc.Keys = nil, nil
			}
		}
	})
	for _, err := range errs {
		if err != nil {
			return bodies{}, err
		}
	}
	kept := make(map[uint64]convertedUnit, len(p.units))
	for i := range p.units {
		kept[keys[i]] = results[i]
	}
	res := b.collect(p.units, keys, results)
	res.versions = make(map[dossier.Ref]uint64, len(p.units))
	for i, u := range p.units {
		res.versions[u.key.Of] = keys[i]
	}
	b.converted = kept // only what this build used, so a long serve session does not grow
	return res, nil
}

// convert renders one parsed unit.
func convert(conv *markdown.Converter, p *parsedUnit, r markdown.Resolvers) (convertedUnit, error) {
	out := convertedUnit{keys: p.keys, html: make([]template.HTML, len(p.docs)), text: p.text}
	for i, doc := range p.docs {
		html, err := conv.Render(doc, r)
		if err != nil {
			return out, err
		}
		out.html[i] = template.HTML(html)
	}
	return out, nil
}

// unitKey identifies a unit's conversion: the hash of what every
// conversion reads (env) and its parse's key.
func unitKey(env, parse uint64) uint64 {
	h := fnv.New64a()
	h.Write(binary.LittleEndian.AppendUint64(nil, env))
	h.Write(binary.LittleEndian.AppendUint64(nil, parse))
	return h.Sum64()
}

// sourceHash is the hash of the content file's bytes from its last parse, or
// 0 when it was not parsed.
func (b *Builder) sourceHash(file string) uint64 {
	if pf, ok := b.parsed[file]; ok {
		return pf.hash
	}
	return 0
}

// hrefs is the mention.Resolver of every body: an entity's page under the
// site's base URL.
type hrefs struct{ u urls.URLs }

// ResolveMention implements mention.Resolver.
func (h hrefs) ResolveMention(kind, id string) (string, error) {
	switch kind {
	case "actor":
		return h.u.Rel(urls.Actor(id)), nil
	case "organization":
		return h.u.Rel(urls.Organization(id)), nil
	}
	return "", fmt.Errorf("unknown kind of entity %q", kind)
}

// articleMarks is the annotate.Resolver of an article's body: how each of
// its claims and quotes shows, from the graph, with what screen readers
// hear in the site's language (w). An id the article does not hold gets
// the zero Marking (the extension's English defaults); it cannot happen in
// a build without errors, which alone is converted.
type articleMarks struct {
	a *dossier.Article
	u urls.URLs
	w *config.Words
}

// ResolveAnnotation implements annotate.Resolver.
func (r articleMarks) ResolveAnnotation(kind annotate.Kind, id string) (annotate.Marking, error) {
	w := r.w
	switch kind {
	case annotate.KindClaim:
		for _, c := range r.a.Claims {
			if c.ID == id {
				return annotate.Marking{Status: c.Verdict.ID, Label: c.Verdict.Label, Short: c.Verdict.Short, Icon: c.Verdict.Icon,
					Href: r.u.Rel(urls.Claim(c.ID)), Start: w.T("sr-claim-start", c.Verdict.Label), End: w.T("sr-claim-end")}, nil
			}
		}
	case annotate.KindQuote:
		for _, q := range r.a.Quotes {
			if q.ID == id {
				label := w.T("unknown-speaker")
				if q.Speaker != nil {
					label = q.Speaker.Name
				}
				kind := "quote" // or "paraphrase": reported speech is never announced as verbatim
				if q.Paraphrase {
					kind = "paraphrase"
				}
				return annotate.Marking{Label: label, Href: r.u.Rel(urls.Quote(q.ID)), Paraphrase: q.Paraphrase,
					Start: w.T("sr-"+kind+"-start", label), End: w.T("sr-" + kind + "-end"), Badge: w.T("badge-" + kind)}, nil
			}
		}
	}
	return annotate.Marking{}, nil
}
