package render

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/dossier-dev/dossier/internal/dossier"
)

// A page is rendered again only when one of its inputs changed. Its inputs
// are not listed by hand: whatever the page's data reads while the page
// renders is recorded as it is read (see views.go: every value a template
// receives reads the dossier through a recorder). Each input is a dep; after
// the page renders, each dep's fingerprint is taken, and the next render
// reuses the page's bytes only when every fingerprint is the same.
//
// A fingerprint is a hash of exactly what a read can return: the version of
// a content file's front matter for an article's own fields, the rendered
// HTML for a body, the ids of a list for a list. So a body edit that changes
// no title, date, annotation or mention re-renders only the pages that show
// that body or read what the body feeds (a claim's sentence, a mention).

// depKind says what part of the site a dep reads.
type depKind uint8

const (
	depSite     depKind = iota // site.toml and the build's options
	depTemplate                // a page template and what it includes
	depArticle                 // an article's front matter: title, date, summary, source, tags, claims, quotes
	depBody                    // an article's rendered body
	depClaim                   // one claim as resolved: its fields, verdict, claimant, sentence, explanation
	depQuote                   // one quote as resolved
	depActor                   // an actor's file: fields and profile
	depOrg                     // an organization's file
	depEvent                   // an event's file
	depRel                     // a list of one object: an actor's quotes, an article's actors … (see rel)
	depList                    // a list of the whole dossier: every article, every claim with a verdict …
	depLinks                   // the back-links and the network of who is named with whom
	depAll                     // everything: a template reached the raw dossier
)

// dep is one input of a page: a kind, the id of what it reads ("" for the
// whole site), and for depRel and depList the name of the list.
type dep struct {
	kind depKind
	id   string
	rel  string
}

func (d dep) String() string {
	names := [...]string{"site", "template", "article", "body", "claim", "quote", "actor", "organization", "event", "rel", "list", "links", "all"}
	s := names[d.kind]
	if d.id != "" {
		s += ":" + d.id
	}
	if d.rel != "" {
		s += "/" + d.rel
	}
	return s
}

// recorder collects the deps of one page (or one shared list entry) while it
// renders. A nil recorder records nothing: a one-shot build keeps no page for
// a next one. A recorder is used by one goroutine at a time.
type recorder struct {
	deps map[dep]struct{}
}

func newRecorder() *recorder { return &recorder{deps: map[dep]struct{}{}} }

func (r *recorder) read(d dep) {
	if r != nil {
		r.deps[d] = struct{}{}
	}
}

// merge records everything other recorded.
func (r *recorder) merge(other []pinned) {
	if r != nil {
		for _, p := range other {
			r.deps[p.dep] = struct{}{}
		}
	}
}

// pinned is a dep with its fingerprint at the time it was read.
type pinned struct {
	dep dep
	fp  uint64
}

// pin takes the fingerprint of every dep recorded, in a stable order.
func (r *recorder) pin(fps *fingerprints) []pinned {
	if r == nil {
		return nil
	}
	out := make([]pinned, 0, len(r.deps))
	for d := range r.deps {
		out = append(out, pinned{d, fps.of(d)})
	}
	slices.SortFunc(out, func(a, b pinned) int { return strings.Compare(a.dep.String(), b.dep.String()) })
	return out
}

// Deps lists the inputs a rendered page recorded, for tests and tools:
// "article:x", "claim:y", "rel:actor:z/quotes" …
func (d *Deferred) Deps() []string {
	var out []string
	for _, p := range d.pins {
		out = append(out, p.dep.String())
	}
	return out
}

// fingerprints computes the fingerprint of deps against one render's input,
// each once; safe for concurrent use.
type fingerprints struct {
	in    Input
	links func() *linkIndex // the render's back-links and network
	seed  maphash.Seed
	memo  sync.Map // dep → uint64
	all   sync.Once
	allH  uint64
}

// fingerprintSeed is shared by every render of the process, so that the
// fingerprints of two renders compare.
var fingerprintSeed = maphash.MakeSeed()

func newFingerprints(in Input, links func() *linkIndex) *fingerprints {
	return &fingerprints{in: in, links: links, seed: fingerprintSeed}
}

// valid reports whether every pinned dep still has its fingerprint.
func (f *fingerprints) valid(pins []pinned) bool {
	for _, p := range pins {
		if f.of(p.dep) != p.fp {
			return false
		}
	}
	return true
}

func (f *fingerprints) of(d dep) uint64 {
	if v, ok := f.memo.Load(d); ok {
		return v.(uint64)
	}
	h := f.compute(d)
	f.memo.Store(d, h)
	return h
}

// hasher writes the parts of a fingerprint.
type hasher struct{ maphash.Hash }

func (h *hasher) str(s string) *hasher {
	h.WriteString(s)
	h.WriteByte(0)
	return h
}

func (h *hasher) u64(v uint64) *hasher {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	h.Write(b[:])
	return h
}

func (f *fingerprints) compute(d dep) uint64 {
	var h hasher
	h.SetSeed(f.seed)
	h.u64(uint64(d.kind))
	in, dos := f.in, f.in.Dossier
	switch d.kind {
	case depSite:
		h.u64(in.Global)
	case depTemplate:
		// A template change makes a new Renderer, which keeps no page.
	case depArticle:
		h.u64(in.Versions["article:"+d.id])
	case depBody:
		h.str(string(in.HTML["article:"+d.id]))
	case depClaim:
		if c := dos.Claim(d.id); c != nil {
			h.str(c.Article.ID).u64(in.Versions["article:"+c.Article.ID]).str(c.Sentence).str(fmt.Sprint(c.Verdict))
			h.str(entityKey(c.Claimant)).str(string(in.HTML["claim:"+d.id]))
		}
	case depQuote:
		if q := dos.Quote(d.id); q != nil {
			h.str(q.Article.ID).u64(in.Versions["article:"+q.Article.ID]).str(q.Sentence)
			if q.Speaker != nil {
				h.str(q.Speaker.ID)
			}
			if q.Via != nil {
				h.str(q.Via.ID)
			}
			h.str(string(in.HTML["quote:"+d.id]))
		}
	case depActor:
		h.u64(in.Versions["actor:"+d.id]).str(string(in.HTML["actor:"+d.id]))
	case depOrg:
		h.u64(in.Versions["organization:"+d.id]).str(string(in.HTML["organization:"+d.id]))
	case depEvent:
		h.u64(in.Versions["event:"+d.id]).str(string(in.HTML["event:"+d.id]))
	case depRel:
		relIDs(&h, dos, d.id, d.rel)
	case depList:
		listIDs(&h, dos, d.rel)
	case depLinks:
		linksPrint(&h, f.links())
	case depAll:
		return f.everything()
	}
	return h.Sum64()
}

// everything is the fingerprint of the whole input.
func (f *fingerprints) everything() uint64 {
	f.all.Do(func() {
		var h hasher
		h.SetSeed(f.seed)
		h.u64(f.in.Global)
		keys := make([]string, 0, len(f.in.Versions))
		for k := range f.in.Versions {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			h.str(k).u64(f.in.Versions[k])
		}
		keys = keys[:0]
		for k := range f.in.HTML {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			h.str(k).str(string(f.in.HTML[k]))
		}
		f.allH = h.Sum64()
	})
	return f.allH
}

// entityKey is "actor:x" or "organization:y", "" for no entity.
func entityKey(e dossier.Entity) string {
	if !present(e) {
		return ""
	}
	return e.EntityKind() + ":" + e.EntityID()
}

// relIDs hashes one object's list named rel, as the views read it.
func relIDs(h *hasher, d *dossier.Dossier, id, rel string) {
	kind, oid, _ := strings.Cut(id, ":")
	if rel == "tally" {
		if e := d.Entity(kind, oid); e != nil {
			tallyPrint(h, tallyOf(e))
		}
		return
	}
	switch kind {
	case "article":
		a := d.Article(oid)
		if a == nil {
			return
		}
		switch rel {
		case "actors":
			for _, x := range a.Actors {
				h.str(x.ID)
			}
		case "organizations":
			for _, x := range a.Organizations {
				h.str(x.ID)
			}
		}
	case "actor":
		a := d.Actor(oid)
		if a == nil {
			return
		}
		switch rel {
		case "organizations":
			orgIDs(h, a.Organizations)
		case "country":
			if a.Country != nil {
				h.str(a.Country.ID)
			}
		case "quotes":
			quoteIDs(h, a.Quotes)
		case "claims":
			claimIDs(h, a.Claims)
		case "mentions":
			mentionIDs(h, a.Mentions)
		case "articles":
			articleIDs(h, a.Articles)
		case "events":
			eventIDs(h, a.Events)
		}
	case "organization":
		o := d.Organization(oid)
		if o == nil {
			return
		}
		switch rel {
		case "members":
			for _, m := range o.Members {
				h.str(entityKey(m))
			}
		case "memberOf":
			orgIDs(h, o.MemberOf)
		case "statements":
			quoteIDs(h, o.Statements)
		case "claims":
			claimIDs(h, o.Claims)
		case "mentions":
			mentionIDs(h, o.Mentions)
		case "articles":
			articleIDs(h, o.Articles)
		case "events":
			eventIDs(h, o.Events)
		}
	case "event":
		e := d.Event(oid)
		if e == nil {
			return
		}
		switch rel {
		case "actors":
			for _, x := range e.Actors {
				h.str(x.ID)
			}
		case "organizations":
			orgIDs(h, e.Organizations)
		}
	}
}

// listIDs hashes a list of the whole dossier, as the views read it.
func listIDs(h *hasher, d *dossier.Dossier, name string) {
	switch name {
	case "articles":
		articleIDs(h, d.Articles)
	case "actors":
		for _, a := range d.Actors {
			h.str(a.ID)
		}
	case "organizations":
		orgIDs(h, d.Organizations)
	case "events":
		eventIDs(h, d.Events)
	case "claims":
		claimIDs(h, d.Claims)
	case "quotes":
		quoteIDs(h, d.Quotes)
	default:
		if v, ok := strings.CutPrefix(name, "verdict:"); ok {
			claimIDs(h, d.ClaimsWithVerdict(v))
		}
	}
}

// linksPrint hashes the back-links and the network as they are made: the
// lists every entity page shows and every edge and node the pictures draw.
func linksPrint(h *hasher, x *linkIndex) {
	backlinks := func(list []Backlink) {
		for _, b := range list {
			h.str(b.Title).str(b.ISO).str(string(b.Href))
			for _, s := range b.Sentences {
				h.str(s)
			}
		}
		h.str("|")
	}
	for _, e := range x.net.nodes {
		h.str(entityKey(e)).str(e.DisplayName()).str(entityKindName(e))
		backlinks(x.articles[e])
		backlinks(x.events[e])
		backlinks(x.profiles[e])
	}
	events := slices.SortedFunc(maps.Keys(x.eventWho), func(a, b *dossier.Event) int { return strings.Compare(a.ID, b.ID) })
	for _, ev := range events {
		h.str(ev.ID)
		for _, e := range x.eventWho[ev] {
			h.str(entityKey(e))
		}
	}
	for _, e := range x.net.list {
		h.u64(uint64(e.a)).u64(uint64(e.b)).u64(uint64(e.rel)).u64(uint64(e.weight)).u64(uint64(e.together))
	}
}

// tallyOf is an actor's or organization's tally.
func tallyOf(e dossier.Entity) dossier.Tally {
	switch e := e.(type) {
	case *dossier.Actor:
		return e.Tally
	case *dossier.Organization:
		return e.Tally
	}
	return nil
}

func tallyPrint(h *hasher, t dossier.Tally) {
	for _, id := range slices.Sorted(maps.Keys(t)) {
		h.str(id).u64(uint64(t[id]))
	}
}

func articleIDs(h *hasher, list []*dossier.Article) {
	for _, a := range list {
		h.str(a.ID)
	}
}

func orgIDs(h *hasher, list []*dossier.Organization) {
	for _, o := range list {
		h.str(o.ID)
	}
}

func quoteIDs(h *hasher, list []*dossier.Quote) {
	for _, q := range list {
		h.str(q.ID)
	}
}

func claimIDs(h *hasher, list []*dossier.Claim) {
	for _, c := range list {
		h.str(c.ID)
	}
}

func eventIDs(h *hasher, list []*dossier.Event) {
	for _, e := range list {
		h.str(e.ID)
	}
}

func mentionIDs(h *hasher, list []dossier.Mention) {
	for _, m := range list {
		switch {
		case m.Article != nil:
			h.str("a:" + m.Article.ID)
		case m.Event != nil:
			h.str("e:" + m.Event.ID)
		case m.From != nil:
			h.str(entityKey(m.From))
		}
		h.str(m.Sentence)
	}
}

// entity records that an actor's or organization's own fields are read.
func (r *recorder) entity(e dossier.Entity) {
	switch e := e.(type) {
	case *dossier.Actor:
		if e != nil {
			r.read(dep{kind: depActor, id: e.ID})
		}
	case *dossier.Organization:
		if e != nil {
			r.read(dep{kind: depOrg, id: e.ID})
		}
	}
}

// claim records that a claim is read with its article's fields, and its
// claimant's name.
func (r *recorder) claim(c *dossier.Claim) {
	r.read(dep{kind: depClaim, id: c.ID})
	r.read(dep{kind: depArticle, id: c.Article.ID})
	r.entity(c.Claimant)
}

// quote records that a quote is read with its article's fields, and its
// speaker's and reporter's names.
func (r *recorder) quote(q *dossier.Quote) {
	r.read(dep{kind: depQuote, id: q.ID})
	r.read(dep{kind: depArticle, id: q.Article.ID})
	if q.Speaker != nil {
		r.entity(q.Speaker)
	}
	if q.Via != nil {
		r.entity(q.Via)
	}
}
