package render

import (
	"html/template"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// siteData is what every page shares.
type siteData struct {
	Site       *config.Site
	D          *dossier.Dossier
	URLs       urls.URLs
	Preview    bool
	in         Input
	linksOnce  sync.Once
	linksIndex *linkIndex // back-links and the network: see links
	tagsOnce   sync.Once
	tagList    []tagGroup // the tags' pages: see tags
	// timelineOnce makes days, the timeline by day: see timeline.
	timelineOnce sync.Once
	days         []Day
	tmpl         *Templates
	cards        *Cards // draws the share cards
	// eventText is each event's description as text, for search, kept
	// when releasePages lets the rendered Markdown go.
	eventText map[string]string
	items     sync.Map      // a claim's or quote's Ref → cachedItem: its list item in this render
	lists     sync.Map      // a list's name → the list as templates see it, in a render that records nothing: see shared
	shared    sync.Map      // the layout's pieces of this render, see Page.Shared
	byPtr     sync.Map      // *dossier.Claim or *dossier.Quote → cachedItem: the same items, found without building a key
	fps       *fingerprints // what a render kept for the next one compares inputs by; nil otherwise
	table     *depTable     // the renderer's numbering of inputs
	// previous holds the list items of the last render, reused when their inputs kept their fingerprints.
	previous map[dossier.Ref]cachedItem
	words    *config.Words // the theme's words in the site's language
}

func newSiteData(in Input, tmpl *Templates) *siteData {
	cards := in.Cards
	if cards == nil {
		cards = &Cards{}
	}
	return &siteData{Site: in.Dossier.Site, D: in.Dossier, URLs: urls.New(in.Dossier.Site.BaseURL), Preview: in.Preview, in: in, tmpl: tmpl,
		words: in.Dossier.Site.Words(), cards: cards}
}

// releasePages lets go of what only pages read: the bodies' HTML and the
// shared pieces and list entries. A one-shot render calls it once every
// page is out, before the side files.
func (s *siteData) releasePages() {
	s.eventText = map[string]string{}
	for _, e := range s.D.Events {
		s.eventText[e.ID] = s.eventDescription(e)
	}
	s.in.HTML = nil
	for _, m := range []*sync.Map{&s.items, &s.byPtr} {
		m.Clear()
	}
}

// links returns the back-links and the network, built on first use: a
// preview rebuild that renders no entity page never builds them.
func (s *siteData) links() *linkIndex {
	s.linksOnce.Do(func() {
		s.linksIndex = newLinkIndex(s.D, s.URLs, s.words, func(a *dossier.Article) []VerdictView { return s.headline(a).Verdicts })
	})
	return s.linksIndex
}

// cachedItem is a claim's or quote's list entry with the inputs it read.
type cachedItem struct {
	html template.HTML
	pins pinned
}

// ClaimItem is a claim's entry in the lists of claims, rendered once per build
// by the "claim-item" partial and reused on every page that lists it.
func (p *Page) ClaimItem(c Claim) (template.HTML, error) { return p.item(c.c) }

// QuoteItem is a quote's entry in the lists of quotes (the "quote-item" partial), rendered once per build.
func (p *Page) QuoteItem(q Quote) (template.HTML, error) { return p.item(q.q) }

// ClaimItems is the entries of a list of claims, one after the other: one
// action for a whole list instead of one per claim.
func (p *Page) ClaimItems(list []Claim) (template.HTML, error) {
	objs := make([]any, len(list))
	for i, c := range list {
		objs[i] = c.c
	}
	return p.items(objs)
}

// QuoteItems is QuoteItem for a list of quotes, the entries one after the other.
func (p *Page) QuoteItems(list []Quote) (template.HTML, error) {
	objs := make([]any, len(list))
	for i, q := range list {
		objs[i] = q.q
	}
	return p.items(objs)
}

func (p *Page) items(list []any) (template.HTML, error) {
	// The entries are gathered first and joined once: a list of every
	// claim grows to megabytes, and growing it as it is written would copy
	// it over and over.
	entries := make([]template.HTML, len(list))
	n := 0
	for i, obj := range list {
		h, err := p.item(obj)
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

// item is a claim's or quote's list entry, rendered the first time a page
// asks for it and shared by every page of the render. The inputs the entry
// read become the page's.
// Speed: BenchmarkBuild1000 took 2.34, 2.09 and 2.12 s (median 4,054 ms of
// CPU) with the shared entries, against 2.41, 2.57 and 2.66 s (4,950 ms)
// with every entry rendered where it is listed, alternated on 5 December
// 2026: about 18% of the full build.
func (p *Page) item(obj any) (template.HTML, error) {
	c, err := p.siteData.item(obj)
	if err != nil {
		return "", err
	}
	p.rec.merge(c.pins.ids)
	return c.html, nil
}

func (s *siteData) item(obj any) (cachedItem, error) {
	if c, ok := s.byPtr.Load(obj); ok {
		return c.(cachedItem), nil
	}
	key := obj.(dossier.Object).Ref()
	if s.fps != nil { // a render kept for the next one shares items by key
		if c, ok := s.items.Load(key); ok {
			s.byPtr.Store(obj, c)
			return c.(cachedItem), nil
		}
		if c, ok := s.previous[key]; ok && c.pins.valid(s.fps) {
			s.items.Store(key, c)
			s.byPtr.Store(obj, c)
			return c, nil
		}
	}
	page := &Page{siteData: s}
	if s.fps != nil {
		page.rec = newRecorder()
		// An item prints verdicts, whose labels and icons are the site's.
		page.rec.read(dep{kind: depSite})
	}
	var partial string
	var data any
	switch o := obj.(type) {
	case *dossier.Claim:
		partial, data = "claim-item", newClaimView(page, o, false)
	case *dossier.Quote:
		partial, data = "quote-item", newQuoteView(page, o, false)
	}
	var b strings.Builder
	if err := s.tmpl.ExecutePartial(&b, partial, data); err != nil {
		return cachedItem{}, err
	}
	c := cachedItem{html: template.HTML(b.String())}
	if s.fps != nil {
		c.pins = s.table.pin(page.rec, s.fps)
	}
	if s.fps != nil { // kept for the next render
		s.items.Store(key, c)
	}
	s.byPtr.Store(obj, c)
	return c, nil
}

// Page is the data every page template gets.
type Page struct {
	*siteData
	Kind        string // home, article, actor, organization, claim, quote, event, list, verdict, tag, timeline, methodology, corrections, search, notfound
	Path        string // the page's site path, "" for home, "articles/x/" …
	Title       string
	Description string
	Verdict     VerdictView // the verdict of a verdict's page of claims
	Draft       bool
	Pager       *Pager // where the page stands in a list of several pages; nil otherwise
	ListOf      string // on an actor's or organization's full list: "claims", "quotes" or "mentions"

	month string // on a month's page of a long timeline: "2022-01"

	object any       // the page's article, actor, … when it has one
	tag    string    // a tag page's slug
	rec    *recorder // what the page reads; nil in a render that keeps nothing

	// Set just before the page's template runs (see prepare in pageview.go).
	Lang, SiteTitle string
	FullTitle       string    // "Title · Site title", the site title alone on the home page
	CanonicalURL    string    // Canonical, "" on the 404 page
	OGArticle       bool      // an article or a claim, for og:type
	FeedURL         string    // EntityFeed, "" without a feed
	Card            *CardView // the share card of a claim's or an article's page, nil elsewhere
	View            any       // *ClaimView, *QuoteView or *ArticleView on those pages
}

// body is the rendered Markdown of the page's own article, claim or quote.
func (p *Page) body() template.HTML {
	key, _ := bodyKey(p.object)
	return p.in.HTML[key]
}

// Object is the page's article, actor, organization, claim, quote or
// event (see model.go), nil on other pages.
func (p *Page) Object() any { return wrap(p.object, p.rec) }

// Claims is a verdict page's claims.
func (p *Page) Claims() []Claim {
	return p.D().ClaimsWithVerdict(p.Verdict.ID)
}

// D is the whole dossier. What a template reads of it is recorded list by
// list: a page that lists every article depends on the list of articles.
func (p *Page) D() Dossier {
	if p.rec == nil {
		return Dossier{p.siteData.D, nil, &p.siteData.lists}
	}
	return Dossier{p.siteData.D, p.rec, nil}
}

// Body is the rendered Markdown of an article (its body), an actor, an
// organization or an event (its profile or description), a claim (its
// explanation) or a quote (its context); "" for anything else.
func (p *Page) Body(v any) template.HTML {
	o, ok := unwrap(v).(dossier.Object)
	if !ok {
		return ""
	}
	return p.text(BodyOf(o.Ref()))
}

// text is the rendered Markdown of key, recording the read.
func (p *Page) text(key TextKey) template.HTML {
	if key == Methodology {
		return p.MethodologyText()
	}
	id := key.Of.ID
	switch key.Of.Kind {
	case dossier.KindArticle:
		p.rec.read(dep{kind: depBody, id: id})
	case dossier.KindActor:
		p.rec.read(dep{kind: depActor, id: id})
	case dossier.KindOrganization:
		p.rec.read(dep{kind: depOrg, id: id})
	case dossier.KindEvent:
		p.rec.read(dep{kind: depEvent, id: id})
	case dossier.KindClaim:
		p.rec.read(dep{kind: depClaim, id: id})
	case dossier.KindQuote:
		p.rec.read(dep{kind: depQuote, id: id})
	}
	return p.in.HTML[key]
}

// URL is the root-relative URL of a site path.
func (s *siteData) URL(path string) string { return s.URLs.Rel(path) }

// AbsURL is the absolute URL of a site path.
func (s *siteData) AbsURL(path string) string { return s.URLs.Abs(path) }

// Href is the root-relative URL of an article, actor, organization, claim, quote or event.
func (s *siteData) Href(v any) string {
	v = unwrap(v)
	if e, ok := v.(dossier.Entity); ok {
		return s.URLs.Rel(urls.Entity(e.EntityKind(), e.EntityID()))
	}
	return s.URLs.Rel(Path(v))
}

// VerdictURL is the page of the claims with one verdict.
func (s *siteData) VerdictURL(id string) string { return s.URLs.Rel(urls.Verdict(id)) }

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

// pages lists every templated page of the site. It reads only the graph
// and its configuration (see plan): each page's data is made from the
// render's data when the page renders, since a preview rebuild lists every
// page but renders few.
func pages(s *siteData) []job {
	d := s.D
	page := func(kind, path, title, desc string, obj any) func(*siteData) *Page {
		return func(site *siteData) *Page {
			return &Page{siteData: site, Kind: kind, Path: path, Title: title, Description: desc, object: obj}
		}
	}
	jobs := make([]job, 0, 17+len(s.tags())+len(s.Site.Verdicts)+len(d.Articles)+len(d.Actors)+len(d.Organizations)+len(d.Claims)+len(d.Quotes)+len(d.Events))
	add := func(path, template, kind string, obj any, newPage func(*siteData) *Page) {
		jobs = append(jobs, job{path: path, template: template, kind: kind, object: obj, page: newPage})
	}
	w := s.words
	add("index.html", "home.html", "home", nil, page("home", "", s.Site.Title, s.Site.Description, nil))
	size := s.pageSize()
	// list adds the pages of a list of n entries: the first at path, the
	// others at path/page/N/.
	list := func(path, template, kind, title, desc string, n int, fill func(*Page)) {
		count := pageCount(n, size)
		for number := 1; number <= count; number++ {
			add(urls.Page(path, number)+"index.html", template, kind, nil, func(site *siteData) *Page {
				p := page(kind, urls.Page(path, number), title, desc, nil)(site)
				if count > 1 {
					p.Pager = newPager(site, path, number, count, n, size)
				}
				if fill != nil {
					fill(p)
				}
				return p
			})
		}
	}
	list("articles/", "articles.html", "list", w.T("articles"), w.T("articles-about"), len(d.Articles), nil)
	list("actors/", "actors.html", "list", w.T("actors"), w.T("actors-about"), len(d.Actors), nil)
	list("events/", "events.html", "list", w.T("events"), w.T("events-about"), len(d.Events), nil)
	list("organizations/", "organizations.html", "list", w.T("organizations"), w.T("orgs-about"), len(d.Organizations), nil)
	list("quotes/", "quotes.html", "list", w.T("quotes"), w.T("quotes-about"), len(d.Quotes), nil)
	list("claims/", "claims.html", "list", w.T("claims"), w.T("claims-about"), len(d.Claims), nil)
	add("timeline/index.html", "timeline.html", "timeline", nil, page("timeline", "timeline/", w.T("timeline"), w.T("timeline-about"), nil))
	if months, count, total := timelineMonths(d); total > size {
		for _, m := range months {
			t, _ := time.Parse("2006-01", m)
			title := w.T("timeline") + ": " + w.Month(t)
			list(urls.Month(m), "timeline.html", "timeline", title, w.T("timeline-about"), count[m], func(p *Page) { p.month = m })
		}
	}
	add("methodology/index.html", "methodology.html", "methodology", nil, page("methodology", "methodology/", w.T("methodology"), w.T("methodology-about"), nil))
	list(urls.Corrections, "corrections.html", "corrections", w.T("corrections"), w.T("corrections-about"), len(d.Updates), nil)
	add("search/index.html", "search.html", "search", nil, page("search", "search/", w.T("search"), w.T("search-about"), nil))
	add("404.html", "404.html", "notfound", nil, page("notfound", "404.html", w.T("not-found"), "", nil))
	for _, v := range s.Site.Verdicts {
		claims := d.ClaimsWithVerdict(v.ID)
		list(urls.Verdict(v.ID), "claims.html", "verdict", w.T("claims-rated-title", v.Label), v.Description, len(claims), func(p *Page) {
			p.Verdict = p.verdictView(v)
		})
	}
	list(urls.Tags, "tags.html", "list", w.T("tags-title"), w.T("tags-about"), len(s.tags()), nil)
	for _, g := range s.tags() {
		list(urls.Tag(g.slug), "tag.html", "tag", w.T("tag-title", g.name), w.T("tag-about", g.name), len(g.articles), func(p *Page) {
			p.tag = g.slug
		})
	}
	drafted := func(newPage func(*siteData) *Page, draft bool) func(*siteData) *Page {
		return func(site *siteData) *Page {
			p := newPage(site)
			p.Draft = draft
			return p
		}
	}
	for _, a := range d.Articles {
		file, path := pageFile(a)
		add(file, "article.html", "article", a, drafted(page("article", path, a.Title, a.Summary, a), a.Draft))
	}
	for _, a := range d.Actors {
		file, path := pageFile(a)
		add(file, "actor.html", "actor", a, drafted(page("actor", path, a.Name, a.Role, a), a.Draft))
	}
	for _, o := range d.Organizations {
		file, path := pageFile(o)
		add(file, "organization.html", "organization", o, drafted(page("organization", path, o.Name, w.OrgKind(o.Kind), o), o.Draft))
	}
	for _, e := range entitiesOf(d) {
		for _, l := range entityLists {
			if !hasListPage(e, l) {
				continue
			}
			title := w.T("entity-"+l+"-title", e.DisplayName())
			list(entityListPath(e, l), "entitylist.html", "entitylist", title, title, entityListLen(e, l), func(p *Page) {
				p.object, p.ListOf = e, l
			})
		}
	}
	for _, c := range d.Claims {
		file, path := pageFile(c)
		add(file, "claim.html", "claim", c, func(site *siteData) *Page {
			title := c.Statement(site.words)
			return page("claim", path, site.words.T("title-rated", title, site.ratedPhrase(c.Verdict)), c.Verdict.Label+": "+title, c)(site)
		})
	}
	for _, q := range d.Quotes {
		file, path := pageFile(q)
		add(file, "quote.html", "quote", q, func(site *siteData) *Page {
			return page("quote", path, quoteTitle(site.words, q, 70), quoteDescription(site.words, q), q)(site)
		})
	}
	for _, e := range d.Events {
		file, path := pageFile(e)
		add(file, "event.html", "event", e, drafted(page("event", path, e.Title, e.Date.String(), e), e.Draft))
	}
	return append(jobs, cardJobs(s)...)
}

func quoteDescription(w *config.Words, q *dossier.Quote) string {
	switch {
	case q.Paraphrase && q.Speaker != nil:
		return w.T("paraphrase-of", q.Speaker.Name)
	case q.Paraphrase:
		return w.T("paraphrase-desc")
	case q.Speaker != nil:
		return w.T("quote-by", q.Speaker.Name)
	}
	return w.T("quote")
}

// quoteTitle is a quote's words cut to n runes, in quotation marks, or
// after "Paraphrase:" when they are not verbatim: a paraphrase is never
// shown as the speaker's own words.
func quoteTitle(w *config.Words, q *dossier.Quote, n int) string {
	if q.Paraphrase {
		return w.T("paraphrased", config.Shorten(q.Text, n))
	}
	return w.T("quoted", config.Shorten(q.Text, n))
}

// Shared renders a partial of the layout that shows only the site and the
// page's kind and navigation section (the stylesheet links, the header, the
// footer) once per render, and shares it with every page of that kind and
// section. It reads only the configuration, which every page depends on.
// Speed: BenchmarkBuild1000 took 2.24 s and 2.03 s with it against 2.58 s
// and 2.33 s without, alternated on 4 December 2026: about 13%.
func (p *Page) Shared(name string) (template.HTML, error) {
	section, _, _ := strings.Cut(p.Path, "/")
	key := name + "|" + p.Kind + "|" + section + "|" + strconv.FormatBool(p.Path == section+"/")
	if h, ok := p.shared.Load(key); ok {
		return h.(template.HTML), nil
	}
	var b strings.Builder
	if err := p.tmpl.ExecutePartial(&b, name, p); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	p.shared.Store(key, h)
	return h, nil
}
