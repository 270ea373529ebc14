package benchcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Article is a generated annotated text.
type Article struct {
	Slug          string
	Title         string
	Date          Date
	Summary       string
	Actors        []string // actor ids, all named in the body
	Organizations []string // organization ids, all named in the body
	Tags          []string
	Source        Source
	Claims        []Claim
	Quotes        []Quote
	Body          string // Markdown
	Words         int    // words of rendered text, roughly
}

// Source is where a text comes from, or a document supporting a verdict.
type Source struct {
	Title, URL, Publisher string
}

// Claim is a checked span of an article's body.
type Claim struct {
	ID          string
	Text        string
	Claimant    string // "article", an actor id or an organization id
	Status      string
	Explanation string
	Checked     Date
	Sources     []Source
}

// Quote is attributed speech in an article's body.
type Quote struct {
	ID      string
	Speaker string // actor id
	Text    string
	Said    Date
	Via     string // organization id of a medium
}

// Verdicts are the ids of the default verdict scale.
var Verdicts = []string{"true", "mostly-true", "misleading", "false", "unverified", "disputed"}

// Per-article annotation counts.
const (
	claimsPerArticle = 5
	quotesPerArticle = 3
)

// block is one top-level Markdown block; paragraphs keep their sentences so that
// annotations can be slotted in before rendering.
type block struct {
	piece
	sentences []piece // set for paragraphs only
}

// articleWriter composes one article.
type articleWriter struct {
	prose
	c      *Corpus
	index  int
	actors []*Actor
	orgs   []*Organization
	media  *Organization
	blocks []block
	extras int      // extra blocks placed so far: list, quote, table, code
	notes  int      // footnotes
	texts  []string // annotation texts so far
	// filler is the plain text before annotation; inserted collects the plain text
	// of every sentence added since. Annotation texts hold no ".", so they cannot
	// match across a sentence boundary and these two tell where a text occurs.
	filler   string
	inserted strings.Builder
	article  *Article
}

func (c *Corpus) newArticle(seed uint64, i int) *Article {
	w := &articleWriter{prose: prose{rng: rand.New(rand.NewPCG(seed, uint64(i)+1))}, c: c, index: i}
	w.article = &Article{Date: dateFrom(w.rng.IntN(90))}
	w.cast()
	target := 650 + w.rng.IntN(801)
	w.compose(target)
	w.annotate()
	w.fit(target - 12*w.notes) // each footnote's definition adds about 12 words
	w.footnotes()
	w.finish()
	return w.article
}

// cast chooses the article's actors and organizations and the medium its quotes
// come through. Actor i mod len and organization i mod len (unless a medium) come
// first, so a large enough corpus names every actor and organization.
func (w *articleWriter) cast() {
	seen := map[string]bool{}
	for k := range 2 + w.rng.IntN(4) {
		j := w.rng.IntN(len(w.c.Actors))
		if k == 0 {
			j = w.index % len(w.c.Actors)
		}
		if a := &w.c.Actors[j]; !seen[a.ID] {
			seen[a.ID] = true
			w.actors = append(w.actors, a)
		}
	}
	for k := range 1 + w.rng.IntN(3) {
		j := w.rng.IntN(len(w.c.Organizations))
		if k == 0 {
			j = w.index % len(w.c.Organizations)
		}
		if o := &w.c.Organizations[j]; !seen[o.ID] && o.Kind != "media" {
			seen[o.ID] = true
			w.orgs = append(w.orgs, o)
		}
	}
	media := w.c.media()
	w.media = media[w.rng.IntN(len(media))]
	if !seen[w.media.ID] {
		w.orgs = append(w.orgs, w.media)
	}
}

// compose writes sections of filler until the body has about target words, with at
// least one list, block quote, table and code block.
func (w *articleWriter) compose(target int) {
	budget := target - 20*(claimsPerArticle+quotesPerArticle) - 14*len(w.actors) - 16*len(w.orgs)
	total := w.paragraph(2 + w.rng.IntN(2))
	for total < budget || w.extras < 4 {
		total += w.add(w.heading())
		total += w.paragraph(2 + w.rng.IntN(3))
		for range w.rng.IntN(3) {
			if total < budget {
				total += w.paragraph(2 + w.rng.IntN(3))
			}
		}
		total += w.extra()
	}
}

// fit trims filler sentences, or adds paragraphs, until the body has about target
// words (within one sentence). Annotations and footnoted sentences stay.
func (w *articleWriter) fit(target int) {
	total := words(w.filler) + words(w.inserted.String())
	for total < target {
		total += w.paragraph(2)
	}
	ps := w.paragraphs()
	for tries := 0; total > target && tries < 1000; tries++ {
		b := &w.blocks[ps[w.rng.IntN(len(ps))]]
		k := w.rng.IntN(len(b.sentences))
		if len(b.sentences) < 2 || b.sentences[k].fixed {
			continue
		}
		total -= words(b.sentences[k].plain)
		b.sentences = append(b.sentences[:k], b.sentences[k+1:]...)
	}
	w.article.Words = total
}

// footnotes adds the definitions of the footnotes the paragraphs refer to.
func (w *articleWriter) footnotes() {
	for n := 1; n <= w.notes; n++ {
		w.add(piece{md: fmt.Sprintf("[^%d]: %s", n, w.sentence().md)})
	}
}

func (w *articleWriter) add(p piece) int {
	w.blocks = append(w.blocks, block{piece: p})
	return words(p.plain)
}

// paragraph adds a paragraph of n filler sentences, one in five ending in a footnote.
func (w *articleWriter) paragraph(n int) int {
	b := block{}
	total := 0
	for range n {
		s := w.sentence()
		total += words(s.plain)
		b.sentences = append(b.sentences, s)
	}
	if w.rng.IntN(5) == 0 {
		w.notes++
		last := &b.sentences[len(b.sentences)-1]
		last.md += fmt.Sprintf("[^%d]", w.notes)
		last.plain += fmt.Sprint(w.notes)
		last.fixed = true
	}
	w.blocks = append(w.blocks, b)
	return total
}

// extra adds one non-paragraph block, cycling through the four kinds.
func (w *articleWriter) extra() int {
	kinds := []func() piece{w.list, w.blockQuote, w.table, w.codeBlock}
	k := w.extras % len(kinds)
	if w.extras >= len(kinds) {
		k = w.rng.IntN(len(kinds))
	}
	w.extras++
	return w.add(kinds[k]())
}

// paragraphs returns the indexes of the paragraph blocks.
func (w *articleWriter) paragraphs() []int {
	var ps []int
	for i, b := range w.blocks {
		if b.sentences != nil {
			ps = append(ps, i)
		}
	}
	return ps
}

// insert puts a sentence at a random place in a random paragraph, to stay.
func (w *articleWriter) insert(s piece) {
	s.fixed = true
	ps := w.paragraphs()
	b := &w.blocks[ps[w.rng.IntN(len(ps))]]
	at := w.rng.IntN(len(b.sentences) + 1)
	b.sentences = append(b.sentences[:at], append([]piece{s}, b.sentences[at:]...)...)
	w.inserted.WriteString(s.plain)
	w.inserted.WriteByte('\n')
}

// finish renders the blocks into the body and fills in the article's metadata.
func (w *articleWriter) finish() {
	a := w.article
	var md strings.Builder
	md.Grow(12 << 10)
	for i, b := range w.blocks {
		if i > 0 {
			md.WriteString("\n\n")
		}
		w.writeMarkdown(&md, b)
	}
	md.WriteString("\n")
	a.Body = md.String()
	first := w.blocks[0].sentences[0].plain
	a.Title = fmt.Sprintf("%s in %s", capitalize(w.pick(clauses)), w.pick(places))
	a.Summary = first
	a.Slug = fmt.Sprintf("%s-%05d", slugify(a.Title, 4), w.index+1)
	for _, x := range w.actors {
		a.Actors = append(a.Actors, x.ID)
	}
	for _, o := range w.orgs {
		a.Organizations = append(a.Organizations, o.ID)
	}
	a.Tags = []string{w.pick(tags)}
	if t := w.pick(tags); t != a.Tags[0] {
		a.Tags = append(a.Tags, t)
	}
	a.Source = Source{Title: a.Title, Publisher: w.media.Name,
		URL: fmt.Sprintf("https://example.org/news/%s", a.Slug)}
}

// render joins a paragraph's sentences; other blocks are already rendered.
func (w *articleWriter) render(b block) piece {
	if b.sentences == nil {
		return b.piece
	}
	var md, plain strings.Builder
	for i, s := range b.sentences {
		if i > 0 {
			md.WriteByte(' ')
			plain.WriteByte(' ')
		}
		md.WriteString(s.md)
		plain.WriteString(s.plain)
	}
	return mdPiece(md.String(), plain.String())
}

// writeMarkdown appends a block's Markdown to sb.
func (w *articleWriter) writeMarkdown(sb *strings.Builder, b block) {
	if b.sentences == nil {
		sb.WriteString(b.md)
		return
	}
	for i, s := range b.sentences {
		if i > 0 {
			sb.WriteByte(' ')
		}
		sb.WriteString(s.md)
	}
}

// plainText is the article's text as a renderer shows it, one block per line.
func (w *articleWriter) plainText() string {
	var sb strings.Builder
	for _, b := range w.blocks {
		sb.WriteString(w.render(b).plain)
		sb.WriteString("\n")
	}
	return sb.String()
}

// slugify lowercases the first n words of s and joins them with "-".
func slugify(s string, n int) string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, "-")
}
