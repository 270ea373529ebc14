package render

import (
	"encoding/json"
	"html/template"
	"strconv"

	"github.com/dossier-dev/dossier/internal/dossier"
)

// The JSON-LD of claim and quote pages, 8,000 of a 1,000-article site's
// pages, is written here directly instead of marshalling the maps of
// ClaimReview and Quotation: the same bytes (keys in sorted order, strings
// escaped as encoding/json escapes them, see tmpl_jsonld_test.go) without
// building maps or reflecting on them.

// jsonObject writes one JSON object; keys must come in sorted order, as
// encoding/json writes a map's.
type jsonObject struct{ b []byte }

func (o *jsonObject) key(k string) {
	if len(o.b) == 0 {
		o.b = append(o.b, '{')
	} else {
		o.b = append(o.b, ',')
	}
	o.b = appendJSONString(o.b, k)
	o.b = append(o.b, ':')
}

func (o *jsonObject) str(k, v string) *jsonObject {
	o.key(k)
	o.b = appendJSONString(o.b, v)
	return o
}

func (o *jsonObject) int(k string, v int) *jsonObject {
	o.key(k)
	o.b = strconv.AppendInt(o.b, int64(v), 10)
	return o
}

func (o *jsonObject) obj(k string, v *jsonObject) *jsonObject {
	o.key(k)
	o.b = append(o.b, v.bytes()...)
	return o
}

// appendJSONString appends s as encoding/json writes a string.
func appendJSONString(b []byte, s string) []byte {
	j, _ := json.Marshal(s) // a string always marshals
	return append(b, j...)
}

func (o *jsonObject) bytes() []byte {
	if len(o.b) == 0 {
		return []byte("{}")
	}
	return append(o.b, '}')
}

// claimReviewJSON is jsonLD(p.ClaimReview()) for a claim page.
func (p *Page) claimReviewJSON(c *dossier.Claim) template.JS {
	rating := (&jsonObject{}).str("@type", "Rating").str("alternateName", c.Verdict.Label)
	if c.Verdict.Rating > 0 {
		rating.int("bestRating", 5).int("ratingValue", c.Verdict.Rating).int("worstRating", 1)
	}
	a := c.Article
	appearance := (&jsonObject{}).str("@type", "CreativeWork")
	if !a.Date.IsZero() {
		appearance.str("datePublished", a.Date.String())
	}
	url := a.Source.URL
	if url == "" {
		url = p.AbsURL(Path(a))
	}
	appearance.str("headline", a.Title).str("url", url)
	item := (&jsonObject{}).str("@type", "Claim").obj("appearance", appearance).obj("author", p.claimAuthorJSON(c))
	if !a.Date.IsZero() {
		item.str("datePublished", a.Date.String())
	}
	self := p.AbsURL(Path(c))
	publisher := p.publisherJSON()
	review := (&jsonObject{}).str("@context", "https://schema.org").str("@id", self+"#review").str("@type", "ClaimReview").
		obj("author", publisher).str("claimReviewed", shorten(c.Text, 200))
	if !c.Checked.IsZero() {
		review.str("datePublished", c.Checked.String())
	}
	review.obj("itemReviewed", item).obj("publisher", publisher).obj("reviewRating", rating).str("url", self)
	return template.JS(review.bytes())
}

func (p *Page) claimAuthorJSON(c *dossier.Claim) *jsonObject {
	switch e := c.Claimant.(type) {
	case *dossier.Actor:
		return (&jsonObject{}).str("@id", p.AbsURL(Path(e))+"#id").str("@type", "Person").str("name", e.Name)
	case *dossier.Organization:
		return (&jsonObject{}).str("@id", p.AbsURL(Path(e))+"#id").str("@type", "Organization").str("name", e.Name)
	}
	if c.Article.Source.Publisher == "" {
		return (&jsonObject{}).str("@type", "CreativeWork").str("name", c.Article.Title)
	}
	return (&jsonObject{}).str("@type", "Organization").str("name", c.Article.Source.Publisher)
}

func (p *Page) publisherJSON() *jsonObject {
	name, url := p.Site.Publisher.Name, p.Site.Publisher.URL
	if name == "" {
		name = p.Site.Title
	}
	if url == "" {
		url = p.AbsURL("")
	}
	return (&jsonObject{}).str("@type", "Organization").str("name", name).str("url", url)
}

// quotationJSON is jsonLD(p.Quotation()) for a quote page.
func (p *Page) quotationJSON(q *dossier.Quote) template.JS {
	self := p.AbsURL(Path(q))
	out := (&jsonObject{}).str("@context", "https://schema.org").str("@id", self+"#id").str("@type", "Quotation")
	if q.Speaker != nil {
		out.obj("creator", (&jsonObject{}).str("@id", p.AbsURL(Path(q.Speaker))+"#id").str("@type", "Person").str("name", q.Speaker.Name))
	}
	if !q.Said.IsZero() {
		out.str("dateCreated", q.Said.String())
	}
	url := q.Article.Source.URL
	if url == "" {
		url = p.AbsURL(Path(q.Article))
	}
	based := (&jsonObject{}).str("@type", "CreativeWork").str("name", q.Article.Title).str("url", url)
	out.obj("isBasedOn", based).str("text", q.Text).str("url", self)
	return template.JS(out.bytes())
}
