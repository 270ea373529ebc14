package feeds

import (
	"bytes"
	"cmp"
	"encoding/xml"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// FileName is the file name of every Atom feed: the site's at the root,
// an actor's or organization's in its page's folder.
const FileName = "feed.xml"

// CorrectionsFileName is the file name of the corrections log's Atom feed,
// at the root.
const CorrectionsFileName = "corrections.xml"

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

// addFeeds adds the site's feed, the corrections log's and one per actor
// and organization. fallback dates a feed without dated entries.
func addFeeds(files map[string][]byte, in Input, fallback dossier.Date) error {
	b, err := marshalFeed(siteFeed(in, fallback))
	if err != nil {
		return err
	}
	files[FileName] = b
	if files[CorrectionsFileName], err = marshalFeed(correctionsFeed(in, fallback)); err != nil {
		return err
	}
	d := in.Dossier
	for _, a := range d.Actors {
		if files[urls.Actor(a.ID)+FileName], err = marshalFeed(entityFeed(in, fallback, a, a.Claims, a.Quotes, a.Articles)); err != nil {
			return err
		}
	}
	for _, o := range d.Organizations {
		if files[urls.Organization(o.ID)+FileName], err = marshalFeed(entityFeed(in, fallback, o, o.Claims, o.Statements, o.Articles)); err != nil {
			return err
		}
	}
	return nil
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
func siteFeed(in Input, fallback dossier.Date) *atomFeed {
	d := in.Dossier
	entries := make([]atomEntry, 0, len(d.Articles)+len(d.Claims))
	for _, a := range d.Articles {
		entries = append(entries, articleEntry(in, a))
	}
	for _, c := range d.Claims {
		entries = append(entries, claimEntry(in, c))
	}
	f := newFeed(in, fallback, "", d.Site.Title, entries)
	f.Entries = f.Entries[:min(len(f.Entries), siteFeedSize)]
	return f
}

// entityFeed holds an actor's or organization's claims, quotes and the
// articles mentioning it.
func entityFeed(in Input, fallback dossier.Date, e dossier.Entity, claims []*dossier.Claim, quotes []*dossier.Quote, articles []*dossier.Article) *atomFeed {
	entries := make([]atomEntry, 0, len(claims)+len(quotes)+len(articles))
	for _, c := range claims {
		entries = append(entries, claimEntry(in, c))
	}
	for _, q := range quotes {
		entries = append(entries, quoteEntry(in, q))
	}
	for _, a := range articles {
		entries = append(entries, articleEntry(in, a))
	}
	path := urls.Entity(e.EntityKind(), e.EntityID())
	return newFeed(in, fallback, path, e.DisplayName()+" · "+in.Dossier.Site.Title, entries)
}

// correctionsFeed is the corrections log as an Atom feed, newest first:
// one entry per update, linking to it on its claim's page.
func correctionsFeed(in Input, fallback dossier.Date) *atomFeed {
	w := in.Words
	entries := make([]atomEntry, len(in.Dossier.Updates))
	for i, u := range in.Dossier.Updates {
		c := u.Claim
		n := strconv.Itoa(slices.Index(c.Updates, u) + 1)
		summary := u.Note
		if u.From.ID != "" {
			summary = w.T("feed-verdict-changed", u.From.Label, c.Verdict.Label) + " " + summary
		}
		e := entry(in, urls.Claim(c.ID), w.T("feed-update-title", config.Shorten(c.Reviewed(), 70)), summary, u.Date)
		e.ID += "#update-" + n
		e.Link.Href += "#update-" + n
		entries[i] = e
	}
	f := newFeed(in, fallback, "", w.T("corrections")+w.T("title-separator")+in.Dossier.Site.Title, entries)
	f.ID = atomID(in.URLs, CorrectionsFileName)
	f.Links = []atomLink{
		{Rel: "self", Type: "application/atom+xml", Href: in.URLs.Abs(CorrectionsFileName)},
		{Rel: "alternate", Type: "text/html", Href: in.URLs.Abs(urls.Corrections)},
	}
	return f
}

// newFeed sorts the entries newest first, then by id, else in their order,
// and dates the feed by its newest entry (fallback when it has none), never
// by the clock.
func newFeed(in Input, fallback dossier.Date, path, title string, entries []atomEntry) *atomFeed {
	slices.SortStableFunc(entries, func(a, b atomEntry) int {
		return cmp.Or(b.date.Compare(a.date.Time), cmp.Compare(a.ID, b.ID))
	})
	updated := fallback
	if len(entries) > 0 && !entries[0].date.IsZero() {
		updated = entries[0].date
	}
	site := in.Dossier.Site
	author := atomAuthor{Name: cmp.Or(site.Publisher.Name, site.Title), URI: site.Publisher.URL}
	return &atomFeed{
		Lang:    site.Language,
		Title:   title,
		ID:      atomID(in.URLs, path+FileName),
		Updated: atomTime(updated),
		Links: []atomLink{
			{Rel: "self", Type: "application/atom+xml", Href: in.URLs.Abs(path + FileName)},
			{Rel: "alternate", Type: "text/html", Href: in.URLs.Abs(path)},
		},
		Author:  author,
		Entries: entries,
	}
}

// articleEntry is an article as a feed lists it: its title and summary
// open with its headline's verdicts. An article in another language than
// the site's says so, as its page does (WCAG 2.1, 3.1.2).
func articleEntry(in Input, a *dossier.Article) atomEntry {
	rated, note := in.Headline(a)
	e := entry(in, urls.Article(a.ID), rated, note+a.Summary, articleDate(a))
	if a.Language != "" && !strings.EqualFold(a.Language, in.Dossier.Site.Language) {
		e.Lang = a.Language
	}
	return e
}

// claimEntry is a claim as a feed lists it: "Fact check: …", its verdict,
// and its article's title with that title's verdicts.
func claimEntry(in Input, c *dossier.Claim) atomEntry {
	w := in.Words
	rated, _ := in.Headline(c.Article)
	summary := w.T("feed-claim", c.Verdict.Label, w.T("quoted", c.Text), rated)
	title := w.T("title-rated", w.T("feed-fact-check", config.Shorten(c.Text, 70)), in.Rated(c.Verdict))
	return entry(in, urls.Claim(c.ID), title, summary, claimDate(c))
}

// quoteEntry is a quote as a feed lists it, titled by its first words.
func quoteEntry(in Input, q *dossier.Quote) atomEntry {
	return entry(in, urls.Quote(q.ID), in.QuoteTitle(q, 70), in.QuoteAbout(q)+": "+in.QuoteTitle(q, len(q.Text)), quoteDate(q))
}

// entry is the entry of the page at path.
func entry(in Input, path, title, summary string, date dossier.Date) atomEntry {
	return atomEntry{
		ID: atomID(in.URLs, path), Title: title, Updated: atomTime(date), Summary: summary,
		Link: atomLink{Rel: "alternate", Type: "text/html", Href: in.URLs.Abs(path)},
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
