package render

import (
	"encoding/json"
	"fmt"
	"html/template"

	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// funcs are the template functions every template can use.
var funcs = template.FuncMap{
	"date":     formatDate,
	"isoDate":  func(d content.Date) string { return d.String() },
	"jsonld":   jsonLD,
	"kindName": kindName,
	"dict":     dict,
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

// formatDate prints a date for readers: "8 January 2022".
func formatDate(d content.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2 January 2006")
}

// jsonLD marshals v for a <script type="application/ld+json"> element;
// json.Marshal escapes <, > and & so the script cannot be closed early.
func jsonLD(v any) (template.JS, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("json-ld: %w", err)
	}
	return template.JS(b), nil
}

// kindName is an organization's kind, or "actor" or "organization".
func kindName(e Entity) string {
	if o, ok := e.(Organization); ok && o.Kind() != "" {
		return o.Kind()
	}
	return e.EntityKind()
}

// entityKindName is kindName for the graph's own entities.
func entityKindName(e dossier.Entity) string {
	if o, ok := e.(*dossier.Organization); ok && o.Kind != "" {
		return o.Kind
	}
	return e.EntityKind()
}
