package render

import (
	"sync"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// The values below are how templates see the dossier. Each wraps one object
// of the resolved graph and reads it through the page's recorder, so that
// whatever a template reads (a site's own template as much as a default
// one) becomes an input of its page: see record.go. Their methods are named
// after the graph's fields, so {{.Title}}, {{.Claims}} or {{.Speaker.Name}}
// read as they would on the graph itself. Every list they return is a list
// of such values: no template reaches the graph unrecorded.

// Dossier is the whole dossier, as .D gives it to templates.
type Dossier struct {
	d *dossier.Dossier
	r *recorder
	// lists is where a render that records nothing keeps the lists below,
	// made once and shared by its pages; nil when r records.
	lists *sync.Map
}

func (v Dossier) list(name string) { v.r.read(dep{kind: depList, rel: name}) }

// listKey names a list of the whole dossier in Dossier.lists: its name
// and, for one verdict's claims, the verdict's id.
type listKey struct{ name, id string }

// shared returns the list that make makes, made once per render where
// the values carry no recorder (a one-shot build) and every page can
// share them. A list page of 50 entries then no longer wraps every claim
// of the dossier: at 10,000 articles, 50,000 claims on each of 1,000
// claim pages. Speed: BenchmarkBuild10000 took 29.4 s (55.5 s of CPU)
// without it and 24.4 s (45.7 s) with it, one run each on 2 cores on 5
// December 2026 (with claims indexed by verdict as well): about 17%. Where
// a page records, its values must carry its recorder, and each page makes
// its own.
func shared[T any](v Dossier, key listKey, make func() []T) []T {
	if v.lists == nil {
		return make()
	}
	if got, ok := v.lists.Load(key); ok {
		return got.([]T)
	}
	got, _ := v.lists.LoadOrStore(key, make())
	return got.([]T)
}

// Articles is every article, newest first.
func (v Dossier) Articles() []Article {
	v.list("articles")
	return shared(v, listKey{name: "articles"}, func() []Article { return wrapArticles(v.d.Articles, v.r) })
}

// Actors is every actor, by name.
func (v Dossier) Actors() []Actor {
	v.list("actors")
	return shared(v, listKey{name: "actors"}, func() []Actor { return wrapActors(v.d.Actors, v.r) })
}

// Organizations is every organization, by name.
func (v Dossier) Organizations() []Organization {
	v.list("organizations")
	return shared(v, listKey{name: "organizations"}, func() []Organization { return wrapOrgs(v.d.Organizations, v.r) })
}

// Events is every event, by date.
func (v Dossier) Events() []Event {
	v.list("events")
	return shared(v, listKey{name: "events"}, func() []Event {
		out := make([]Event, len(v.d.Events))
		for i, e := range v.d.Events {
			out[i] = Event{e, v.r}
		}
		return out
	})
}

// Claims is every claim, by article date (newest first), then reading order.
func (v Dossier) Claims() []Claim {
	v.list("claims")
	return shared(v, listKey{name: "claims"}, func() []Claim { return wrapClaims(v.d.Claims, v.r) })
}

// Quotes is every quote, in the order of Claims.
func (v Dossier) Quotes() []Quote {
	v.list("quotes")
	return shared(v, listKey{name: "quotes"}, func() []Quote { return wrapQuotes(v.d.Quotes, v.r) })
}

// ClaimsWithVerdict is every claim with the verdict id.
func (v Dossier) ClaimsWithVerdict(id string) []Claim {
	v.r.read(dep{kind: depList, rel: "verdict", id: id})
	return shared(v, listKey{"verdict", id}, func() []Claim { return wrapClaims(v.d.ClaimsWithVerdict(id), v.r) })
}

// Tally counts every claim per verdict id.
func (v Dossier) Tally() dossier.Tally {
	v.list("claims")
	for _, c := range v.d.Claims {
		v.r.read(dep{kind: depClaim, id: c.ID})
	}
	return v.d.Tally()
}

// NotRated counts the claims whose verdict is no rating (opinion or
// framing): listed everywhere, counted in no tally.
func (v Dossier) NotRated() int {
	v.list("claims")
	n := 0
	for _, c := range v.d.Claims {
		v.r.read(dep{kind: depClaim, id: c.ID})
		if !c.Verdict.Rated {
			n++
		}
	}
	return n
}

// Site is the site's configuration.
func (v Dossier) Site() *config.Site {
	v.r.read(dep{kind: depSite})
	return v.d.Site
}

// Article is an article, as templates see it.
type Article struct {
	a *dossier.Article
	r *recorder
}

func (v Article) own() { v.r.read(dep{kind: depArticle, id: v.a.ID}) }

// ID is the article's id, its file name without .md.
func (v Article) ID() string { return v.a.ID }

// Title is the article's title.
func (v Article) Title() string { v.own(); return v.a.Title }

// Date is the article's date.
func (v Article) Date() dossier.Date { v.own(); return v.a.Date }

// Summary is the article's summary.
func (v Article) Summary() string { v.own(); return v.a.Summary }

// Tags are the article's tags.
func (v Article) Tags() []string { v.own(); return v.a.Tags }

// Draft reports whether the article is a draft.
func (v Article) Draft() bool { v.own(); return v.a.Draft }

// Source is where the article's text comes from.
func (v Article) Source() dossier.Source { v.own(); return v.a.Source }

// Claims are the article's claims, in front-matter order.
func (v Article) Claims() []Claim { v.own(); return wrapClaims(v.a.Claims, v.r) }

// Quotes are the article's quotes, in front-matter order.
func (v Article) Quotes() []Quote { v.own(); return wrapQuotes(v.a.Quotes, v.r) }

// Actors are the actors the article declares or names, by name.
func (v Article) Actors() []Actor {
	v.r.read(objectDep(depRel, v.a.Ref(), "actors"))
	return wrapActors(v.a.Actors, v.r)
}

// Organizations are the organizations the article declares or names.
func (v Article) Organizations() []Organization {
	v.r.read(objectDep(depRel, v.a.Ref(), "organizations"))
	return wrapOrgs(v.a.Organizations, v.r)
}

// Tally counts the article's claims per verdict id.
func (v Article) Tally() dossier.Tally {
	v.own()
	v.r.read(dep{kind: depSite})
	return v.a.Tally
}

// Claim is a claim, as templates see it.
type Claim struct {
	c *dossier.Claim
	r *recorder
}

func (v Claim) own() { v.r.read(dep{kind: depClaim, id: v.c.ID}) }

// ID is the claim's id.
func (v Claim) ID() string { return v.c.ID }

// Text is the claimed words, as anchored in the body.
func (v Claim) Text() string { v.own(); return v.c.Text }

// Sentence is the plain text around the claimed words.
func (v Claim) Sentence() string { v.own(); return v.c.Sentence }

// Restatement is the claim restated as a sentence (its `claim`), "" without one.
func (v Claim) Restatement() string { v.own(); return v.c.Restatement }

// Reviewed is the restatement, or the claimed words when there is none.
func (v Claim) Reviewed() string { v.own(); return v.c.Reviewed() }

// Verdict is the claim's verdict.
func (v Claim) Verdict() config.Verdict { v.own(); return v.c.Verdict }

// Checked is when the claim was checked.
func (v Claim) Checked() dossier.Date { v.own(); return v.c.Checked }

// Sources are the sources of the verdict.
func (v Claim) Sources() []dossier.Source { v.own(); return v.c.Sources }

// Claimant is the actor or organization that makes the claim, nil when the article does.
func (v Claim) Claimant() Entity { v.own(); return wrapEntity(v.c.Claimant, v.r) }

// Article is the article the claim is in.
func (v Claim) Article() Article { return Article{v.c.Article, v.r} }

// Quote is a quote, as templates see it.
type Quote struct {
	q *dossier.Quote
	r *recorder
}

func (v Quote) own() { v.r.read(dep{kind: depQuote, id: v.q.ID}) }

// ID is the quote's id.
func (v Quote) ID() string { return v.q.ID }

// Text is the quoted words.
func (v Quote) Text() string { v.own(); return v.q.Text }

// Sentence is the plain text around the quoted words.
func (v Quote) Sentence() string { v.own(); return v.q.Sentence }

// Paraphrase reports whether the words are reported speech, not verbatim.
func (v Quote) Paraphrase() bool { v.own(); return v.q.Paraphrase }

// Said is when the words were said.
func (v Quote) Said() dossier.Date { v.own(); return v.q.Said }

// Speaker is who said the words; nil when unknown.
func (v Quote) Speaker() *Actor {
	v.own()
	if v.q.Speaker == nil {
		return nil
	}
	return &Actor{v.q.Speaker, v.r}
}

// Via is the organization that reported the words; nil when not given.
func (v Quote) Via() *Organization {
	v.own()
	if v.q.Via == nil {
		return nil
	}
	return &Organization{v.q.Via, v.r}
}

// Article is the article the quote is in.
func (v Quote) Article() Article { return Article{v.q.Article, v.r} }

// Entity is an actor or an organization, as templates see it.
type Entity interface {
	EntityKind() string // "actor" or "organization"
	EntityID() string
	DisplayName() string
	entity() dossier.Entity
}

// Actor is a person, as templates see it.
type Actor struct {
	a *dossier.Actor
	r *recorder
}

func (v Actor) own() { v.r.read(dep{kind: depActor, id: v.a.ID}) }
func (v Actor) rel(name string) {
	v.r.read(objectDep(depRel, v.a.Ref(), name))
}

func (v Actor) entity() dossier.Entity { return v.a }

// EntityKind is "actor".
func (v Actor) EntityKind() string { return "actor" }

// EntityID is the actor's id.
func (v Actor) EntityID() string { return v.a.ID }

// ID is the actor's id.
func (v Actor) ID() string { return v.a.ID }

// DisplayName is the actor's name.
func (v Actor) DisplayName() string { v.own(); return v.a.Name }

// Name is the actor's name.
func (v Actor) Name() string { v.own(); return v.a.Name }

// Aliases are other names of the actor.
func (v Actor) Aliases() []string { v.own(); return v.a.Aliases }

// Role is the actor's role.
func (v Actor) Role() string { v.own(); return v.a.Role }

// Wikidata is the actor's Wikidata id.
func (v Actor) Wikidata() string { v.own(); return v.a.Wikidata }

// Image is the actor's image.
func (v Actor) Image() string { v.own(); return v.a.Image }

// Sources are the profile's sources.
func (v Actor) Sources() []dossier.Source { v.own(); return v.a.Sources }

// Draft reports whether the profile is a draft.
func (v Actor) Draft() bool { v.own(); return v.a.Draft }

// Organizations are the organizations the actor belongs to.
func (v Actor) Organizations() []Organization {
	v.rel("organizations")
	return wrapOrgs(v.a.Organizations, v.r)
}

// Country is the actor's state; nil when not given.
func (v Actor) Country() *Organization {
	v.rel("country")
	if v.a.Country == nil {
		return nil
	}
	return &Organization{v.a.Country, v.r}
}

// Quotes are the actor's quotes.
func (v Actor) Quotes() []Quote { v.rel("quotes"); return wrapQuotes(v.a.Quotes, v.r) }

// Claims are the claims the actor made.
func (v Actor) Claims() []Claim { v.rel("claims"); return wrapClaims(v.a.Claims, v.r) }

// Mentions are the places that name the actor.
func (v Actor) Mentions() []Mention { v.rel("mentions"); return wrapMentions(v.a.Mentions, v.r) }

// Articles are the articles involving the actor, newest first.
func (v Actor) Articles() []Article { v.rel("articles"); return wrapArticles(v.a.Articles, v.r) }

// Events are the events involving the actor.
func (v Actor) Events() []Event { v.rel("events"); return wrapEvents(v.a.Events, v.r) }

// Tally counts the actor's claims per verdict id.
func (v Actor) Tally() dossier.Tally { v.rel("tally"); return v.a.Tally }

// Organization is a body, alliance, agency, medium or state, as templates see it.
type Organization struct {
	o *dossier.Organization
	r *recorder
}

func (v Organization) own() { v.r.read(dep{kind: depOrg, id: v.o.ID}) }
func (v Organization) rel(name string) {
	v.r.read(objectDep(depRel, v.o.Ref(), name))
}

func (v Organization) entity() dossier.Entity { return v.o }

// EntityKind is "organization".
func (v Organization) EntityKind() string { return "organization" }

// EntityID is the organization's id.
func (v Organization) EntityID() string { return v.o.ID }

// ID is the organization's id.
func (v Organization) ID() string { return v.o.ID }

// DisplayName is the organization's name.
func (v Organization) DisplayName() string { v.own(); return v.o.Name }

// Name is the organization's name.
func (v Organization) Name() string { v.own(); return v.o.Name }

// Short is the organization's short name.
func (v Organization) Short() string { v.own(); return v.o.Short }

// Aliases are other names of the organization.
func (v Organization) Aliases() []string { v.own(); return v.o.Aliases }

// Kind is the organization's kind: state, alliance, agency …
func (v Organization) Kind() string { v.own(); return v.o.Kind }

// Founded is when the organization was founded, as written.
func (v Organization) Founded() string { v.own(); return v.o.Founded }

// Headquarters is where the organization sits.
func (v Organization) Headquarters() string { v.own(); return v.o.Headquarters }

// Wikidata is the organization's Wikidata id.
func (v Organization) Wikidata() string { v.own(); return v.o.Wikidata }

// Sources are the profile's sources.
func (v Organization) Sources() []dossier.Source { v.own(); return v.o.Sources }

// Draft reports whether the profile is a draft.
func (v Organization) Draft() bool { v.own(); return v.o.Draft }

// Members are the organization's members.
func (v Organization) Members() []Entity {
	v.rel("members")
	out := make([]Entity, 0, len(v.o.Members))
	for _, m := range v.o.Members {
		out = append(out, wrapEntity(m, v.r))
	}
	return out
}

// MemberOf are the organizations listing this one as a member.
func (v Organization) MemberOf() []Organization {
	v.rel("memberOf")
	return wrapOrgs(v.o.MemberOf, v.r)
}

// Statements are the quotes of its members or reported via it.
func (v Organization) Statements() []Quote {
	v.rel("statements")
	return wrapQuotes(v.o.Statements, v.r)
}

// Claims are the claims the organization made.
func (v Organization) Claims() []Claim { v.rel("claims"); return wrapClaims(v.o.Claims, v.r) }

// Mentions are the places that name the organization.
func (v Organization) Mentions() []Mention {
	v.rel("mentions")
	return wrapMentions(v.o.Mentions, v.r)
}

// Articles are the articles involving the organization.
func (v Organization) Articles() []Article {
	v.rel("articles")
	return wrapArticles(v.o.Articles, v.r)
}

// Events are the events involving the organization.
func (v Organization) Events() []Event { v.rel("events"); return wrapEvents(v.o.Events, v.r) }

// Tally counts the organization's claims per verdict id.
func (v Organization) Tally() dossier.Tally { v.rel("tally"); return v.o.Tally }

// Event is a dated happening, as templates see it.
type Event struct {
	e *dossier.Event
	r *recorder
}

func (v Event) own() { v.r.read(dep{kind: depEvent, id: v.e.ID}) }

// ID is the event's id.
func (v Event) ID() string { return v.e.ID }

// Title is the event's title.
func (v Event) Title() string { v.own(); return v.e.Title }

// Date is the day the event began.
func (v Event) Date() dossier.Date { v.own(); return v.e.Date }

// End is the day the event ended; zero when it was one day.
func (v Event) End() dossier.Date { v.own(); return v.e.End }

// Sources are the event's sources.
func (v Event) Sources() []dossier.Source { v.own(); return v.e.Sources }

// Draft reports whether the event is a draft.
func (v Event) Draft() bool { v.own(); return v.e.Draft }

// Actors are the actors of the event.
func (v Event) Actors() []Actor {
	v.r.read(objectDep(depRel, v.e.Ref(), "actors"))
	return wrapActors(v.e.Actors, v.r)
}

// Organizations are the organizations of the event.
func (v Event) Organizations() []Organization {
	v.r.read(objectDep(depRel, v.e.Ref(), "organizations"))
	return wrapOrgs(v.e.Organizations, v.r)
}

// Mention is one place that names an actor or organization; the list it
// comes from recorded it.
type Mention struct {
	m dossier.Mention
	r *recorder
}

// Article is the article the mention is in, nil when it is in a profile or event.
func (v Mention) Article() *Article {
	if v.m.Article == nil {
		return nil
	}
	return &Article{v.m.Article, v.r}
}

// Event is the event whose body names it, nil otherwise.
func (v Mention) Event() *Event {
	if v.m.Event == nil {
		return nil
	}
	return &Event{v.m.Event, v.r}
}

// From is the entity whose profile names it, nil otherwise.
func (v Mention) From() Entity { return wrapEntity(v.m.From, v.r) }

// Sentence is the sentence that names it.
func (v Mention) Sentence() string { return v.m.Sentence }

func wrapEntity(e dossier.Entity, r *recorder) Entity {
	switch e := e.(type) {
	case *dossier.Actor:
		if e != nil {
			return Actor{e, r}
		}
	case *dossier.Organization:
		if e != nil {
			return Organization{e, r}
		}
	}
	return nil
}

func wrapArticles(list []*dossier.Article, r *recorder) []Article {
	out := make([]Article, len(list))
	for i, a := range list {
		out[i] = Article{a, r}
	}
	return out
}

func wrapClaims(list []*dossier.Claim, r *recorder) []Claim {
	out := make([]Claim, len(list))
	for i, c := range list {
		out[i] = Claim{c, r}
	}
	return out
}

func wrapQuotes(list []*dossier.Quote, r *recorder) []Quote {
	out := make([]Quote, len(list))
	for i, q := range list {
		out[i] = Quote{q, r}
	}
	return out
}

func wrapActors(list []*dossier.Actor, r *recorder) []Actor {
	out := make([]Actor, len(list))
	for i, a := range list {
		out[i] = Actor{a, r}
	}
	return out
}

func wrapOrgs(list []*dossier.Organization, r *recorder) []Organization {
	out := make([]Organization, len(list))
	for i, o := range list {
		out[i] = Organization{o, r}
	}
	return out
}

func wrapEvents(list []*dossier.Event, r *recorder) []Event {
	out := make([]Event, len(list))
	for i, e := range list {
		out[i] = Event{e, r}
	}
	return out
}

func wrapMentions(list []dossier.Mention, r *recorder) []Mention {
	out := make([]Mention, len(list))
	for i, m := range list {
		out[i] = Mention{m, r}
	}
	return out
}

// unwrap returns the graph's object behind a template value, or v itself.
func unwrap(v any) any {
	switch v := v.(type) {
	case Article:
		return v.a
	case *Article:
		return v.a
	case Claim:
		return v.c
	case Quote:
		return v.q
	case Actor:
		return v.a
	case *Actor:
		return v.a
	case Organization:
		return v.o
	case *Organization:
		return v.o
	case Event:
		return v.e
	case *Event:
		return v.e
	}
	return v
}

// wrap returns the template value of one of the graph's objects.
func wrap(obj any, r *recorder) any {
	switch o := obj.(type) {
	case *dossier.Article:
		return Article{o, r}
	case *dossier.Claim:
		return Claim{o, r}
	case *dossier.Quote:
		return Quote{o, r}
	case *dossier.Actor:
		return Actor{o, r}
	case *dossier.Organization:
		return Organization{o, r}
	case *dossier.Event:
		return Event{o, r}
	}
	return nil
}
