package network

import (
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// The pictures are plain SVG elements with presentation attributes and
// classes (the page's Content-Security-Policy forbids style attributes), every
// node a link with a <title>, every number printed with one decimal so that
// identical input gives identical bytes. A list of the same connections
// follows each picture for readers who cannot see it.

// point is a position in a picture.
type point struct{ x, y float64 }

// goldenAngle is π(3 − √5) radians, the sunflower's spiral: the force layout's
// start, which spreads nodes evenly in a fixed order.
const goldenAngle = 2.399963229728653

// layoutSteps is the fixed number of force-directed steps: enough for a few
// dozen nodes to settle, and the same every build.
const layoutSteps = 300

// layoutEdge is an edge between two nodes of a layout, with its pull.
type layoutEdge struct {
	a, b int
	pull float64
}

// forceLayout places n nodes with Fruchterman and Reingold's force-directed
// method: nodes repel each other, edges pull their ends together, a weak
// gravity keeps separate groups in view, and a temperature falling to zero
// limits each move. It starts from a sunflower spiral (the first nodes in the
// middle) and runs layoutSteps steps in a fixed order, so the result depends
// only on the input. Units are the ideal edge length.
func forceLayout(n int, edges []layoutEdge) []point {
	pos := make([]point, n)
	for i := range pos {
		r, th := math.Sqrt(float64(i)+0.5), float64(i)*goldenAngle
		pos[i] = point{r * math.Cos(th), r * math.Sin(th)}
	}
	disp := make([]point, n)
	mass := make([]float64, n) // ForceAtlas2's degree-weighted repulsion keeps hubs apart
	for i := range mass {
		mass[i] = 1
	}
	for _, e := range edges {
		mass[e.a], mass[e.b] = mass[e.a]+0.25, mass[e.b]+0.25
	}
	t0 := math.Sqrt(float64(n))/3 + 0.5
	for step := range layoutSteps {
		clear(disp)
		repel(pos, disp, mass)
		for _, e := range edges {
			dx, dy := pos[e.a].x-pos[e.b].x, pos[e.a].y-pos[e.b].y
			f := math.Sqrt(dx*dx+dy*dy) * e.pull
			disp[e.a].x, disp[e.a].y = disp[e.a].x-dx*f, disp[e.a].y-dy*f
			disp[e.b].x, disp[e.b].y = disp[e.b].x+dx*f, disp[e.b].y+dy*f
		}
		t := t0 * (1 - float64(step)/layoutSteps)
		for i := range pos {
			dx, dy := disp[i].x-0.15*pos[i].x, disp[i].y-0.15*pos[i].y
			if l := math.Sqrt(dx*dx + dy*dy); l > t {
				dx, dy = dx*t/l, dy*t/l
			}
			pos[i].x, pos[i].y = pos[i].x+dx, pos[i].y+dy
		}
	}
	return pos
}

// repel adds every pair's repulsion to disp: the product of their masses
// over their distance (the ideal length being 1).
func repel(pos, disp []point, mass []float64) {
	for i := range pos {
		for j := i + 1; j < len(pos); j++ {
			dx, dy := pos[i].x-pos[j].x, pos[i].y-pos[j].y
			m := mass[i] * mass[j] / max(dx*dx+dy*dy, 1e-4)
			dx, dy = dx*m, dy*m
			disp[i].x, disp[i].y = disp[i].x+dx, disp[i].y+dy
			disp[j].x, disp[j].y = disp[j].x-dx, disp[j].y-dy
		}
	}
}

// fit scales and moves points into the box [mx, w-mx] × [my, h-my], keeping
// their proportions, and centres them.
func fit(pos []point, w, h, mx, my float64) {
	if len(pos) == 0 {
		return
	}
	lo, hi := pos[0], pos[0]
	for _, p := range pos {
		lo.x, lo.y, hi.x, hi.y = min(lo.x, p.x), min(lo.y, p.y), max(hi.x, p.x), max(hi.y, p.y)
	}
	s := min((w-2*mx)/max(hi.x-lo.x, 1e-9), (h-2*my)/max(hi.y-lo.y, 1e-9))
	s = min(s, (w-2*mx)/2) // two nodes stay a sensible distance apart
	cx, cy := (lo.x+hi.x)/2, (lo.y+hi.y)/2
	for i := range pos {
		pos[i] = point{w/2 + (pos[i].x-cx)*s, h/2 + (pos[i].y-cy)*s}
	}
}

// drawNode is a node as drawn: where, how big, and where its label goes.
type drawNode struct {
	i      int // node index in the network
	p      point
	r      float64
	self   bool
	label  point
	anchor string // the label's text-anchor
	wrap   bool   // the label is written on two lines when it is long (see splitLabel)
}

// picture is one network drawing about to be written.
type picture struct {
	n        *Network
	urls     urls.URLs
	w, h     int
	id       string // the caption's id, which names the picture
	caption  string
	nodes    []drawNode
	edges    []*netEdge
	listNote string // the summary of the list
	words    *config.Words
	// narrow, when set, is the same picture laid out for phones: the
	// stylesheet shows it below 40rem and the wide one above, so that
	// labels are as large on a phone as on a wide screen.
	narrow *narrowView
}

// narrowView is a picture's layout for narrow screens: its size and its
// nodes, in the order of the picture's own.
type narrowView struct {
	w, h  int
	nodes []drawNode
}

// labelSize is the labels' font size in the picture's units. The pictures
// are drawn for the width they are shown at (the wide ones for a text
// column of about 40rem, the narrow ones for a 390 px phone), so labels
// show at 11 to 13 px, never the 5 to 6 px of a wide picture shrunk onto
// a phone.
const labelSize = 13

// Site is the most connected actors and organizations, placed by a force
// layout, as inline SVG with a list of the same connections, for the first
// page of /actors/ and /organizations/. Only the siteGraphMax most
// connected are drawn, with at most siteGraphEdges of their connections,
// and the caption says so. It is "" when nobody is connected. Links are
// under u, words in w's language.
func (n *Network) Site(u urls.URLs, w *config.Words) string {
	picked, connected := n.mostConnected(siteGraphMax)
	if len(picked) == 0 {
		return ""
	}
	local := make(map[int]int, len(picked))
	for k, i := range picked {
		local[i] = k
	}
	pic := &picture{n: n, urls: u, w: 880, h: 600, id: "network-caption", listNote: w.T("net-site-list"), words: w}
	var among []*netEdge
	for _, e := range n.list {
		_, okA := local[e.a]
		_, okB := local[e.b]
		if okA && okB {
			among = append(among, e)
		}
	}
	pic.edges = strongest(among, siteGraphEdges)
	var les []layoutEdge
	for _, e := range pic.edges {
		les = append(les, layoutEdge{local[e.a], local[e.b], 1 + 0.15*float64(min(e.weight, 6)-1)})
	}
	pos := forceLayout(len(picked), les)
	fit(pos, float64(pic.w), float64(pic.h), 80, 30)
	for k, i := range picked {
		r := min(4+1.2*math.Sqrt(float64(len(n.adj[i]))), 12)
		pic.nodes = append(pic.nodes, drawNode{i: i, p: pos[k], r: r, label: point{pos[k].x, pos[k].y + r + 11}, anchor: "middle"})
	}
	pic.caption = w.T("net-site", w.T("net-legend"))
	if len(picked) < connected {
		pic.caption += w.T("net-site-some", len(picked), connected)
	}
	if len(pic.edges) < len(among) {
		pic.caption += w.T("net-site-edges", len(pic.edges), len(among))
	}
	if rest := len(n.nodes) - connected; rest > 0 {
		pic.caption += w.N("net-site-rest", rest)
	}
	return pic.String()
}

// strongest returns at most limit of edges, in the order of edges: first
// each node's strongest edge, then the strongest of the rest (by weight,
// then in the order of edges), so that every node keeps a line.
func strongest(edges []*netEdge, limit int) []*netEdge {
	if len(edges) <= limit {
		return edges
	}
	byWeight := slices.Clone(edges)
	slices.SortStableFunc(byWeight, func(p, q *netEdge) int { return q.weight - p.weight })
	taken := map[*netEdge]bool{}
	linked := map[int]bool{}
	for _, e := range byWeight {
		if len(taken) < limit && (!linked[e.a] || !linked[e.b]) {
			taken[e], linked[e.a], linked[e.b] = true, true, true
		}
	}
	for _, e := range byWeight {
		if len(taken) < limit {
			taken[e] = true
		}
	}
	out := make([]*netEdge, 0, limit)
	for _, e := range edges {
		if taken[e] {
			out = append(out, e)
		}
	}
	return out
}

// neighbourhood draws node i in the middle and its closest neighbours on a ring.
func (n *Network) neighbourhood(i int, u urls.URLs, w *config.Words) string {
	near, total := n.closest(i, neighbourhoodMax)
	if total == 0 {
		return ""
	}
	slices.SortFunc(near, func(a, b int) int { return dossier.EntityOrder(n.nodes[a], n.nodes[b]) })
	// Both drawings put the neighbours in two columns either side of the
	// entity, labels on the outer side: lines to the middle reach a node
	// from the inner side, and lines between neighbours run between the
	// columns or along one, so none crosses a neighbour's label. The narrow
	// one, for phones, wraps long labels and is as tall as it must be.
	rows := (len(near) + 1) / 2
	pic := &picture{n: n, urls: u, w: 720, h: max(300, 44*rows+40), id: "neighbourhood-caption", listNote: w.T("net-near-list"), words: w}
	pic.narrow = &narrowView{w: 360, h: max(400, 72*rows+40)}
	c, nc := point{float64(pic.w) / 2, float64(pic.h) / 2}, point{float64(pic.narrow.w) / 2, float64(pic.narrow.h) / 2}
	pic.nodes = append(pic.nodes, drawNode{i: i, p: c, r: 12, self: true, label: point{c.x, c.y + 12 + 15}, anchor: "middle"})
	pic.narrow.nodes = append(pic.narrow.nodes, drawNode{i: i, p: nc, r: 12, self: true, label: point{nc.x, nc.y + 12 + 15}, anchor: "middle"})
	for k, j := range near {
		r := min(5+math.Sqrt(float64(n.edge(i, j).weight)), 10)
		label := nodeLabel(n.nodes[j])
		pic.nodes = append(pic.nodes, columnNode(j, k, rows, pic.w, pic.h, 200, false, r, label))
		pic.narrow.nodes = append(pic.narrow.nodes, columnNode(j, k, rows, pic.narrow.w, pic.narrow.h, 115, true, r, label))
		pic.edges = append(pic.edges, n.edge(i, j))
	}
	for k, a := range near {
		for _, b := range near[k+1:] {
			if e := n.edge(a, b); e != nil && e.rel != relTogether {
				pic.edges = append(pic.edges, e) // declared relations only: co-mentions among neighbours are a tangle
			}
		}
	}
	pic.caption = w.T("net-near", n.nodes[i].DisplayName(), w.T("net-legend"))
	if len(near) < total {
		pic.caption += w.T("net-near-some", len(near), total)
	}
	return pic.String()
}

// columnNode places the k-th of a picture's neighbours: down the right
// column, then up the left one (clockwise), rows rows each, in a picture w
// by h whose columns are inset from its sides. Its label is on the outer
// side of the node, on two lines when wrap is set and it is long.
func columnNode(i, k, rows, w, h int, inset float64, wrap bool, r float64, label string) drawNode {
	row, x, anchor, dx := k, float64(w)-inset, "start", r+5
	if k >= rows {
		row, x, anchor, dx = 2*rows-1-k, inset, "end", -r-5
	}
	step := float64(h-40) / float64(rows)
	p := point{x, 20 + step*(float64(row)+0.5)}
	d := drawNode{i: i, p: p, r: r, anchor: anchor, wrap: wrap, label: point{p.x + dx, p.y + 4}}
	if _, second := splitLabel(label); wrap && second != "" {
		d.label.y -= labelLine / 2
	}
	return d
}

// labelLine is the distance between the two lines of a wrapped label.
const labelLine = labelSize + 2

// splitLabel cuts a label longer than 12 characters in two at the space
// nearest its middle; second is "" when it is short or has no space.
func splitLabel(s string) (first, second string) {
	r := []rune(s)
	if len(r) <= 12 {
		return s, ""
	}
	best := -1
	for i, c := range r {
		if c == ' ' && (best < 0 || abs(i-len(r)/2) < abs(best-len(r)/2)) {
			best = i
		}
	}
	if best < 0 {
		return s, ""
	}
	return string(r[:best]), string(r[best+1:])
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// String writes the figure: the SVG (the wide and the narrow one when
// there are two), its caption, then the list.
func (pic *picture) String() string {
	var b strings.Builder
	b.WriteString("<figure class=\"network\">\n")
	if pic.narrow == nil {
		pic.svg(&b, "network-graph", pic.w, pic.h, pic.nodes)
	} else {
		pic.svg(&b, "network-graph network-wide", pic.w, pic.h, pic.nodes)
		pic.svg(&b, "network-graph network-narrow", pic.narrow.w, pic.narrow.h, pic.narrow.nodes)
	}
	fmt.Fprintf(&b, "<figcaption id=\"%s\">%s</figcaption>\n</figure>\n", pic.id, esc(pic.caption))
	pic.list(&b)
	return b.String()
}

// svg writes one drawing of the picture: the lines first, then the nodes
// with their labels over them (the stylesheet rings each label with the
// page's background, so that no line runs through its letters).
func (pic *picture) svg(b *strings.Builder, class string, w, h int, nodes []drawNode) {
	pos := make(map[int]point, len(nodes))
	for _, d := range nodes {
		pos[d.i] = d.p
	}
	fmt.Fprintf(b, "<svg class=\"%s\" viewBox=\"0 0 %d %d\" role=\"group\" aria-labelledby=\"%s\">\n", class, w, h, pic.id)
	b.WriteString("<g class=\"edges\" aria-hidden=\"true\" stroke=\"currentColor\" stroke-opacity=\"0.35\">\n")
	for _, e := range pic.edges {
		p, q := pos[e.a], pos[e.b]
		fmt.Fprintf(b, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke-width=\"%.1f\"></line>\n",
			e.class(), p.x, p.y, q.x, q.y, 0.8+0.4*float64(min(e.weight, 6)))
	}
	b.WriteString("</g>\n<g class=\"nodes\">\n")
	for _, d := range nodes {
		pic.node(b, d)
	}
	b.WriteString("</g>\n</svg>\n")
}

// node writes one node: a link around its shape and label, named by its <title>.
func (pic *picture) node(b *strings.Builder, d drawNode) {
	e := pic.n.nodes[d.i]
	class, current := "node node-"+e.EntityKind(), ""
	if d.self {
		class, current = class+" node-self", " aria-current=\"page\""
	}
	href := pic.urls.Rel(urls.Entity(e.EntityKind(), e.EntityID()))
	links := len(pic.n.adj[d.i])
	fmt.Fprintf(b, "<a class=\"%s\" href=\"%s\"%s><title>%s</title>", class, esc(href), current,
		esc(pic.words.N("net-node", links, e.DisplayName(), entityKindName(pic.words, e))))
	stroke := "1.5"
	if d.self {
		stroke = "3.0"
	}
	if e.EntityKind() == "actor" {
		fmt.Fprintf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"#2b6cb0\" stroke=\"#ffffff\" stroke-width=\"%s\"></circle>", d.p.x, d.p.y, d.r, stroke)
	} else {
		fmt.Fprintf(b, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"2.0\" fill=\"#b35900\" stroke=\"#ffffff\" stroke-width=\"%s\"></rect>",
			d.p.x-d.r, d.p.y-d.r, 2*d.r, 2*d.r, stroke)
	}
	fmt.Fprintf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"currentColor\">", d.label.x, d.label.y, d.anchor, labelSize)
	if first, second := splitLabel(nodeLabel(e)); d.wrap && second != "" {
		fmt.Fprintf(b, "<tspan x=\"%.1f\">%s</tspan><tspan x=\"%.1f\" dy=\"%d\">%s</tspan>", d.label.x, esc(first), d.label.x, labelLine, esc(second))
	} else {
		b.WriteString(esc(nodeLabel(e)))
	}
	b.WriteString("</text></a>\n")
}

// nodeLabel is the short text beside a node: an organization's short name, or the name.
func nodeLabel(e dossier.Entity) string {
	if o, ok := e.(*dossier.Organization); ok && o.Short != "" {
		return o.Short
	}
	return config.Shorten(e.DisplayName(), 24)
}

// list writes the drawn connections as nested lists of links, by name: the
// picture's text equivalent, readable without it.
func (pic *picture) list(b *strings.Builder) {
	drawn := make([]drawNode, len(pic.nodes))
	copy(drawn, pic.nodes)
	slices.SortFunc(drawn, func(x, y drawNode) int {
		return cmp2(x.self, y.self, dossier.EntityOrder(pic.n.nodes[x.i], pic.n.nodes[y.i]))
	})
	in := make(map[int]bool, len(drawn))
	for _, d := range drawn {
		in[d.i] = true
	}
	fmt.Fprintf(b, "<details class=\"network-list\">\n<summary>%s</summary>\n<ul>\n", esc(pic.listNote))
	for _, d := range drawn {
		if d.self {
			continue
		}
		e := pic.n.nodes[d.i]
		fmt.Fprintf(b, "<li><a href=\"%s\">%s</a> <span class=\"kind\">%s</span>", esc(pic.urls.Rel(urls.Entity(e.EntityKind(), e.EntityID()))),
			esc(e.DisplayName()), esc(entityKindName(pic.words, e)))
		pic.connections(b, d, in)
		b.WriteString("</li>\n")
	}
	b.WriteString("</ul>\n</details>\n")
}

// connections writes, after a listed node, how it is connected: to the page's
// own entity (one line), or to each other drawn node.
func (pic *picture) connections(b *strings.Builder, d drawNode, in map[int]bool) {
	if self := pic.nodes[0]; self.self {
		fmt.Fprintf(b, ": %s", esc(pic.n.edge(self.i, d.i).words(pic.words)))
		return
	}
	var parts []string
	for _, e := range pic.n.adj[d.i] {
		o := e.other(d.i)
		if !in[o] || !slices.Contains(pic.edges, e) {
			continue
		}
		oe := pic.n.nodes[o]
		parts = append(parts, fmt.Sprintf("<a href=\"%s\">%s</a> (%s)", esc(pic.urls.Rel(urls.Entity(oe.EntityKind(), oe.EntityID()))),
			esc(oe.DisplayName()), esc(e.words(pic.words))))
	}
	if len(parts) > 0 {
		b.WriteString(" — " + strings.Join(parts, "; "))
	}
}

// cmp2 orders the page's own node first, then by the given comparison.
func cmp2(xSelf, ySelf bool, c int) int {
	switch {
	case xSelf && !ySelf:
		return -1
	case ySelf && !xSelf:
		return 1
	}
	return c
}

func esc(s string) string { return template.HTMLEscapeString(s) }

// entityKindName is an organization's kind (see config.Words.OrgKind), or
// the word for "actor" or "organization".
func entityKindName(w *config.Words, e dossier.Entity) string {
	if o, ok := e.(*dossier.Organization); ok && o.Kind != "" {
		return w.OrgKind(o.Kind)
	}
	return w.T("kind-" + e.EntityKind())
}
