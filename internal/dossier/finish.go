package dossier

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dossier-dev/dossier/internal/work"
)

// anchored records where one of the article's claims or quotes was found
// in its text: the sentence holding the span, the file's line and the
// span's offset in the body's text. An article has a handful of each: a
// scan is cheaper than a lookup in the dossier-wide maps.
func (a *Article) anchored(x Anchor) {
	switch x.Kind {
	case "claim":
		for _, c := range a.Claims {
			if c.ID == x.ID {
				c.Sentence, c.Line, c.Offset = x.Sentence, x.Line, x.Offset
				return
			}
		}
	case "quote":
		for _, q := range a.Quotes {
			if q.ID == x.ID {
				q.Sentence, q.Line, q.Offset = x.Sentence, x.Line, x.Offset
				return
			}
		}
	}
}

// anchoredInTitle records that one of the article's claims was found in its
// title, at bytes [start, end) of it; line is the title's line in the file.
func (a *Article) anchoredInTitle(id string, start, end, line int) {
	for _, c := range a.Claims {
		if c.ID != id {
			continue
		}
		c.Sentence, c.Line, c.TitleStart, c.TitleEnd = a.Title, line, start, end
		c.Offset = start - len(a.Title) // negative: the title reads before the body
		i, _ := slices.BinarySearchFunc(a.Headline, c, func(x, y *Claim) int {
			return cmp.Or(cmp.Compare(x.TitleStart, y.TitleStart), cmp.Compare(y.TitleEnd, x.TitleEnd))
		})
		a.Headline = slices.Insert(a.Headline, i, c)
		return
	}
}

// addMention records that an entity's name appears at m. It reports whether
// the entity exists.
func (d *Dossier) addMention(kind, id string, m Mention) bool {
	e := d.Entity(kind, id)
	switch e := e.(type) {
	case *Actor:
		e.Mentions = append(e.Mentions, m)
	case *Organization:
		e.Mentions = append(e.Mentions, m)
	default:
		return false
	}
	if m.Article != nil {
		m.Article.involve(e)
	}
	return true
}

// finish sorts the back-link lists and counts the tallies, once the
// mentions are in.
func (d *Dossier) finish() {
	d.ratedByTitle, d.ratedByURL = map[string]*Article{}, map[string]*Article{}
	for _, a := range d.Articles {
		if len(a.Headline) > 0 {
			d.ratedByTitle[a.Title] = a
			if a.Source.URL != "" {
				d.ratedByURL[a.Source.URL] = a
			}
		}
	}
	for _, a := range d.Articles {
		slices.SortFunc(a.Actors, byName)
		slices.SortFunc(a.Organizations, byName)
		for _, act := range a.Actors {
			act.Articles = append(act.Articles, a)
		}
		for _, o := range a.Organizations {
			o.Articles = append(o.Articles, a)
		}
	}
	// Each entity's lists are its own: they are sorted on every processor.
	work.Each(len(d.Actors)+len(d.Organizations), func(i int) {
		if i < len(d.Actors) {
			a := d.Actors[i]
			a.Tally = tally(a.Claims)
			slices.SortFunc(a.Quotes, quoteOrder)
			slices.SortFunc(a.Events, eventOrder)
			return
		}
		o := d.Organizations[i-len(d.Actors)]
		o.Tally = tally(o.Claims)
		slices.SortFunc(o.Statements, quoteOrder)
		slices.SortFunc(o.Members, byName)
		slices.SortFunc(o.Events, eventOrder)
	})
}

// RatedSource returns the article with title claims that a source cites by
// its title or its own source's URL (a site citing the re-post an article
// checks), or nil: such a source shows the headline's verdicts too. It is
// known once Resolve has returned.
func (d *Dossier) RatedSource(src Source) *Article {
	if a := d.ratedByTitle[src.Title]; a != nil && src.Title != "" {
		return a
	}
	if src.URL != "" {
		return d.ratedByURL[src.URL]
	}
	return nil
}

func tally(claims []*Claim) Tally {
	t := Tally{}
	for _, c := range claims {
		if c.Verdict.ID != "" && c.Verdict.Rated {
			t[c.Verdict.ID]++
		}
	}
	return t
}

// newestFirst sorts articles newest first, then by id.
func newestFirst(a, b *Article) int {
	if c := b.Date.Compare(a.Date.Time); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// eventOrder sorts events by date, then id.
func eventOrder(a, b *Event) int {
	if c := a.Date.Compare(b.Date.Time); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// quoteOrder sorts quotes by the date they were said, then id.
func quoteOrder(a, b *Quote) int {
	if c := a.Said.Compare(b.Said.Time); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// Article returns the article with the given id, or nil.
func (d *Dossier) Article(id string) *Article { return d.articles[id] }

// Actor returns the actor with the given id, or nil.
func (d *Dossier) Actor(id string) *Actor { return d.actors[id] }

// Organization returns the organization with the given id, or nil.
func (d *Dossier) Organization(id string) *Organization { return d.organizations[id] }

// Claim returns the claim with the given id, or nil.
func (d *Dossier) Claim(id string) *Claim { return d.claims[id] }

// Quote returns the quote with the given id, or nil.
func (d *Dossier) Quote(id string) *Quote { return d.quotes[id] }

// Event returns the event with the given id, or nil.
func (d *Dossier) Event(id string) *Event { return d.events[id] }

// Entity returns the actor or organization of that kind and id, or nil.
func (d *Dossier) Entity(kind, id string) Entity {
	switch kind {
	case "actor":
		if a := d.actors[id]; a != nil {
			return a
		}
	case "organization":
		if o := d.organizations[id]; o != nil {
			return o
		}
	}
	return nil
}

// ClaimsWithVerdict returns the claims rated with the verdict id, in dossier order.
func (d *Dossier) ClaimsWithVerdict(id string) []*Claim { return d.byVerdict[id] }

// Tally counts all rated claims of the dossier per verdict.
func (d *Dossier) Tally() Tally { return tally(d.Claims) }
