package content

import (
	"maps"
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/internal/diag"
)

// The schemas below are the front-matter reference of doc.go, as code: one
// per table, each key with the decoding of its value.

var articleSchema = newSchema(map[string]setter[Article]{
	"title":         strKey(func(a *Article) *string { return &a.Title }),
	"date":          dateKey(func(a *Article) *Date { return &a.Date }),
	"summary":       strKey(func(a *Article) *string { return &a.Summary }),
	"actors":        refsKey(func(a *Article) *[]Ref { return &a.Actors }),
	"organizations": refsKey(func(a *Article) *[]Ref { return &a.Organizations }),
	"tags":          strsKey(func(a *Article) *[]string { return &a.Tags }),
	"language":      langKey(func(a *Article) *string { return &a.Language }),
	"draft":         boolKey(func(a *Article) *bool { return &a.Draft }),
	"source": func(d *decoder, key string, v *value, a *Article) {
		d.source(key, v, articleSourceSchema, &a.Source)
	},
	"claims": func(d *decoder, key string, v *value, a *Article) { a.Claims = d.claims(key, v) },
	"quotes": func(d *decoder, key string, v *value, a *Article) { a.Quotes = d.quotes(key, v) },
})

// sourceKeys are the keys of every source; an article's [source] also takes original.
var sourceKeys = map[string]setter[Source]{
	"title": strKey(func(s *Source) *string { return &s.Title }),
	"url": func(d *decoder, key string, v *value, s *Source) {
		s.URL, s.URLPos = d.str(key, v), v.pos
	},
	"publisher": strKey(func(s *Source) *string { return &s.Publisher }),
	"date":      dateKey(func(s *Source) *Date { return &s.Date }),
	"kind":      func(d *decoder, key string, v *value, s *Source) { s.Kind = d.sourceKind(key, v) },
	"quote":     strKey(func(s *Source) *string { return &s.Quote }),
	"archived": func(d *decoder, key string, v *value, s *Source) {
		s.Archived, s.ArchivedPos = d.str(key, v), v.pos
	},
	"note": strKey(func(s *Source) *string { return &s.Note }),
}

var sourceSchema = newSchema(sourceKeys)

var articleSourceSchema = newSchema(withKey(sourceKeys, "original", func(d *decoder, key string, v *value, s *Source) {
	o := &Origin{Pos: v.pos, URLPos: v.pos}
	decodeTable(d, v, key, originSchema, o)
	s.Original = o
}))

var originSchema = newSchema(map[string]setter[Origin]{
	"publisher": strKey(func(o *Origin) *string { return &o.Publisher }),
	"url": func(d *decoder, key string, v *value, o *Origin) {
		o.URL, o.URLPos = d.str(key, v), v.pos
	},
	"date": dateKey(func(o *Origin) *Date { return &o.Date }),
})

var updateSchema = newSchema(map[string]setter[Update]{
	"date": dateKey(func(u *Update) *Date { return &u.Date }),
	"note": strKey(func(u *Update) *string { return &u.Note }),
	"from": refKey(func(u *Update) *Ref { return &u.From }),
})

var claimSchema = newSchema(map[string]setter[Claim]{
	"id":          strKey(func(c *Claim) *string { return &c.ID }),
	"text":        strKey(func(c *Claim) *string { return &c.Text }),
	"prefix":      strKey(func(c *Claim) *string { return &c.Prefix }),
	"suffix":      strKey(func(c *Claim) *string { return &c.Suffix }),
	"in":          func(d *decoder, key string, v *value, c *Claim) { c.In = d.anchorIn(key, v) },
	"claim":       strKey(func(c *Claim) *string { return &c.Restatement }),
	"claimant":    refKey(func(c *Claim) *Ref { return &c.Claimant }),
	"status":      refKey(func(c *Claim) *Ref { return &c.Status }),
	"explanation": strKey(func(c *Claim) *string { return &c.Explanation }),
	"checked":     dateKey(func(c *Claim) *Date { return &c.Checked }),
	"checked_by":  refsKey(func(c *Claim) *[]Ref { return &c.CheckedBy }),
	"sources":     sourcesKey(func(c *Claim) *[]Source { return &c.Sources }),
	"updates":     func(d *decoder, key string, v *value, c *Claim) { c.Updates = d.updates(key, v) },
})

var quoteSchema = newSchema(map[string]setter[Quote]{
	"id":         strKey(func(q *Quote) *string { return &q.ID }),
	"speaker":    refKey(func(q *Quote) *Ref { return &q.Speaker }),
	"text":       strKey(func(q *Quote) *string { return &q.Text }),
	"prefix":     strKey(func(q *Quote) *string { return &q.Prefix }),
	"suffix":     strKey(func(q *Quote) *string { return &q.Suffix }),
	"said":       dateKey(func(q *Quote) *Date { return &q.Said }),
	"via":        refKey(func(q *Quote) *Ref { return &q.Via }),
	"context":    strKey(func(q *Quote) *string { return &q.Context }),
	"paraphrase": boolKey(func(q *Quote) *bool { return &q.Paraphrase }),
	"original":   strKey(func(q *Quote) *string { return &q.Original }),
	"language":   langKey(func(q *Quote) *string { return &q.Language }),
})

var actorSchema = newSchema(map[string]setter[Actor]{
	"name":          strKey(func(a *Actor) *string { return &a.Name }),
	"aliases":       strsKey(func(a *Actor) *[]string { return &a.Aliases }),
	"forms":         strsKey(func(a *Actor) *[]string { return &a.Forms }),
	"role":          strKey(func(a *Actor) *string { return &a.Role }),
	"organizations": refsKey(func(a *Actor) *[]Ref { return &a.Organizations }),
	"country":       refKey(func(a *Actor) *Ref { return &a.Country }),
	"wikidata":      strKey(func(a *Actor) *string { return &a.Wikidata }),
	"image":         strKey(func(a *Actor) *string { return &a.Image }),
	"sources":       sourcesKey(func(a *Actor) *[]Source { return &a.Sources }),
	"draft":         boolKey(func(a *Actor) *bool { return &a.Draft }),
})

var organizationSchema = newSchema(map[string]setter[Organization]{
	"name":         strKey(func(o *Organization) *string { return &o.Name }),
	"short":        strKey(func(o *Organization) *string { return &o.Short }),
	"aliases":      strsKey(func(o *Organization) *[]string { return &o.Aliases }),
	"forms":        strsKey(func(o *Organization) *[]string { return &o.Forms }),
	"kind":         strKey(func(o *Organization) *string { return &o.Kind }),
	"founded":      yearKey(func(o *Organization) *string { return &o.Founded }),
	"members":      refsKey(func(o *Organization) *[]Ref { return &o.Members }),
	"headquarters": strKey(func(o *Organization) *string { return &o.Headquarters }),
	"wikidata":     strKey(func(o *Organization) *string { return &o.Wikidata }),
	"sources":      sourcesKey(func(o *Organization) *[]Source { return &o.Sources }),
	"draft":        boolKey(func(o *Organization) *bool { return &o.Draft }),
})

var eventSchema = newSchema(map[string]setter[Event]{
	"title":         strKey(func(e *Event) *string { return &e.Title }),
	"date":          dateKey(func(e *Event) *Date { return &e.Date }),
	"end":           dateKey(func(e *Event) *Date { return &e.End }),
	"actors":        refsKey(func(e *Event) *[]Ref { return &e.Actors }),
	"organizations": refsKey(func(e *Event) *[]Ref { return &e.Organizations }),
	"sources":       sourcesKey(func(e *Event) *[]Source { return &e.Sources }),
	"draft":         boolKey(func(e *Event) *bool { return &e.Draft }),
})

// The key kinds: each makes a setter from an accessor to the field it fills.

func strKey[T any](f func(*T) *string) setter[T] {
	return func(d *decoder, key string, v *value, t *T) { *f(t) = d.str(key, v) }
}

func strsKey[T any](f func(*T) *[]string) setter[T] {
	return func(d *decoder, key string, v *value, t *T) { *f(t) = d.strs(key, v) }
}

func refKey[T any](f func(*T) *Ref) setter[T] {
	return func(d *decoder, key string, v *value, t *T) { *f(t) = d.ref(key, v) }
}

func refsKey[T any](f func(*T) *[]Ref) setter[T] {
	return func(d *decoder, key string, v *value, t *T) { *f(t) = d.refs(key, v) }
}

func boolKey[T any](f func(*T) *bool) setter[T] {
	return func(d *decoder, key string, v *value, t *T) { *f(t) = d.boolean(key, v) }
}

func dateKey[T any](f func(*T) *Date) setter[T] {
	return func(d *decoder, key string, v *value, t *T) { *f(t) = d.date(key, v) }
}

func yearKey[T any](f func(*T) *string) setter[T] {
	return func(d *decoder, key string, v *value, t *T) { *f(t) = d.yearOrDate(key, v) }
}

func langKey[T any](f func(*T) *string) setter[T] {
	return func(d *decoder, key string, v *value, t *T) { *f(t) = d.language(key, v) }
}

// withKey returns a copy of keys with one more.
func withKey[T any](keys map[string]setter[T], name string, set setter[T]) map[string]setter[T] {
	out := maps.Clone(keys)
	out[name] = set
	return out
}

func sourcesKey[T any](f func(*T) *[]Source) setter[T] {
	return func(d *decoder, key string, v *value, t *T) { *f(t) = d.sources(key, v) }
}

// sources decodes a list of source tables.
func (d *decoder) sources(key string, v *value) []Source {
	var out []Source
	items := d.tables(key, v)
	for i, item := range items {
		if item == nil {
			continue
		}
		out = append(out, Source{})
		d.source(join(key, strconv.Itoa(i)), item, sourceSchema, &out[len(out)-1])
	}
	return out
}

// source decodes one source table by schema s and checks it.
func (d *decoder) source(key string, v *value, s *schema[Source], src *Source) {
	src.Pos, src.URLPos, src.ArchivedPos = v.pos, v.pos, v.pos
	decodeTable(d, v, key, s, src)
	d.checkSource(key, src)
}

// updates decodes a claim's corrections log.
func (d *decoder) updates(key string, v *value) []Update {
	var out []Update
	for i, item := range d.tables(key, v) {
		if item == nil {
			continue
		}
		u := Update{Pos: item.pos}
		path := join(key, strconv.Itoa(i))
		decodeTable(d, item, path, updateSchema, &u)
		d.require(u.Date.IsZero(), path, path+".date", "2026-12-01", u.Pos)
		d.require(strings.TrimSpace(u.Note) == "", path, path+".note", `"what changed and why"`, u.Pos)
		out = append(out, u)
	}
	return out
}

// claims decodes the claims list. A claim with any error is left out, so that
// later stages do not report it again.
func (d *decoder) claims(key string, v *value) []Claim {
	var out []Claim
	items := d.tables(key, v)
	for i, item := range items {
		if item == nil {
			continue
		}
		c := Claim{Index: i, Pos: item.pos}
		errs := d.diags.Count(diag.Error)
		path := join(key, strconv.Itoa(i))
		decodeTable(d, item, path, claimSchema, &c)
		d.checkClaim(path, &c)
		if d.diags.Count(diag.Error) == errs {
			out = append(out, c)
		}
	}
	return out
}

// quotes decodes the quotes list, leaving out quotes with errors.
func (d *decoder) quotes(key string, v *value) []Quote {
	var out []Quote
	items := d.tables(key, v)
	for i, item := range items {
		if item == nil {
			continue
		}
		q := Quote{Index: i, Pos: item.pos}
		errs := d.diags.Count(diag.Error)
		path := join(key, strconv.Itoa(i))
		decodeTable(d, item, path, quoteSchema, &q)
		d.checkQuote(path, &q)
		if d.diags.Count(diag.Error) == errs {
			out = append(out, q)
		}
	}
	return out
}
