package benchcorpus

import (
	"fmt"
	"strings"
)

// annotate names every cast member in the body and slots in the claims and quotes,
// each with a text that occurs exactly once in the article's rendered text.
func (w *articleWriter) annotate() {
	w.filler = w.plainText()
	for i, a := range w.actors {
		w.insert(w.mention(a, false))
		if i%2 == 1 && len(a.Aliases) > 0 {
			w.insert(w.mention(a, true))
		}
	}
	for _, o := range w.orgs {
		if o != w.media {
			w.insert(w.orgMention(o))
		}
	}
	for k := range claimsPerArticle {
		w.claim(k + 1)
	}
	for k := range quotesPerArticle {
		w.quote(k + 1)
	}
}

// unique returns a text from gen that occurs nowhere in the article yet and
// contains no earlier annotation's text, so that every annotation occurs exactly
// once when inserted.
func (w *articleWriter) unique(gen func() string) string {
	for {
		t := gen()
		if !strings.Contains(w.filler, t) && !strings.Contains(w.inserted.String(), t) && !w.containsText(t) {
			w.texts = append(w.texts, t)
			return t
		}
	}
}

func (w *articleWriter) containsText(t string) bool {
	for _, old := range w.texts {
		if strings.Contains(t, old) {
			return true
		}
	}
	return false
}

func (w *articleWriter) claimText() string {
	return fmt.Sprintf("%d %s %s %s %s", 20+w.rng.IntN(9980), w.pick(quantityNouns),
		w.pick(quantityVerbs), w.pick(places), w.pick(timeSpans))
}

func (w *articleWriter) quoteText() string {
	return fmt.Sprintf("%s %s %s in %s", w.pick(quoteOpeners), w.pick(quoteObjects),
		w.pick(quoteTargets), w.pick(places))
}

// claim adds claim k: a figure attributed to the article, an actor or an organization.
func (w *articleWriter) claim(k int) {
	text := w.unique(w.claimText)
	c := Claim{
		ID:      fmt.Sprintf("claim-%05d-%d", w.index+1, k),
		Text:    text,
		Status:  Verdicts[w.rng.IntN(len(Verdicts))],
		Checked: dateFrom(100 + w.rng.IntN(300)),
	}
	var lead string
	switch w.rng.IntN(3) {
	case 0:
		c.Claimant, lead = "article", "The report stated that "
	case 1:
		a := w.actors[w.rng.IntN(len(w.actors))]
		c.Claimant, lead = a.ID, a.Name+" claimed that "
	default:
		o := w.orgs[w.rng.IntN(len(w.orgs))]
		c.Claimant, lead = o.ID, "According to the "+o.Name+", "
	}
	c.Explanation = fmt.Sprintf("Records from %s show a different figure; *%s* %s.",
		w.pick(places), w.pick(subjects), w.pick(verbs)+" "+w.pick(objects))
	for s := range 1 + w.rng.IntN(2) {
		c.Sources = append(c.Sources, Source{
			Title:     capitalize(w.pick(objects)),
			URL:       fmt.Sprintf("https://example.org/sources/%s-%d", c.ID, s+1),
			Publisher: w.c.media()[w.rng.IntN(len(w.c.media()))].Name,
		})
	}
	w.insert(plainPiece(lead + text + "."))
	w.article.Claims = append(w.article.Claims, c)
}

// quote adds quote k, spoken by one of the article's actors and carried by its medium.
func (w *articleWriter) quote(k int) {
	text := w.unique(w.quoteText)
	a := w.actors[w.rng.IntN(len(w.actors))]
	q := Quote{
		ID:      fmt.Sprintf("quote-%05d-%d", w.index+1, k),
		Speaker: a.ID,
		Text:    text,
		Said:    w.article.Date,
		Via:     w.media.ID,
	}
	s := fmt.Sprintf("%s told reporters that \"%s\", according to %s.", a.Name, text, w.media.Name)
	w.insert(mdPiece(s, strings.ReplaceAll(s, "\"", "")))
	w.article.Quotes = append(w.article.Quotes, q)
}
