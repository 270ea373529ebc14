package mention

import (
	"bytes"
	"slices"
	"sort"

	"github.com/yuin/goldmark/parser"
)

// Mode says which mentions become links.
type Mode string

// Modes, as written in site.toml's [markdown] mentions key.
const (
	// ModeFirst links the first mention of each entity in a document (the default).
	ModeFirst Mode = "first"
	// ModeAll links every mention.
	ModeAll Mode = "all"
	// ModeNone links nothing; mentions are still found and reported by Hits.
	ModeNone Mode = "none"
)

// Hit is one mention found in a document.
type Hit struct {
	Kind, ID string // the entity mentioned
	Line     int    // line in the file (see Set)
	Sentence string // plain text of the sentence containing the mention, for back-link lists
	Linked   bool   // whether the mention became a link
}

// stateKey holds the *state of one document in its parser.Context.
var stateKey = parser.NewContextKey()

// state is everything the transformer knows and finds about one document.
type state struct {
	m        *Matcher
	mode     Mode
	bodyLine int
	self     int32 // index of the entity whose own profile this is, or -1

	hits  []Hit
	first map[int32]bool // entities already mentioned, for ModeFirst
	lines []int          // offsets of the source's line starts, built on the first hit
}

// Set prepares pc for one document: mentions of m's entities are found with
// m and linked according to mode (any value other than ModeAll and ModeNone
// means ModeFirst). bodyLine is the line of the file on which the Markdown
// source handed to goldmark begins (1 when it is the whole file), so that
// Hit.Line is a line of the file. file names the document; it is unused for
// now, since every mention problem (a clash) belongs to the entities and is
// reported by NewMatcher. Call Set before parsing; without it, or with a nil
// Matcher, the extension does nothing.
func Set(pc parser.Context, m *Matcher, mode Mode, file string, bodyLine int) {
	if m == nil {
		return
	}
	pc.Set(stateKey, &state{m: m, mode: mode, bodyLine: max(bodyLine, 1), self: -1})
}

// SetSelf tells that the document prepared with Set is the profile of the
// entity kind:id: its own names there are neither linked nor reported, while
// other entities' names are. Call it after Set; an unknown entity is ignored.
func SetSelf(pc parser.Context, kind, id string) {
	st := stateOf(pc)
	if st == nil {
		return
	}
	for i, e := range st.m.entities {
		if e.Kind == kind && e.ID == id {
			st.self = int32(i)
		}
	}
}

// Hits returns every mention found in the document, linked or not, in
// document order. It is empty before parsing and for a context without Set.
func Hits(pc parser.Context) []Hit {
	if st := stateOf(pc); st != nil {
		return slices.Clone(st.hits)
	}
	return nil
}

func stateOf(pc parser.Context) *state {
	st, _ := pc.Get(stateKey).(*state)
	return st
}

// linkNext records a mention of entity i and says whether it is to be linked.
func (st *state) linkNext(i int32) bool {
	switch st.mode {
	case ModeNone:
		return false
	case ModeAll:
		return true
	}
	if st.first[i] {
		return false
	}
	if st.first == nil {
		st.first = map[int32]bool{}
	}
	st.first[i] = true
	return true
}

// line returns the file line of byte offset off of source.
func (st *state) line(source []byte, off int) int {
	if st.lines == nil {
		st.lines = []int{0}
		for i := bytes.IndexByte(source, '\n'); i >= 0; {
			st.lines = append(st.lines, i+1)
			j := bytes.IndexByte(source[i+1:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
		}
	}
	return st.bodyLine + sort.SearchInts(st.lines, off+1) - 1
}
