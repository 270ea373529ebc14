package render

import (
	"cmp"
	"html/template"
	"slices"
	"strings"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/render/feeds"
	"github.com/dossier-dev/dossier/internal/urls"
)

// Templates receive data, never HTML made in Go: a verdict as its id,
// label, icon and description; a link as its URL and text; a list as a
// slice. html/template escapes all of it, and the partials of
// _pieces.html and _partials.html print it, so a theme restyles a verdict
// badge or a link everywhere by overriding one partial. The only HTML
// that templates receive is what Markdown made (a body, an explanation)
// and the JSON-LD, marshalled from Go values. docs/theming.md documents
// every type here; a test keeps it true.

// prepare fills the page's fields; the templates run after it.
func (p *Page) prepare() error {
	s := p.siteData
	p.Lang, p.SiteTitle = s.Site.Language, s.Site.Title
	sep := s.words.T("title-separator")
	p.FullTitle = p.Title + sep + s.Site.Title
	if p.Pager != nil && p.Pager.Number > 1 {
		p.FullTitle = p.Title + sep + s.words.T("title-page-of", p.Pager.Number, p.Pager.Count) + sep + s.Site.Title
	}
	if p.Kind == "home" {
		p.FullTitle = s.Site.Title
	}
	if p.Kind != "notfound" {
		p.CanonicalURL = p.Canonical()
	}
	p.OGArticle = p.Kind == "article" || p.Kind == "claim"
	p.FeedURL = p.EntityFeed()
	p.Card = p.cardView()
	var err error
	switch o := p.object.(type) {
	case *dossier.Claim:
		v := newClaimView(p, o, true)
		if v.JSONLD, err = jsonLD(p.ClaimReview()); err != nil {
			return err
		}
		p.View = v
	case *dossier.Quote:
		v := newQuoteView(p, o, true)
		others, total := p.otherQuotes()
		for _, other := range others {
			v.Others = append(v.Others, newQuoteView(p, other.q, false))
		}
		if total > len(others) && v.Speaker != nil {
			v.AllOthers = &Link{URL: s.URL(entityListPath(o.Speaker, "quotes")), Text: v.Speaker.Text}
		}
		v.OthersTotal = total
		if v.JSONLD, err = jsonLD(p.Quotation()); err != nil {
			return err
		}
		p.View = v
	case *dossier.Article:
		v := newArticleView(p, o)
		// The headline's verdicts go wherever the title goes: the window's
		// title, og:title and the description that share cards show.
		p.Title, p.Description = v.Headline.Rated, v.Headline.Note+p.Description
		p.FullTitle = p.Title + sep + s.Site.Title
		p.View = v
	}
	return nil
}

// EntityFeed is the URL of the Atom feed of an actor's or organization's page,
// "" on every other page.
func (p *Page) EntityFeed() string {
	switch e := p.object.(type) {
	case *dossier.Actor:
		return p.URL(urls.Actor(e.ID) + feeds.FileName)
	case *dossier.Organization:
		return p.URL(urls.Organization(e.ID) + feeds.FileName)
	}
	return ""
}

// partLang is lang when a part of a page is in another language than the
// site's, "" when it is in the site's or not known (WCAG 2.1, 3.1.2).
func (s *siteData) partLang(lang string) string {
	if lang == "" || strings.EqualFold(lang, s.Site.Language) {
		return ""
	}
	return lang
}

// DateView is a date as pages print it: ISO for datetime attributes and
// Text for readers; both "" for no date.
type DateView struct {
	ISO  string // 2006-01-02
	Text string // 8 January 2022
}

func (s *siteData) dateView(d dossier.Date) DateView {
	return DateView{ISO: d.String(), Text: s.formatDate(d)}
}

// Link is a link to a page of the site or elsewhere.
type Link struct {
	URL  string
	Text string
}

// VerdictView is a verdict of the scale as templates print it (the
// "verdict-badge" and "verdict-line" partials).
type VerdictView struct {
	ID          string
	Label       string
	Short       string // the compact label, Label when the scale gives none
	Icon        string // a name from the theme's icon set
	Description string
	URL         string // the page of the claims with this verdict
	Rating      int    // 1 (worst) to 5 (best) for ClaimReview; 0 for none
	// Rated is false for a verdict that is no rating (opinion, framing):
	// shown as not rated, left out of tallies and numeric ratings.
	Rated bool
}

// To is the verdict with its badge linking to url instead: a claim's page.
func (v VerdictView) To(url string) VerdictView {
	v.URL = url
	return v
}

func (s *siteData) verdictView(v config.Verdict) VerdictView {
	return VerdictView{ID: v.ID, Label: v.Label, Short: v.ShortLabel(), Icon: v.Icon, Description: v.Description,
		URL: s.VerdictURL(v.ID), Rating: v.Rating, Rated: v.Rated}
}

// Verdicts is the whole scale, in order.
func (p *Page) Verdicts() []VerdictView {
	out := make([]VerdictView, len(p.Site.Verdicts))
	for i, v := range p.Site.Verdicts {
		out[i] = p.verdictView(v)
	}
	return out
}

// ClaimView is a claim as pages print it: on its page, in lists (the
// "claim-item" partial) and in its article's list.
type ClaimView struct {
	Claim    Claim // the claim itself, for a theme that needs more
	ID       string
	Text     string // the claimed words, as anchored in the article
	Sentence string // the plain text around them
	// Statement is the claim restated as a sentence (its `claim`), or its
	// words in quotation marks when it has none: the claim's title.
	Statement  string
	Context    InContext // the sentence, split around the claimed words
	Verdict    VerdictView
	ClaimantID string   // the claimant's id, "article" when the article makes the claim
	Claimant   *Link    // nil when the article makes the claim
	Article    Headline // the article the claim is in, with its headline's verdicts
	URL        string   // the claim's page
	InArticle  string   // the claim in its article (the article's URL#claim-ID)
	Fragment   string   // the claim on this page: #claim-ID
	// InTitle says the claim is anchored in its article's title: its
	// Sentence is the title, which goes with Article.Verdicts.
	InTitle bool
	// Lang is the language of the claimed words and their sentence (the
	// article's language) when it is not the site's, "" otherwise: for
	// a lang attribute around them.
	Lang string
	// On the claim's page only:
	ArticleDate DateView
	Checked     DateView
	Body        template.HTML // the explanation, rendered Markdown
	JSONLD      template.JS   // the ClaimReview
	Sources     []SourceView
	Updates     []UpdateView // the corrections log, oldest first
	Modified    DateView     // the latest update's date; empty without updates
	CheckedBy   []StaffView  // who checked the claim; empty when not said
	// ReportURL is where a reader asks for a correction of this claim
	// ([publisher] corrections, prefilled with the claim and its URL); ""
	// when the site gives no address.
	ReportURL string
}

func newClaimView(p *Page, c *dossier.Claim, full bool) *ClaimView {
	s := p.siteData
	p.rec.claim(c)
	article := s.Href(c.Article)
	v := &ClaimView{Claim: Claim{c, p.rec}, ID: c.ID, Text: c.Text, Sentence: c.Sentence, Statement: c.Statement(s.words),
		Context: inContext(c.Sentence, c.Text), Verdict: s.verdictView(c.Verdict),
		ClaimantID: "article", Article: s.headline(c.Article), URL: s.Href(c),
		InArticle: article + "#claim-" + c.ID, Fragment: "#claim-" + c.ID, InTitle: c.InTitle(),
		Lang: s.partLang(c.Article.Language)}
	if present(c.Claimant) {
		v.ClaimantID = c.Claimant.EntityID()
		v.Claimant = &Link{URL: s.Href(c.Claimant), Text: c.Claimant.DisplayName()}
	}
	if full {
		v.ArticleDate, v.Checked = p.dateView(c.Article.Date), p.dateView(c.Checked)
		v.Body, v.Sources = p.body(), sourceViews(p, c.Sources)
		v.Updates, v.Modified = updateViews(p, c), p.dateView(c.Modified())
		v.CheckedBy = staffViews(c.CheckedBy)
		v.ReportURL = reportURL(s.words, s.Site.Publisher.Corrections, c.Reviewed(), s.AbsURL(Path(c)))
	}
	return v
}

// InContext is a sentence split around the words it quotes, to show them
// highlighted where they were said. Without the words in the sentence,
// Before holds the whole sentence.
type InContext struct {
	Before, Words, After string
}

func inContext(sentence, words string) InContext {
	if i := strings.Index(sentence, words); i >= 0 && words != "" {
		return InContext{Before: sentence[:i], Words: words, After: sentence[i+len(words):]}
	}
	return InContext{Before: sentence}
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

// QuoteView is a quote as pages print it: on its page, in lists (the
// "quote-item" partial) and in its article's list.
type QuoteView struct {
	Quote       Quote // the quote itself, for a theme that needs more
	ID          string
	Text        string // the quoted words
	Paraphrase  bool   // the words are reported speech, not verbatim: never in quotation marks
	Sentence    string // the plain text around them
	Speaker     *Link  // nil without a speaker
	SpeakerRole string
	Via         *Link    // the organization that reported the words; nil when not given
	Article     Headline // the article the quote is in, with its headline's verdicts
	URL         string   // the quote's page
	InArticle   string   // the quote in its article (the article's URL#quote-ID)
	Fragment    string   // the quote on this page: #quote-ID
	Said        DateView
	// Lang is the language of the quoted words (the article's) when it is
	// not the site's, "" otherwise: for a lang attribute around them.
	Lang string
	// Original is the words in the language they were said in, "" when
	// not given; OriginalLang is that language ("zh"), "" when not given.
	Original, OriginalLang string
	// On the quote's page only:
	Context template.HTML // the editors' note, rendered Markdown
	Others  []*QuoteView  // the speaker's newest other quotes, at most five
	// OthersTotal counts all the speaker's other quotes; AllOthers links
	// their full list on the speaker's page, nil when Others holds them all.
	OthersTotal int
	AllOthers   *Link
	JSONLD      template.JS // the Quotation
}

func newQuoteView(p *Page, q *dossier.Quote, full bool) *QuoteView {
	s := p.siteData
	p.rec.quote(q)
	article := s.Href(q.Article)
	v := &QuoteView{Quote: Quote{q, p.rec}, ID: q.ID, Text: q.Text, Paraphrase: q.Paraphrase, Sentence: q.Sentence,
		Article: s.headline(q.Article), URL: s.Href(q),
		InArticle: article + "#quote-" + q.ID, Fragment: "#quote-" + q.ID, Said: p.dateView(q.Said),
		Lang: s.partLang(q.Article.Language), Original: q.Original}
	if q.Original != "" {
		v.OriginalLang = q.Language
	}
	if q.Speaker != nil {
		v.Speaker, v.SpeakerRole = &Link{URL: s.Href(q.Speaker), Text: q.Speaker.Name}, q.Speaker.Role
	}
	if q.Via != nil {
		v.Via = &Link{URL: s.Href(q.Via), Text: q.Via.Name}
	}
	if full {
		v.Context = p.body()
	}
	return v
}

// ArticleView is an article as its page prints it.
type ArticleView struct {
	Article     Article // the article itself, for a theme that needs more
	Title       string
	Headline    Headline     // the title with its title claims' verdicts
	TitlePieces []TitlePiece // the title cut at its title claims, for the <h1>
	Summary     string
	// Counts are the article's claims per verdict, in the scale's order,
	// not-rated verdicts included; each verdict's URL is its page of claims.
	Counts        []TallyCount
	Date          DateView
	Source        SourceView // where the text comes from
	Body          template.HTML
	Claims        []*ClaimView // in reading order: the order of their words in the body
	Quotes        []*QuoteView // in reading order
	Actors        []EntityView
	Organizations []EntityView
	Tags          []string
	// Lang is the article's own language when it is not the site's, ""
	// otherwise: the article element's lang attribute.
	Lang string
}

func newArticleView(p *Page, a *dossier.Article) *ArticleView {
	s := p.siteData
	p.rec.read(dep{kind: depArticle, id: a.ID})
	p.rec.read(dep{kind: depBody, id: a.ID})
	p.rec.read(objectDep(depRel, a.Ref(), "actors"))
	p.rec.read(objectDep(depRel, a.Ref(), "organizations"))
	v := &ArticleView{Article: Article{a, p.rec}, Title: a.Title, Headline: s.headline(a), TitlePieces: s.titlePieces(a),
		Summary: a.Summary, Date: p.dateView(a.Date),
		Source: sourceView(p, a.Source), Body: p.body(), Tags: a.Tags, Lang: s.partLang(a.Language)}
	for _, c := range inReadingOrder(a.Claims, func(c *dossier.Claim) int { return c.Offset }) {
		v.Claims = append(v.Claims, newClaimView(p, c, false))
	}
	for _, verdict := range s.Site.Verdicts {
		n := 0
		for _, c := range a.Claims {
			if c.Verdict.ID == verdict.ID {
				n++
			}
		}
		if n > 0 {
			v.Counts = append(v.Counts, TallyCount{VerdictView: s.verdictView(verdict), N: n})
		}
	}
	for _, q := range inReadingOrder(a.Quotes, func(q *dossier.Quote) int { return q.Offset }) {
		v.Quotes = append(v.Quotes, newQuoteView(p, q, false))
	}
	v.Actors, v.Organizations = entityViews(p, a.Actors), entityViews(p, a.Organizations)
	return v
}

// inReadingOrder returns a copy of an article's claims or quotes in the
// order their words appear in its body; ties (a title's claims, all at 0)
// keep front-matter order.
func inReadingOrder[T any](list []*T, offset func(*T) int) []*T {
	return slices.SortedStableFunc(slices.Values(list), func(a, b *T) int { return cmp.Compare(offset(a), offset(b)) })
}

// SourceView is a source as the "source" partial prints it.
type SourceView struct {
	Title string
	// URL is the link to the source: with a text directive (#:~:text=)
	// that opens the page at Quote when there is one; "" without a URL.
	URL       string
	Original  string // the source's URL as written, without the directive
	Text      string // the link's text: the title, or the URL without one
	Publisher string
	Date      DateView
	Note      string
	Kind      string // the kind's id (state-media, mirror …), "" when not given
	KindLabel string // the kind as readers see it ("state media")
	// Quote is the passage the verdict rests on, "" without one.
	Quote       string
	ArchivedURL string // an archive copy, "" without one
	// Verdicts are the headline verdicts of an article whose title or
	// source the source is: a checked headline cited as a source keeps its
	// verdict. None for other sources.
	Verdicts []VerdictView
	// FirstPublished names where a re-posted text first appeared (an
	// article's [source.original]); nil when not given.
	FirstPublished *OriginView
}

// OriginView is where a re-posted text first appeared.
type OriginView struct {
	Publisher string
	URL       string // "" when not given
	Date      DateView
}

func sourceView(p *Page, src dossier.Source) SourceView {
	v := SourceView{Title: src.Title, URL: TextFragment(src.URL, src.Quote), Original: src.URL, Text: src.Title,
		Publisher: src.Publisher, Date: p.dateView(src.Date), Note: src.Note, Kind: string(src.Kind),
		KindLabel: p.sourceKindLabel(src.Kind), Quote: strings.Join(strings.Fields(src.Quote), " "), ArchivedURL: src.Archived}
	if a := p.siteData.D.RatedSource(src); a != nil {
		p.rec.read(dep{kind: depArticle, id: a.ID})
		v.Verdicts = p.headline(a).Verdicts
	}
	if v.Text == "" {
		v.Text = src.URL
	}
	if o := src.Original; o != nil {
		v.FirstPublished = &OriginView{Publisher: o.Publisher, URL: o.URL, Date: p.dateView(o.Date)}
	}
	return v
}

// sourceKindLabel is a source kind as readers see it, in the site's
// language ("" for no kind).
func (s *siteData) sourceKindLabel(k dossier.SourceKind) string {
	if k == "" {
		return ""
	}
	return s.words.T("source-kind-" + string(k))
}

func sourceViews(p *Page, list []dossier.Source) []SourceView {
	out := make([]SourceView, len(list))
	for i, src := range list {
		out[i] = sourceView(p, src)
	}
	return out
}

// Sources turns a list of sources (a profile's, an event's) into SourceViews.
func (p *Page) Sources(list []dossier.Source) []SourceView { return sourceViews(p, list) }

// TallyView is a tally as the "tally" partial prints it: the bar's segments
// and the verdicts counted, in the scale's order.
type TallyView struct {
	Bars   []Bar
	Counts []TallyCount
}

// TallyCount is one verdict of a tally with its count.
type TallyCount struct {
	VerdictView
	N int
}

// TallyView lays out a tally for the "tally" partial.
func (s *siteData) TallyView(t dossier.Tally) TallyView {
	v := TallyView{Bars: s.Bars(t)}
	for _, verdict := range s.Site.Verdicts {
		if n := t[verdict.ID]; n != 0 {
			v.Counts = append(v.Counts, TallyCount{VerdictView: s.verdictView(verdict), N: n})
		}
	}
	return v
}

// EntityView is an actor or organization as a list prints it.
type EntityView struct {
	Name string
	Note string // the actor's role or the organization's kind
	URL  string
}

func entityViews[T *dossier.Actor | *dossier.Organization](p *Page, list []T) []EntityView {
	out := make([]EntityView, 0, len(list))
	for _, e := range list {
		switch e := any(e).(type) {
		case *dossier.Actor:
			p.rec.entity(e)
			out = append(out, EntityView{Name: e.Name, Note: e.Role, URL: p.Href(e)})
		case *dossier.Organization:
			p.rec.entity(e)
			out = append(out, EntityView{Name: e.Name, Note: e.Kind, URL: p.Href(e)})
		}
	}
	return out
}

// ArticleEntry is an article as the lists of articles print it.
type ArticleEntry struct {
	Title, Summary string
	Headline       Headline // the title with its title claims' verdicts
	Date           DateView
	Claims         int // how many claims it has checked
	URL            string
}

// ArticleEntries lays out a list of articles.
func (p *Page) ArticleEntries(list []Article) []ArticleEntry {
	out := make([]ArticleEntry, len(list))
	for i, a := range list {
		out[i] = ArticleEntry{Title: a.Title(), Headline: p.headline(a.a), Summary: a.Summary(), Date: p.dateView(a.Date()),
			Claims: len(a.Claims()), URL: p.Href(a)}
	}
	return out
}
