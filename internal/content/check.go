package content

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/internal/diag"
)

// ValidID reports whether s can be an id: lowercase ASCII letters and digits
// in groups joined by single hyphens. An id is never a path. File names and
// claim and quote ids alike are ids.
func ValidID(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case ('a' <= c && c <= 'z') || ('0' <= c && c <= '9'):
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

// Slug makes a valid id out of s, or returns "" when s has no letter or digit
// to keep: "Zhang_Ming" → "zhang-ming".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}

// idHint tells how to write a valid id, suggesting one made from bad.
func idHint(bad, example string) string {
	if s := Slug(bad); s != "" {
		example = s
	}
	return fmt.Sprintf(`use only a-z, 0-9 and "-", such as %q`, example)
}

// at returns the position of key, or fallback when it was not written.
func (d *decoder) at(key string, fallback diag.Pos) diag.Pos {
	if p, ok := d.keys[key]; ok {
		return p
	}
	return fallback
}

// addHint tells how to write key with an example value.
func (d *decoder) addHint(key, example string) string {
	if d.format == formatYAML {
		return fmt.Sprintf("add %s: %s", key, example)
	}
	return fmt.Sprintf("add %s = %s", key, example)
}

// require reports key (a dotted path) when its value is empty. what names the
// thing it belongs to, "" for the file itself.
func (d *decoder) require(empty bool, what, key, example string, fallback diag.Pos) {
	if !empty || d.bad[key] {
		return
	}
	name := key[strings.LastIndexByte(key, '.')+1:]
	msg := fmt.Sprintf("missing %q", name)
	if what != "" {
		msg = what + ": " + msg
	}
	d.diags.Errorf(d.at(key, fallback), diag.Missing, d.addHint(name, example), "%s", msg)
}

// annotation checks the id and text shared by claims and quotes.
func (d *decoder) annotation(kind, path, id, text string, pos diag.Pos) {
	switch {
	case id == "":
		d.require(true, path, path+".id", `"a-short-id"`, pos)
	case !ValidID(id):
		d.diags.Errorf(d.at(path+".id", pos), diag.BadID, idHint(id, "a-short-id"), "invalid %s id %q", kind, id)
	}
	if strings.TrimSpace(text) == "" {
		d.diags.Errorf(d.at(path+".text", pos), diag.Empty,
			"copy the exact words of the article body into text", "%s: empty \"text\"", annotationName(kind, path, id))
	}
}

// annotationName names a claim or quote in messages: by its id when that is
// valid, else by its path.
func annotationName(kind, path, id string) string {
	if ValidID(id) {
		return fmt.Sprintf("%s %q", kind, id)
	}
	return path
}

// checkClaim reports a claim without id, text or status, and updates dated
// before the claim was checked.
func (d *decoder) checkClaim(path string, c *Claim) {
	d.annotation("claim", path, c.ID, c.Text, c.Pos)
	if c.Status.ID == "" {
		d.require(true, annotationName("claim", path, c.ID), path+".status", `"misleading"`, c.Pos)
	}
	if c.In == "" {
		c.In = InBody
	}
	d.checkUpdates(path, c)
}

// checkQuote reports a quote without id, text or speaker.
func (d *decoder) checkQuote(path string, q *Quote) {
	d.annotation("quote", path, q.ID, q.Text, q.Pos)
	if q.Speaker.ID == "" {
		d.require(true, annotationName("quote", path, q.ID), path+".speaker", `"an-actor-id"`, q.Pos)
	}
}

// checkArticle reports missing keys, and claim or quote ids used twice; the
// second of two is left out.
func (d *decoder) checkArticle(a *Article) {
	d.require(a.Title == "", "", "title", `"…"`, a.Pos)
	d.require(a.Date.IsZero(), "", "date", "2022-01-08", a.Pos)
	a.Claims = uniqueIDs(d, "claim", a.Claims, func(c *Claim) string { return c.ID }, func(c *Claim) diag.Pos {
		return d.at("claims."+strconv.Itoa(c.Index)+".id", c.Pos)
	})
	a.Quotes = uniqueIDs(d, "quote", a.Quotes, func(q *Quote) string { return q.ID }, func(q *Quote) diag.Pos {
		return d.at("quotes."+strconv.Itoa(q.Index)+".id", q.Pos)
	})
}

// uniqueIDs reports and drops the items whose id an earlier item has; pos
// tells where an item's id is written.
func uniqueIDs[T any](d *decoder, kind string, items []T, id func(*T) string, pos func(*T) diag.Pos) []T {
	seen := make(map[string]int, len(items)) // id → index in out
	out := items[:0]
	for i := range items {
		it := &items[i]
		if first, dup := seen[id(it)]; dup {
			d.diags.Errorf(pos(it), diag.Duplicate, "give each "+kind+" of an article its own id",
				"%s id %q is used twice (first at line %d)", kind, id(it), pos(&out[first]).Line)
			continue
		}
		seen[id(it)] = len(out)
		out = append(out, *it)
	}
	return out
}

// checkActor reports an actor without a name.
func (d *decoder) checkActor(a *Actor) { d.require(a.Name == "", "", "name", `"…"`, a.Pos) }

// checkOrganization reports an organization without a name.
func (d *decoder) checkOrganization(o *Organization) {
	d.require(o.Name == "", "", "name", `"…"`, o.Pos)
}

// checkEvent reports an event without a title or date, or ending before it starts.
func (d *decoder) checkEvent(e *Event) {
	d.require(e.Title == "", "", "title", `"…"`, e.Pos)
	d.require(e.Date.IsZero(), "", "date", "2022-01-08", e.Pos)
	if !e.Date.IsZero() && !e.End.IsZero() && e.End.Before(e.Date.Time) {
		d.diags.Errorf(d.at("end", e.Pos), diag.BadValue, "correct end, or swap it with date",
			"end %s is before date %s", e.End, e.Date)
	}
}
