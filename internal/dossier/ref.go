package dossier

// Kind is the kind of an object of the graph that has a page, a rendered
// text or a source file of its own.
type Kind uint8

// The kinds of objects a Ref names.
const (
	KindArticle Kind = iota + 1
	KindActor
	KindOrganization
	KindClaim
	KindQuote
	KindEvent
)

var kindNames = [...]string{"", "article", "actor", "organization", "claim", "quote", "event"}

// String is the kind's name: "article", "actor" …
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return ""
}

// Ref names one object of the graph by kind and id: the key of what the
// build keeps about it from one save to the next (its source file's
// version, its rendered text), which outlives the object itself.
type Ref struct {
	Kind Kind
	ID   string
}

// String is "kind id", for messages.
func (r Ref) String() string { return r.Kind.String() + " " + r.ID }

// Object is anything of the graph a Ref names.
type Object interface{ Ref() Ref }

// Ref implements Object.
func (a *Article) Ref() Ref { return Ref{KindArticle, a.ID} }

// Ref implements Object.
func (a *Actor) Ref() Ref { return Ref{KindActor, a.ID} }

// Ref implements Object.
func (o *Organization) Ref() Ref { return Ref{KindOrganization, o.ID} }

// Ref implements Object.
func (c *Claim) Ref() Ref { return Ref{KindClaim, c.ID} }

// Ref implements Object.
func (q *Quote) Ref() Ref { return Ref{KindQuote, q.ID} }

// Ref implements Object.
func (e *Event) Ref() Ref { return Ref{KindEvent, e.ID} }

// Lookup returns the object r names, or nil.
func (d *Dossier) Lookup(r Ref) Object {
	switch r.Kind {
	case KindArticle:
		if a := d.articles[r.ID]; a != nil {
			return a
		}
	case KindActor:
		if a := d.actors[r.ID]; a != nil {
			return a
		}
	case KindOrganization:
		if o := d.organizations[r.ID]; o != nil {
			return o
		}
	case KindClaim:
		if c := d.claims[r.ID]; c != nil {
			return c
		}
	case KindQuote:
		if q := d.quotes[r.ID]; q != nil {
			return q
		}
	case KindEvent:
		if e := d.events[r.ID]; e != nil {
			return e
		}
	}
	return nil
}
