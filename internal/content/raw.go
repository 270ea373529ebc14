package content

import (
	"strconv"

	"github.com/dossier-dev/dossier/internal/diag"
)

// Raw is a content file as the editor wrote it: every string of its
// front matter with where it was written, and its body. It lets a problem
// found in the output (a broken link) be reported where its text came from.
type Raw struct {
	Path    string
	Strings []RawString
	// Body is the Markdown after the front matter, CRLF turned into LF;
	// BodyLine the file line on which it starts.
	Body     []byte
	BodyLine int
}

// RawString is one string value of the front matter: its dotted key path
// ("claims.0.sources.1.url", "actors.2"), its text and its position: the
// key's for a keyed value, the element's own for a list element.
type RawString struct {
	Key   string
	Value string
	Pos   diag.Pos
}

// ReadRaw reads the front matter and body of a content file; it returns
// nil when the front matter does not parse (its diagnostics come from Parse).
func ReadRaw(path string, src []byte) *Raw {
	sp, _ := splitFile(path, src)
	if sp == nil {
		return nil
	}
	root, _ := readFront(sp.format, path, sp.front)
	if root == nil {
		return nil
	}
	s := &Raw{Path: path, Body: sp.body, BodyLine: sp.bodyLine}
	s.collect("", root, root.pos)
	return s
}

// collect appends the strings under v, whose key path is key and whose key
// is written at at.
func (s *Raw) collect(key string, v *value, at diag.Pos) {
	join := func(k string) string {
		if key == "" {
			return k
		}
		return key + "." + k
	}
	switch v.kind {
	case tableValue:
		for _, f := range v.fields {
			s.collect(join(f.name), f.val, f.key)
		}
	case listValue:
		for i, it := range v.items {
			s.collect(join(strconv.Itoa(i)), it, it.pos)
		}
	case scalarValue:
		if str, ok := v.scalar.(string); ok {
			s.Strings = append(s.Strings, RawString{Key: key, Value: str, Pos: at})
		} else if v.plain {
			s.Strings = append(s.Strings, RawString{Key: key, Value: v.text, Pos: at})
		}
	}
}
