// Package network is who is connected to whom in a dossier, and its
// picture: a node per actor and organization, an edge wherever the dossier
// relates two of them. New builds it once per render; it is drawn at build
// time as inline SVG with a list of the same connections (see draw.go):
// the whole network on /actors/ and /organizations/ (Site), and each
// entity's neighbourhood on its page (Around). Both are deterministic:
// same dossier, same bytes.
package network

import (
	"cmp"
	"slices"
	"strings"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// relation is the set of reasons two entities are connected.
type relation uint8

const (
	relMember   relation = 1 << iota // one lists the other as a member or organization
	relVia                           // an organization reported the other's words
	relProfile                       // one's profile names the other
	relTogether                      // both are named in one sentence of an article, or by one event
)

// Edge weights: a declared relation counts more than sharing a page, and the
// weights order the neighbours an entity page draws first.
const (
	weightMember   = 3
	weightVia      = 2
	weightProfile  = 1
	weightTogether = 1
)

// siteGraphMax caps the site-wide picture: with thousands of actors only the
// most connected are drawn, and the page says so.
const siteGraphMax = 60

// siteGraphEdges caps the lines of the site-wide picture, and of the list
// that follows it: sixty nodes may have over a thousand connections among
// them, which would draw a tangle and weigh hundreds of kilobytes. The
// strongest are drawn, each node's strongest first.
const siteGraphEdges = 120

// neighbourhoodMax caps an entity page's picture to its closest neighbours.
const neighbourhoodMax = 24

// netEdge connects nodes a < b.
type netEdge struct {
	a, b     int
	rel      relation
	weight   int
	together int // sentences and events naming both
}

// other is the node at the far end of the edge from i.
func (e *netEdge) other(i int) int {
	if e.a == i {
		return e.b
	}
	return e.a
}

// Network is the graph of the whole dossier, built once per render and
// read by many pages at once.
type Network struct {
	nodes  []dossier.Entity
	at     map[dossier.Entity]int
	edges  map[[2]int]*netEdge
	list   []*netEdge   // every edge, by (a, b)
	adj    [][]*netEdge // each node's edges, by the other node
	weight []int        // each node's summed edge weights
}

// Mentions is who the dossier's text names with whom, as render's
// back-links find it: the relations New cannot read from the graph alone.
type Mentions struct {
	// Profiles are, for each actor or organization, the others whose
	// profile names it.
	Profiles map[dossier.Entity][]dossier.Entity
	// Together are the groups of entities named together: one group per
	// sentence of an article that names any (a group of one links
	// nobody), and one per event (whom it names, declared or detected).
	// A whole article would join everyone it names, and a long article
	// would draw a tangle, so co-mention in an article is counted per
	// sentence; an event is short and counts as one.
	Together [][]dossier.Entity
}

// New collects the edges: memberships, quotes reported via an
// organization, profiles naming another entity, and entities named
// together (see Mentions).
func New(d *dossier.Dossier, m Mentions) *Network {
	n := &Network{at: map[dossier.Entity]int{}, edges: map[[2]int]*netEdge{}}
	n.nodes = make([]dossier.Entity, 0, len(d.Actors)+len(d.Organizations)) // actors, then organizations
	for _, a := range d.Actors {
		n.nodes = append(n.nodes, a)
	}
	for _, o := range d.Organizations {
		n.nodes = append(n.nodes, o)
	}
	for i, e := range n.nodes {
		n.at[e] = i
	}
	for _, o := range d.Organizations {
		for _, m := range o.Members {
			n.link(m, o, relMember, weightMember)
		}
	}
	for _, q := range d.Quotes {
		if q.Speaker != nil && q.Via != nil {
			n.link(q.Speaker, q.Via, relVia, weightVia)
		}
	}
	for _, e := range n.nodes {
		for _, from := range m.Profiles[e] {
			n.link(from, e, relProfile, weightProfile)
		}
	}
	for _, group := range m.Together {
		n.together(group)
	}
	n.index()
	return n
}

// together links every pair of entities named in one sentence or event.
func (n *Network) together(list []dossier.Entity) {
	for i, a := range list {
		for _, b := range list[i+1:] {
			if e := n.link(a, b, relTogether, weightTogether); e != nil {
				e.together++
			}
		}
	}
}

// link adds a relation between two entities; it returns the edge, or nil for
// a loop or an entity outside the dossier.
func (n *Network) link(x, y dossier.Entity, rel relation, weight int) *netEdge {
	i, ok1 := n.at[x]
	j, ok2 := n.at[y]
	if !ok1 || !ok2 || i == j {
		return nil
	}
	key := [2]int{min(i, j), max(i, j)}
	e := n.edges[key]
	if e == nil {
		e = &netEdge{a: key[0], b: key[1]}
		n.edges[key] = e
	}
	e.rel |= rel
	e.weight += weight
	return e
}

// index fills the sorted edge list, the adjacency lists and the node weights.
func (n *Network) index() {
	n.list = make([]*netEdge, 0, len(n.edges))
	for _, e := range n.edges {
		n.list = append(n.list, e)
	}
	slices.SortFunc(n.list, func(p, q *netEdge) int { return cmp.Or(cmp.Compare(p.a, q.a), cmp.Compare(p.b, q.b)) })
	n.adj = make([][]*netEdge, len(n.nodes))
	n.weight = make([]int, len(n.nodes))
	for _, e := range n.list {
		n.adj[e.a] = append(n.adj[e.a], e)
		n.adj[e.b] = append(n.adj[e.b], e)
		n.weight[e.a] += e.weight
		n.weight[e.b] += e.weight
	}
}

// edge returns the edge between nodes i and j, or nil.
func (n *Network) edge(i, j int) *netEdge { return n.edges[[2]int{min(i, j), max(i, j)}] }

// mostConnected returns up to limit nodes with at least one edge, the most
// connected first (distinct neighbours, then summed weight, then name), and
// how many nodes have an edge at all.
func (n *Network) mostConnected(limit int) ([]int, int) {
	var list []int
	for i := range n.nodes {
		if len(n.adj[i]) > 0 {
			list = append(list, i)
		}
	}
	slices.SortFunc(list, func(a, b int) int {
		return cmp.Or(cmp.Compare(len(n.adj[b]), len(n.adj[a])), cmp.Compare(n.weight[b], n.weight[a]),
			dossier.EntityOrder(n.nodes[a], n.nodes[b]))
	})
	return list[:min(len(list), limit)], len(list)
}

// closest returns up to limit neighbours of node i, the strongest edges first,
// and the number of neighbours.
func (n *Network) closest(i, limit int) ([]int, int) {
	edges := slices.Clone(n.adj[i])
	slices.SortFunc(edges, func(p, q *netEdge) int {
		return cmp.Or(cmp.Compare(q.weight, p.weight), dossier.EntityOrder(n.nodes[p.other(i)], n.nodes[q.other(i)]))
	})
	out := make([]int, 0, min(len(edges), limit))
	for _, e := range edges[:min(len(edges), limit)] {
		out = append(out, e.other(i))
	}
	return out, len(edges)
}

// words describes an edge for the list that accompanies each picture.
func (e *netEdge) words(w *config.Words) string {
	var parts []string
	if e.rel&relMember != 0 {
		parts = append(parts, w.T("net-membership"))
	}
	if e.rel&relVia != 0 {
		parts = append(parts, w.T("net-speech"))
	}
	if e.rel&relProfile != 0 {
		parts = append(parts, w.T("net-profile"))
	}
	if e.rel&relTogether != 0 {
		parts = append(parts, w.T("net-together", times(w, e.together)))
	}
	return strings.Join(parts, ", ")
}

// class is the CSS class of an edge's line, after its strongest relation.
func (e *netEdge) class() string {
	switch {
	case e.rel&relMember != 0:
		return "edge edge-member"
	case e.rel&relVia != 0:
		return "edge edge-via"
	case e.rel&relProfile != 0:
		return "edge edge-profile"
	}
	return "edge edge-together"
}

// times says how often: "once", "twice", "3 times".
func times(w *config.Words, n int) string {
	switch n {
	case 1:
		return w.T("net-once")
	case 2:
		return w.T("net-twice")
	}
	return w.N("net-times", n)
}

// Around is e's direct connections as inline SVG with a list, for e's
// page: e in the middle, its neighbourhoodMax closest neighbours around
// it. It is "" when e is connected to nobody or not in the network.
func (n *Network) Around(e dossier.Entity, u urls.URLs, w *config.Words) string {
	i, ok := n.at[e]
	if !ok {
		return ""
	}
	return n.neighbourhood(i, u, w)
}

// HashAround hands a fingerprint what Around(e) draws besides the
// entities' own content, in a fixed order: each entity drawn (entity) and
// the numbers that shape the picture (number): its nodes' numbers of
// connections, e's number of neighbours, the edges to the neighbours drawn
// and the declared relations among them. Nothing when e is not in the
// network.
func (n *Network) HashAround(e dossier.Entity, entity func(dossier.Entity), number func(uint64)) {
	i, ok := n.at[e]
	if !ok {
		return
	}
	node := func(j int) { // a node's title says how many connections it has
		entity(n.nodes[j])
		number(uint64(len(n.adj[j])))
	}
	node(i)
	near, total := n.closest(i, neighbourhoodMax)
	number(uint64(total))
	edge := func(e *netEdge) {
		number(uint64(e.rel))
		number(uint64(e.weight))
		number(uint64(e.together))
	}
	for _, j := range near {
		node(j)
		edge(n.edge(i, j))
	}
	for _, a := range near {
		for _, b := range near {
			if e := n.edge(a, b); a < b && e != nil && e.rel != relTogether {
				number(uint64(a))
				number(uint64(b))
				edge(e)
			}
		}
	}
}
