package render

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// ClaimReview is the schema.org ClaimReview of a claim page, as fact-check
// aggregators read it.
func (p *Page) ClaimReview() map[string]any {
	c, ok := p.object.(*dossier.Claim)
	if !ok {
		return nil
	}
	p.rec.claim(c)
	rating := map[string]any{"@type": "Rating", "alternateName": c.Verdict.Label}
	if c.Verdict.Rating > 0 {
		rating["ratingValue"] = c.Verdict.Rating
		rating["bestRating"] = 5
		rating["worstRating"] = 1
	}
	appearance := map[string]any{"@type": "CreativeWork", "url": p.AbsURL(Path(c.Article)), "headline": c.Article.Title}
	if c.Article.Source.URL != "" {
		appearance["url"] = c.Article.Source.URL
	}
	p.withHeadlineReviews(appearance, c.Article)
	if !c.Article.Date.IsZero() {
		appearance["datePublished"] = c.Article.Date.String()
	}
	item := map[string]any{"@type": "Claim", "appearance": appearance, "author": p.claimAuthor(c)}
	if !c.Article.Date.IsZero() {
		item["datePublished"] = c.Article.Date.String()
	}
	review := map[string]any{
		"@context":      "https://schema.org",
		"@type":         "ClaimReview",
		"@id":           p.AbsURL(Path(c)) + "#review",
		"url":           p.AbsURL(Path(c)),
		"claimReviewed": c.Reviewed(),
		"itemReviewed":  item,
		"reviewRating":  rating,
		"author":        p.reviewAuthor(c),
		"publisher":     p.publisher(),
	}
	if !c.Checked.IsZero() {
		review["datePublished"] = c.Checked.String()
	}
	if m := c.Modified(); !m.IsZero() {
		review["dateModified"] = m.String()
	}
	return review
}

// reviewAuthor is who wrote the review: the staff who checked the claim,
// each a Person or an Organization as its kind says, or the publisher
// when the claim names none.
func (p *Page) reviewAuthor(c *dossier.Claim) any {
	if len(c.CheckedBy) == 0 {
		return p.publisher()
	}
	authors := make([]map[string]any, len(c.CheckedBy))
	for i, m := range c.CheckedBy {
		kind := "Person"
		if m.Kind == config.StaffOrganization {
			kind = "Organization"
		}
		authors[i] = map[string]any{"@type": kind, "name": m.Name}
		if m.URL != "" {
			authors[i]["url"] = m.URL
		}
		if m.Role != "" && kind == "Person" {
			authors[i]["jobTitle"] = m.Role
		}
	}
	if len(authors) == 1 {
		return authors[0]
	}
	return authors
}

func (p *Page) claimAuthor(c *dossier.Claim) map[string]any {
	switch e := c.Claimant.(type) {
	case *dossier.Actor:
		return map[string]any{"@type": "Person", "@id": p.AbsURL(Path(e)) + "#id", "name": e.Name}
	case *dossier.Organization:
		return map[string]any{"@type": "Organization", "@id": p.AbsURL(Path(e)) + "#id", "name": e.Name}
	}
	author := map[string]any{"@type": "Organization", "name": c.Article.Source.Publisher}
	if c.Article.Source.Publisher == "" {
		author["name"] = c.Article.Title
		author["@type"] = "CreativeWork"
		p.withHeadlineReviews(author, c.Article)
	}
	return author
}

// withHeadlineReviews adds to a CreativeWork that names an article by its
// title the verdicts of the claims anchored in that title, as schema.org
// reviews: a false headline never travels without its verdict.
func (p *Page) withHeadlineReviews(work map[string]any, a *dossier.Article) {
	if len(a.Headline) == 0 {
		return
	}
	reviews := make([]map[string]any, len(a.Headline))
	for i, c := range a.Headline {
		reviews[i] = map[string]any{"@type": "ClaimReview", "url": p.AbsURL(Path(c)), "claimReviewed": c.Reviewed(),
			"reviewRating": map[string]any{"@type": "Rating", "alternateName": c.Verdict.Label}}
	}
	work["review"] = reviews
}

func (p *Page) publisher() map[string]any {
	org := map[string]any{"@type": "Organization", "name": p.Site.Publisher.Name}
	if p.Site.Publisher.Name == "" {
		org["name"] = p.Site.Title
	}
	if p.Site.Publisher.URL != "" {
		org["url"] = p.Site.Publisher.URL
	} else {
		org["url"] = p.AbsURL("")
	}
	return org
}

// Quotation is the schema.org Quotation of a quote page.
func (p *Page) Quotation() map[string]any {
	q, ok := p.object.(*dossier.Quote)
	if !ok {
		return nil
	}
	p.rec.quote(q)
	out := map[string]any{
		"@context": "https://schema.org",
		"@type":    "Quotation",
		"@id":      p.AbsURL(Path(q)) + "#id",
		"url":      p.AbsURL(Path(q)),
		"text":     q.Text,
	}
	if q.Speaker != nil {
		out["creator"] = map[string]any{"@type": "Person", "@id": p.AbsURL(Path(q.Speaker)) + "#id", "name": q.Speaker.Name}
	}
	if !q.Said.IsZero() {
		out["dateCreated"] = q.Said.String()
	}
	based := map[string]any{"@type": "CreativeWork", "url": p.AbsURL(Path(q.Article)), "name": q.Article.Title}
	if q.Article.Source.URL != "" {
		based["url"] = q.Article.Source.URL
	}
	p.withHeadlineReviews(based, q.Article)
	out["isBasedOn"] = based
	return out
}

// EntityLD is the schema.org Person or Organization of an entity page, with
// the @id that claims and quotes use for their author and creator.
func (p *Page) EntityLD() map[string]any {
	if e, ok := p.object.(dossier.Entity); ok {
		p.rec.entity(e)
	}
	switch e := p.object.(type) {
	case *dossier.Actor:
		out := map[string]any{"@context": "https://schema.org", "@type": "Person", "@id": p.AbsURL(Path(e)) + "#id",
			"name": e.Name, "url": p.AbsURL(Path(e))}
		if e.Role != "" {
			out["jobTitle"] = e.Role
		}
		if len(e.Aliases) > 0 {
			out["alternateName"] = e.Aliases
		}
		if e.Wikidata != "" {
			out["sameAs"] = "https://www.wikidata.org/wiki/" + e.Wikidata
		}
		return out
	case *dossier.Organization:
		out := map[string]any{"@context": "https://schema.org", "@type": "Organization", "@id": p.AbsURL(Path(e)) + "#id",
			"name": e.Name, "url": p.AbsURL(Path(e))}
		if e.Short != "" {
			out["alternateName"] = e.Short
		}
		if e.Wikidata != "" {
			out["sameAs"] = "https://www.wikidata.org/wiki/" + e.Wikidata
		}
		return out
	}
	return nil
}

// ClaimReviewPath is the file of every ClaimReview of the site in one
// JSON-LD document, for fact-check aggregators and databases.
const ClaimReviewPath = "data/claimreview.json"

// claimReviews is every claim's ClaimReview, as its page has it, in one
// JSON-LD document: one @context and the reviews as its @graph, in the
// order of the dossier's claims. Each review is encoded as it is made, so
// that the 50,000 reviews of a 10,000-article dossier are never all held
// as values at once; the bytes are those of encoding the whole document.
// Compact, for the programs that read it: indented, the file was 6.1 MB
// instead of 4.4 at 1,000 generated articles, and took longer to write.
func claimReviews(s *siteData) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(`{"@context":"https://schema.org","@graph":[`)
	enc := json.NewEncoder(&buf)
	for i, c := range s.D.Claims {
		if i > 0 {
			buf.WriteByte(',')
		}
		review := (&Page{siteData: s, object: c}).ClaimReview()
		delete(review, "@context")
		if err := enc.Encode(review); err != nil {
			return nil, fmt.Errorf("%s: %w", ClaimReviewPath, err)
		}
		buf.Truncate(buf.Len() - 1) // the newline Encode ends each value with
	}
	buf.WriteString("]}\n")
	return buf.Bytes(), nil
}
