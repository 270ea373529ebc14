package render

import (
	"html/template"
	"strconv"
	"strings"
	"sync"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// siteData is what every page shares.
type siteData struct {
	Site       *config.Site
	D          *dossier.Dossier
	URLs       URLs
	Preview    bool
	in         Input
	linksOnce  sync.Once
	linksIndex *linkIndex // back-links and the network: see links
	tmpl       *Templates
	items      sync.Map // "claim:ID" or "quote:ID" → cachedPage: its list item in this render
	byPtr      sync.Map // *dossier.Claim or *dossier.Quote → template.HTML: the same items, found without building a key
	speakers   sync.Map // *dossier.Actor → []template.HTML: the items of the actor's quotes, see otherQuoteItems
	linkPieces sync.Map // article, actor or organization → its "link" piece
	signer     *signer
	pieces     sync.Map // shared partials of this render, see Page.Once
	// previous holds the list items of the last render, reused when their signature holds.
	previous map[string]cachedPage
}

func newSiteData(in Input, tmpl *Templates) *siteData {
	urls := NewURLs(in.Dossier.Site.BaseURL)
	return &siteData{Site: in.Dossier.Site, D: in.Dossier, URLs: urls, Preview: in.Preview, in: in, tmpl: tmpl}
}

// releasePages lets go of what only pages read: the bodies' HTML and the
// shared pieces and list entries. A one-shot render calls it once every
// page is out, before the side files.
func (s *siteData) releasePages() {
	s.in.HTML = nil
	for _, m := range []*sync.Map{&s.items, &s.byPtr, &s.speakers, &s.linkPieces, &s.pieces} {
		m.Clear()
	}
}

// links returns the back-links and the network, built on first use: a
// preview rebuild that renders no entity page never builds them.
func (s *siteData) links() *linkIndex {
	s.linksOnce.Do(func() { s.linksIndex = newLinkIndex(s.D, s.URLs) })
	return s.linksIndex
}

// Once renders a partial the first time a page asks for it and shares the
// result with every page of the render: for pieces that show only the site
// (the footer, the stylesheet links), never the page's own data.
func (p *Page) Once(name string) (template.HTML, error) { return p.shared(name, name) }

// SectionOnce is Once per navigation section: the header, whose links mark
// the current section.
func (p *Page) SectionOnce(name string) (template.HTML, error) {
	section, _, _ := strings.Cut(p.Path, "/")
	return p.shared(name+"|"+section+"|"+strconv.FormatBool(p.Path == section+"/"), name)
}

func (p *Page) shared(key, name string) (template.HTML, error) {
	if h, ok := p.pieces.Load(key); ok {
		return h.(template.HTML), nil
	}
	var b strings.Builder
	if err := p.tmpl.ExecutePartial(&b, name, p); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	p.pieces.Store(key, h)
	return h, nil
}

// ClaimItem is a claim's entry in the lists of claims, rendered once per build
// by the "claim-item" partial and reused on every page that lists it.
func (s *siteData) ClaimItem(c *dossier.Claim) (template.HTML, error) { return s.item(c) }

// QuoteItem is a quote's entry in the lists of quotes (the "quote-item" partial), rendered once per build.
func (s *siteData) QuoteItem(q *dossier.Quote) (template.HTML, error) { return s.item(q) }

// ClaimItems is the entries of a list of claims, one after the other: one
// action for a whole list instead of one per claim.
func (s *siteData) ClaimItems(list []*dossier.Claim) (template.HTML, error) { return items(s, list) }

// QuoteItems is QuoteItem for a list of quotes, the entries one after the other.
func (s *siteData) QuoteItems(list []*dossier.Quote) (template.HTML, error) { return items(s, list) }

func items[T *dossier.Claim | *dossier.Quote](s *siteData, list []T) (template.HTML, error) {
	// The entries are gathered first and joined once: a list of every
	// claim grows to megabytes, and growing it as it is written would copy
	// it over and over.
	entries := make([]template.HTML, len(list))
	n := 0
	for i, obj := range list {
		h, err := s.item(obj)
		if err != nil {
			return "", err
		}
		entries[i] = h
		n += len(h)
	}
	var b strings.Builder
	b.Grow(n)
	for _, h := range entries {
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}

// item is a claim's or quote's list entry, rendered the first time a page asks for it.
func (s *siteData) item(obj any) (template.HTML, error) {
	if h, ok := s.byPtr.Load(obj); ok {
		return h.(template.HTML), nil
	}
	var key, partial string
	var data any
	switch o := obj.(type) {
	case *dossier.Claim:
		v, err := newClaimView(&Page{siteData: s}, o, false)
		if err != nil {
			return "", err
		}
		if v.VerdictBadge, err = s.verdictPiece("verdict-badge", o.Verdict); err != nil {
			return "", err
		}
		key, partial, data = "claim:"+o.ID, "claim-item", v
	case *dossier.Quote:
		v, err := newQuoteView(&Page{siteData: s}, o, false)
		if err != nil {
			return "", err
		}
		key, partial, data = "quote:"+o.ID, "quote-item", v
	}
	var sig uint64
	if s.in.Versions != nil { // a render kept for the next one shares items by key and signature
		if c, ok := s.items.Load(key); ok {
			return s.keep(obj, c.(cachedPage)), nil
		}
		sig = s.signer.itemSignature(obj)
		if c, ok := s.previous[key]; ok && c.sig == sig {
			s.items.Store(key, c)
			return s.keep(obj, c), nil
		}
	}
	var b strings.Builder
	if err := s.tmpl.ExecutePartial(&b, partial, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	if s.in.Versions != nil { // kept for the next render
		s.items.Store(key, cachedPage{sig: sig, body: []byte(h)})
	}
	s.byPtr.Store(obj, h)
	return h, nil
}

// keep remembers an item's entry by its object for the rest of the render.
func (s *siteData) keep(obj any, c cachedPage) template.HTML {
	h := template.HTML(c.body)
	s.byPtr.Store(obj, h)
	return h
}

// Page is the data every page template gets.
type Page struct {
	*siteData
	Kind        string // home, article, actor, organization, claim, quote, event, list, verdict, timeline, methodology, search, notfound
	Path        string // the page's site path, "" for home, "articles/x/" …
	Title       string
	Description string
	Object      any            // the page's article, actor, … when it has one
	Verdict     config.Verdict // verdict pages
	Claims      []*dossier.Claim
	Draft       bool

	// Set just before the page's template runs (see prepare in
	// tmpl_view.go), for the default templates: plain fields print faster
	// than methods.
	Lang, SiteTitle string
	FullTitle       string            // "Title · Site title", the site title alone on the home page
	CanonicalURL    string            // Canonical, "" on the 404 page
	CanonicalHref   template.HTMLAttr // href="Canonical", "" on the 404 page
	OGArticle       bool              // an article or a claim, for og:type
	FeedHref        template.HTMLAttr // href="EntityFeed", "" without a feed
	// The layout's shared pieces: Once "site-head-links", "site-body-start"
	// once per kind of page and navigation section, Once "site-footer".
	HeadLinks, BodyStart, Footer template.HTML
	View                         any // *ClaimView, *QuoteView or *ArticleView on those pages

	// own is the rendered Markdown of the page's article, claim or quote
	// when its job handed it over (see Input.ReadOnce).
	own template.HTML
}

// body is the rendered Markdown of the page's own article, claim or quote:
// handed over by its job, or looked up. A body handed over is no longer in
// the map, so an empty one reads the same either way.
func (p *Page) body() template.HTML {
	if p.own != "" {
		return p.own
	}
	return p.in.HTML[bodyKey(p.Object)]
}

// URL is the root-relative URL of a site path.
func (s *siteData) URL(path string) string { return s.URLs.Rel(path) }

// AbsURL is the absolute URL of a site path.
func (s *siteData) AbsURL(path string) string { return s.URLs.Abs(path) }

// Href is the root-relative URL of an article, actor, organization, claim, quote or event.
func (s *siteData) Href(v any) string {
	if e, ok := v.(dossier.Entity); ok {
		return s.URLs.Rel(EntityPath(e.EntityKind(), e.EntityID()))
	}
	return s.URLs.Rel(Path(v))
}

// VerdictURL is the page of the claims with one verdict.
func (s *siteData) VerdictURL(id string) string { return s.URLs.Rel(VerdictPath(id)) }

// HTML is a rendered Markdown body by key ("article:x", "claim:y" …).
func (s *siteData) HTML(key string) template.HTML { return s.in.HTML[key] }

// Bar is one verdict's segment of a tally bar, in percent of the width.
type Bar struct {
	ID, Label string
	N         int
	X, W      float64
}

// Bars lays out a tally as segments in the scale's order.
func (s *siteData) Bars(t dossier.Tally) []Bar {
	total := t.Total()
	var bars []Bar
	x := 0.0
	for _, v := range s.Site.Verdicts {
		n := t[v.ID]
		if n == 0 {
			continue
		}
		w := float64(n) * 100 / float64(total)
		bars = append(bars, Bar{ID: v.ID, Label: v.Label, N: n, X: x, W: w})
		x += w
	}
	return bars
}

// Canonical is the page's absolute URL.
func (p *Page) Canonical() string { return p.URLs.Abs(p.Path) }

// pages lists every templated page of the site. prev is the last plan's
// list of page files: where the page at the same place is the same, its
// file name is reused, since a preview rebuild lists every page again.
func pages(s *siteData, prev []string) []job {
	d := s.D
	// A page is made when it renders: a preview rebuild lists every page
	// but renders few.
	page := func(kind, path, title, desc string, obj any) func() *Page {
		return func() *Page {
			return &Page{siteData: s, Kind: kind, Path: path, Title: title, Description: desc, Object: obj}
		}
	}
	jobs := make([]job, 0, 16+len(s.Site.Verdicts)+len(d.Articles)+len(d.Actors)+len(d.Organizations)+len(d.Claims)+len(d.Quotes)+len(d.Events))
	add := func(path, template, kind string, obj any, newPage func() *Page) {
		jobs = append(jobs, job{path: path, template: template, kind: kind, object: obj, page: newPage})
	}
	// last is the file the last plan listed where the next job goes.
	last := func() string {
		if len(jobs) < len(prev) {
			return prev[len(jobs)]
		}
		return ""
	}
	add("index.html", "home.html", "home", nil, page("home", "", s.Site.Title, s.Site.Description, nil))
	add("articles/index.html", "articles.html", "list", nil, page("list", "articles/", "Articles", "Every article of the dossier.", nil))
	add("actors/index.html", "actors.html", "list", nil, page("list", "actors/", "Actors", "The people in the dossier.", nil))
	add("organizations/index.html", "organizations.html", "list", nil, page("list", "organizations/", "Organizations", "States, alliances, agencies and media in the dossier.", nil))
	add("quotes/index.html", "quotes.html", "list", nil, page("list", "quotes/", "Quotes", "Who said what, and when.", nil))
	add("claims/index.html", "claims.html", "list", nil, page("list", "claims/", "Claims", "Every checked claim with its verdict.", nil))
	add("timeline/index.html", "timeline.html", "timeline", nil, page("timeline", "timeline/", "Timeline", "Events, articles and statements by date.", nil))
	add("methodology/index.html", "methodology.html", "methodology", nil, page("methodology", "methodology/", "Methodology", "How claims are chosen and rated.", nil))
	add("search/index.html", "search.html", "search", nil, page("search", "search/", "Search", "Search the articles, claims, quotes, actors and organizations.", nil))
	add("404.html", "404.html", "notfound", nil, page("notfound", "404.html", "Page not found", "", nil))
	for _, v := range s.Site.Verdicts {
		add(VerdictPath(v.ID)+"index.html", "claims.html", "verdict", nil, func() *Page {
			p := page("verdict", VerdictPath(v.ID), "Claims rated "+v.Label, v.Description, nil)()
			p.Verdict, p.Claims = v, d.ClaimsWithVerdict(v.ID)
			return p
		})
	}
	drafted := func(newPage func() *Page, draft bool) func() *Page {
		return func() *Page {
			p := newPage()
			p.Draft = draft
			return p
		}
	}
	for _, a := range d.Articles {
		file, path := pageFile(a, last())
		add(file, "article.html", "article", a, drafted(page("article", path, a.Title, a.Summary, a), a.Draft))
	}
	for _, a := range d.Actors {
		file, path := pageFile(a, last())
		add(file, "actor.html", "actor", a, drafted(page("actor", path, a.Name, a.Role, a), a.Draft))
	}
	for _, o := range d.Organizations {
		file, path := pageFile(o, last())
		add(file, "organization.html", "organization", o, drafted(page("organization", path, o.Name, o.Kind, o), o.Draft))
	}
	for _, c := range d.Claims {
		file, path := pageFile(c, last())
		add(file, "claim.html", "claim", c, func() *Page {
			return page("claim", path, "Fact-check: "+shorten(c.Text, 70), c.Verdict.Label+": "+shorten(c.Text, 140), c)()
		})
	}
	for _, q := range d.Quotes {
		file, path := pageFile(q, last())
		add(file, "quote.html", "quote", q, func() *Page {
			return page("quote", path, "“"+shorten(q.Text, 70)+"”", quoteDescription(q), q)()
		})
	}
	for _, e := range d.Events {
		file, path := pageFile(e, last())
		add(file, "event.html", "event", e, drafted(page("event", path, e.Title, e.Date.String(), e), e.Draft))
	}
	return jobs
}

func quoteDescription(q *dossier.Quote) string {
	if q.Speaker != nil {
		return "Quote by " + q.Speaker.Name
	}
	return "Quote"
}

// shorten cuts s to at most n runes at a word boundary, adding "…".
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	return string(r[:cut]) + "…"
}
