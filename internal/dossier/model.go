package dossier

import (
	"cmp"
	"strings"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
)

// Dossier is the resolved graph of one site: every reference checked and
// followed, back-links collected, tallies counted.
type Dossier struct {
	Site          *config.Site
	Articles      []*Article // newest first, then by id
	Actors        []*Actor   // by name
	Organizations []*Organization
	Events        []*Event // by date, then id
	Claims        []*Claim // by article date (newest first), then order in the article
	Quotes        []*Quote // likewise
	// Updates is every claim's corrections log in one list, newest first
	// (then in the order of Claims, and each claim's own order).
	Updates []*Update

	articles      map[string]*Article
	actors        map[string]*Actor
	organizations map[string]*Organization
	claims        map[string]*Claim
	quotes        map[string]*Quote
	events        map[string]*Event
	byVerdict     map[string][]*Claim // the claims of each verdict id, in the order of Claims
	// ratedByTitle and ratedByURL find the articles with title claims by
	// their title and by their source's URL (see RatedSource).
	ratedByTitle, ratedByURL map[string]*Article
}

// The content's value types that the graph's objects carry, named here
// so that what reads the graph (render) does not import the parser.
type (
	Date       = content.Date
	Source     = content.Source
	SourceKind = content.SourceKind
)

// SourceKinds lists every kind of source, in the order pages show them.
var SourceKinds = content.SourceKinds

// Entity is an actor or an organization: anything that can say, claim or be mentioned.
type Entity interface {
	Object
	EntityKind() string // "actor" or "organization"
	EntityID() string
	DisplayName() string
}

// EntityOrder sorts actors before organizations, then by name (ignoring
// case) and id: the order lists of actors and organizations are shown in.
func EntityOrder(a, b Entity) int {
	return cmp.Or(cmp.Compare(a.EntityKind(), b.EntityKind()),
		cmp.Compare(strings.ToLower(a.DisplayName()), strings.ToLower(b.DisplayName())),
		cmp.Compare(a.EntityID(), b.EntityID()))
}

// Article is an annotated text with its resolved annotations and back-links.
type Article struct {
	*content.Article
	Claims        []*Claim
	Quotes        []*Quote
	Actors        []*Actor        // declared and detected, by name
	Organizations []*Organization // declared and detected, by name
	Tally         Tally
	// Headline is the claims anchored in the title (in = "title"), by where
	// they start: the verdicts that go wherever the title goes.
	Headline []*Claim
}

// Claim is a checked statement with its verdict and where it stands.
type Claim struct {
	content.Claim
	Article  *Article
	Verdict  config.Verdict
	Claimant Entity // nil when the article itself makes the claim
	// CheckedBy is the staff who checked the claim (checked_by), in order.
	CheckedBy []*config.Staff
	// Updates is the claim's corrections log, oldest first.
	Updates []*Update
	// Sentence is the plain text around the claimed words, once anchored.
	Sentence string
	Line     int
	// TitleStart and TitleEnd are the bytes of the article's title that a
	// claim anchored in the title covers.
	TitleStart, TitleEnd int
	// Offset is where the claimed words start in the body's text, once
	// anchored (negative in the title, which reads first): the article's
	// claims sort into reading order by it.
	Offset int
}

// Reviewed is the claim as ClaimReview's claimReviewed, page titles and
// lists give it: its restatement, or its anchored words when it has none.
func (c *Claim) Reviewed() string {
	if c.Restatement != "" {
		return c.Restatement
	}
	return c.Text
}

// Modified is the date of the claim's latest update, zero when it has none
// (ClaimReview's dateModified).
func (c *Claim) Modified() content.Date {
	var last content.Date
	for _, u := range c.Updates {
		if u.Date.After(last.Time) {
			last = u.Date
		}
	}
	return last
}

// Statement is the claim's title: its restatement, or its words quoted
// as the site's language quotes.
func (c *Claim) Statement(w *config.Words) string {
	if c.Restatement != "" {
		return c.Restatement
	}
	return w.T("quoted", c.Text)
}

// InTitle reports whether the claim is anchored in its article's title.
func (c *Claim) InTitle() bool { return c.In == content.InTitle }

// Update is one entry of a claim's corrections log.
type Update struct {
	content.Update
	Claim *Claim
	// From is the verdict before the update; its ID is "" when the verdict
	// did not change.
	From config.Verdict
}

// Quote is attributed speech with its speaker and where it stands.
type Quote struct {
	content.Quote
	Article  *Article
	Speaker  *Actor
	Via      *Organization // nil when not given
	Sentence string
	Line     int
	Offset   int // where the words start in the body's text, as a claim's Offset
}

// Mention is one place where a name appears: an article or a profile.
type Mention struct {
	Article  *Article // nil when the mention is in a profile or event
	From     Entity   // the profile's entity, when the mention is in a profile
	Event    *Event   // the event, when the mention is in an event body
	Sentence string
	Line     int
}

// Actor is a person with everything that points at them.
type Actor struct {
	*content.Actor
	Organizations []*Organization
	Country       *Organization
	Quotes        []*Quote
	Claims        []*Claim // claims the actor made
	Mentions      []Mention
	Articles      []*Article // articles involving the actor (declared or detected), newest first
	Events        []*Event
	Tally         Tally
}

// Organization is a body, alliance, agency, medium or state with everything that points at it.
type Organization struct {
	*content.Organization
	Members    []Entity        // listed in members, and actors that list this organization
	MemberOf   []*Organization // organizations listing this one as a member
	Statements []*Quote        // quotes by members or reported via it
	Claims     []*Claim        // claims made by it
	Mentions   []Mention
	Articles   []*Article
	Events     []*Event
	Tally      Tally
}

// Event is a dated happening for the timeline.
type Event struct {
	*content.Event
	Actors        []*Actor
	Organizations []*Organization
}

// EntityKind implements Entity.
func (a *Actor) EntityKind() string { return "actor" }

// EntityID implements Entity.
func (a *Actor) EntityID() string { return a.ID }

// DisplayName implements Entity.
func (a *Actor) DisplayName() string { return a.Name }

// EntityKind implements Entity.
func (o *Organization) EntityKind() string { return "organization" }

// EntityID implements Entity.
func (o *Organization) EntityID() string { return o.ID }

// DisplayName implements Entity.
func (o *Organization) DisplayName() string { return o.Name }

// Tally counts claims per verdict id. Claims whose verdict is not rated
// (config.Verdict.Rated false: opinion, framing) are left out.
type Tally map[string]int

// Total is the number of claims counted.
func (t Tally) Total() int {
	n := 0
	for _, c := range t {
		n += c
	}
	return n
}
