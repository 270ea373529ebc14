package render

import (
	"encoding/json"
	"fmt"
	"html/template"
	"time"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// english is the built-in English words, for templates parsed outside a Renderer.
var english = config.NewWords("en", nil)

// templateFuncs returns the template functions, the words' ones reading
// words() as they run: t, tn, date and kindName write in the site's language.
func templateFuncs(words func() *config.Words) template.FuncMap {
	return template.FuncMap{
		"t":          func(key string, args ...any) string { return words().T(key, args...) },
		"tn":         func(key string, n int, args ...any) string { return words().N(key, n, args...) },
		"words":      func(keys ...string) (string, error) { return wordsJSON(words(), keys) },
		"date":       func(d dossier.Date) string { return words().Date(d.Time) },
		"isoDate":    func(d dossier.Date) string { return d.String() },
		"yearOrDate": func(s string) string { return yearOrDate(words(), s) },
		"jsonld":     jsonLD,
		"kindName":   func(e Entity) string { return kindName(words(), e) },
		"orgKind":    func(kind string) string { return words().OrgKind(kind) },
		"dict":       dict,
		"first":      first,
	}
}

// yearOrDate writes a date given as a year (2001) or a full date
// (2001-06-15), such as an organization's founded, for readers: a year as
// it is, a full date in the site's language, anything else as written.
func yearOrDate(w *config.Words, s string) string {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return w.Date(t)
	}
	return s
}

// wordsJSON is a JSON object of the given words by key, for a script to
// read from a data attribute (search.js, claims.js).
func wordsJSON(w *config.Words, keys []string) (string, error) {
	m := make(map[string]string, len(keys)+1)
	for _, k := range keys {
		m[k] = w.T(k)
	}
	m["lang"] = w.Lang()
	b, err := json.Marshal(m)
	return string(b), err
}

// dict builds a map from alternating keys and values, to pass several values to a partial.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict: odd number of arguments")
	}
	m := make(map[string]any, len(kv)/2)
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// formatDate prints a date for readers in the site's language: "8 January 2022".
func (s *siteData) formatDate(d dossier.Date) string { return s.words.Date(d.Time) }

// jsonLD marshals v for a <script type="application/ld+json"> element;
// json.Marshal escapes <, > and & so the script cannot be closed early.
func jsonLD(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("json-ld: %w", err)
	}
	return template.JS(b), nil
}

// kindName is an organization's kind (see config.Words.OrgKind), or the
// word for "actor" or "organization".
func kindName(w *config.Words, e Entity) string {
	if o, ok := e.(Organization); ok && o.Kind() != "" {
		return w.OrgKind(o.Kind())
	}
	return w.T("kind-" + e.EntityKind())
}
