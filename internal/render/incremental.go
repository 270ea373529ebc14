package render

import (
	"maps"
	"slices"

	"github.com/dossier-dev/dossier/internal/dossier"
)

// A page is rendered again only when its signature changes. The signature
// hashes everything the page shows: Input.Global (configuration, templates,
// options, the names every body links), and the version of each content file
// whose data the page reads (its dependencies, from the new graph, so a
// dependency that comes or goes changes the signature too). Pages that list
// the whole dossier depend on every file, and so do actors' and
// organizations' pages: the network they draw counts who is named with whom
// in every article.
//
// Each content file's part of a signature (its kind, id and version) is
// hashed once per render, so a signature costs a few multiplications per
// dependency: the preview server signs every page on every save.

// cachedPage is a page of the previous render with its signature.
type cachedPage struct {
	sig  uint64
	body []byte
}

// fnv64 is an FNV-1a hash kept in a register.
type fnv64 uint64

const (
	fnvOffset fnv64 = 14695981039346656037
	fnvPrime  fnv64 = 1099511628211
)

func (h fnv64) str(s string) fnv64 {
	for i := 0; i < len(s); i++ {
		h = (h ^ fnv64(s[i])) * fnvPrime
	}
	return (h ^ 0xff) * fnvPrime // a terminator, so "ab"+"c" differs from "a"+"bc"
}

func (h fnv64) u64(v uint64) fnv64 {
	for range 8 {
		h = (h ^ fnv64(byte(v))) * fnvPrime
		v >>= 8
	}
	return h
}

// signer computes page signatures for one render; safe for concurrent use.
type signer struct {
	in  Input
	all uint64 // the signature of pages that depend on everything
	// The hash of each content file's kind, id and version.
	articles map[*dossier.Article]uint64
	entities map[dossier.Entity]uint64
	events   map[*dossier.Event]uint64
	// The hash of the dependencies of each speaker's quotes, which every
	// one of their quote pages lists.
	quotesOf map[*dossier.Actor]uint64
}

func newSigner(in Input) *signer {
	s := &signer{in: in, articles: map[*dossier.Article]uint64{}, entities: map[dossier.Entity]uint64{},
		events: map[*dossier.Event]uint64{}}
	h := fnvOffset.u64(in.Global)
	for _, k := range slices.Sorted(maps.Keys(in.Versions)) {
		h = h.str(k).u64(in.Versions[k])
	}
	s.all = uint64(h)
	d := in.Dossier
	for _, a := range d.Articles {
		s.articles[a] = s.version("article:" + a.ID)
	}
	for _, a := range d.Actors {
		s.entities[a] = s.version("actor:" + a.ID)
	}
	for _, o := range d.Organizations {
		s.entities[o] = s.version("organization:" + o.ID)
	}
	for _, e := range d.Events {
		s.events[e] = s.version("event:" + e.ID)
	}
	s.quotesOf = make(map[*dossier.Actor]uint64, len(d.Actors))
	for _, a := range d.Actors {
		q := deps{s: s, h: fnvOffset}
		for _, x := range a.Quotes {
			q.quote(x)
		}
		s.quotesOf[a] = uint64(q.h)
	}
	return s
}

// version hashes a content file's key with its version.
func (s *signer) version(key string) uint64 {
	return uint64(fnvOffset.str(key).u64(s.in.Versions[key]))
}

// signature returns the signature of a page of the given kind showing obj.
func (s *signer) signature(kind string, obj any) uint64 {
	if obj == nil {
		return s.all
	}
	d := deps{s: s, h: fnvOffset.u64(s.in.Global).str(kind)}
	switch o := obj.(type) {
	case *dossier.Article:
		d.article(o)
	case *dossier.Claim:
		d.claim(o)
	case *dossier.Quote:
		d.quote(o)
		if o.Speaker != nil { // the page lists the speaker's other quotes
			d.h = d.h.u64(s.quotesOf[o.Speaker])
		}
	case *dossier.Event:
		d.event(o)
	default: // lists, and actors' and organizations' pages
		return s.all
	}
	return uint64(d.h)
}

// itemSignature is the signature of a claim's or quote's list entry.
func (s *signer) itemSignature(obj any) uint64 {
	d := deps{s: s, h: fnvOffset.u64(s.in.Global)}
	switch o := obj.(type) {
	case *dossier.Claim:
		d.claim(o)
	case *dossier.Quote:
		d.quote(o)
	}
	return uint64(d.h)
}

// deps adds the versions of a page's dependencies to a hash.
type deps struct {
	s *signer
	h fnv64
}

func (d *deps) articleOf(a *dossier.Article) {
	v, ok := d.s.articles[a]
	if !ok {
		v = d.s.version("article:" + a.ID)
	}
	d.h = d.h.u64(v)
}

func (d *deps) entity(e dossier.Entity) {
	if e == nil {
		return
	}
	v, ok := d.s.entities[e]
	if !ok {
		v = d.s.version(e.EntityKind() + ":" + e.EntityID())
	}
	d.h = d.h.u64(v)
}

func (d *deps) eventOf(e *dossier.Event) {
	v, ok := d.s.events[e]
	if !ok {
		v = d.s.version("event:" + e.ID)
	}
	d.h = d.h.u64(v)
}

func (d *deps) article(a *dossier.Article) {
	d.articleOf(a)
	for _, x := range a.Actors {
		d.entity(x)
	}
	for _, o := range a.Organizations {
		d.entity(o)
	}
}

func (d *deps) claim(c *dossier.Claim) {
	d.articleOf(c.Article)
	d.entity(c.Claimant)
}

func (d *deps) quote(q *dossier.Quote) {
	d.articleOf(q.Article)
	if q.Speaker != nil {
		d.entity(q.Speaker)
	}
	if q.Via != nil {
		d.entity(q.Via)
	}
}

func (d *deps) event(e *dossier.Event) {
	d.eventOf(e)
	for _, a := range e.Actors {
		d.entity(a)
	}
	for _, o := range e.Organizations {
		d.entity(o)
	}
}
