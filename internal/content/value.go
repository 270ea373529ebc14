package content

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/dossier-dev/dossier/internal/diag"
)

// valueKind tells what a front-matter value is.
type valueKind int

const (
	nullValue   valueKind = iota // YAML's null, or "key:" with nothing after it
	scalarValue                  // a string, number, boolean or date
	listValue
	tableValue
)

// value is one front-matter value with its position. Both decoders, TOML and
// YAML, produce this tree, so that one typed decoding turns either into the
// same structs with the same diagnostics.
type value struct {
	kind valueKind
	pos  diag.Pos
	// scalar is a string, int64, float64, bool or time.Time.
	scalar any
	// plain is set for a YAML plain (unquoted) scalar that is not a string
	// (2001, 1.5, true, 2022-01-08): text is then its text as written, which
	// is what a key taking a string gets.
	plain  bool
	text   string
	items  []*value // a list's elements
	fields []*field // a table's keys, in the order written
}

// field is one key of a table.
type field struct {
	name string
	key  diag.Pos // where the key is written
	val  *value
}

// sortFields orders fields as they are written in the file.
func sortFields(fs []*field) {
	slices.SortFunc(fs, func(a, b *field) int {
		return cmp.Or(a.key.Compare(b.key), cmp.Compare(a.name, b.name))
	})
}

// describe names a value for messages: `"yesterday"`, `5`, `a table`.
func (v *value) describe() string {
	switch v.kind {
	case nullValue:
		return "nothing"
	case listValue:
		return "a list"
	case tableValue:
		return "a table"
	}
	switch x := v.scalar.(type) {
	case string:
		return strconv.Quote(shorten(x))
	case time.Time:
		return describeTime(x)
	default:
		return fmt.Sprint(x)
	}
}

// describeTime formats a time as it was likely written.
func describeTime(t time.Time) string {
	switch {
	case t.Year() == 0:
		return t.Format(time.TimeOnly)
	case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
		return t.Format(time.DateOnly)
	}
	return t.Format(time.RFC3339)
}

// shorten cuts s to at most 40 runes, for messages.
func shorten(s string) string {
	r := []rune(s)
	if len(r) <= 40 {
		return s
	}
	return string(r[:39]) + "…"
}
