package render

import (
	"html/template"
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// Template execution is reflective: every action of a template costs a
// method or field lookup and one call per escaping function. So that the
// default templates stay cheap, what they print is computed here once per
// page, in Go, into plain fields: the layout's (Page.FullTitle, …) and a
// view of the page's object (Page.View). The methods and fields templates
// used before stay, for sites' own templates.

// prepare fills the page's precomputed fields; the templates run after it.
func (p *Page) prepare() error {
	s := p.siteData
	p.Lang, p.SiteTitle = s.Site.Language, s.Site.Title
	p.FullTitle = p.Title + " · " + s.Site.Title
	if p.Kind == "home" {
		p.FullTitle = s.Site.Title
	}
	if p.Kind != "notfound" {
		p.CanonicalURL = p.Canonical()
		p.CanonicalHref = hrefAttr(p.CanonicalURL)
	}
	p.OGArticle = p.Kind == "article" || p.Kind == "claim"
	if feed := p.EntityFeed(); feed != "" {
		p.FeedHref = hrefAttr(feed)
	}
	var err error
	if p.HeadLinks, err = p.piece("site-head-links", p.Once); err != nil {
		return err
	}
	if p.BodyStart, err = p.piece("site-body-start", p.kindSectionOnce); err != nil {
		return err
	}
	if p.Footer, err = p.piece("site-footer", p.Once); err != nil {
		return err
	}
	switch o := p.object.(type) {
	case *dossier.Claim:
		v, err := newClaimView(p, o, true)
		if err != nil {
			return err
		}
		if v.VerdictLine, err = s.verdictPiece("verdict-line", o.Verdict); err != nil {
			return err
		}
		if v.JSONLD, err = jsonLD(p.ClaimReview()); err != nil {
			return err
		}
		p.View = v
	case *dossier.Quote:
		v, err := newQuoteView(p, o, true)
		if err != nil {
			return err
		}
		if v.Others, err = p.otherQuoteItems(o); err != nil {
			return err
		}
		if v.JSONLD, err = jsonLD(p.Quotation()); err != nil {
			return err
		}
		p.View = v
	case *dossier.Article:
		if p.View, err = newArticleView(p, o); err != nil {
			return err
		}
	}
	return nil
}

// kindSectionOnce is SectionOnce per kind of page too.
func (p *Page) kindSectionOnce(name string) (template.HTML, error) {
	section, _, _ := strings.Cut(p.Path, "/")
	return p.shared(name+"|"+p.Kind+"|"+section+"|"+strconv.FormatBool(p.Path == section+"/"), name)
}

// piece is a shared partial of the layout (see Page.Once), or "" when the
// templates do not define it (a site's own layout).
func (p *Page) piece(name string, render func(string) (template.HTML, error)) (template.HTML, error) {
	if !p.tmpl.hasShared[name] {
		return "", nil
	}
	return render(name)
}

// ClaimView is a claim as the default templates print it: on its page, in
// lists (the "claim-item" partial, which also gets .Page and .Claim) and in
// its article's list.
type ClaimView struct {
	Page  *Page
	Claim Claim

	ID, Text, Sentence                                string
	VerdictID, VerdictIcon, VerdictLabel, VerdictDesc string
	Claimant                                          string // the claimant's id, "article" when the article makes the claim
	ClaimantName                                      string // "" when the article makes the claim
	ArticleTitle                                      string
	ArticleISO, ArticleDate, CheckedISO, Checked      string // dates: 2006-01-02 and for readers
	// Links, as whole href attributes: the claim's page, its verdict's
	// page, its claimant's page ("" without one), its article's page, the
	// claim in its article and the claim in this page (#claim-ID).
	Href, VerdictHref, ClaimantHref, ArticleHref, InArticleHref, FragHref template.HTMLAttr
	// The "link" pieces of the claimant ("" without one) and the article.
	ClaimantLink, ArticleLink template.HTML
	Body                      template.HTML // the explanation (claim page only)
	// The verdict as the "verdict-line" (claim page) and "verdict-badge"
	// (list entry) pieces print it.
	VerdictLine, VerdictBadge template.HTML
	JSONLD                    template.JS // the ClaimReview (claim page only)
	Sources                   []content.Source
}

func newClaimView(p *Page, c *dossier.Claim, full bool) (*ClaimView, error) {
	s := p.siteData
	p.rec.claim(c)
	v := &ClaimView{Page: p, Claim: Claim{c, p.rec}, ID: c.ID, Text: c.Text, Sentence: c.Sentence,
		VerdictID: c.Verdict.ID, VerdictIcon: c.Verdict.Icon, VerdictLabel: c.Verdict.Label, VerdictDesc: c.Verdict.Description,
		Claimant: "article", ArticleTitle: c.Article.Title,
		Href: hrefAttr(s.Href(c)), VerdictHref: hrefAttr(s.VerdictURL(c.Verdict.ID)), FragHref: fragHrefAttr("", "claim-", c.ID)}
	var err error
	if present(c.Claimant) {
		v.Claimant, v.ClaimantName, v.ClaimantHref = c.Claimant.EntityID(), c.Claimant.DisplayName(), hrefAttr(s.Href(c.Claimant))
		if v.ClaimantLink, err = s.linkPiece(c.Claimant, v.ClaimantName, v.ClaimantHref); err != nil {
			return nil, err
		}
	}
	article := s.Href(c.Article)
	v.ArticleHref = hrefAttr(article)
	if v.ArticleLink, err = s.linkPiece(c.Article, c.Article.Title, v.ArticleHref); err != nil {
		return nil, err
	}
	if full {
		v.InArticleHref = fragHrefAttr(article, "claim-", c.ID)
		v.ArticleISO, v.ArticleDate = c.Article.Date.String(), formatDate(c.Article.Date)
		v.CheckedISO, v.Checked = c.Checked.String(), formatDate(c.Checked)
		v.Body, v.Sources = p.body(), c.Sources
	}
	return v, nil
}

// present reports whether an entity is there, as a template's {{if}} sees it.
func present(e dossier.Entity) bool {
	switch e := e.(type) {
	case nil:
		return false
	case *dossier.Actor:
		return e != nil
	case *dossier.Organization:
		return e != nil
	}
	return true
}

// QuoteView is a quote as the default templates print it: on its page, in
// lists (the "quote-item" partial, which also gets .Page and .Quote) and in
// its article's list.
type QuoteView struct {
	Page  *Page
	Quote Quote

	ID, Text, Sentence, ArticleTitle string
	SpeakerName, SpeakerRole         string // "" without a speaker
	ViaName                          string // "" without a reporting organization
	SaidISO, Said                    string
	// Links as whole href attributes: the quote's page, its speaker's, the
	// reporting organization's, its article's, the quote in its article, and
	// the quote in this page (#quote-ID).
	Href, SpeakerHref, ViaHref, ArticleHref, InArticleHref, FragHref template.HTMLAttr
	// The "link" pieces of the speaker and the reporting organization (""
	// without them) and of the article.
	SpeakerLink, ViaLink, ArticleLink template.HTML
	Context                           template.HTML // the rendered context (quote page only)
	Others                            template.HTML // the list entries of the speaker's other quotes (quote page only)
	JSONLD                            template.JS   // the Quotation (quote page only)
}

func newQuoteView(p *Page, q *dossier.Quote, full bool) (*QuoteView, error) {
	s := p.siteData
	p.rec.quote(q)
	v := &QuoteView{Page: p, Quote: Quote{q, p.rec}, ID: q.ID, Text: q.Text, Sentence: q.Sentence, ArticleTitle: q.Article.Title,
		SaidISO: q.Said.String(), Said: formatDate(q.Said), Href: hrefAttr(s.Href(q)), FragHref: fragHrefAttr("", "quote-", q.ID)}
	var err error
	if q.Speaker != nil {
		v.SpeakerName, v.SpeakerRole, v.SpeakerHref = q.Speaker.Name, q.Speaker.Role, hrefAttr(s.Href(q.Speaker))
		if v.SpeakerLink, err = s.linkPiece(q.Speaker, v.SpeakerName, v.SpeakerHref); err != nil {
			return nil, err
		}
	}
	if q.Via != nil {
		v.ViaName, v.ViaHref = q.Via.Name, hrefAttr(s.Href(q.Via))
		if v.ViaLink, err = s.linkPiece(q.Via, v.ViaName, v.ViaHref); err != nil {
			return nil, err
		}
	}
	article := s.Href(q.Article)
	v.ArticleHref = hrefAttr(article)
	if v.ArticleLink, err = s.linkPiece(q.Article, q.Article.Title, v.ArticleHref); err != nil {
		return nil, err
	}
	if full {
		v.InArticleHref = fragHrefAttr(article, "quote-", q.ID)
		v.Context = p.body()
	}
	return v, nil
}

// otherQuoteItems is the list entries of OtherQuotes for a quote's page. The
// entries of each speaker's quotes are looked up once per render and shared
// by the pages of all the speaker's quotes.
func (p *Page) otherQuoteItems(q *dossier.Quote) (template.HTML, error) {
	if q.Speaker == nil {
		return "", nil
	}
	s := p.siteData
	p.rec.read(dep{kind: depRel, id: "actor:" + q.Speaker.ID, rel: "quotes"})
	var list []cachedItem
	if v, ok := s.speakers.Load(q.Speaker); ok {
		list = v.([]cachedItem)
	} else {
		for _, other := range q.Speaker.Quotes {
			c, err := s.item(other)
			if err != nil {
				return "", err
			}
			list = append(list, c)
		}
		s.speakers.Store(q.Speaker, list)
	}
	n := 0
	for _, c := range list {
		n += len(c.html)
	}
	var b strings.Builder
	b.Grow(n)
	for i, other := range q.Speaker.Quotes {
		if other != q {
			b.WriteString(string(list[i].html))
			p.rec.merge(list[i].pins)
		}
	}
	return template.HTML(b.String()), nil
}

// ArticleView is an article as its default page template prints it.
type ArticleView struct {
	Title, Summary, ISO, Date string
	Publisher, Archived       string
	PublisherHref             template.HTMLAttr // the source's link, "" without a URL
	ArchivedHref              template.HTMLAttr
	Body                      template.HTML
	Claims                    []*ClaimView
	Quotes                    []*QuoteView
	Actors, Organizations     []EntityView
}

func newArticleView(p *Page, a *dossier.Article) (*ArticleView, error) {
	p.rec.read(dep{kind: depArticle, id: a.ID})
	p.rec.read(dep{kind: depBody, id: a.ID})
	p.rec.read(dep{kind: depRel, id: "article:" + a.ID, rel: "actors"})
	p.rec.read(dep{kind: depRel, id: "article:" + a.ID, rel: "organizations"})
	for _, x := range a.Actors {
		p.rec.entity(x)
	}
	for _, o := range a.Organizations {
		p.rec.entity(o)
	}
	v := &ArticleView{Title: a.Title, Summary: a.Summary, ISO: a.Date.String(), Date: formatDate(a.Date),
		Publisher: a.Source.Publisher, Archived: a.Source.Archived, Body: p.body()}
	if a.Source.URL != "" {
		v.PublisherHref = hrefAttr(a.Source.URL)
	}
	if a.Source.Archived != "" {
		v.ArchivedHref = hrefAttr(a.Source.Archived)
	}
	for _, c := range a.Claims {
		cv, err := newClaimView(p, c, false)
		if err != nil {
			return nil, err
		}
		v.Claims = append(v.Claims, cv)
	}
	for _, q := range a.Quotes {
		qv, err := newQuoteView(p, q, false)
		if err != nil {
			return nil, err
		}
		v.Quotes = append(v.Quotes, qv)
	}
	v.Actors, v.Organizations = entityViews(p.siteData, a.Actors), entityViews(p.siteData, a.Organizations)
	return v, nil
}

// SourceView is a source as the default "source" partial prints it, with
// its links and dates ready.
type SourceView struct {
	Title, Publisher, Note string
	Text                   string // the link's text: the title, or the URL without one
	Href, ArchivedHref     template.HTMLAttr
	DateISO, DateReadable  string
}

// sourceView is the template function that turns a content.Source into a
// SourceView.
func sourceView(src content.Source) SourceView {
	v := SourceView{Title: src.Title, Publisher: src.Publisher, Note: src.Note, Text: src.Title,
		DateISO: src.Date.String(), DateReadable: formatDate(src.Date)}
	if src.URL != "" {
		v.Href = hrefAttr(src.URL)
		if v.Text == "" {
			v.Text = src.URL
		}
	}
	if src.Archived != "" {
		v.ArchivedHref = hrefAttr(src.Archived)
	}
	return v
}

// TallyView is a tally as the "tally" partial prints it: the bar's segments
// and the verdicts counted, in the scale's order.
type TallyView struct {
	Bars   []Bar
	Counts []TallyCount
}

// TallyCount is one verdict of a tally with its count and the link to its page.
type TallyCount struct {
	ID, Icon, Label string
	N               int
	Href            template.HTMLAttr
}

// TallyView lays out a tally for the "tally" partial.
func (s *siteData) TallyView(t dossier.Tally) TallyView {
	v := TallyView{Bars: s.Bars(t)}
	for _, verdict := range s.Site.Verdicts {
		if n := t[verdict.ID]; n != 0 {
			v.Counts = append(v.Counts, TallyCount{ID: verdict.ID, Icon: verdict.Icon, Label: verdict.Label, N: n,
				Href: hrefAttr(s.VerdictURL(verdict.ID))})
		}
	}
	return v
}

// EntityView is an actor or organization as a list prints it.
type EntityView struct {
	Name string
	Note string // the actor's role or the organization's kind
	Href template.HTMLAttr
}

func entityViews[T *dossier.Actor | *dossier.Organization](s *siteData, list []T) []EntityView {
	out := make([]EntityView, 0, len(list))
	for _, e := range list {
		switch e := any(e).(type) {
		case *dossier.Actor:
			out = append(out, EntityView{Name: e.Name, Note: e.Role, Href: hrefAttr(s.Href(e))})
		case *dossier.Organization:
			out = append(out, EntityView{Name: e.Name, Note: e.Kind, Href: hrefAttr(s.Href(e))})
		}
	}
	return out
}

// VerdictView is a verdict as the pieces of _verdicts.html print it.
type VerdictView struct {
	ID, Icon, Label, Description string
	Href                         template.HTMLAttr // the verdict's page
}

// verdictPiece renders a piece of _verdicts.html for a verdict once per
// render and shares it.
func (s *siteData) verdictPiece(name string, v config.Verdict) (template.HTML, error) {
	key := name + "|" + v.ID
	if h, ok := s.pieces.Load(key); ok {
		return h.(template.HTML), nil
	}
	var b strings.Builder
	data := VerdictView{ID: v.ID, Icon: v.Icon, Label: v.Label, Description: v.Description, Href: hrefAttr(s.VerdictURL(v.ID))}
	if err := s.tmpl.ExecutePartial(&b, name, data); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	s.pieces.Store(key, h)
	return h, nil
}

// ArticleEntry is an article as the lists of articles print it.
type ArticleEntry struct {
	Title, Summary string
	ISO, Date      string // 2006-01-02 and for readers
	Claims         int    // how many claims it has checked
	Href           template.HTMLAttr
}

// ArticleEntries lays out a list of articles for the default templates.
func (p *Page) ArticleEntries(list []Article) []ArticleEntry {
	out := make([]ArticleEntry, len(list))
	for i, a := range list {
		date := a.Date()
		out[i] = ArticleEntry{Title: a.Title(), Summary: a.Summary(), ISO: date.String(), Date: formatDate(date),
			Claims: len(a.Claims()), Href: hrefAttr(p.Href(a))}
	}
	return out
}

// LinkView is a link as the "link" piece prints it.
type LinkView struct {
	Text string
	Href template.HTMLAttr
}

// linkPiece renders the "link" piece of an article, actor or organization
// once per render and shares it.
func (s *siteData) linkPiece(obj any, text string, href template.HTMLAttr) (template.HTML, error) {
	if h, ok := s.linkPieces.Load(obj); ok {
		return h.(template.HTML), nil
	}
	var b strings.Builder
	if err := s.tmpl.ExecutePartial(&b, "link", LinkView{Text: text, Href: href}); err != nil {
		return "", err
	}
	h := template.HTML(b.String())
	s.linkPieces.Store(obj, h)
	return h, nil
}
