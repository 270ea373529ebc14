package content

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-dev/dossier/internal/diag"
)

// decoder turns a value tree into typed structs, recording the position of
// every key and collecting diagnostics for values of the wrong kind.
type decoder struct {
	format format
	keys   map[string]diag.Pos
	bad    map[string]bool // keys whose value was reported, so not reported missing too
	diags  diag.List
}

// setter decodes the value of one key into a T. key is the dotted path.
type setter[T any] func(d *decoder, key string, v *value, t *T)

// schema lists the keys a table of type T takes.
type schema[T any] struct {
	names []string // sorted, for hints
	set   map[string]setter[T]
}

func newSchema[T any](set map[string]setter[T]) *schema[T] {
	s := &schema[T]{set: set}
	for name := range set {
		s.names = append(s.names, name)
	}
	slices.Sort(s.names)
	return s
}

// decodeTable decodes table v, whose path is prefix, into t.
func decodeTable[T any](d *decoder, v *value, prefix string, s *schema[T], t *T) {
	if v.kind == nullValue {
		return
	}
	if v.kind != tableValue {
		d.badValue(prefix, v, "a table of keys")
		return
	}
	for _, f := range v.fields {
		key := join(prefix, f.name)
		d.keys[key] = f.key
		set, ok := s.set[f.name]
		if !ok {
			d.unknownKey(key, f, s.names)
			continue
		}
		set(d, key, f.val, t)
	}
}

// unknownKey warns about a key that is not part of the content model.
func (d *decoder) unknownKey(key string, f *field, names []string) {
	hint := diag.DidYouMean(f.name, names)
	if hint == "" {
		hint = "remove it; the keys here are " + strings.Join(names, ", ")
	}
	d.diags.Warnf(f.key, diag.UnknownKey, hint, "unknown key %q", key)
}

// badValue reports a value of the wrong kind.
func (d *decoder) badValue(key string, v *value, want string) {
	if d.bad == nil {
		d.bad = map[string]bool{}
	}
	d.bad[key] = true
	d.diags.Errorf(v.pos, diag.BadValue, "write "+d.example(want),
		"%s: want %s, got %s", key, want, v.describe())
}

// example shows how a value of the kind named by want is written.
func (d *decoder) example(want string) string {
	yaml := d.format == formatYAML
	switch want {
	case "a string":
		return `a text in quotes, such as "…"`
	case "a date":
		return "a date such as 2022-01-08"
	case "a year or a date":
		return "a year such as 2001 or a date such as 2001-06-15"
	case "true or false":
		return "true or false"
	case "a list of strings":
		return `a list such as ["a", "b"]`
	case "a list of tables":
		if yaml {
			return `a list of items, each "- key: value"`
		}
		return "one [[table]] per item"
	}
	if yaml {
		return "key: value lines indented under the key"
	}
	return "a [table] with key = value lines"
}

// str decodes a string. A YAML plain scalar such as 2001 is taken as written.
func (d *decoder) str(key string, v *value) string {
	s, ok := v.asString()
	if !ok {
		d.badValue(key, v, "a string")
	}
	return s
}

// asString returns the string a key taking a string gets from v, and false
// when v is not one.
func (v *value) asString() (string, bool) {
	if v.kind == nullValue {
		return "", true
	}
	if v.plain {
		return v.text, true
	}
	if s, ok := v.scalar.(string); ok && v.kind == scalarValue {
		return s, true
	}
	return "", false
}

// elemKey is the dotted path of element i of the list at key, for messages.
func elemKey(key string, i int) string { return key + "." + strconv.Itoa(i) }

// list returns the elements of a list; a null is an empty list.
func (d *decoder) list(key string, v *value, want string) []*value {
	if v.kind == listValue {
		return v.items
	}
	if v.kind != nullValue {
		d.badValue(key, v, want)
	}
	return nil
}

// tables returns the elements of a list of tables, reporting the elements
// that are not tables and leaving nil in their place.
func (d *decoder) tables(key string, v *value) []*value {
	items := d.list(key, v, "a list of tables")
	out := make([]*value, len(items))
	for i, item := range items {
		if item.kind != tableValue {
			d.badValue(elemKey(key, i), item, "a table of keys")
			continue
		}
		out[i] = item
	}
	return out
}

// strs decodes a list of strings.
func (d *decoder) strs(key string, v *value) []string {
	list := d.list(key, v, "a list of strings")
	if len(list) == 0 {
		return nil
	}
	out := make([]string, len(list))
	for i, e := range list {
		s, ok := e.asString()
		if !ok {
			s = d.str(elemKey(key, i), e)
		}
		out[i] = s
	}
	return out
}

// ref decodes an id, keeping the position of its value.
func (d *decoder) ref(key string, v *value) Ref {
	s := d.str(key, v)
	if s == "" {
		return Ref{}
	}
	return Ref{ID: s, Pos: v.pos}
}

// refs decodes a list of ids.
func (d *decoder) refs(key string, v *value) []Ref {
	var out []Ref
	list := d.list(key, v, "a list of strings")
	for i, e := range list {
		s, ok := e.asString()
		if !ok {
			s = d.str(elemKey(key, i), e)
		}
		if s == "" {
			continue
		}
		out = append(out, Ref{ID: s, Pos: e.pos})
	}
	return out
}

// boolean decodes true or false.
func (d *decoder) boolean(key string, v *value) bool {
	b, ok := v.scalar.(bool)
	if !ok && v.kind != nullValue {
		d.badValue(key, v, "true or false")
	}
	return b
}

// date decodes a date: a date value, or a string 2006-01-02. A date with a
// time of day keeps its calendar day.
func (d *decoder) date(key string, v *value) Date {
	switch x := v.scalar.(type) {
	case time.Time:
		if x.Year() > 0 { // a time of day alone comes as year 0
			return Date{time.Date(x.Year(), x.Month(), x.Day(), 0, 0, 0, 0, time.UTC)}
		}
	case string:
		if t, err := time.Parse(time.DateOnly, x); err == nil {
			return Date{t}
		}
	}
	if v.kind != nullValue {
		d.badValue(key, v, "a date")
	}
	return Date{}
}

var yearRE = regexp.MustCompile(`^[0-9]{4}$`)

// yearOrDate decodes a year (2001) or a date (2001-06-15) as written.
func (d *decoder) yearOrDate(key string, v *value) string {
	switch x := v.scalar.(type) {
	case int64:
		if v.plain && yearRE.MatchString(v.text) {
			return v.text
		}
		if x >= 1000 && x <= 9999 {
			return strconv.FormatInt(x, 10)
		}
	case time.Time:
		if x.Year() > 0 {
			return d.date(key, v).String()
		}
	case string:
		if yearRE.MatchString(x) {
			return x
		}
		if _, err := time.Parse(time.DateOnly, x); err == nil {
			return x
		}
	}
	if v.kind != nullValue {
		d.badValue(key, v, "a year or a date")
	}
	return ""
}
