package render

import (
	"encoding/binary"
	"hash"
	"hash/fnv"
	"io"
	"maps"
	"slices"

	"github.com/dossier-dev/dossier/internal/dossier"
)

// A page is rendered again only when its signature changes. The signature
// hashes everything the page shows: Input.Global (configuration, templates,
// options, the names every body links), and the version of each content file
// whose data the page reads (its dependencies, from the new graph, so a
// dependency that comes or goes changes the signature too). Pages that list
// the whole dossier depend on every file.

// cachedPage is a page of the previous render with its signature.
type cachedPage struct {
	sig  uint64
	body []byte
}

// signer computes page signatures for one render.
type signer struct {
	in  Input
	all uint64 // the signature of pages that depend on everything
	net uint64 // the network's edges and its nodes' names, which every entity page's picture draws
}

func newSigner(in Input, net *network) *signer {
	s := &signer{in: in}
	h := fnv.New64a()
	writeUint(h, in.Global)
	for _, k := range slices.Sorted(maps.Keys(in.Versions)) {
		io.WriteString(h, k)
		writeUint(h, in.Versions[k])
	}
	s.all = h.Sum64()
	s.net = networkHash(net) ^ namesHash(in.Dossier)
	return s
}

func writeUint(h hash.Hash64, v uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], v)
	h.Write(b[:])
}

// networkHash fingerprints every edge of the network.
func networkHash(n *network) uint64 {
	h := fnv.New64a()
	if n == nil {
		return 0
	}
	for _, e := range n.list {
		for _, v := range []int{e.a, e.b, int(e.rel), e.weight, e.together} {
			writeUint(h, uint64(v))
		}
	}
	for _, node := range n.nodes {
		io.WriteString(h, node.EntityKind()+":"+node.EntityID()+"\n")
	}
	return h.Sum64()
}

// signature returns the page's signature.
func (s *signer) signature(p *Page) uint64 {
	if p.Object == nil {
		return s.all
	}
	d := &deps{in: s.in, h: fnv.New64a()}
	writeUint(d.h, s.in.Global)
	io.WriteString(d.h, p.Kind)
	switch o := p.Object.(type) {
	case *dossier.Article:
		d.article(o)
	case *dossier.Claim:
		d.claim(o)
	case *dossier.Quote:
		d.quote(o)
		if o.Speaker != nil {
			for _, q := range o.Speaker.Quotes {
				d.quote(q)
			}
		}
	case *dossier.Event:
		d.event(o)
	case *dossier.Actor:
		writeUint(d.h, s.net)
		d.actor(o)
	case *dossier.Organization:
		writeUint(d.h, s.net)
		d.organization(o)
	default:
		return s.all
	}
	return d.h.Sum64()
}

// itemSignature is the signature of a claim's or quote's list entry.
func (s *signer) itemSignature(obj any) uint64 {
	d := &deps{in: s.in, h: fnv.New64a()}
	writeUint(d.h, s.in.Global)
	switch o := obj.(type) {
	case *dossier.Claim:
		d.claim(o)
	case *dossier.Quote:
		d.quote(o)
	}
	return d.h.Sum64()
}

// deps writes the versions of a page's dependencies into a hash.
type deps struct {
	in Input
	h  hash.Hash64
}

func (d *deps) key(k string) {
	io.WriteString(d.h, k)
	writeUint(d.h, d.in.Versions[k])
}

func (d *deps) entity(e dossier.Entity) {
	if e != nil {
		d.key(e.EntityKind() + ":" + e.EntityID())
	}
}

func (d *deps) article(a *dossier.Article) {
	d.key("article:" + a.ID)
	for _, x := range a.Actors {
		d.entity(x)
	}
	for _, o := range a.Organizations {
		d.entity(o)
	}
}

func (d *deps) claim(c *dossier.Claim) {
	d.key("article:" + c.Article.ID)
	d.entity(c.Claimant)
}

func (d *deps) quote(q *dossier.Quote) {
	d.key("article:" + q.Article.ID)
	if q.Speaker != nil {
		d.entity(q.Speaker)
	}
	if q.Via != nil {
		d.entity(q.Via)
	}
}

func (d *deps) event(e *dossier.Event) {
	d.key("event:" + e.ID)
	for _, a := range e.Actors {
		d.entity(a)
	}
	for _, o := range e.Organizations {
		d.entity(o)
	}
}

func (d *deps) mentions(list []dossier.Mention) {
	for _, m := range list {
		if m.Article != nil {
			d.key("article:" + m.Article.ID)
		}
		if m.Event != nil {
			d.key("event:" + m.Event.ID)
		}
		d.entity(m.From)
	}
}

// backLinks writes what an entity page lists: quotes, claims, articles, mentions, events.
func (d *deps) backLinks(quotes []*dossier.Quote, claims []*dossier.Claim, articles []*dossier.Article, mentions []dossier.Mention, events []*dossier.Event) {
	for _, q := range quotes {
		d.quote(q)
	}
	for _, c := range claims {
		d.claim(c)
	}
	for _, a := range articles {
		d.key("article:" + a.ID)
	}
	d.mentions(mentions)
	for _, e := range events {
		d.event(e)
	}
}

func (d *deps) actor(a *dossier.Actor) {
	d.entity(a)
	for _, o := range a.Organizations {
		d.entity(o)
	}
	if a.Country != nil {
		d.entity(a.Country)
	}
	d.backLinks(a.Quotes, a.Claims, a.Articles, a.Mentions, a.Events)
}

func (d *deps) organization(o *dossier.Organization) {
	d.entity(o)
	for _, m := range o.Members {
		d.entity(m)
	}
	for _, m := range o.MemberOf {
		d.entity(m)
	}
	d.backLinks(o.Statements, o.Claims, o.Articles, o.Mentions, o.Events)
}

// namesHash fingerprints what an entity page's picture shows of every
// entity it may draw: name, kind and role.
func namesHash(d *dossier.Dossier) uint64 {
	h := fnv.New64a()
	for _, a := range d.Actors {
		io.WriteString(h, "actor:"+a.ID+"|"+a.Name+"|"+a.Role+"\n")
	}
	for _, o := range d.Organizations {
		io.WriteString(h, "organization:"+o.ID+"|"+o.Name+"|"+o.Kind+"\n")
	}
	return h.Sum64()
}
