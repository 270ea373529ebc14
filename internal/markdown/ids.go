package markdown

import (
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
)

// headingIDs makes the ids of a body's headings from their text, as
// goldmark's own do for ASCII (lower case letters and digits, a '-' for
// each space, '-' or '_', nothing for other punctuation; "heading" when
// nothing is left; "-1", "-2" … after a repeat), and also keeps the letters
// and digits of other scripts, lower-cased: "## Наш подход" is
// id="наш-подход", "## 上海合作组织" id="上海合作组织", where goldmark's ids
// would be "-" and "heading".
type headingIDs struct{ used map[string]bool }

func newHeadingIDs() parser.IDs { return &headingIDs{used: map[string]bool{}} }

// Generate implements parser.IDs.
func (h *headingIDs) Generate(value []byte, kind ast.NodeKind) []byte {
	var id []byte
	for _, r := range string(trimSpace(value)) {
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			id = append(id, byte(r))
		case r >= 'A' && r <= 'Z':
			id = append(id, byte(r-'A'+'a'))
		case r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '-' || r == '_':
			id = append(id, '-')
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)):
			id = utf8.AppendRune(id, unicode.ToLower(r))
		}
	}
	if len(id) == 0 {
		id = []byte("heading")
		if kind != ast.KindHeading {
			id = []byte("id")
		}
	}
	base := string(id)
	name := base
	for n := 1; h.used[name]; n++ {
		name = base + "-" + strconv.Itoa(n)
	}
	h.used[name] = true
	return []byte(name)
}

// Put implements parser.IDs: an id written by hand is taken.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// trimSpace trims ASCII white space at both ends.
func trimSpace(b []byte) []byte {
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' }
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}
