package content

import (
	"regexp"
	"slices"
	"strings"

	"github.com/dossier-dev/dossier/internal/diag"
)

// The decoders and checks of the keys that take one of a closed set of
// values: a source's kind, a claim's in, a language.

// sourceKind decodes a source's kind, one of SourceKinds.
func (d *decoder) sourceKind(key string, v *value) SourceKind {
	s := d.str(key, v)
	if s == "" || slices.Contains(SourceKinds, SourceKind(s)) {
		return SourceKind(s)
	}
	names := make([]string, len(SourceKinds))
	for i, k := range SourceKinds {
		names[i] = string(k)
	}
	d.oneOf(key, v, s, names)
	return ""
}

// anchorIn decodes a claim's in: InBody (also when absent) or InTitle.
func (d *decoder) anchorIn(key string, v *value) string {
	switch s := d.str(key, v); s {
	case "", InBody:
		return InBody
	case InTitle:
		return InTitle
	default:
		d.oneOf(key, v, s, []string{InBody, InTitle})
	}
	return InBody
}

// oneOf reports a value that is not one of names.
func (d *decoder) oneOf(key string, v *value, got string, names []string) {
	hint := diag.DidYouMean(got, names)
	if hint == "" {
		hint = "use one of " + strings.Join(quoteAll(names), ", ")
	}
	if d.bad == nil {
		d.bad = map[string]bool{}
	}
	d.bad[key] = true
	d.diags.Errorf(v.pos, diag.BadValue, hint, "%s: %q is not one of %s", key, got, strings.Join(names, ", "))
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = `"` + n + `"`
	}
	return out
}

// languageRE matches a language tag: a two- or three-letter language, then
// optional subtags (zh, ru, pt-BR, zh-Hant).
var languageRE = regexp.MustCompile(`^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$`)

// language decodes a language tag.
func (d *decoder) language(key string, v *value) string {
	s := d.str(key, v)
	if s != "" && !languageRE.MatchString(s) {
		d.diags.Errorf(v.pos, diag.BadValue, `write a language tag such as "en", "ru" or "zh-Hant"`,
			"%s: %q is not a language tag", key, s)
		return ""
	}
	return s
}

// checkSource reports a source of kind "other" without a note.
func (d *decoder) checkSource(key string, s *Source) {
	if s.Kind == SourceOther && strings.TrimSpace(s.Note) == "" {
		d.diags.Errorf(d.at(key+".kind", s.Pos), diag.KindNote,
			`add note = "…" saying what the source is, or use one of the listed kinds`,
			`%s: kind "other" needs a note saying what the source is`, key)
	}
}

// checkUpdates reports updates dated before the claim was checked.
func (d *decoder) checkUpdates(path string, c *Claim) {
	if c.Checked.IsZero() {
		return
	}
	for i, u := range c.Updates {
		if u.Date.IsZero() || !u.Date.Before(c.Checked.Time) {
			continue
		}
		key := elemKey(path+".updates", i) + ".date"
		d.diags.Errorf(d.at(key, u.Pos), diag.UpdateDate,
			"correct the update's date: checked ("+c.Checked.String()+") is when the claim was first checked",
			"%s: update dated %s, before the claim was checked (%s)", annotationName("claim", path, c.ID), u.Date, c.Checked)
	}
}
