package annotate

import (
	"slices"
	"sync"
)

// automaton finds every occurrence of many patterns in one pass over a text
// (Aho–Corasick), so anchoring k annotations in a body of n bytes costs
// O(n + total pattern length + occurrences), not O(k·n).
type automaton struct {
	root  [256]int32 // the root's transitions, dense; -1 for none
	nodes []acNode
}

type acNode struct {
	edge  acEdge   // the first transition (most trie nodes have one); next 0 if none
	edges []acEdge // the others
	fail  int32
	term  int32 // index of the pattern ending here, or -1
	out   int32 // nearest node on the fail chain where a pattern ends, or -1
	depth int32
}

type acEdge struct {
	c    byte
	next int32
}

// newAutomaton builds the automaton for patterns, which must be distinct;
// empty patterns never match.
func newAutomaton(patterns [][]byte) *automaton {
	size := 1
	for _, p := range patterns {
		size += len(p)
	}
	a := automata.Get().(*automaton)
	a.nodes = append(slices.Grow(a.nodes[:0], size), acNode{term: -1, out: -1})
	for i := range a.root {
		a.root[i] = -1
	}
	for i, p := range patterns {
		if len(p) > 0 {
			a.insert(p, int32(i))
		}
	}
	a.link()
	return a
}

// automata keeps released automata for reuse.
var automata = sync.Pool{New: func() any { return new(automaton) }}

// maxPooledNodes is the largest automaton kept for reuse.
const maxPooledNodes = 1 << 16

// release gives a back for reuse; a must not be used after.
func (a *automaton) release() {
	if cap(a.nodes) <= maxPooledNodes {
		automata.Put(a)
	}
}

// child returns the transition of node v on c, or -1.
func (a *automaton) child(v int32, c byte) int32 {
	if v == 0 {
		return a.root[c]
	}
	n := &a.nodes[v]
	if n.edge.next != 0 && n.edge.c == c {
		return n.edge.next
	}
	for _, e := range n.edges {
		if e.c == c {
			return e.next
		}
	}
	return -1
}

func (a *automaton) insert(p []byte, id int32) {
	v := int32(0)
	for _, c := range p {
		next := a.child(v, c)
		if next < 0 {
			next = int32(len(a.nodes))
			a.nodes = append(a.nodes, acNode{term: -1, out: -1, depth: a.nodes[v].depth + 1})
			switch {
			case v == 0:
				a.root[c] = next
			case a.nodes[v].edge.next == 0:
				a.nodes[v].edge = acEdge{c, next}
			default:
				a.nodes[v].edges = append(a.nodes[v].edges, acEdge{c, next})
			}
		}
		v = next
	}
	a.nodes[v].term = id
}

// link sets fail and output links, breadth first.
func (a *automaton) link() {
	queue := make([]int32, 0, len(a.nodes))
	for _, v := range a.root {
		if v > 0 {
			queue = append(queue, v)
		}
	}
	for len(queue) > 0 {
		v := queue[0]
		queue = queue[1:]
		if e := a.nodes[v].edge; e.next != 0 {
			queue = append(queue, a.linkChild(v, e))
		}
		for _, e := range a.nodes[v].edges {
			queue = append(queue, a.linkChild(v, e))
		}
	}
}

// linkChild sets the fail and output links of the child e of v, whose own
// links are set, and returns the child.
func (a *automaton) linkChild(v int32, e acEdge) int32 {
	f := a.nodes[v].fail
	for f != 0 && a.child(f, e.c) < 0 {
		f = a.nodes[f].fail
	}
	if t := a.child(f, e.c); t >= 0 && t != e.next {
		f = t
	} else {
		f = 0
	}
	w := &a.nodes[e.next]
	w.fail = f
	if a.nodes[f].term >= 0 {
		w.out = f
	} else {
		w.out = a.nodes[f].out
	}
	return e.next
}

// find calls found(pattern, start) for every occurrence of every pattern in
// text, in order of the occurrences' ends.
func (a *automaton) find(text []byte, found func(pattern, start int)) {
	v := int32(0)
	for i, c := range text {
		for v != 0 && a.child(v, c) < 0 {
			v = a.nodes[v].fail
		}
		if t := a.child(v, c); t >= 0 {
			v = t
		}
		for u := v; u > 0; u = a.nodes[u].out {
			if n := &a.nodes[u]; n.term >= 0 {
				found(int(n.term), i+1-int(n.depth))
			}
		}
	}
}
