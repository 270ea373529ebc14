package dossier

import (
	"cmp"
	"iter"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
)

// ArticleClaimant is the claimant id meaning "the article itself says so".
const ArticleClaimant = "article"

// Resolve checks every id and reference of set against each other and the
// verdict scale, and builds the whole graph in one pass: what parsing found
// in each file's Markdown (found, nil for nothing) becomes the anchors of
// claims and quotes and the mentions of actors and organizations, and every
// back-link list is then sorted and every tally counted. Drafts are left out
// unless drafts is true. The graph is never changed afterwards.
func Resolve(site *config.Site, set *content.Set, drafts bool, found Finder) (*Dossier, diag.List) {
	r := &resolver{d: &Dossier{Site: site}, drafts: drafts, owner: map[nsID]diag.Pos{}, unparsed: unparsed(set)}
	r.index(set)
	r.link()
	r.sortLists()
	r.d.record(found)
	r.d.finish()
	return r.d, r.diags
}

type resolver struct {
	d      *Dossier
	drafts bool
	diags  diag.List
	// owner remembers where each id was first defined, per namespace.
	owner map[nsID]diag.Pos
	// unparsed holds the ids of files that did not parse ("actor" and
	// "organization" namespaces): references to them are not reported.
	unparsed map[nsID]bool
	// The objects index made, sorted by id (a loaded set already is, so the
	// sort finds little to do): link visits them in this order.
	actors   []*Actor
	orgs     []*Organization
	events   []*Event
	articles []*Article
}

// nsID is an id in its namespace: "actor", "claim" …
type nsID struct{ ns, id string }

// claim registers an id in a namespace, reporting a duplicate naming both places.
func (r *resolver) claim(ns, id string, pos diag.Pos) bool {
	key := nsID{ns, id}
	if first, ok := r.owner[key]; ok {
		r.duplicate(ns, id, pos, first)
		return false
	}
	r.owner[key] = pos
	return true
}

// duplicate reports an id defined twice, naming both places.
func (r *resolver) duplicate(ns, id string, pos, first diag.Pos) {
	r.diags.Errorf(pos, diag.Duplicate, "ids are unique per kind; rename one of them",
		"duplicate %s id %q (first defined at %s)", ns, id, first)
}

func (r *resolver) index(set *content.Set) {
	d := r.d
	claims, quotes := 0, 0
	for _, a := range set.Articles {
		claims += len(a.Claims)
		quotes += len(a.Quotes)
	}
	d.articles, d.actors = make(map[string]*Article, len(set.Articles)), make(map[string]*Actor, len(set.Actors))
	d.organizations, d.events = make(map[string]*Organization, len(set.Organizations)), make(map[string]*Event, len(set.Events))
	d.claims, d.quotes = make(map[string]*Claim, claims), make(map[string]*Quote, quotes)
	r.owner = make(map[nsID]diag.Pos, len(set.Actors)+len(set.Organizations)+len(set.Events)+len(set.Articles))
	for _, a := range set.Actors {
		if (!a.Draft || r.drafts) && r.claim("actor", a.ID, a.Pos) {
			act := &Actor{Actor: a}
			d.actors[a.ID] = act
			r.actors = append(r.actors, act)
		}
	}
	for _, o := range set.Organizations {
		if (!o.Draft || r.drafts) && r.claim("organization", o.ID, o.Pos) {
			org := &Organization{Organization: o}
			d.organizations[o.ID] = org
			r.orgs = append(r.orgs, org)
		}
	}
	for _, e := range set.Events {
		if (!e.Draft || r.drafts) && r.claim("event", e.ID, e.Pos) {
			ev := &Event{Event: e}
			d.events[e.ID] = ev
			r.events = append(r.events, ev)
		}
	}
	for _, a := range set.Articles {
		if (!a.Draft || r.drafts) && r.claim("article", a.ID, a.Pos) {
			r.indexArticle(a)
		}
	}
	sortByID(r.actors, func(a *Actor) string { return a.ID })
	sortByID(r.orgs, func(o *Organization) string { return o.ID })
	sortByID(r.events, func(e *Event) string { return e.ID })
	sortByID(r.articles, func(a *Article) string { return a.ID })
}

// sortLists fills the dossier's top-level lists in their reading order.
// Each order ends with the id, so no two elements tie and an unstable sort
// gives one order.
func (r *resolver) sortLists() {
	d := r.d
	d.Articles = slices.SortedFunc(slices.Values(r.articles), newestFirst)
	d.Actors = slices.SortedFunc(slices.Values(r.actors), byName)
	d.Organizations = slices.SortedFunc(slices.Values(r.orgs), byName)
	d.Events = slices.SortedFunc(slices.Values(r.events), eventOrder)
	claims, quotes := 0, 0
	for _, a := range d.Articles {
		claims += len(a.Claims)
		quotes += len(a.Quotes)
	}
	d.Claims, d.Quotes = make([]*Claim, 0, claims), make([]*Quote, 0, quotes)
	for _, a := range d.Articles {
		d.Claims = append(d.Claims, a.Claims...)
		d.Quotes = append(d.Quotes, a.Quotes...)
	}
	d.byVerdict = map[string][]*Claim{}
	for _, c := range d.Claims {
		d.byVerdict[c.Verdict.ID] = append(d.byVerdict[c.Verdict.ID], c)
		d.Updates = append(d.Updates, c.Updates...)
	}
	slices.SortStableFunc(d.Updates, func(a, b *Update) int { return b.Date.Compare(a.Date.Time) })
}

// sortByID sorts objects of one kind, whose ids are unique, by id.
func sortByID[T any](list []*T, id func(*T) string) {
	slices.SortFunc(list, func(a, b *T) int { return strings.Compare(id(a), id(b)) })
}

// indexArticle makes the article and its claims and quotes.
func (r *resolver) indexArticle(a *content.Article) {
	art := &Article{Article: a, Tally: Tally{}}
	r.d.articles[a.ID] = art
	r.articles = append(r.articles, art)
	for _, c := range a.Claims {
		if c.ID == "" {
			continue
		}
		if first, ok := r.d.claims[c.ID]; ok {
			r.duplicate("claim", c.ID, c.Pos, first.Pos)
			continue
		}
		if _, clash := r.d.Site.Verdict(c.ID); clash {
			r.diags.Errorf(c.Pos, diag.Duplicate, "rename the claim: /claims/"+c.ID+"/ lists the claims with that verdict",
				"claim id %q is also a verdict id", c.ID)
		}
		cl := &Claim{Claim: c, Article: art}
		r.d.claims[c.ID] = cl
		art.Claims = append(art.Claims, cl)
	}
	for _, q := range a.Quotes {
		if q.ID == "" {
			continue
		}
		if first, ok := r.d.quotes[q.ID]; ok {
			r.duplicate("quote", q.ID, q.Pos, first.Pos)
			continue
		}
		qu := &Quote{Quote: q, Article: art}
		r.d.quotes[q.ID] = qu
		art.Quotes = append(art.Quotes, qu)
	}
}

func (r *resolver) link() {
	for _, a := range r.actors {
		r.linkActor(a)
	}
	for _, o := range r.orgs {
		r.linkOrganization(o)
	}
	for _, e := range r.events {
		r.linkEvent(e)
	}
	for _, a := range r.articles {
		r.linkArticle(a)
	}
	// finish sorts each speaker's and organization's quotes, on every
	// processor: sorting them all here first would cost more.
	for _, a := range r.articles {
		for _, q := range a.Quotes {
			r.linkQuote(q)
		}
	}
}

func (r *resolver) linkActor(a *Actor) {
	for _, ref := range a.Actor.Organizations {
		if o := r.organization(ref, "organization"); o != nil {
			a.Organizations = append(a.Organizations, o)
			o.Members = appendEntity(o.Members, a)
		}
	}
	if a.Actor.Country.ID != "" {
		a.Country = r.organization(a.Actor.Country, "country")
	}
}

func (r *resolver) linkOrganization(o *Organization) {
	for _, ref := range o.Organization.Members {
		switch m := r.entity(ref, "member"); m := m.(type) {
		case *Actor:
			o.Members = appendEntity(o.Members, m)
		case *Organization:
			o.Members = appendEntity(o.Members, m)
			m.MemberOf = append(m.MemberOf, o)
		}
	}
}

func (r *resolver) linkEvent(e *Event) {
	for _, ref := range e.Event.Actors {
		if a := r.actor(ref, "actor"); a != nil {
			e.Actors = append(e.Actors, a)
			a.Events = append(a.Events, e)
		}
	}
	for _, ref := range e.Event.Organizations {
		if o := r.organization(ref, "organization"); o != nil {
			e.Organizations = append(e.Organizations, o)
			o.Events = append(o.Events, e)
		}
	}
}

func (r *resolver) linkArticle(a *Article) {
	for _, ref := range a.Article.Actors {
		if act := r.actor(ref, "actor"); act != nil {
			a.involve(act)
		}
	}
	for _, ref := range a.Article.Organizations {
		if o := r.organization(ref, "organization"); o != nil {
			a.involve(o)
		}
	}
	for _, c := range a.Claims {
		r.linkClaim(c)
	}
}

func (r *resolver) linkClaim(c *Claim) {
	if v, ok := r.d.Site.Verdict(c.Status.ID); ok {
		c.Verdict = v
		if v.Rated {
			c.Article.Tally[v.ID]++
		}
	} else if c.Status.ID != "" {
		r.unknown(c.Status, "status", r.d.Site.VerdictIDs())
	}
	r.linkStaff(c)
	r.linkUpdates(c)
	if c.Claim.Claimant.ID == "" || c.Claim.Claimant.ID == ArticleClaimant {
		return
	}
	switch e := r.entity(c.Claim.Claimant, "claimant"); e := e.(type) {
	case *Actor:
		c.Claimant = e
		e.Claims = append(e.Claims, c)
		c.Article.involve(e)
	case *Organization:
		c.Claimant = e
		e.Claims = append(e.Claims, c)
		c.Article.involve(e)
	}
}

// linkStaff resolves checked_by against site.toml's [[staff]].
func (r *resolver) linkStaff(c *Claim) {
	for _, ref := range c.Claim.CheckedBy {
		if m, ok := r.d.Site.StaffMember(ref.ID); ok {
			c.CheckedBy = append(c.CheckedBy, m)
			continue
		}
		hint := diag.DidYouMean(ref.ID, r.d.Site.StaffIDs())
		if hint == "" {
			hint = "add a [[staff]] entry with this id to site.toml"
		}
		r.diags.Errorf(ref.Pos, diag.UnknownRef, hint, "unknown checked_by (staff member) %q", ref.ID)
	}
}

// linkUpdates resolves each update's from, and reports a latest from that
// is the verdict the claim has now: the verdict then did not change.
func (r *resolver) linkUpdates(c *Claim) {
	if len(c.Claim.Updates) == 0 {
		return
	}
	c.Updates = make([]*Update, len(c.Claim.Updates))
	var last *Update
	for i, u := range c.Claim.Updates {
		up := &Update{Update: u, Claim: c}
		c.Updates[i] = up
		if u.From.ID == "" {
			continue
		}
		if v, ok := r.d.Site.Verdict(u.From.ID); ok {
			up.From, last = v, up
		} else {
			r.unknown(u.From, "from (verdict)", r.d.Site.VerdictIDs())
		}
	}
	if last != nil && c.Verdict.ID != "" && last.From.ID == c.Verdict.ID {
		r.diags.Errorf(last.Update.From.Pos, diag.UpdateFrom,
			"set from to the verdict before this update, or remove from if the verdict did not change",
			"update of %s: from %q is the claim's verdict now", last.Date, last.From.ID)
	}
}

func (r *resolver) linkQuote(q *Quote) {
	if q.Quote.Speaker.ID != "" {
		if a := r.actor(q.Quote.Speaker, "speaker"); a != nil {
			q.Speaker = a
			a.Quotes = append(a.Quotes, q)
			q.Article.involve(a)
			for _, o := range a.Organizations {
				o.Statements = appendQuote(o.Statements, q)
			}
		}
	}
	if q.Quote.Via.ID != "" {
		if o := r.organization(q.Quote.Via, "via"); o != nil {
			q.Via = o
			o.Statements = appendQuote(o.Statements, q)
			q.Article.involve(o)
		}
	}
}

// unparsed indexes the ids of the set's files that did not parse. Their
// own errors are the problem; an "unknown actor" at every reference to one
// would send the editor to the wrong files.
func unparsed(set *content.Set) map[nsID]bool {
	ns := map[content.Kind]string{content.KindActor: "actor", content.KindOrganization: "organization"}
	m := map[nsID]bool{}
	for _, u := range set.Unparsed {
		if n, ok := ns[u.Kind]; ok {
			m[nsID{n, u.ID}] = true
		}
	}
	return m
}

func (r *resolver) actor(ref content.Ref, what string) *Actor {
	if a, ok := r.d.actors[ref.ID]; ok {
		return a
	}
	if r.unparsed[nsID{"actor", ref.ID}] {
		return nil
	}
	r.unknown(ref, label(what, "actor"), r.ids("actor", maps.Keys(r.d.actors)))
	return nil
}

func (r *resolver) organization(ref content.Ref, what string) *Organization {
	if o, ok := r.d.organizations[ref.ID]; ok {
		return o
	}
	if r.unparsed[nsID{"organization", ref.ID}] {
		return nil
	}
	r.unknown(ref, label(what, "organization"), r.ids("organization", maps.Keys(r.d.organizations)))
	return nil
}

// entity resolves an id that may name an actor or an organization.
func (r *resolver) entity(ref content.Ref, what string) Entity {
	if a, ok := r.d.actors[ref.ID]; ok {
		return a
	}
	if o, ok := r.d.organizations[ref.ID]; ok {
		return o
	}
	if r.unparsed[nsID{"actor", ref.ID}] || r.unparsed[nsID{"organization", ref.ID}] {
		return nil
	}
	ids := append(r.ids("actor", maps.Keys(r.d.actors)), r.ids("organization", maps.Keys(r.d.organizations))...)
	r.unknown(ref, what+" (actor or organization)", ids)
	return nil
}

// ids lists the ids of a namespace a reference may name: those defined,
// and those of files that did not parse (a typo's closest match may be one).
func (r *resolver) ids(ns string, defined iter.Seq[string]) []string {
	ids := slices.Collect(defined)
	for k := range r.unparsed {
		if k.ns == ns {
			ids = append(ids, k.id)
		}
	}
	return ids
}

func (r *resolver) unknown(ref content.Ref, what string, ids []string) {
	slices.Sort(ids)
	hint := diag.DidYouMean(ref.ID, ids)
	if hint == "" {
		hint = unknownHint(what)
	}
	r.diags.Errorf(ref.Pos, diag.UnknownRef, hint, "unknown %s %q", what, ref.ID)
}

// label names what a reference is for: "speaker (actor)", or just "actor".
func label(what, kind string) string {
	if what == kind {
		return kind
	}
	return what + " (" + kind + ")"
}

func unknownHint(what string) string {
	switch {
	case strings.HasPrefix(what, "status"), strings.HasPrefix(what, "from"):
		return "use a verdict id from site.toml's scale"
	case strings.Contains(what, "actor or"):
		return "create it with `dossier new actor ID` or `dossier new organization ID`"
	case strings.Contains(what, "actor"):
		return "create it with `dossier new actor ID`"
	}
	return "create it with `dossier new organization ID`"
}

func appendEntity(list []Entity, e Entity) []Entity {
	for _, x := range list {
		if x == e {
			return list
		}
	}
	return append(list, e)
}

// appendQuote adds q to an organization's statements once. Quotes are
// linked one at a time, so q can only be there already as the last one,
// added by the same linkQuote (the speaker's organizations may repeat, or
// include the one that reported it): no need to scan the whole list, which
// grows with the dossier.
func appendQuote(list []*Quote, q *Quote) []*Quote {
	if n := len(list); n > 0 && list[n-1] == q {
		return list
	}
	return append(list, q)
}

// involve records that the article concerns an actor or organization.
func (a *Article) involve(e Entity) {
	switch e := e.(type) {
	case *Actor:
		if !slices.Contains(a.Actors, e) {
			a.Actors = append(a.Actors, e)
		}
	case *Organization:
		if !slices.Contains(a.Organizations, e) {
			a.Organizations = append(a.Organizations, e)
		}
	}
}

func byName[E Entity](a, b E) int {
	if c := compareFold(a.DisplayName(), b.DisplayName()); c != 0 {
		return c
	}
	return strings.Compare(a.EntityID(), b.EntityID())
}

// compareFold compares a and b as strings.ToLower(a) and strings.ToLower(b)
// compare, without making them.
func compareFold(a, b string) int {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if la, lb := unicode.ToLower(ra), unicode.ToLower(rb); la != lb {
			return cmp.Compare(la, lb)
		}
		a, b = a[na:], b[nb:]
	}
	return cmp.Compare(len(a), len(b))
}
