package render

import (
	"cmp"
	"html/template"
	"slices"
	"strings"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// The network is who is connected to whom: a node per actor and organization,
// an edge wherever the dossier relates two of them. It is drawn at build time
// as inline SVG (see graph_draw.go): the whole network on /actors/ and
// /organizations/ (Graph), and each entity's neighbourhood on its page
// (Neighbourhood). Both are deterministic: same dossier, same bytes.

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

// network is the graph of the whole dossier, built once per render.
type network struct {
	nodes  []dossier.Entity
	at     map[dossier.Entity]int
	edges  map[[2]int]*netEdge
	list   []*netEdge   // every edge, by (a, b)
	adj    [][]*netEdge // each node's edges, by the other node
	weight []int        // each node's summed edge weights
}

// newNetwork collects the edges: memberships, quotes reported via an
// organization, profiles naming another entity, and entities named together
// in a sentence of an article or by an event (declared or detected).
func newNetwork(d *dossier.Dossier, x *linkIndex) *network {
	n := &network{nodes: entitiesOf(d), at: map[dossier.Entity]int{}, edges: map[[2]int]*netEdge{}}
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
		for _, b := range x.profiles[e] {
			n.link(b.object.(dossier.Entity), e, relProfile, weightProfile)
		}
	}
	for _, group := range sentenceGroups(n.nodes, x) {
		n.together(group)
	}
	for _, ev := range d.Events {
		n.together(x.eventWho[ev])
	}
	n.index()
	return n
}

// sentenceGroups lists, for every sentence of an article that names two or
// more entities, who it names. A whole article would join everyone it names
// (a long article would draw a tangle), so co-mention in an article is
// counted per sentence; an event is short and counts as one.
func sentenceGroups(nodes []dossier.Entity, x *linkIndex) [][]dossier.Entity {
	type key struct {
		article  any
		sentence string
	}
	at := map[key]int{}
	var groups [][]dossier.Entity
	for _, e := range nodes {
		for _, b := range x.articles[e] {
			for _, s := range b.Sentences {
				k := key{b.object, s}
				i, ok := at[k]
				if !ok {
					i = len(groups)
					at[k] = i
					groups = append(groups, nil)
				}
				groups[i] = append(groups[i], e)
			}
		}
	}
	return groups
}

// together links every pair of entities named in one sentence or event.
func (n *network) together(list []dossier.Entity) {
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
func (n *network) link(x, y dossier.Entity, rel relation, weight int) *netEdge {
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
func (n *network) index() {
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
func (n *network) edge(i, j int) *netEdge { return n.edges[[2]int{min(i, j), max(i, j)}] }

// mostConnected returns up to limit nodes with at least one edge, the most
// connected first (distinct neighbours, then summed weight, then name), and
// how many nodes have an edge at all.
func (n *network) mostConnected(limit int) ([]int, int) {
	var list []int
	for i := range n.nodes {
		if len(n.adj[i]) > 0 {
			list = append(list, i)
		}
	}
	slices.SortFunc(list, func(a, b int) int {
		return cmp.Or(cmp.Compare(len(n.adj[b]), len(n.adj[a])), cmp.Compare(n.weight[b], n.weight[a]),
			entityOrder(n.nodes[a], n.nodes[b]))
	})
	return list[:min(len(list), limit)], len(list)
}

// closest returns up to limit neighbours of node i, the strongest edges first,
// and the number of neighbours.
func (n *network) closest(i, limit int) ([]int, int) {
	edges := slices.Clone(n.adj[i])
	slices.SortFunc(edges, func(p, q *netEdge) int {
		return cmp.Or(cmp.Compare(q.weight, p.weight), entityOrder(n.nodes[p.other(i)], n.nodes[q.other(i)]))
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

// Graph is the network of the dossier's actors and organizations as inline
// SVG with a list of the same connections, for the first page of /actors/
// and /organizations/. Only the siteGraphMax most connected are drawn, with
// at most siteGraphEdges of their connections, and the caption says so.
// It is "" when nobody is connected, and on the lists' later pages.
func (p *Page) Graph() template.HTML {
	if p.Pager != nil && p.Pager.Number > 1 {
		return ""
	}
	x := p.network(nil)
	x.graphOnce.Do(func() { x.graphHTML = x.net.siteGraph(x.urls, x.words) })
	return template.HTML(x.graphHTML)
}

// Neighbourhood is an actor's or organization's direct connections as inline
// SVG with a list, for its page; "" for anything else or nobody connected.
func (p *Page) Neighbourhood(obj any) template.HTML {
	e, ok := unwrap(obj).(dossier.Entity)
	if !ok {
		return ""
	}
	x := p.network(e)
	i, ok := x.net.at[e]
	if !ok {
		return ""
	}
	return template.HTML(x.net.neighbourhood(i, x.urls, x.words))
}
