package render

import (
	"encoding/binary"
	"hash/maphash"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

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
	depLinks                   // an actor's or organization's back-links: the pages that name it
	depNet                     // the network of who is named with whom, and whom each event names
	depText                    // a rendered Markdown text that is no content file's: id is its key in Input.HTML (methodology)
	depAll                     // everything: a template reached the raw dossier
	depCard                    // what a share card shows: "claim:ID" or "article:ID" (see cards.go)
)

// dep is one input of a page: a kind, the id of what it reads ("" for the
// whole site), and for depRel and depList the name of the list.
type dep struct {
	kind depKind
	id   string
	rel  string
}

func (d dep) String() string {
	names := [...]string{"site", "template", "article", "body", "claim", "quote", "actor", "organization", "event", "rel", "list", "links", "network", "text", "all", "card"}
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
	ids  []int32 // deps already in the table, from the list entries the page shows
}

func newRecorder() *recorder { return &recorder{deps: map[dep]struct{}{}} }

func (r *recorder) read(d dep) {
	if r != nil {
		r.deps[d] = struct{}{}
	}
}

// merge records the deps of a list entry, as the table numbers them.
func (r *recorder) merge(ids []int32) {
	if r != nil {
		r.ids = append(r.ids, ids...)
	}
}

// depTable numbers every dep that a page of a kept render read; it is the
// Renderer's, shared by its renders. Pages keep their deps as numbers with
// the fingerprints they had when the page rendered. A page is checked only
// when it is asked for (see Deferred.settle), against its render's
// fingerprints, each taken at most once per render: a save fingerprints what
// the pages looked at read, not the whole table.
type depTable struct {
	mu    sync.Mutex
	index map[dep]int32
	deps  []dep
	// near keeps, for each part of the network a page read (depNet with
	// an id), its last fingerprint and that of the network's inputs then.
	near map[int32][2]uint64
}

// lastNear is part i's fingerprint when the network's inputs were net.
func (t *depTable) lastNear(i int32, net uint64) (uint64, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	v, ok := t.near[i]
	return v[1], ok && v[0] == net
}

func (t *depTable) setNear(i int32, net, fp uint64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.near == nil {
		t.near = map[int32][2]uint64{}
	}
	t.near[i] = [2]uint64{net, fp}
}

// number returns the numbers of what r recorded, sorted and unique.
func (t *depTable) number(r *recorder) []int32 {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.index == nil {
		t.index = map[dep]int32{}
	}
	ids := append(make([]int32, 0, len(r.deps)+len(r.ids)), r.ids...)
	for d := range r.deps {
		i, known := t.index[d]
		if !known {
			i = int32(len(t.deps))
			t.index[d] = i
			t.deps = append(t.deps, d)
		}
		ids = append(ids, i)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// dep is the dep numbered i.
func (t *depTable) dep(i int32) dep {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.deps[i]
}

// pinned is what a page or list entry read, with the fingerprints it read
// it at.
type pinned struct {
	ids []int32  // numbered by the renderer's depTable
	fps []uint64 // each dep's fingerprint in the render that pinned it
	ok  bool     // whether ids holds every input (see pin)
}

// pin numbers what r recorded and takes each dep's fingerprint against f,
// the render the page or entry was made from. A nil recorder (a render not
// kept) pins nothing.
func (t *depTable) pin(r *recorder, f *fingerprints) pinned {
	if r == nil || f == nil {
		return pinned{}
	}
	ids := t.number(r)
	fps := make([]uint64, len(ids))
	for k, i := range ids {
		fps[k] = f.at(i)
	}
	return pinned{ids: ids, fps: fps, ok: true}
}

// valid reports whether every input of p has the fingerprint it had when
// p was pinned, in the render of f.
func (p pinned) valid(f *fingerprints) bool {
	if !p.ok || f == nil {
		return false
	}
	for k, i := range p.ids {
		if f.at(i) != p.fps[k] {
			return false
		}
	}
	return true
}

// names lists deps by name, sorted, for tests and tools.
func (t *depTable) names(ids []int32) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = t.dep(id).String()
	}
	slices.Sort(out)
	return out
}

// Deps lists the inputs a rendered page recorded, for tests and tools:
// "article:x", "claim:y", "rel:actor:z/quotes" …
func (d *Deferred) Deps() []string {
	if d.table == nil {
		return nil
	}
	return d.table.names(d.pins.ids)
}

// fingerprints computes the fingerprint of deps against one render's input,
// each once; safe for concurrent use.
type fingerprints struct {
	in    Input
	links func() *linkIndex // the render's back-links and network, built on first use
	seed  maphash.Seed
	table *depTable
	// known holds the fingerprints of the deps the table had numbered when
	// the render began, by number, and whether each is taken yet.
	known     []atomic.Uint64
	knownDone []atomic.Bool
	memo      sync.Map // dep → uint64, for the deps numbered since
	all       sync.Once
	allH      uint64
	tagsOnce  sync.Once
	tagList   []tagGroup
}

// tags is the render's tag groups, made once: one made for each tag's
// page checked took 4.6 ms of CPU a save at 1,000 articles
// (BenchmarkRebuildOneArticle1000, before pages were checked lazily).
func (f *fingerprints) tags() []tagGroup {
	f.tagsOnce.Do(func() { f.tagList = tagGroups(f.in.Dossier) })
	return f.tagList
}

// fingerprintSeed is shared by every render of the process, so that the
// fingerprints of two renders compare.
var fingerprintSeed = maphash.MakeSeed()

func newFingerprints(in Input, links func() *linkIndex, table *depTable) *fingerprints {
	table.mu.Lock()
	n := len(table.deps)
	table.mu.Unlock()
	return &fingerprints{in: in, links: links, seed: fingerprintSeed, table: table,
		known: make([]atomic.Uint64, n), knownDone: make([]atomic.Bool, n)}
}

// at is the fingerprint of the dep the table numbers i, taken once.
func (f *fingerprints) at(i int32) uint64 {
	if int(i) >= len(f.known) {
		return f.of(f.table.dep(i))
	}
	if f.knownDone[i].Load() {
		return f.known[i].Load()
	}
	var h uint64
	if d := f.table.dep(i); d.kind == depNet && d.id != "" {
		h = f.nearAt(i, d)
	} else {
		h = f.compute(d)
	}
	f.known[i].Store(h)
	f.knownDone[i].Store(true)
	return h
}

func (f *fingerprints) of(d dep) uint64 {
	if v, ok := f.memo.Load(d); ok {
		return v.(uint64)
	}
	h := f.compute(d)
	f.memo.Store(d, h)
	return h
}

// nearAt is the fingerprint of part d of the network, numbered i. What one
// entity's or event's part looks like is fingerprinted from the network
// itself, which takes building (16 ms of CPU a save at 1,000 articles); while
// the network's inputs are as they were, so is every part of it.
func (f *fingerprints) nearAt(i int32, d dep) uint64 {
	net := f.of(dep{kind: depNet})
	if h, ok := f.table.lastNear(i, net); ok {
		return h
	}
	h := f.compute(d)
	f.table.setNear(i, net, h)
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
		if v, ok := in.BodyVersions["article:"+d.id]; ok {
			h.u64(v)
		} else {
			h.str(string(in.HTML["article:"+d.id]))
		}
	case depClaim:
		if c := dos.Claim(d.id); c != nil {
			h.str(c.Article.ID).u64(in.Versions["article:"+c.Article.ID]).str(c.Sentence).str(c.Verdict.ID)
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
		f.listIDs(&h, d.rel)
	case depLinks:
		f.backlinkInputs(&h, d.id)
	case depNet:
		if d.id == "" {
			f.networkInputs(&h)
		} else {
			f.near(&h, d.id)
		}
	case depText:
		h.str(string(in.HTML[d.id]))
	case depAll:
		return f.everything()
	case depCard:
		cardInputs(&h, dos, d.id)
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
			if v, ok := f.in.BodyVersions[k]; ok {
				h.str(k).u64(v)
			} else {
				h.str(k).str(string(f.in.HTML[k]))
			}
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
func (f *fingerprints) listIDs(h *hasher, name string) {
	d := f.in.Dossier
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
	case "tags":
		tagIDs(h, f.tags(), name)
	case "timeline":
		timelineOrder(h, d)
	default:
		if v, ok := strings.CutPrefix(name, "verdict:"); ok {
			claimIDs(h, d.ClaimsWithVerdict(v))
		} else if strings.HasPrefix(name, "tag:") {
			tagIDs(h, f.tags(), name)
		}
	}
}

// near hashes one part of the network, as a page draws or lists it: for
// "event:x", whom the event names; for an actor or organization ("actor:x"),
// its closest neighbours with their names and numbers of connections, its
// edges to them, and the declared relations among them.
func (f *fingerprints) near(h *hasher, id string) {
	h.u64(f.in.Global)
	x := f.links()
	name := func(e dossier.Entity) {
		key := entityKey(e)
		h.str(key).u64(f.in.Versions[key])
	}
	kind, oid, _ := strings.Cut(id, ":")
	if kind == "event" {
		if ev := f.in.Dossier.Event(oid); ev != nil {
			for _, e := range x.eventWho[ev] {
				name(e)
			}
		}
		return
	}
	n := x.net
	i, ok := n.at[f.in.Dossier.Entity(kind, oid)]
	if !ok {
		return
	}
	node := func(j int) { // a node's title says how many connections it has
		name(n.nodes[j])
		h.u64(uint64(len(n.adj[j])))
	}
	node(i)
	near, total := n.closest(i, neighbourhoodMax)
	h.u64(uint64(total))
	edge := func(e *netEdge) {
		h.u64(uint64(e.rel)).u64(uint64(e.weight)).u64(uint64(e.together))
	}
	for _, j := range near {
		node(j)
		edge(n.edge(i, j))
	}
	for _, a := range near {
		for _, b := range near {
			if e := n.edge(a, b); a < b && e != nil && e.rel != relTogether {
				h.u64(uint64(a)).u64(uint64(b))
				edge(e)
			}
		}
	}
}

// timelineOrder hashes what orders the timeline and splits it into months
// and pages: every event's, article's and quote's id and date, in the order
// the timeline takes them.
func timelineOrder(h *hasher, d *dossier.Dossier) {
	for _, e := range d.Events {
		h.str(e.ID).str(e.Date.String())
	}
	h.str("")
	for _, a := range d.Articles {
		h.str(a.ID).str(a.Date.String())
	}
	h.str("")
	for _, q := range d.Quotes {
		h.str(q.ID).str(q.Said.String())
	}
}

// backlinkInputs hashes what one actor's or organization's back-links are
// made from (id is "actor:x" or "organization:y"): the front matter of the
// articles and events that involve or name it (their titles, dates and
// headline verdicts), the names of the profiles that name it, and the
// sentences. An edit of an article that involves nobody leaves every
// entity's back-links as they were.
func (f *fingerprints) backlinkInputs(h *hasher, id string) {
	h.u64(f.in.Global)
	kind, oid, _ := strings.Cut(id, ":")
	e := f.in.Dossier.Entity(kind, oid)
	if e == nil {
		return
	}
	v := f.in.Versions
	articles, events, mentions := involvement(e)
	for _, a := range articles {
		h.str(a.ID).u64(v["article:"+a.ID])
	}
	h.str("")
	for _, ev := range events {
		h.str(ev.ID).u64(v["event:"+ev.ID])
	}
	h.str("")
	for _, m := range mentions {
		switch {
		case m.Article != nil:
			h.str("a:" + m.Article.ID).u64(v["article:"+m.Article.ID])
		case m.Event != nil:
			h.str("e:" + m.Event.ID).u64(v["event:"+m.Event.ID])
		case m.From != nil:
			key := entityKey(m.From)
			h.str(key).u64(v[key])
		}
		h.str(m.Sentence)
	}
}

// networkInputs hashes what the network and the events' lists of whom they
// name are made from: every actor's and organization's file (names,
// memberships, profiles), the events and sentences that name each, and who
// said each quote via whom. Article titles, dates, claims and bodies are
// not among them: an edit that changes no name, mention or quote's speaker
// leaves every picture as it was.
func (f *fingerprints) networkInputs(h *hasher) {
	h.u64(f.in.Global)
	for _, e := range entitiesOf(f.in.Dossier) {
		key := entityKey(e)
		h.str(key).u64(f.in.Versions[key])
		if o, ok := e.(*dossier.Organization); ok {
			for _, m := range o.Members {
				h.str(entityKey(m))
			}
		}
		_, events, mentions := involvement(e)
		eventIDs(h, events)
		mentionIDs(h, mentions)
	}
	for _, q := range f.in.Dossier.Quotes {
		h.str(entityKey(q.Speaker)).str(entityKey(q.Via))
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
