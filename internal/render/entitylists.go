package render

import (
	"reflect"
	"slices"

	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// An actor's or organization's page shows the first few of each of its
// lists (quotes, claims and the pages naming it); a list longer than that
// continues on a page of its own, /actors/<id>/<list>/, paginated like
// every list. Nothing on an entity's page then grows with the dossier.

// shownOnEntity is how many entries of each list an entity's page shows.
const shownOnEntity = 5

// entityLists are the lists an entity's page may continue elsewhere.
var entityLists = []string{"claims", "quotes", "mentions"}

// entityListLen is the length of one of an entity's lists, as its full
// list's page shows it.
func entityListLen(e dossier.Entity, list string) int {
	switch list {
	case "claims":
		return len(entityClaims(e))
	case "quotes":
		return len(entityQuotes(e))
	case "mentions":
		arts, evs, profs := backlinkCounts(e)
		return arts + evs + profs
	}
	return 0
}

// entityListPath is the site path of an entity's full list.
func entityListPath(e dossier.Entity, list string) string {
	return urls.Entity(e.EntityKind(), e.EntityID()) + list + "/"
}

// hasListPage says whether an entity's list continues on a page of its
// own: when its page cannot show it all. For the pages naming it, when any
// of the three back-link lists is longer than shown.
func hasListPage(e dossier.Entity, list string) bool {
	if list == "mentions" {
		arts, evs, profs := backlinkCounts(e)
		return max(arts, evs, profs) > shownOnEntity
	}
	return entityListLen(e, list) > shownOnEntity
}

func entityClaims(e dossier.Entity) []*dossier.Claim {
	switch e := e.(type) {
	case *dossier.Actor:
		return e.Claims
	case *dossier.Organization:
		return e.Claims
	}
	return nil
}

// entityQuotes is an actor's quotes or an organization's statements, as
// the model orders them (by the date they were said).
func entityQuotes(e dossier.Entity) []*dossier.Quote {
	switch e := e.(type) {
	case *dossier.Actor:
		return e.Quotes
	case *dossier.Organization:
		return e.Statements
	}
	return nil
}

// backlinkCounts counts an entity's back-links as the link index lists
// them: the distinct articles, events and other profiles that name it.
func backlinkCounts(e dossier.Entity) (arts, evs, profs int) {
	articles, events, mentions := involvement(e)
	seen := map[any]bool{}
	count := func(n *int, obj any) {
		if !seen[obj] {
			seen[obj] = true
			*n++
		}
	}
	for _, a := range articles {
		count(&arts, a)
	}
	for _, ev := range events {
		count(&evs, ev)
	}
	for _, m := range mentions {
		switch {
		case m.Article != nil:
			count(&arts, m.Article)
		case m.Event != nil:
			count(&evs, m.Event)
		case m.From != nil:
			count(&profs, m.From)
		}
	}
	return arts, evs, profs
}

// ListURL is the URL of an entity's full list of "claims", "quotes" or
// "mentions" (the pages naming it), or "" when its page shows the whole
// list.
func (p *Page) ListURL(e Entity, list string) string {
	switch list { // what decides whether the list has a page of its own
	case "claims":
		p.rec.read(objectDep(depRel, entityRef(e.entity()), "claims"))
	case "quotes":
		p.EntityQuotes(e)
	case "mentions":
		p.backlinksOf(e)
	}
	if !hasListPage(e.entity(), list) {
		return ""
	}
	return p.URL(entityListPath(e.entity(), list))
}

// EntityQuotes is an actor's quotes or an organization's statements,
// newest first.
func (p *Page) EntityQuotes(e Entity) []Quote {
	var quotes []Quote
	switch e := e.(type) {
	case Actor:
		quotes = e.Quotes()
	case Organization:
		quotes = e.Statements()
	}
	quotes = slices.Clone(quotes)
	slices.Reverse(quotes)
	return quotes
}

// Mentions is every page naming an actor or organization: the articles,
// then the events, then the other profiles.
func (p *Page) Mentions(e Entity) []Backlink {
	return slices.Concat(p.ArticleLinks(e), p.EventLinks(e), p.ProfileLinks(e))
}

// first is the first n entries of a list (a slice), for a template.
func first(n int, list any) any {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice || v.Len() <= n {
		return list
	}
	return v.Slice(0, max(n, 0)).Interface()
}
