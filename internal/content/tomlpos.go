package content

import (
	"strconv"
	"strings"
)

// lineCol is a 1-based line and byte column inside the front matter.
type lineCol struct{ line, col int }

// tomlPositions tells where each key and value of a TOML document is written,
// by dotted path with list indices: "title", "source.url", "claims.2.text",
// "actors.1". BurntSushi/toml does not export positions, so scanTOML finds
// them with a small scanner of its own over the same text.
type tomlPositions struct {
	keys map[string]lineCol
	vals map[string]lineCol // a value; for [[x]] elements, their header
}

// tomlScanner walks TOML text far enough to see keys, table headers, arrays
// and inline tables; it skips strings and comments without decoding them.
// It is run on text the decoder accepted, but is safe on any input: every
// step consumes at least one byte or stops.
type tomlScanner struct {
	src    string
	i      int
	line   int
	col    int
	arrays map[string]int // array-of-tables path → elements seen
	depth  int            // nesting of arrays and inline tables
	out    tomlPositions
}

// maxDepth bounds the nesting the scanner follows, so that no input can
// exhaust the stack; deeper values keep no positions of their own.
const maxDepth = 100

// scanTOML returns the positions of the keys and values of src.
func scanTOML(src string) tomlPositions {
	s := &tomlScanner{src: src, line: 1, col: 1, arrays: map[string]int{},
		out: tomlPositions{keys: map[string]lineCol{}, vals: map[string]lineCol{}}}
	table := ""
	for {
		s.skipBlank(true)
		if s.eof() {
			return s.out
		}
		start := s.i
		if s.peek() == '[' {
			table = s.header()
		} else {
			s.keyValue(table)
		}
		s.skipBlank(false)
		if s.i == start || (!s.eof() && s.peek() != '\n') {
			s.skipLine() // something the scanner does not understand
		}
	}
}

func (s *tomlScanner) eof() bool         { return s.i >= len(s.src) }
func (s *tomlScanner) peek() byte        { return s.src[s.i] }
func (s *tomlScanner) at() lineCol       { return lineCol{s.line, s.col} }
func (s *tomlScanner) has(p string) bool { return strings.HasPrefix(s.src[s.i:], p) }

// next consumes one byte.
func (s *tomlScanner) next() {
	if s.eof() {
		return
	}
	if s.src[s.i] == '\n' {
		s.line++
		s.col = 0
	}
	s.i++
	s.col++
}

// skip consumes n bytes.
func (s *tomlScanner) skip(n int) {
	for range n {
		s.next()
	}
}

// skipBlank consumes spaces, tabs and comments, and newlines when nl is set.
func (s *tomlScanner) skipBlank(nl bool) {
	for !s.eof() {
		switch c := s.peek(); {
		case c == ' ' || c == '\t' || c == '\r' || (nl && c == '\n'):
			s.next()
		case c == '#':
			for !s.eof() && s.peek() != '\n' {
				s.next()
			}
		default:
			return
		}
	}
}

// skipLine consumes the rest of the line and its newline.
func (s *tomlScanner) skipLine() {
	for !s.eof() && s.peek() != '\n' {
		s.next()
	}
	s.next()
}

// header reads "[a.b]" or "[[a.b]]" and returns the path of the table it opens.
func (s *tomlScanner) header() string {
	start := s.at()
	array := s.has("[[")
	if array {
		s.skip(2)
	} else {
		s.next()
	}
	segs := s.key()
	if len(segs) == 0 {
		return ""
	}
	path := ""
	for i, seg := range segs {
		path = join(path, seg.name)
		s.setKey(path, seg.at)
		if n := s.arrays[path]; n > 0 && i < len(segs)-1 {
			path = join(path, strconv.Itoa(n-1))
		}
	}
	if array {
		n := s.arrays[path]
		s.arrays[path] = n + 1
		path = join(path, strconv.Itoa(n))
	}
	s.out.vals[path] = start
	s.skipBlank(false)
	for !s.eof() && s.peek() == ']' {
		s.next()
	}
	return path
}

// keySeg is one part of a dotted key.
type keySeg struct {
	name string
	at   lineCol
}

// key reads a dotted key: bare, "quoted" or 'literal' parts joined by dots.
func (s *tomlScanner) key() []keySeg {
	var segs []keySeg
	for {
		s.skipBlank(false)
		if s.eof() {
			return segs
		}
		at := s.at()
		name, ok := s.keyPart()
		if !ok {
			return segs
		}
		segs = append(segs, keySeg{name, at})
		s.skipBlank(false)
		if s.eof() || s.peek() != '.' {
			return segs
		}
		s.next()
	}
}

// keyPart reads one part of a key.
func (s *tomlScanner) keyPart() (string, bool) {
	switch c := s.peek(); {
	case c == '"':
		raw := s.quoted('"')
		if u, err := strconv.Unquote(raw); err == nil {
			return u, true
		}
		return strings.Trim(raw, `"`), true
	case c == '\'':
		return strings.Trim(s.quoted('\''), "'"), true
	case isBare(c):
		j := s.i
		for !s.eof() && isBare(s.peek()) {
			s.next()
		}
		return s.src[j:s.i], true
	}
	return "", false
}

func isBare(c byte) bool {
	return c == '_' || c == '-' || ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') || ('0' <= c && c <= '9')
}

// quoted consumes a one-line string opened by q and returns it with its quotes.
func (s *tomlScanner) quoted(q byte) string {
	j := s.i
	s.next()
	for !s.eof() && s.peek() != '\n' {
		c := s.peek()
		s.next()
		if c == q {
			break
		}
		if c == '\\' && q == '"' {
			s.next()
		}
	}
	return s.src[j:s.i]
}

// keyValue reads "key = value" inside the table at path.
func (s *tomlScanner) keyValue(table string) {
	segs := s.key()
	if len(segs) == 0 {
		return
	}
	path := table
	for _, seg := range segs {
		path = join(path, seg.name)
		s.setKey(path, seg.at)
	}
	s.skipBlank(false)
	if s.eof() || s.peek() != '=' {
		return
	}
	s.next()
	s.skipBlank(false)
	s.value(path)
}

// setKey records where a key is first written.
func (s *tomlScanner) setKey(path string, at lineCol) {
	if _, ok := s.out.keys[path]; !ok {
		s.out.keys[path] = at
	}
}

// value reads one value and records where it starts.
func (s *tomlScanner) value(path string) {
	if s.eof() {
		return
	}
	s.out.vals[path] = s.at()
	switch {
	case s.has(`"""`):
		s.multiline(`"""`)
	case s.has(`'''`):
		s.multiline(`'''`)
	case s.peek() == '"' || s.peek() == '\'':
		s.quoted(s.peek())
	case s.depth >= maxDepth:
		return
	case s.peek() == '[':
		s.depth++
		s.array(path)
		s.depth--
	case s.peek() == '{':
		s.depth++
		s.inlineTable(path)
		s.depth--
	default:
		for !s.eof() && !strings.ContainsRune(",]}#\n", rune(s.peek())) {
			s.next()
		}
	}
}

// multiline consumes a multi-line string delimited by delim.
func (s *tomlScanner) multiline(delim string) {
	s.skip(len(delim))
	for !s.eof() {
		if delim[0] == '"' && s.peek() == '\\' {
			s.skip(2)
			continue
		}
		if s.has(delim) {
			s.skip(len(delim))
			for !s.eof() && s.peek() == delim[0] { // up to two quotes may end the content
				s.next()
			}
			return
		}
		s.next()
	}
}

// array consumes "[v, v, …]", recording each element as path.N.
func (s *tomlScanner) array(path string) {
	s.next()
	for n := 0; ; n++ {
		s.skipBlank(true)
		if s.eof() {
			return
		}
		if s.peek() == ']' {
			s.next()
			return
		}
		start := s.i
		s.value(join(path, strconv.Itoa(n)))
		s.skipBlank(true)
		if !s.eof() && s.peek() == ',' {
			s.next()
		} else if s.i == start || (!s.eof() && s.peek() != ']') {
			return
		}
	}
}

// inlineTable consumes "{k = v, …}", recording keys under path.
func (s *tomlScanner) inlineTable(path string) {
	s.next()
	for {
		s.skipBlank(true)
		if s.eof() {
			return
		}
		if s.peek() == '}' {
			s.next()
			return
		}
		start := s.i
		s.keyValue(path)
		s.skipBlank(true)
		if !s.eof() && s.peek() == ',' {
			s.next()
		} else if s.i == start || (!s.eof() && s.peek() != '}') {
			return
		}
	}
}

// join appends a key to a dotted path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}
