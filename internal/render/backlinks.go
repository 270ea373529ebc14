package render

import (
	"cmp"
	"slices"
	"strings"
	"sync"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/render/network"
	"github.com/dossier-dev/dossier/internal/urls"
)

// Backlink is one page that names an actor or organization: an article, an
// event or another entity's profile, with the sentences that name it.
type Backlink struct {
	object    any // *dossier.Article, *dossier.Event or dossier.Entity
	Title     string
	Date      dossier.Date // zero for profiles
	Sentences []string     // distinct, in the order they were found; empty when only declared
	// Verdicts are an article's headline verdicts (see Headline); none for
	// events and profiles.
	Verdicts []VerdictView
	// The link to the page, and Date as 2006-01-02 and for readers ("" for profiles).
	URL               string
	ISO, DateReadable string
}

// linkIndex answers, for every actor and organization, which articles, events
// and profiles name it, and for every event whom it names (declared or
// detected). It is built once per render and read by many pages at once.
type linkIndex struct {
	articles map[dossier.Entity][]Backlink
	events   map[dossier.Entity][]Backlink
	profiles map[dossier.Entity][]Backlink
	eventWho map[*dossier.Event][]dossier.Entity

	net       *network.Network
	urls      urls.URLs
	words     *config.Words
	headline  func(*dossier.Article) []VerdictView // an article's headline verdicts
	graphOnce sync.Once
	graphHTML string
}

// newLinkIndex indexes the back-links of d; headline gives an article's
// headline verdicts, which go with its title in the lists.
func newLinkIndex(d *dossier.Dossier, u urls.URLs, words *config.Words, headline func(*dossier.Article) []VerdictView) *linkIndex {
	x := &linkIndex{
		articles: map[dossier.Entity][]Backlink{},
		events:   map[dossier.Entity][]Backlink{},
		profiles: map[dossier.Entity][]Backlink{},
		eventWho: map[*dossier.Event][]dossier.Entity{},
		urls:     u,
		words:    words,
		headline: headline,
	}
	for _, e := range entitiesOf(d) {
		x.index(e)
	}
	for who, list := range x.events {
		for _, b := range list {
			ev := b.object.(*dossier.Event)
			x.eventWho[ev] = append(x.eventWho[ev], who)
		}
	}
	for _, who := range x.eventWho {
		slices.SortFunc(who, dossier.EntityOrder)
	}
	x.net = network.New(d, x.mentions(d))
	return x
}

// mentions is who names whom, as the network reads it (see
// network.Mentions): the profiles naming each entity, then a group per
// sentence of an article naming two or more entities, and whom each event
// names.
func (x *linkIndex) mentions(d *dossier.Dossier) network.Mentions {
	m := network.Mentions{Profiles: map[dossier.Entity][]dossier.Entity{}}
	for e, list := range x.profiles {
		for _, b := range list {
			m.Profiles[e] = append(m.Profiles[e], b.object.(dossier.Entity))
		}
	}
	m.Together = x.sentenceGroups(entitiesOf(d))
	for _, ev := range d.Events {
		m.Together = append(m.Together, x.eventWho[ev])
	}
	return m
}

// sentenceGroups lists, for every sentence of an article that names an
// entity, whom it names, in the order of nodes.
func (x *linkIndex) sentenceGroups(nodes []dossier.Entity) [][]dossier.Entity {
	type key struct {
		article  any
		sentence string
	}
	at := map[key]int{}
	var groups [][]dossier.Entity
	for _, e := range nodes {
		for _, b := range x.articles[e] {
			for _, s := range b.Sentences {
				k := key{b.object, s}
				i, ok := at[k]
				if !ok {
					i = len(groups)
					at[k] = i
					groups = append(groups, nil)
				}
				groups[i] = append(groups[i], e)
			}
		}
	}
	return groups
}

// entitiesOf lists every actor, then every organization, in the dossier's order.
func entitiesOf(d *dossier.Dossier) []dossier.Entity {
	out := make([]dossier.Entity, 0, len(d.Actors)+len(d.Organizations))
	for _, a := range d.Actors {
		out = append(out, a)
	}
	for _, o := range d.Organizations {
		out = append(out, o)
	}
	return out
}

// index collects one entity's back-links from its involvement lists and its mentions.
func (x *linkIndex) index(e dossier.Entity) {
	articles, events, mentions := involvement(e)
	var arts, evs, profs []Backlink
	at := map[any]int{}
	add := func(list *[]Backlink, obj any, title string, date dossier.Date) int {
		if i, ok := at[obj]; ok {
			return i
		}
		b := Backlink{object: obj, Title: title, Date: date,
			URL: x.urls.Rel(Path(obj)), ISO: date.String(), DateReadable: x.words.Date(date.Time)}
		if a, ok := obj.(*dossier.Article); ok {
			b.Verdicts = x.headline(a)
		}
		*list = append(*list, b)
		at[obj] = len(*list) - 1
		return len(*list) - 1
	}
	for _, a := range articles {
		add(&arts, a, a.Title, a.Date)
	}
	for _, ev := range events {
		add(&evs, ev, ev.Title, ev.Date)
	}
	for _, m := range mentions {
		switch {
		case m.Article != nil:
			i := add(&arts, m.Article, m.Article.Title, m.Article.Date)
			arts[i].Sentences = appendSentence(arts[i].Sentences, m.Sentence)
		case m.Event != nil:
			i := add(&evs, m.Event, m.Event.Title, m.Event.Date)
			evs[i].Sentences = appendSentence(evs[i].Sentences, m.Sentence)
		case m.From != nil:
			i := add(&profs, m.From, m.From.DisplayName(), dossier.Date{})
			profs[i].Sentences = appendSentence(profs[i].Sentences, m.Sentence)
		}
	}
	slices.SortStableFunc(evs, func(a, b Backlink) int {
		return cmp.Or(a.Date.Compare(b.Date.Time), cmp.Compare(a.object.(*dossier.Event).ID, b.object.(*dossier.Event).ID))
	})
	slices.SortStableFunc(profs, func(a, b Backlink) int {
		return dossier.EntityOrder(a.object.(dossier.Entity), b.object.(dossier.Entity))
	})
	x.articles[e], x.events[e], x.profiles[e] = arts, evs, profs
}

// involvement returns what the dossier records for an actor or organization.
func involvement(e dossier.Entity) ([]*dossier.Article, []*dossier.Event, []dossier.Mention) {
	switch e := e.(type) {
	case *dossier.Actor:
		return e.Articles, e.Events, e.Mentions
	case *dossier.Organization:
		return e.Articles, e.Events, e.Mentions
	}
	return nil, nil, nil
}

func appendSentence(list []string, s string) []string {
	s = strings.TrimSpace(s)
	if s == "" || slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// ArticleLinks lists the articles involving an actor or organization (declared,
// detected, quoting it or rating its claims), newest first, each with the
// sentences that name it.
func (p *Page) ArticleLinks(e Entity) []Backlink { return p.backlinksOf(e).articles[e.entity()] }

// EventLinks lists the events naming an actor or organization, declared in
// the event's front matter or detected in its text, by date.
func (p *Page) EventLinks(e Entity) []Backlink { return p.backlinksOf(e).events[e.entity()] }

// ProfileLinks lists the other actors' and organizations' profiles that name
// an actor or organization, with the sentences.
func (p *Page) ProfileLinks(e Entity) []Backlink { return p.backlinksOf(e).profiles[e.entity()] }

// backlinksOf returns the link index, recording that the page reads the
// back-links of e alone: an edit elsewhere does not render the page again.
func (p *Page) backlinksOf(e Entity) *linkIndex {
	p.rec.read(objectDep(depLinks, entityRef(e.entity()), ""))
	return p.links()
}

// network returns the link index, recording that the page reads the part
// of the network of who is named with whom that obj draws: an actor's or
// organization's neighbourhood, whom an event names, or, for nil, the whole.
func (p *Page) network(obj any) *linkIndex {
	var r dossier.Ref
	switch o := obj.(type) {
	case dossier.Entity:
		r = entityRef(o)
	case *dossier.Event:
		r = o.Ref()
	}
	p.rec.read(objectDep(depNet, r, ""))
	return p.links()
}

// EventWho lists everyone an event names, declared or detected: actors, then
// organizations, by name.
func (p *Page) EventWho(ev Event) []Entity {
	var out []Entity
	for _, e := range p.network(ev.e).eventWho[ev.e] {
		out = append(out, wrapEntity(e, p.rec))
	}
	return out
}
