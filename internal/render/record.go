package render

import (
	"cmp"
	"encoding/binary"
	"hash"
	"hash/fnv"
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
	depSite        depKind = iota // site.toml and the build's options
	depTemplate                   // a page template and what it includes
	depArticle                    // an article's front matter: title, date, summary, source, tags, claims, quotes
	depBody                       // an article's rendered body
	depClaim                      // one claim as resolved: its fields, verdict, claimant, sentence, explanation
	depQuote                      // one quote as resolved
	depActor                      // an actor's file: fields and profile
	depOrg                        // an organization's file
	depEvent                      // an event's file
	depRel                        // a list of one object: an actor's quotes, an article's actors … (see rel)
	depList                       // a list of the whole dossier: every article, every claim with a verdict …
	depLinks                      // an actor's or organization's back-links: the pages that name it
	depNet                        // the network of who is named with whom, and whom each event names
	depMethodology                // the rendered content/methodology.md
	depAll                        // everything: a template reached the raw dossier
	depCard                       // what a share card shows: a claim's or an article's (see cards.go)
)

// dep is one input of a page: a kind, the id of what it reads ("" for the
// whole site), for depRel, depLinks, depNet and depCard the kind of object
// the id names, and for depRel and depList the name of the list (a list of
// one verdict's claims is "verdict" with the verdict's id, a tag's
// articles "tag" with the tag's slug).
type dep struct {
	kind depKind
	of   dossier.Kind
	id   string
	rel  string
}

// article is the Ref of the article with the id.
func article(id string) dossier.Ref { return dossier.Ref{Kind: dossier.KindArticle, ID: id} }

// objectDep is the dep of kind on the object r names.
func objectDep(kind depKind, r dossier.Ref, rel string) dep {
	return dep{kind: kind, of: r.Kind, id: r.ID, rel: rel}
}

// ref is the object the dep's id names, for the kinds that say which.
func (d dep) ref() dossier.Ref { return dossier.Ref{Kind: d.of, ID: d.id} }

// String is the dep as tests and messages show it: "article:x",
// "rel:actor:y/quotes", "list/verdict:false" …
func (d dep) String() string {
	names := [...]string{"site", "template", "article", "body", "claim", "quote", "actor", "organization", "event", "rel", "list", "links", "network", "methodology", "all", "card"}
	s := names[d.kind]
	if d.of != 0 {
		s += ":" + d.of.String()
	}
	if d.id != "" && d.kind != depList {
		s += ":" + d.id
	}
	if d.rel != "" {
		s += "/" + d.rel
		if d.kind == depList && d.id != "" {
			s += ":" + d.id
		}
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
// when it is asked for (see lazyPage.settle), against its render's
// fingerprints, each taken at most once per render: a save fingerprints what
// the pages looked at read, not the whole table.
type depTable struct {
	mu    sync.Mutex
	index map[dep]int32
	deps  []dep
	// near keeps, for each part of the network a page read (depNet with
	// an id), its last fingerprint and that of the network's inputs then.
	near map[int32][2]uint64
	// graph numbers the graphs renders were made from (see generation);
	// graphFP keeps the last fingerprint of each dep that reads the graph
	// and at most one unit's Markdown, with the number of the graph and
	// the unit's version it was taken from (see fingerprints.kept).
	graph struct {
		d           *dossier.Dossier
		global, gen uint64
	}
	graphFP map[int32][3]uint64
}

// generation returns the number of in's graph: the last one's when the
// graph is the same object with the same configuration, a new one otherwise.
func (t *depTable) generation(in Input) uint64 {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.graph.d != in.Dossier || t.graph.global != in.Global {
		t.graph.d, t.graph.global = in.Dossier, in.Global
		t.graph.gen++
		t.graphFP = nil
	}
	return t.graph.gen
}

// lastGraphFP is dep i's fingerprint in graph generation gen with its
// unit's version at unit.
func (t *depTable) lastGraphFP(i int32, gen, unit uint64) (uint64, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	v, ok := t.graphFP[i]
	return v[2], ok && v[0] == gen && v[1] == unit
}

func (t *depTable) setGraphFP(i int32, gen, unit, fp uint64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if gen != t.graph.gen {
		return // a render of an older graph
	}
	if t.graphFP == nil {
		t.graphFP = map[int32][3]uint64{}
	}
	t.graphFP[i] = [3]uint64{gen, unit, fp}
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

// Inputs lists the inputs the page or share card name recorded as it
// rendered, sorted, for tests and tools: "article:x", "claim:y",
// "rel:actor:z/quotes" … It is nil for a file not rendered yet, or of a
// one-shot render, which records nothing.
func (o *Output) Inputs(name string) []string {
	if p := o.pageAt(name); p != nil {
		return p.deps()
	}
	return nil
}

// deps lists the inputs a rendered page recorded.
func (d *lazyPage) deps() []string {
	if d.ver == nil || d.ver.table == nil {
		return nil
	}
	return d.ver.table.names(d.ver.pins.ids)
}

// fingerprints computes the fingerprint of deps against one render's input,
// each once; safe for concurrent use.
type fingerprints struct {
	in    Input
	links func() *linkIndex // the render's back-links and network, built on first use
	table *depTable
	// known holds the fingerprints of the deps the table had numbered when
	// the render began, by number, and whether each is taken yet.
	known     []atomic.Uint64
	knownDone []atomic.Bool
	memo      sync.Map // dep → uint64, for the deps numbered since
	gen       uint64   // the number of the render's graph (see depTable.generation)
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

func newFingerprints(in Input, links func() *linkIndex, table *depTable) *fingerprints {
	table.mu.Lock()
	n := len(table.deps)
	table.mu.Unlock()
	return &fingerprints{in: in, links: links, table: table, gen: table.generation(in),
		known: make([]atomic.Uint64, n), knownDone: make([]atomic.Bool, n)}
}

// at is the fingerprint of the dep the table numbers i, taken once.
func (f *fingerprints) at(i int32) uint64 {
	if int(i) >= len(f.known) { // numbered during this render
		d := f.table.dep(i)
		if unit, ok := f.unitOf(d); ok {
			return f.kept(i, d, unit)
		}
		return f.of(d)
	}
	if f.knownDone[i].Load() {
		return f.known[i].Load()
	}
	var h uint64
	d := f.table.dep(i)
	if unit, ok := f.unitOf(d); ok {
		h = f.kept(i, d, unit)
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

// unitOf gives what dep d reads besides the graph, the configuration
// (Input.Global) and the files' versions (Input.Versions): the version of
// the one unit of Markdown whose HTML it reads (Input.BodyVersions), or 0
// when it reads none. It is false for a dep that reads more, or whose
// unit has no version.
func (f *fingerprints) unitOf(d dep) (uint64, bool) {
	var of dossier.Ref
	switch d.kind {
	case depArticle, depRel, depList, depLinks, depNet, depCard:
		return 0, true
	case depClaim:
		c := f.in.Dossier.Claim(d.id)
		if c == nil {
			return 0, true
		}
		of = c.Article.Ref()
	case depQuote:
		q := f.in.Dossier.Quote(d.id)
		if q == nil {
			return 0, true
		}
		of = q.Article.Ref()
	case depActor:
		of = dossier.Ref{Kind: dossier.KindActor, ID: d.id}
	case depOrg:
		of = dossier.Ref{Kind: dossier.KindOrganization, ID: d.id}
	case depEvent:
		of = dossier.Ref{Kind: dossier.KindEvent, ID: d.id}
	default:
		return 0, false
	}
	v, ok := f.in.BodyVersions[of]
	return v, ok
}

// kept is the fingerprint of dep d, numbered i, whose unit of Markdown has
// version unit: the last one taken from the same graph and unit when there
// is one. A save that edits prose only keeps the graph (see site's
// Builder.resolve), and then serve's check of every page's inputs hashes
// again only the deps of the one unit converted again.
// Speed: at 10,000 articles, a save took 2.08 s of the server's loop
// (BenchmarkSaveToReload10000's ns/op: rebuild, then the check of every
// page for the terminal's count) without it, 0.38 s with it; the reload
// message came after 303 ms without, 153 and 167 ms with (single runs).
func (f *fingerprints) kept(i int32, d dep, unit uint64) uint64 {
	if h, ok := f.table.lastGraphFP(i, f.gen, unit); ok {
		return h
	}
	var h uint64
	if d.kind == depNet && d.id != "" {
		h = f.nearAt(i, d)
	} else {
		h = f.compute(d)
	}
	f.table.setGraphFP(i, f.gen, unit, h)
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

// hasher writes the parts of a fingerprint. They are gathered in buf and
// hashed (FNV-1a, the build's one hash) a block at a time.
type hasher struct {
	h   hash.Hash64
	buf []byte
}

func newHasher() *hasher { return &hasher{h: fnv.New64a(), buf: make([]byte, 0, 512)} }

// hasherBlock is how much a hasher gathers before it hashes.
const hasherBlock = 32 << 10

func (h *hasher) write(b []byte) {
	if len(h.buf)+len(b) > hasherBlock {
		h.h.Write(h.buf)
		h.buf = h.buf[:0]
		if len(b) > hasherBlock {
			h.h.Write(b)
			return
		}
	}
	h.buf = append(h.buf, b...)
}

func (h *hasher) str(s string) *hasher {
	if len(h.buf)+len(s)+1 > hasherBlock {
		h.write([]byte(s))
	} else {
		h.buf = append(h.buf, s...)
	}
	h.buf = append(h.buf, 0)
	return h
}

// Sum64 is the fingerprint of everything written.
func (h *hasher) Sum64() uint64 {
	h.h.Write(h.buf)
	h.buf = h.buf[:0]
	return h.h.Sum64()
}

// ref writes an object's kind and id.
func (h *hasher) ref(r dossier.Ref) *hasher {
	h.buf = append(h.buf, byte(r.Kind))
	return h.str(r.ID)
}

func (h *hasher) u64(v uint64) *hasher {
	h.buf = binary.LittleEndian.AppendUint64(h.buf, v)
	return h
}

func (f *fingerprints) compute(d dep) uint64 {
	h := newHasher()
	h.u64(uint64(d.kind))
	in, dos := f.in, f.in.Dossier
	switch d.kind {
	case depSite:
		h.u64(in.Global)
	case depTemplate:
		// A template change makes a new Renderer, which keeps no page.
	case depArticle:
		h.u64(in.Versions[article(d.id)])
	case depBody:
		if v, ok := in.BodyVersions[article(d.id)]; ok {
			h.u64(v)
		} else {
			h.str(string(in.HTML[BodyOf(article(d.id))]))
		}
	case depClaim:
		if c := dos.Claim(d.id); c != nil {
			h.str(c.Article.ID).u64(in.Versions[c.Article.Ref()]).str(c.Sentence).str(c.Verdict.ID)
			h.ref(entityRef(c.Claimant)).str(string(in.HTML[BodyOf(c.Ref())]))
		}
	case depQuote:
		if q := dos.Quote(d.id); q != nil {
			h.str(q.Article.ID).u64(in.Versions[q.Article.Ref()]).str(q.Sentence)
			if q.Speaker != nil {
				h.str(q.Speaker.ID)
			}
			if q.Via != nil {
				h.str(q.Via.ID)
			}
			h.str(string(in.HTML[BodyOf(q.Ref())]))
		}
	case depActor:
		r := dossier.Ref{Kind: dossier.KindActor, ID: d.id}
		h.u64(in.Versions[r]).str(string(in.HTML[BodyOf(r)]))
	case depOrg:
		r := dossier.Ref{Kind: dossier.KindOrganization, ID: d.id}
		h.u64(in.Versions[r]).str(string(in.HTML[BodyOf(r)]))
	case depEvent:
		r := dossier.Ref{Kind: dossier.KindEvent, ID: d.id}
		h.u64(in.Versions[r]).str(string(in.HTML[BodyOf(r)]))
	case depRel:
		relIDs(h, dos, d.ref(), d.rel)
	case depList:
		f.listIDs(h, d.rel, d.id)
	case depLinks:
		f.backlinkInputs(h, d.ref())
	case depNet:
		if d.id == "" {
			f.networkInputs(h)
		} else {
			f.near(h, d.ref())
		}
	case depMethodology:
		h.str(string(in.HTML[Methodology]))
	case depAll:
		return f.everything()
	case depCard:
		cardInputs(h, dos, d.ref())
	}
	return h.Sum64()
}

// everything is the fingerprint of the whole input.
func (f *fingerprints) everything() uint64 {
	f.all.Do(func() {
		h := newHasher()
		h.u64(f.in.Global)
		for _, r := range slices.SortedFunc(maps.Keys(f.in.Versions), compareRefs) {
			h.ref(r).u64(f.in.Versions[r])
		}
		for _, k := range slices.SortedFunc(maps.Keys(f.in.HTML), compareTextKeys) {
			h.ref(k.Of).u64(uint64(k.Update))
			if v, ok := f.in.BodyVersions[k.Of]; ok && k.Update == 0 {
				h.u64(v)
			} else {
				h.str(string(f.in.HTML[k]))
			}
		}
		f.allH = h.Sum64()
	})
	return f.allH
}

// entityRef is the Ref of an actor or organization; the zero Ref for no entity.
func entityRef(e dossier.Entity) dossier.Ref {
	if !present(e) {
		return dossier.Ref{}
	}
	return e.Ref()
}

// compareRefs orders Refs by kind, then id.
func compareRefs(a, b dossier.Ref) int {
	return cmp.Or(cmp.Compare(a.Kind, b.Kind), strings.Compare(a.ID, b.ID))
}

// compareTextKeys orders TextKeys by object, then update.
func compareTextKeys(a, b TextKey) int {
	return cmp.Or(compareRefs(a.Of, b.Of), cmp.Compare(a.Update, b.Update))
}

// relIDs hashes the list named rel of the object r names, as the views read it.
func relIDs(h *hasher, d *dossier.Dossier, r dossier.Ref, rel string) {
	oid := r.ID
	if rel == "tally" {
		if e, ok := d.Lookup(r).(dossier.Entity); ok {
			tallyPrint(h, tallyOf(e))
		}
		return
	}
	switch r.Kind {
	case dossier.KindArticle:
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
	case dossier.KindActor:
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
	case dossier.KindOrganization:
		o := d.Organization(oid)
		if o == nil {
			return
		}
		switch rel {
		case "members":
			for _, m := range o.Members {
				h.ref(entityRef(m))
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
	case dossier.KindEvent:
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

// listIDs hashes a list of the whole dossier, as the views read it: name
// and, for one verdict's claims or one tag's articles, the verdict's id or
// the tag's slug.
func (f *fingerprints) listIDs(h *hasher, name, id string) {
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
		tagIDs(h, f.tags(), "")
	case "tag":
		tagIDs(h, f.tags(), id)
	case "timeline":
		timelineOrder(h, d)
	case "verdict":
		claimIDs(h, d.ClaimsWithVerdict(id))
	}
}

// near hashes one part of the network, as a page draws or lists it: for
// an event, whom the event names; for an actor or organization,
// its closest neighbours with their names and numbers of connections, its
// edges to them, and the declared relations among them.
func (f *fingerprints) near(h *hasher, r dossier.Ref) {
	h.u64(f.in.Global)
	x := f.links()
	name := func(e dossier.Entity) {
		key := entityRef(e)
		h.ref(key).u64(f.in.Versions[key])
	}
	if r.Kind == dossier.KindEvent {
		if ev := f.in.Dossier.Event(r.ID); ev != nil {
			for _, e := range x.eventWho[ev] {
				name(e)
			}
		}
		return
	}
	e, _ := f.in.Dossier.Lookup(r).(dossier.Entity)
	x.net.HashAround(e, name, func(n uint64) { h.u64(n) })
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
// made from: the front matter of the
// articles and events that involve or name it (their titles, dates and
// headline verdicts), the names of the profiles that name it, and the
// sentences. An edit of an article that involves nobody leaves every
// entity's back-links as they were.
func (f *fingerprints) backlinkInputs(h *hasher, r dossier.Ref) {
	h.u64(f.in.Global)
	e, ok := f.in.Dossier.Lookup(r).(dossier.Entity)
	if !ok {
		return
	}
	v := f.in.Versions
	articles, events, mentions := involvement(e)
	for _, a := range articles {
		h.str(a.ID).u64(v[a.Ref()])
	}
	h.str("")
	for _, ev := range events {
		h.str(ev.ID).u64(v[ev.Ref()])
	}
	h.str("")
	for _, m := range mentions {
		switch {
		case m.Article != nil:
			h.ref(m.Article.Ref()).u64(v[m.Article.Ref()])
		case m.Event != nil:
			h.ref(m.Event.Ref()).u64(v[m.Event.Ref()])
		case m.From != nil:
			key := entityRef(m.From)
			h.ref(key).u64(v[key])
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
		key := entityRef(e)
		h.ref(key).u64(f.in.Versions[key])
		if o, ok := e.(*dossier.Organization); ok {
			for _, m := range o.Members {
				h.ref(entityRef(m))
			}
		}
		_, events, mentions := involvement(e)
		eventIDs(h, events)
		mentionIDs(h, mentions)
	}
	for _, q := range f.in.Dossier.Quotes {
		h.ref(entityRef(q.Speaker)).ref(entityRef(q.Via))
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
			h.ref(m.Article.Ref())
		case m.Event != nil:
			h.ref(m.Event.Ref())
		case m.From != nil:
			h.ref(entityRef(m.From))
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
