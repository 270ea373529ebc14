package render

import (
	"cmp"
	"slices"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// EntityCount is an entity with how often it is mentioned.
type EntityCount struct {
	Entity Entity
	Count  int
}

// TopEntities lists the most-mentioned actors and organizations, at most eight.
func (p *Page) TopEntities() []EntityCount {
	d := p.D()
	var list []EntityCount
	for _, a := range d.Actors() {
		if n := len(a.Mentions()); n > 0 {
			list = append(list, EntityCount{a, n})
		}
	}
	for _, o := range d.Organizations() {
		if n := len(o.Mentions()); n > 0 {
			list = append(list, EntityCount{o, n})
		}
	}
	slices.SortStableFunc(list, func(a, b EntityCount) int {
		return cmp.Or(cmp.Compare(b.Count, a.Count), cmp.Compare(a.Entity.DisplayName(), b.Entity.DisplayName()))
	})
	return list[:min(len(list), 8)]
}

// OtherQuotes lists the quote page's speaker's other quotes.
func (p *Page) OtherQuotes() []Quote {
	others, _ := p.otherQuotes()
	return others
}

// moreQuotes is how many of the speaker's other quotes a quote's page shows:
// the page stays the same size however much the speaker said, and links to
// the speaker's full list.
const moreQuotes = 5

// otherQuotes returns the speaker's newest other quotes, at most moreQuotes
// of them, newest first, and how many other quotes the speaker has in all.
func (p *Page) otherQuotes() (newest []Quote, total int) {
	q, ok := p.object.(*dossier.Quote)
	if !ok || q.Speaker == nil {
		return nil, 0
	}
	all := (Actor{q.Speaker, p.rec}).Quotes() // oldest first
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].q == q {
			continue
		}
		total++
		if len(newest) < moreQuotes {
			newest = append(newest, all[i])
		}
	}
	return newest, total
}

// readTimelineOrder records what splits the timeline into months and
// pages: every dated entry's id and date, in the timeline's order.
func (p *Page) readTimelineOrder() { p.rec.read(dep{kind: depList, rel: "timeline"}) }

// readTimeline records what the page shows of days: each entry's title or
// words, with a quote's speaker. An entry on no page of its own is not read.
func (p *Page) readTimeline(days []Day) {
	p.readTimelineOrder()
	for _, d := range days {
		for _, e := range d.Entries {
			p.readEntry(e)
		}
	}
}

// readEntry records what one timeline entry shows.
func (p *Page) readEntry(e Entry) {
	switch o := e.obj.(type) {
	case *dossier.Event:
		p.rec.read(dep{kind: depEvent, id: o.ID})
	case *dossier.Article:
		p.rec.read(dep{kind: depArticle, id: o.ID})
	case *dossier.Quote:
		p.rec.read(dep{kind: depQuote, id: o.ID})
		if o.Speaker != nil {
			p.rec.entity(o.Speaker)
		}
	}
}

// Day is one date of the timeline with what happened on it.
type Day struct {
	Date          dossier.Date
	Entries       []Entry
	ISO, Readable string // Date as 2006-01-02 and for readers
}

// Entry is one item of the timeline.
type Entry struct {
	Kind  string // event, article, quote, paraphrase (a quote not verbatim)
	Title string
	URL   string
	Note  string
	// Verdicts are an article's headline verdicts (see Headline); none for
	// other entries.
	Verdicts []VerdictView
	obj      any // the *dossier.Event, *dossier.Article or *dossier.Quote
}

// timeline is every dated entry by day, oldest first, made once a render:
// the timeline's pages and the home page's teaser share it and never
// change it.
func (s *siteData) timeline() []Day {
	s.timelineOnce.Do(func() { s.days = s.makeTimeline() })
	return s.days
}

func (s *siteData) makeTimeline() []Day {
	type dated struct {
		date  dossier.Date
		entry Entry
	}
	var all []dated
	for _, e := range s.D.Events {
		all = append(all, dated{e.Date, newEntry(e, "event", e.Title, s.Href(e), "")})
	}
	for _, a := range s.D.Articles {
		entry := newEntry(a, "article", a.Title, s.Href(a), "")
		entry.Verdicts = s.headline(a).Verdicts
		all = append(all, dated{a.Date, entry})
	}
	for _, q := range s.D.Quotes {
		if q.Said.IsZero() {
			continue
		}
		note := ""
		if q.Speaker != nil {
			note = "— " + q.Speaker.Name
		}
		kind, title := "quote", s.words.T("quoted", config.Shorten(q.Text, 90))
		if q.Paraphrase {
			kind, title = "paraphrase", config.Shorten(q.Text, 90)
		}
		all = append(all, dated{q.Said, newEntry(q, kind, title, s.Href(q), note)})
	}
	slices.SortStableFunc(all, func(a, b dated) int { return a.date.Compare(b.date.Time) })
	var days []Day
	for _, d := range all {
		if d.date.IsZero() {
			continue
		}
		if n := len(days); n == 0 || !days[n-1].Date.Equal(d.date.Time) {
			days = append(days, Day{Date: d.date, ISO: d.date.String(), Readable: s.formatDate(d.date)})
		}
		days[len(days)-1].Entries = append(days[len(days)-1].Entries, d.entry)
	}
	return days
}

func newEntry(obj any, kind, title, url, note string) Entry {
	return Entry{Kind: kind, Title: title, URL: url, Note: note, obj: obj}
}
