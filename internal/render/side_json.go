package render

import (
	"bytes"
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

const hexDigits = "0123456789abcdef"

// jsonPlain marks the ASCII bytes a JSON string holds as they are.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it by default: quotes, backslashes and control characters, the
// HTML characters <, > and &, U+2028 and U+2029, and invalid UTF-8 as U+FFFD.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				continue
			}
			b = append(b, s[last:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(append(b, s[last:i]...), `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(append(b, s[last:i]...), '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		last = i
	}
	return append(append(b, s[last:]...), '"')
}

// jsonWriter writes indented JSON as json.Encoder with SetIndent("", "  ")
// does: one element or member per line, empty arrays and objects as [] and
// {}, a space after each colon. The export's types write themselves with it
// (see side_export.go).
type jsonWriter struct {
	b        []byte
	depth    int
	empty    bool // nothing written yet in the innermost array or object
	afterKey bool // a member's key is written, its value comes next
}

// jsonRoom is the room newline keeps at the end of the buffer for the line
// that follows.
const jsonRoom = 16 << 10

// start places the next value: after its key, or on a line of its own.
func (w *jsonWriter) start() {
	if w.afterKey {
		w.afterKey = false
		return
	}
	if w.depth == 0 {
		return
	}
	if !w.empty {
		w.b = append(w.b, ',')
	}
	w.empty = false
	w.newline()
}

func (w *jsonWriter) newline() {
	if cap(w.b)-len(w.b) < jsonRoom {
		// append grows a large slice by a quarter at a time; a 100 MB
		// export would be copied some twenty times. Doubling copies it
		// about once.
		b := make([]byte, len(w.b), 2*cap(w.b)+jsonRoom)
		copy(b, w.b)
		w.b = b
	}
	w.b = append(w.b, '\n')
	for range w.depth {
		w.b = append(w.b, ' ', ' ')
	}
}

// open starts an array ('[') or object ('{').
func (w *jsonWriter) open(c byte) {
	w.start()
	w.b = append(w.b, c)
	w.depth++
	w.empty = true
}

// close ends an array (']') or object ('}').
func (w *jsonWriter) close(c byte) {
	w.depth--
	if !w.empty {
		w.newline()
	}
	w.b = append(w.b, c)
	w.empty = false
}

// key starts a member of the current object; its value comes next.
func (w *jsonWriter) key(k string) {
	w.start()
	w.b = appendJSONString(w.b, k)
	w.b = append(w.b, ':', ' ')
	w.afterKey = true
}

func (w *jsonWriter) str(s string) {
	w.start()
	w.b = appendJSONString(w.b, s)
}

func (w *jsonWriter) int(n int) {
	w.start()
	w.b = strconv.AppendInt(w.b, int64(n), 10)
}

func (w *jsonWriter) bool(v bool) {
	w.start()
	w.b = strconv.AppendBool(w.b, v)
}

func (w *jsonWriter) null() {
	w.start()
	w.b = append(w.b, "null"...)
}

// field writes a member whose value is a string.
func (w *jsonWriter) field(k, v string) {
	w.key(k)
	w.str(v)
}

// fieldOmit writes a string member unless it is empty (omitempty).
func (w *jsonWriter) fieldOmit(k, v string) {
	if v != "" {
		w.field(k, v)
	}
}

// strings writes a member whose value is a list of strings; nil is null.
func (w *jsonWriter) strings(k string, list []string) {
	w.key(k)
	if list == nil {
		w.null()
		return
	}
	w.open('[')
	for _, s := range list {
		w.str(s)
	}
	w.close(']')
}

// counts writes a member whose value is a map of counts, keys sorted as
// encoding/json sorts them; nil is null.
func (w *jsonWriter) counts(k string, m map[string]int) {
	w.key(k)
	if m == nil {
		w.null()
		return
	}
	w.open('{')
	for _, key := range slices.Sorted(maps.Keys(m)) {
		w.key(key)
		w.int(m[key])
	}
	w.close('}')
}

// marshal writes v with encoding/json, indented to fit: for small values of
// types defined elsewhere, whose fields this file does not know.
func (w *jsonWriter) marshal(v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.start()
	var buf bytes.Buffer
	prefix := strings.Repeat("  ", w.depth)
	if err := json.Indent(&buf, b, prefix, "  "); err != nil {
		return err
	}
	w.b = append(w.b, buf.Bytes()...)
	return nil
}
