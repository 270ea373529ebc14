package mention

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dossier-dev/dossier/internal/diag"
)

// Entity is an actor or organization whose names are looked for in bodies.
type Entity struct {
	Kind  string   // "actor" or "organization"
	ID    string   // the entity's id, e.g. "kassym-jomart-tokayev"
	Names []string // name, short name, aliases; matched case-sensitively as written, whole words
	// Forms are more spellings matched as names are (inflected forms:
	// Токаева, Токаеву), besides those made from Names (see doc.go). A
	// form never takes a name from another entity and never clashes.
	Forms []string
	// Href is the URL of the entity's page when a document is rendered
	// without a Resolver (see Bind); a host that binds every document
	// leaves it empty, so that the matcher holds names only.
	Href string
	Pos  diag.Pos // where the entity is defined, for clash warnings
}

// ambiguous is the entity index of a name shared by several entities.
const ambiguous = -1

// pattern is one byte string the automaton finds.
type pattern struct {
	length int32 // in bytes
	entity int32 // index into Matcher.entities, or ambiguous
	// wordStart and wordEnd say whether the name begins or ends with a word
	// character, so that a word boundary is required on that side.
	wordStart, wordEnd bool
}

// Matcher finds every entity name in a text in one pass: an Aho–Corasick
// automaton compiled into a DFA over byte classes. It is built once per site
// and is safe for concurrent use; it is never modified after NewMatcher.
type Matcher struct {
	entities []Entity
	opens    []string // opens[i] is the start tag of a link to entities[i]
	patterns []pattern

	class  [256]uint8 // byte -> class; 0 is every byte no name contains
	nclass int
	// delta[state*nclass+class] is the next state. Once compiled, an entry
	// holds the next state's row (state*nclass) shifted left by one, its low
	// bit set when a name ends there, so that scanning a byte reads one entry.
	delta []int32
	out   []int32 // out[state] is the pattern ending at state, or -1
	dict  []int32 // dict[state] is the nearest proper suffix state with an output, or -1
}

// NewMatcher compiles the names of entities. A name (after trimming and
// collapsing white space) shared by two or more entities is a
// diag.MentionClash warning at each entity's Pos; such a name is still
// recognised, so that it hides shorter names inside it, but it links to
// nothing and counts for no one. Empty names are ignored.
func NewMatcher(entities []Entity) (*Matcher, diag.List) {
	m := &Matcher{entities: slices.Clone(entities), opens: make([]string, len(entities))}
	for i := range m.entities {
		m.opens[i] = openTag(&m.entities[i])
	}
	owners, order := collectNames(m.entities)
	diags := clashes(m.entities, owners, order)
	order = addForms(m.entities, owners, order)
	m.compile(owners, order)
	return m, diags
}

// Len returns the number of entities the matcher was built from.
func (m *Matcher) Len() int { return len(m.entities) }

// collectNames maps each normalized name to the indexes of the entities that
// carry it, and returns the names in first-seen order for determinism.
func collectNames(entities []Entity) (map[string][]int32, []string) {
	owners := map[string][]int32{}
	var order []string
	for i, e := range entities {
		for _, raw := range e.Names {
			name := normalizeName(raw)
			if name == "" {
				continue
			}
			ids, seen := owners[name]
			if !seen {
				order = append(order, name)
			}
			if !slices.Contains(ids, int32(i)) {
				owners[name] = append(ids, int32(i))
			}
		}
	}
	return owners, order
}

// normalizeName trims a name, collapses its white space to single spaces and
// writes every apostrophe as "'". It returns "" for a name that cannot match.
func normalizeName(s string) string {
	if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
		return ""
	}
	s = strings.Join(strings.Fields(s), " ")
	return strings.Map(func(r rune) rune {
		if isApostrophe(r) {
			return '\''
		}
		return r
	}, s)
}

// clashes reports every name carried by more than one entity, once per entity.
func clashes(entities []Entity, owners map[string][]int32, order []string) diag.List {
	var l diag.List
	for _, name := range order {
		ids := owners[name]
		if len(ids) < 2 {
			continue
		}
		for _, i := range ids {
			var others []string
			for _, j := range ids {
				if j != i {
					others = append(others, entities[j].Kind+" "+entities[j].ID)
				}
			}
			e := entities[i]
			l.Warnf(e.Pos, diag.MentionClash,
				fmt.Sprintf("make the name unique to one entity, or drop it from %s %q", e.Kind, e.ID),
				"%s %q: name %q is also a name of %s, so it links to neither",
				e.Kind, e.ID, name, strings.Join(others, ", "))
		}
	}
	return l
}

// apostropheVariants returns name as written with straight apostrophes and,
// when it has any, with typographic ones, since both occur in bodies.
func apostropheVariants(name string) []string {
	if !strings.Contains(name, "'") {
		return []string{name}
	}
	return []string{name, strings.ReplaceAll(name, "'", "’")}
}

// compile builds the automaton from the normalized names.
func (m *Matcher) compile(owners map[string][]int32, order []string) {
	var words []string
	for _, name := range order {
		entity := ambiguous
		if ids := owners[name]; len(ids) == 1 {
			entity = int(ids[0])
		}
		for _, v := range apostropheVariants(name) {
			first, _ := utf8.DecodeRuneInString(v)
			last, _ := utf8.DecodeLastRuneInString(v)
			m.patterns = append(m.patterns, pattern{
				length: int32(len(v)), entity: int32(entity),
				wordStart: spacedWord(first), wordEnd: spacedWord(last),
			})
			words = append(words, v)
		}
	}
	m.assignClasses(words)
	m.buildTrie(words)
	m.buildLinks()
	m.pack()
}

// assignClasses gives every byte used by a name its own class, so the DFA
// rows are as wide as the names' alphabet rather than 256.
func (m *Matcher) assignClasses(words []string) {
	m.nclass = 1
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if m.class[w[i]] == 0 && m.nclass < 256 {
				m.class[w[i]] = uint8(m.nclass)
				m.nclass++
			}
		}
	}
}

// addState appends an empty state and returns its number.
func (m *Matcher) addState() int32 {
	s := int32(len(m.out))
	for range m.nclass {
		m.delta = append(m.delta, -1)
	}
	m.out = append(m.out, -1)
	m.dict = append(m.dict, -1)
	return s
}

// buildTrie inserts every word; the root is state 0.
func (m *Matcher) buildTrie(words []string) {
	size := 1
	for _, w := range words {
		size += len(w)
	}
	m.delta = make([]int32, 0, size*m.nclass)
	m.out = make([]int32, 0, size)
	m.dict = make([]int32, 0, size)
	m.addState()
	for p, w := range words {
		s := int32(0)
		for i := 0; i < len(w); i++ {
			at := int(s)*m.nclass + int(m.class[w[i]])
			if m.delta[at] < 0 {
				next := m.addState()
				m.delta[at] = next
			}
			s = m.delta[at]
		}
		m.out[s] = int32(p)
	}
}

// buildLinks computes failure links breadth first and folds them into the
// transition table, turning the trie into a DFA; dict links chain the states
// whose outputs are suffixes of a state's.
func (m *Matcher) buildLinks() {
	fail := make([]int32, len(m.out))
	queue := make([]int32, 0, len(m.out))
	for c := range m.nclass {
		if next := m.delta[c]; next > 0 {
			queue = append(queue, next)
		} else {
			m.delta[c] = 0
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		f := fail[s]
		if m.out[f] >= 0 {
			m.dict[s] = f
		} else {
			m.dict[s] = m.dict[f]
		}
		for c := range m.nclass {
			at := int(s)*m.nclass + c
			if next := m.delta[at]; next >= 0 {
				fail[next] = m.delta[int(f)*m.nclass+c]
				queue = append(queue, next)
			} else {
				m.delta[at] = m.delta[int(f)*m.nclass+c]
			}
		}
	}
}

// pack rewrites delta's entries as row<<1|hasOutput (see Matcher.delta).
func (m *Matcher) pack() {
	for i, next := range m.delta {
		v := next * int32(m.nclass) << 1
		if m.out[next] >= 0 || m.dict[next] >= 0 {
			v |= 1
		}
		m.delta[i] = v
	}
}

// match is one occurrence of a name in a text: bytes [start, end).
type match struct {
	start, end int
	entity     int32 // index into entities, or ambiguous
}

// find returns the mentions in text, leftmost-longest and never overlapping.
// Candidates are whole words (see wholeWord); keep, when not nil, may veto
// more of them (a name crossing a link, say) before the longest are chosen,
// so a shorter name that fits still wins. dst is reused for the result.
func (m *Matcher) find(text []byte, keep func(start, end int) bool, dst []match) []match {
	dst = dst[:0]
	row := int32(0)
	for i := 0; i < len(text); i++ {
		v := m.delta[row+int32(m.class[text[i]])]
		row = v >> 1
		if v&1 == 0 {
			continue
		}
		o := row / int32(m.nclass)
		if m.out[o] < 0 {
			o = m.dict[o]
		}
		for ; o > 0; o = m.dict[o] {
			p := m.patterns[m.out[o]]
			c := match{start: i + 1 - int(p.length), end: i + 1, entity: p.entity}
			if wholeWord(text, c.start, c.end, p) && (keep == nil || keep(c.start, c.end)) {
				dst = append(dst, c)
			}
		}
	}
	return leftmostLongest(dst)
}

// leftmostLongest sorts candidates by start, longest first, and keeps those
// that do not overlap one already kept.
func leftmostLongest(c []match) []match {
	slices.SortFunc(c, func(a, b match) int {
		if a.start != b.start {
			return a.start - b.start
		}
		return b.end - a.end
	})
	kept, end := c[:0], 0
	for _, x := range c {
		if x.start >= end {
			kept = append(kept, x)
			end = x.end
		}
	}
	return kept
}
