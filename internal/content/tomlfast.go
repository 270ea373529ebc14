package content

import (
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/dossier-dev/dossier/internal/diag"
)

// fastTOML reads front matter of the usual shape straight into a value tree,
// positions included, in one pass over the text. The usual shape is one-part
// keys set to strings, booleans, decimal integers, dates, arrays and
// one-line inline tables, under [table], [[list]] and [[list.sub]] headers.
//
// It gives up (ok false) on anything else, valid or not: dotted keys, floats,
// times, escapes in multi-line strings, a key set twice, a syntax error.
// readTOML then takes the general path, which alone reports errors. Whenever
// fastTOML succeeds, its tree is the one the general path builds.
func fastTOML(file, front string) (root *value, ok bool) {
	if !plainText(front) {
		return nil, false
	}
	p := &fastParser{src: front, file: file, line: 1}
	root = p.newValue(tableValue, diag.Pos{File: file, Line: 1, Col: 1})
	if !p.document(root) {
		return nil, false
	}
	return root, true
}

// plainText reports whether s is valid UTF-8 without control characters other
// than tab and newline: what the decoder's lexer accepts anywhere.
func plainText(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			ascii = false
		case c == 0x7f || (c < 0x20 && c != '\t' && c != '\n'):
			return false
		}
	}
	return ascii || utf8.ValidString(s)
}

// fastParser is the state of fastTOML.
type fastParser struct {
	src       string
	i         int
	line      int // 1-based line of src[i]
	lineStart int // offset of the first byte of that line
	file      string
	aots      []*value // lists made by [[…]] headers, which more headers may extend
	values    []value  // a slab that newValue hands out
	fields    []field  // a slab that newField hands out
}

// maxFastDepth bounds the nesting of arrays fastTOML reads itself.
const maxFastDepth = 32

func (p *fastParser) eof() bool { return p.i >= len(p.src) }

// pos is the file position of src[i].
func (p *fastParser) pos() diag.Pos {
	return fileLineCol(p.file, lineCol{p.line, p.i - p.lineStart + 1})
}

// newValue allocates a value from the slab.
func (p *fastParser) newValue(kind valueKind, pos diag.Pos) *value {
	if len(p.values) == 0 {
		p.values = make([]value, 32)
	}
	v := &p.values[0]
	p.values = p.values[1:]
	v.kind, v.pos = kind, pos
	return v
}

// newField allocates a field from the slab.
func (p *fastParser) newField(name string, key diag.Pos, val *value) *field {
	if len(p.fields) == 0 {
		p.fields = make([]field, 16)
	}
	f := &p.fields[0]
	p.fields = p.fields[1:]
	f.name, f.key, f.val = name, key, val
	return f
}

// skipSpace consumes spaces and tabs.
func (p *fastParser) skipSpace() {
	for !p.eof() && (p.src[p.i] == ' ' || p.src[p.i] == '\t') {
		p.i++
	}
}

// skipComment consumes a comment up to its newline, if one starts here.
func (p *fastParser) skipComment() {
	if !p.eof() && p.src[p.i] == '#' {
		if n := strings.IndexByte(p.src[p.i:], '\n'); n >= 0 {
			p.i += n
		} else {
			p.i = len(p.src)
		}
	}
}

// newline consumes a newline, if one is here.
func (p *fastParser) newline() bool {
	if p.eof() || p.src[p.i] != '\n' {
		return false
	}
	p.i++
	p.line++
	p.lineStart = p.i
	return true
}

// skipBlank consumes spaces, tabs, comments and newlines.
func (p *fastParser) skipBlank() {
	for {
		p.skipSpace()
		p.skipComment()
		if !p.newline() {
			return
		}
	}
}

// endLine consumes the end of a line after a key's value or a header.
func (p *fastParser) endLine() bool {
	p.skipSpace()
	p.skipComment()
	return p.eof() || p.newline()
}

// document reads key/value lines and headers into root.
func (p *fastParser) document(root *value) bool {
	table := root
	for {
		p.skipBlank()
		if p.eof() {
			return true
		}
		if p.src[p.i] == '[' {
			table = p.header(root)
		} else if !p.keyValue(table) {
			return false
		}
		if table == nil || !p.endLine() {
			return false
		}
	}
}

// keyValue reads "key = value" into table.
func (p *fastParser) keyValue(table *value) bool { return p.keyValueIn(table, 0) }

// keyValueIn reads "key = value" into a table nested depth deep.
func (p *fastParser) keyValueIn(table *value, depth int) bool {
	at := p.pos()
	name, ok := p.key()
	if !ok || lookup(table, name) != nil {
		return false
	}
	p.skipSpace()
	if p.eof() || p.src[p.i] != '=' {
		return false
	}
	p.i++
	p.skipSpace()
	val := p.value(depth)
	if val == nil {
		return false
	}
	addField(table, p.newField(name, at, val))
	return true
}

// addField appends f to the fields of table t, making room for a few more.
func addField(t *value, f *field) {
	if t.fields == nil {
		t.fields = make([]*field, 0, 8)
	}
	t.fields = append(t.fields, f)
}

// key reads a one-part key: bare, or quoted without escapes, and without dots.
func (p *fastParser) key() (string, bool) {
	if p.eof() {
		return "", false
	}
	var name string
	switch c := p.src[p.i]; {
	case c == '"' || c == '\'':
		end := strings.IndexByte(p.src[p.i+1:], c)
		if end < 0 {
			return "", false
		}
		name = p.src[p.i+1 : p.i+1+end]
		if strings.ContainsAny(name, "\\\n") {
			return "", false
		}
		p.i += end + 2
	default:
		j := p.i
		for j < len(p.src) && isBare(p.src[j]) {
			j++
		}
		name = p.src[p.i:j]
		p.i = j
	}
	if name == "" || strings.IndexByte(name, '.') >= 0 {
		return "", false
	}
	return name, true
}

// lookup returns the value of key name in table t, or nil.
func lookup(t *value, name string) *value {
	for _, f := range t.fields {
		if f.name == name {
			return f.val
		}
	}
	return nil
}

// header reads "[name]", "[[name]]" or "[[name.sub]]" and returns the table
// that the lines below it fill, or nil when it gives up.
func (p *fastParser) header(root *value) *value {
	at := p.pos()
	array := strings.HasPrefix(p.src[p.i:], "[[")
	p.i++
	if array {
		p.i++
	}
	var names [2]string
	var keys [2]diag.Pos
	n := 0
	for {
		p.skipSpace()
		if n == len(names) {
			return nil
		}
		keys[n] = p.pos()
		name, ok := p.key()
		if !ok {
			return nil
		}
		names[n] = name
		n++
		p.skipSpace()
		if p.eof() || p.src[p.i] != '.' {
			break
		}
		p.i++
	}
	close := "]"
	if array {
		close = "]]"
	}
	if !strings.HasPrefix(p.src[p.i:], close) {
		return nil
	}
	p.i += len(close)
	switch {
	case !array && n == 1:
		if lookup(root, names[0]) != nil {
			return nil
		}
		t := p.newValue(tableValue, at)
		addField(root, p.newField(names[0], keys[0], t))
		return t
	case array && n == 1:
		return p.appendTable(root, names[0], keys[0], at)
	case array && n == 2:
		list := lookup(root, names[0])
		if !p.isAOT(list) {
			return nil
		}
		return p.appendTable(list.items[len(list.items)-1], names[1], keys[1], at)
	}
	return nil
}

// appendTable adds a table at header position at to the list of tables
// called name in parent, making the list on its first header.
func (p *fastParser) appendTable(parent *value, name string, key, at diag.Pos) *value {
	list := lookup(parent, name)
	switch {
	case list == nil:
		list = p.newValue(listValue, parent.pos)
		p.aots = append(p.aots, list)
		addField(parent, p.newField(name, key, list))
	case !p.isAOT(list):
		return nil
	}
	t := p.newValue(tableValue, at)
	list.items = append(list.items, t)
	return t
}

// isAOT reports whether v is a list made by [[…]] headers.
func (p *fastParser) isAOT(v *value) bool {
	for _, l := range p.aots {
		if l == v {
			return true
		}
	}
	return false
}

// value reads one value, or returns nil when it gives up.
func (p *fastParser) value(depth int) *value {
	if p.eof() {
		return nil
	}
	at := p.pos()
	var x any
	switch c := p.src[p.i]; {
	case c == '"' || c == '\'':
		s, ok := p.str()
		if !ok {
			return nil
		}
		x = s
	case c == '[' || c == '{':
		if depth >= maxFastDepth {
			return nil
		}
		if c == '{' {
			return p.inlineTable(at, depth)
		}
		return p.array(at, depth)
	case c == 't' && strings.HasPrefix(p.src[p.i:], "true"):
		p.i += len("true")
		x = true
	case c == 'f' && strings.HasPrefix(p.src[p.i:], "false"):
		p.i += len("false")
		x = false
	case '1' <= c && c <= '9':
		x = p.numberOrDate()
		if x == nil {
			return nil
		}
	default:
		return nil
	}
	v := p.newValue(scalarValue, at)
	v.scalar = x
	return v
}

// array reads "[v, v, …]" whose "[" is at position at.
func (p *fastParser) array(at diag.Pos, depth int) *value {
	p.i++
	v := p.newValue(listValue, at)
	for {
		p.skipBlank()
		if p.eof() {
			return nil
		}
		if p.src[p.i] == ']' {
			p.i++
			return v
		}
		item := p.value(depth + 1)
		if item == nil {
			return nil
		}
		if v.items == nil {
			v.items = make([]*value, 0, 4)
		}
		v.items = append(v.items, item)
		p.skipBlank()
		closed, ok := p.separator(']')
		if !ok {
			return nil
		}
		if closed {
			return v
		}
	}
}

// separator reads what follows an element of an array or inline table: a
// comma (ok), or the closing byte (closed and ok); anything else is not ok.
func (p *fastParser) separator(closing byte) (closed, ok bool) {
	if p.eof() {
		return false, false
	}
	switch p.src[p.i] {
	case ',':
		p.i++
		return false, true
	case closing:
		p.i++
		return true, true
	}
	return false, false
}

// inlineTable reads a one-line "{k = v, …}" whose "{" is at position at.
func (p *fastParser) inlineTable(at diag.Pos, depth int) *value {
	p.i++
	t := p.newValue(tableValue, at)
	p.skipSpace()
	if strings.HasPrefix(p.src[p.i:], "}") {
		p.i++
		return t
	}
	for {
		p.skipSpace()
		if !p.keyValueIn(t, depth+1) {
			return nil
		}
		p.skipSpace()
		closed, ok := p.separator('}')
		if !ok {
			return nil
		}
		if closed {
			return t
		}
	}
}

// str reads a string in any of its four forms.
func (p *fastParser) str() (string, bool) {
	rest := p.src[p.i:]
	switch {
	case strings.HasPrefix(rest, `"""`):
		return p.multiline(`"""`)
	case strings.HasPrefix(rest, "'''"):
		return p.multiline("'''")
	case rest[0] == '"':
		return p.basicString()
	}
	return p.literalString()
}

// multiline reads a multi-line string without escapes, which does not end
// in more quotes than its delimiter.
func (p *fastParser) multiline(delim string) (string, bool) {
	start := p.i + len(delim)
	n := strings.Index(p.src[start:], delim)
	if n < 0 {
		return "", false
	}
	s, end := p.src[start:start+n], start+n+len(delim)
	if strings.IndexByte(s, '\\') >= 0 || strings.HasPrefix(p.src[end:], delim[:1]) {
		return "", false
	}
	for p.i < end {
		if !p.newline() {
			p.i++
		}
	}
	return strings.TrimPrefix(s, "\n"), true
}

// literalString reads a one-line 'literal string'.
func (p *fastParser) literalString() (string, bool) {
	rest := p.src[p.i+1:]
	end := strings.IndexAny(rest, "'\n")
	if end < 0 || rest[end] != '\'' {
		return "", false
	}
	p.i += end + 2
	return rest[:end], true
}

// basicString reads a one-line "basic string", replacing its escapes.
func (p *fastParser) basicString() (string, bool) {
	j := p.i + 1
	start := j
	var buf []byte // nil until the first escape
	for {
		if j >= len(p.src) {
			return "", false
		}
		switch p.src[j] {
		case '\n':
			return "", false
		case '"':
			p.i = j + 1
			if buf == nil {
				return p.src[start:j], true
			}
			return string(append(buf, p.src[start:j]...)), true
		case '\\':
			buf = append(buf, p.src[start:j]...)
			var ok bool
			if buf, j, ok = p.escape(buf, j+1); !ok {
				return "", false
			}
			start = j
		default:
			j++
		}
	}
}

// escape appends the character that the escape after a backslash at src[j-1]
// stands for, and returns the offset after the escape.
func (p *fastParser) escape(buf []byte, j int) ([]byte, int, bool) {
	if j >= len(p.src) {
		return buf, j, false
	}
	var b byte
	switch p.src[j] {
	case 'b':
		b = '\b'
	case 't':
		b = '\t'
	case 'n':
		b = '\n'
	case 'f':
		b = '\f'
	case 'r':
		b = '\r'
	case 'e':
		b = 0x1b
	case '"':
		b = '"'
	case '\\':
		b = '\\'
	case 'x':
		return p.hexEscape(buf, j+1, 2)
	case 'u':
		return p.hexEscape(buf, j+1, 4)
	case 'U':
		return p.hexEscape(buf, j+1, 8)
	default:
		return buf, j, false
	}
	return append(buf, b), j + 1, true
}

// hexEscape appends the character written as n hexadecimal digits at src[j:].
func (p *fastParser) hexEscape(buf []byte, j, n int) ([]byte, int, bool) {
	if j+n > len(p.src) {
		return buf, j, false
	}
	digits := p.src[j : j+n]
	for i := 0; i < n; i++ {
		if !isHexDigit(digits[i]) {
			return buf, j, false
		}
	}
	r, err := strconv.ParseUint(digits, 16, 32)
	if err != nil || !utf8.ValidRune(rune(r)) {
		return buf, j, false
	}
	return utf8.AppendRune(buf, rune(r)), j + n, true
}

func isHexDigit(c byte) bool {
	return ('0' <= c && c <= '9') || ('a' <= c && c <= 'f') || ('A' <= c && c <= 'F')
}

// numberOrDate reads a decimal integer without sign, underscore or leading
// zero, or a date such as 2022-01-08. It returns nil for anything else.
func (p *fastParser) numberOrDate() any {
	s := p.src[p.i:]
	j := 0
	for j < len(s) && '0' <= s[j] && s[j] <= '9' {
		j++
	}
	if j == 4 && len(s) >= 10 && s[4] == '-' {
		return p.date(s[:10], s[10:])
	}
	if j < len(s) && (isBare(s[j]) || strings.IndexByte(":.+", s[j]) >= 0) {
		return nil // a float, a time, a number with underscores, or an error
	}
	n, err := strconv.ParseInt(s[:j], 10, 64)
	if err != nil {
		return nil
	}
	p.i += j
	return n
}

// date reads the local date d, followed by rest.
func (p *fastParser) date(d, rest string) any {
	for i := range len(d) {
		if (i == 4 || i == 7) != (d[i] == '-') || (d[i] != '-' && (d[i] < '0' || d[i] > '9')) {
			return nil
		}
	}
	// The decoder reads on over spaces and these characters, to a time.
	rest = strings.TrimLeft(rest, " ")
	if rest != "" && strings.IndexByte("0123456789-:Tt.Zz+", rest[0]) >= 0 {
		return nil
	}
	t, err := time.ParseInLocation(time.DateOnly, d, localDate())
	if err != nil {
		return nil
	}
	p.i += len(d)
	return t
}

// localDate is the location the decoder gives dates without a time zone, so
// that dates read by fastTOML are the very values it makes.
var localDate = sync.OnceValue(func() *time.Location {
	var m map[string]any
	if _, err := toml.Decode("d = 2000-01-01", &m); err != nil {
		panic(err)
	}
	return m["d"].(time.Time).Location()
})
