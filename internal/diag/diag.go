// Package diag describes problems found in a site's content: where they are,
// how bad they are, what is wrong and how to fix it.
//
// Content problems are never Go errors: they are collected into a List, sorted
// by position and printed all at once, the way a compiler reports.
package diag

import (
	"cmp"
	"fmt"
	"slices"
)

// Pos is a place in a source file. Line and Col count from 1; zero means unknown.
type Pos struct {
	File string `json:"file"`
	Line int    `json:"line,omitempty"`
	Col  int    `json:"col,omitempty"`
}

// String formats p as file:line:col, dropping the parts that are unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Compare orders positions by file, then line, then column.
func (p Pos) Compare(q Pos) int {
	return cmp.Or(cmp.Compare(p.File, q.File), cmp.Compare(p.Line, q.Line), cmp.Compare(p.Col, q.Col))
}

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	// Error stops the build: nothing is written.
	Error Severity = iota
	// Warning is printed, and the build goes on.
	Warning
	// Note is information, not a problem: a site with notes is clean.
	// `check` prints notes only with --notes, and `serve` never shows them.
	Note
)

// String returns "error", "warning" or "note".
func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Note:
		return "note"
	}
	return "error"
}

// MarshalText makes a Severity print as its name in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Diagnostic is one problem at one place. Code is a stable identifier from
// codes.go; Hint, when set, tells how to fix it.
type Diagnostic struct {
	Pos      Pos      `json:"pos"`
	Severity Severity `json:"severity"`
	Code     Code     `json:"code"`
	Msg      string   `json:"message"`
	Hint     string   `json:"hint,omitempty"`
}

// String formats d like a compiler: "file:line:col: error: msg (hint)".
func (d Diagnostic) String() string {
	s := fmt.Sprintf("%s: %s: %s", d.Pos, d.Severity, d.Msg)
	if d.Hint != "" {
		s += "\n\thint: " + d.Hint
	}
	return s
}

// List collects diagnostics. The zero value is ready to use.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Errorf appends an error at pos.
func (l *List) Errorf(pos Pos, code Code, hint string, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Error, Code: code, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Warnf appends a warning at pos.
func (l *List) Warnf(pos Pos, code Code, hint string, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Warning, Code: code, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Notef appends a note at pos.
func (l *List) Notef(pos Pos, code Code, hint string, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Severity: Note, Code: code, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Without returns the diagnostics of l whose severity is not s, in order.
func (l List) Without(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity != s {
			out = append(out, d)
		}
	}
	return out
}

// Append adds all of other to l.
func (l *List) Append(other List) { *l = append(*l, other...) }

// Sort orders the list by position, then code and message, and drops exact duplicates.
func (l *List) Sort() {
	slices.SortStableFunc(*l, func(a, b Diagnostic) int {
		return cmp.Or(a.Pos.Compare(b.Pos), cmp.Compare(a.Code, b.Code), cmp.Compare(a.Msg, b.Msg))
	})
	*l = slices.Compact(*l)
}

// HasErrors reports whether any diagnostic is an Error.
func (l List) HasErrors() bool { return l.Count(Error) > 0 }

// Count returns how many diagnostics have severity s.
func (l List) Count(s Severity) int {
	n := 0
	for _, d := range l {
		if d.Severity == s {
			n++
		}
	}
	return n
}
