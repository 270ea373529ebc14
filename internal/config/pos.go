package config

import (
	"strings"

	"github.com/dossier-dev/dossier/internal/diag"
)

// Pos returns where a key of site.toml is written, by its dotted path:
// "baseURL", "publisher" (the [publisher] header), "publisher.url". It is the
// file (with no line) when the key is not written or there is no site.toml.
func (s *Site) Pos(key string) diag.Pos {
	table, name := "", key
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		table, name = key[:i], key[i+1:]
	}
	return s.scan(func(tbl, k string, header bool) bool {
		if header {
			return k == "" && tbl == key
		}
		return tbl == table && k == name
	})
}

// entryPos returns the position of the i-th [[table]] header (from 0).
func (s *Site) entryPos(table string, i int) diag.Pos {
	n := -1
	return s.scan(func(tbl, k string, header bool) bool {
		if header && k == "[[" && tbl == table {
			n++
		}
		return n == i
	})
}

// scan calls match for each table header (header true; k is "[[" for an
// array's element, "" for a table) and each key (header false) of site.toml
// in order, and returns the position of the first that matches.
func (s *Site) scan(match func(table, key string, header bool) bool) diag.Pos {
	table := ""
	for i, line := range strings.Split(string(s.src), "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		pos := diag.Pos{File: s.fileName(), Line: i + 1, Col: len(line) - len(trimmed) + 1}
		switch {
		case strings.HasPrefix(trimmed, "[["):
			name, _, _ := strings.Cut(trimmed[2:], "]]")
			table = strings.TrimSpace(name)
			if match(table, "[[", true) {
				return pos
			}
		case strings.HasPrefix(trimmed, "["):
			name, _, _ := strings.Cut(trimmed[1:], "]")
			table = strings.TrimSpace(name)
			if match(table, "", true) {
				return pos
			}
		default:
			k, _, ok := strings.Cut(trimmed, "=")
			if ok && !strings.HasPrefix(trimmed, "#") && match(table, strings.Trim(strings.TrimSpace(k), `"'`), false) {
				return pos
			}
		}
	}
	return diag.Pos{File: s.fileName()}
}

func (s *Site) fileName() string {
	if s.file == "" {
		return FileName
	}
	return s.file
}
