package render

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"slices"
	"strings"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// FeedName is the file name of every Atom feed: the site's at the root,
// an actor's or organization's in its page's folder.
const FeedName = "feed.xml"

// siteFeedSize is how many entries the site's feed keeps, newest first.
const siteFeedSize = 50

// atomFeed is an Atom 1.0 feed (RFC 4287).
type atomFeed struct {
	XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
	// Lang is the feed's language, the site's (xml:lang, RFC 4287 2).
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
	URI  string `xml:"uri,omitempty"`
}

type atomEntry struct {
	// Lang is set on an article's entry when the article is in another
	// language than the site's.
	Lang    string   `xml:"http://www.w3.org/XML/1998/namespace lang,attr,omitempty"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Updated string   `xml:"updated"`
	Link    atomLink `xml:"link"`
	Summary string   `xml:"summary,omitempty"`

	date dossier.Date // for sorting
}

// EntityFeed is the URL of the Atom feed of an actor's or organization's page,
// "" on every other page.
func (p *Page) EntityFeed() string {
	switch e := p.object.(type) {
	case *dossier.Actor, *dossier.Organization:
		return p.URL(urls.Entity(e.(dossier.Entity).EntityKind(), e.(dossier.Entity).EntityID()) + FeedName)
	}
	return ""
}

// addFeeds adds the site's feed and one per actor and organization.
// fallback dates a feed without dated entries.
func addFeeds(files Files, s *siteData, fallback dossier.Date) error {
	b, err := marshalFeed(siteFeed(s, fallback))
	if err != nil {
		return err
	}
	files[FeedName] = b
	if files[CorrectionsFeed], err = marshalFeed(correctionsFeed(s, fallback)); err != nil {
		return err
	}
	for _, e := range entitiesOf(s.D) {
		name := urls.Entity(e.EntityKind(), e.EntityID()) + FeedName
		if files[name], err = marshalFeed(feedOf(s, fallback, e)); err != nil {
			return err
		}
	}
	return nil
}

// feedOf is an actor's or organization's feed.
func feedOf(s *siteData, fallback dossier.Date, e dossier.Entity) *atomFeed {
	if a, ok := e.(*dossier.Actor); ok {
		return entityFeed(s, fallback, a, a.Name, a.Claims, a.Quotes, a.Articles)
	}
	o := e.(*dossier.Organization)
	return entityFeed(s, fallback, o, o.Name, o.Claims, o.Statements, o.Articles)
}

// marshalFeed writes a feed's XML, indented by two spaces, after the XML header.
func marshalFeed(f *atomFeed) ([]byte, error) {
	return marshalXML(f, "feed "+f.ID)
}

// marshalXML writes v as XML, indented by two spaces, between the XML header
// and a line feed; what names v in an error.
func marshalXML(v any, what string) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("%s: %w", what, err)
	}
	buf.WriteByte('\n')
	return buf.Bytes(), nil
}

// siteFeed holds the latest articles and claims.
func siteFeed(s *siteData, fallback dossier.Date) *atomFeed {
	entries := make([]atomEntry, 0, len(s.D.Articles)+len(s.D.Claims))
	for _, a := range s.D.Articles {
		entries = append(entries, articleEntry(s, a))
	}
	for _, c := range s.D.Claims {
		entries = append(entries, claimEntry(s, c))
	}
	f := newFeed(s, fallback, "", s.Site.Title, entries)
	f.Entries = f.Entries[:min(len(f.Entries), siteFeedSize)]
	return f
}

// entityFeed holds an actor's or organization's claims, quotes and the articles mentioning it.
func entityFeed(s *siteData, fallback dossier.Date, obj any, name string, claims []*dossier.Claim, quotes []*dossier.Quote, articles []*dossier.Article) *atomFeed {
	entries := make([]atomEntry, 0, len(claims)+len(quotes)+len(articles))
	for _, c := range claims {
		entries = append(entries, claimEntry(s, c))
	}
	for _, q := range quotes {
		entries = append(entries, quoteEntry(s, q))
	}
	for _, a := range articles {
		entries = append(entries, articleEntry(s, a))
	}
	return newFeed(s, fallback, Path(obj), name+" · "+s.Site.Title, entries)
}

// newFeed sorts the entries newest first, then by id, else in their order,
// and dates the feed by its newest entry (fallback when it has none), never
// by the clock.
func newFeed(s *siteData, fallback dossier.Date, path, title string, entries []atomEntry) *atomFeed {
	slices.SortStableFunc(entries, func(a, b atomEntry) int {
		return cmp.Or(b.date.Compare(a.date.Time), cmp.Compare(a.ID, b.ID))
	})
	updated := fallback
	if len(entries) > 0 && !entries[0].date.IsZero() {
		updated = entries[0].date
	}
	author := atomAuthor{Name: cmp.Or(s.Site.Publisher.Name, s.Site.Title), URI: s.Site.Publisher.URL}
	return &atomFeed{
		Lang:    s.Site.Language,
		Title:   title,
		ID:      atomID(s.URLs, path+FeedName),
		Updated: atomTime(updated),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: s.URLs.Abs(path + FeedName)},
			{Rel: "alternate", Type: "text/html", Href: s.URLs.Abs(path)},
		},
		Author:  author,
		Entries: entries,
	}
}

func articleEntry(s *siteData, a *dossier.Article) atomEntry {
	h := s.headline(a)
	e := entry(s, Path(a), h.Rated, h.Note+a.Summary, articleDate(a))
	e.Lang = s.partLang(a.Language)
	return e
}

func claimEntry(s *siteData, c *dossier.Claim) atomEntry {
	w := s.words
	summary := w.T("feed-claim", c.Verdict.Label, w.T("quoted", c.Text), s.headline(c.Article).Rated)
	return entry(s, Path(c), w.T("title-rated", w.T("feed-fact-check", config.Shorten(c.Text, 70)), s.ratedPhrase(c.Verdict)), summary, claimDate(c))
}

func quoteEntry(s *siteData, q *dossier.Quote) atomEntry {
	w := s.words
	return entry(s, Path(q), quoteTitle(w, q, 70), quoteDescription(w, q)+": "+quoteTitle(w, q, len(q.Text)), quoteDate(q))
}

func entry(s *siteData, path, title, summary string, date dossier.Date) atomEntry {
	return atomEntry{
		ID: atomID(s.URLs, path), Title: title, Updated: atomTime(date), Summary: summary,
		Link: atomLink{Rel: "alternate", Type: "text/html", Href: s.URLs.Abs(path)},
		date: date,
	}
}

// atomID is the permanent id of a page in feeds: its absolute URL, or, for a
// site whose base URL has no host, a URN made of its path.
func atomID(u urls.URLs, path string) string {
	if abs := u.Abs(path); !strings.HasPrefix(abs, "/") {
		return abs
	}
	return "urn:dossier:" + strings.Trim(u.Rel(path), "/")
}

// atomTime formats a date as an RFC 3339 time at midnight UTC; an unset date
// is the Unix epoch, so the output stays reproducible.
func atomTime(d dossier.Date) string {
	if d.IsZero() {
		return "1970-01-01T00:00:00Z"
	}
	return d.UTC().Format("2006-01-02T15:04:05Z")
}
