package render

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/render/card"
)

// Every claim and every article has a share card, card.png beside its page
// (see package card), which its page names as og:image; no other page has
// one, and site.toml's [cards] enabled = false leaves them all out. A card
// is an output file made like a page: a job of the render, made in the
// same parallel pass as the pages, whose inputs are recorded as it reads
// them (the claim or the article, and the site), so a preview rebuild makes
// again only the cards whose inputs changed. Drawing goes through Cards,
// which keeps what it drew by content: a card whose content did not change
// is never drawn twice.

// cardFile is the name of a page's card, in its page's folder.
const cardFile = "card.png"

// CardCache keeps drawn cards by their content's key (card.Card.Key). It is
// safe for concurrent use; a Get that fails is a miss, a Put that fails is
// forgotten.
type CardCache interface {
	Get(key string) ([]byte, bool)
	Put(key string, png []byte)
}

// Cards makes the share cards of renders, drawing only those its cache does
// not hold. The zero Cards draws every card.
type Cards struct {
	Cache CardCache // nil: no cache
	drawn atomic.Int64
}

// Drawn is the number of cards drawn so far, for tests and tools.
func (c *Cards) Drawn() int64 { return c.drawn.Load() }

func (c *Cards) make(cd card.Card) ([]byte, error) {
	var key string
	if c.Cache != nil {
		key = cd.Key()
		if b, ok := c.Cache.Get(key); ok {
			return b, nil
		}
	}
	b, err := card.Draw(cd)
	if err != nil {
		return nil, err
	}
	c.drawn.Add(1)
	if c.Cache != nil {
		c.Cache.Put(key, b)
	}
	return b, nil
}

// MemoryCards is a CardCache in memory, for `dossier serve`: it keeps the
// cards last put, up to a number of bytes.
type MemoryCards struct {
	mu       sync.Mutex
	maxBytes int
	bytes    int
	cards    map[string][]byte
	order    []string // keys, oldest first
}

// NewMemoryCards returns a cache of at most maxBytes of cards.
func NewMemoryCards(maxBytes int) *MemoryCards {
	return &MemoryCards{maxBytes: maxBytes, cards: map[string][]byte{}}
}

// Get returns the card of key.
func (m *MemoryCards) Get(key string) ([]byte, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.cards[key]
	return b, ok
}

// Put keeps the card of key, forgetting the oldest while the cache holds
// more than its bytes.
func (m *MemoryCards) Put(key string, png []byte) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.cards[key]; ok {
		return
	}
	m.cards[key] = png
	m.order = append(m.order, key)
	m.bytes += len(png)
	for m.bytes > m.maxBytes && len(m.order) > 1 {
		m.bytes -= len(m.cards[m.order[0]])
		delete(m.cards, m.order[0])
		m.order = m.order[1:]
	}
}

// CardPath is the site path of the share card of a claim or an article.
func CardPath(obj any) string { return Path(obj) + cardFile }

// claimCard is what a claim's card shows; it records what it reads.
func (s *siteData) claimCard(rec *recorder, c *dossier.Claim) card.Card {
	rec.read(objectDep(depCard, c.Ref(), ""))
	return card.Card{Text: c.Statement(s.words), Verdicts: []card.Verdict{cardVerdict(c.Verdict)}, Site: s.Site.Title}
}

// articleCard is what an article's card shows: its title and the verdicts
// of its headline claims (in = "title"), in the title's order; it records what it reads.
func (s *siteData) articleCard(rec *recorder, a *dossier.Article) card.Card {
	rec.read(objectDep(depCard, a.Ref(), ""))
	cd := card.Card{Text: a.Title, Site: s.Site.Title}
	for _, c := range a.Headline {
		cd.Verdicts = append(cd.Verdicts, cardVerdict(c.Verdict))
	}
	return cd
}

// cardInputs hashes what the card of the claim or article r names shows
// besides the site's name, words and verdict scale (which every card reads
// with the site): a claim's restatement, text and verdict, an article's
// title and its headline claims' verdicts.
func cardInputs(h *hasher, d *dossier.Dossier, r dossier.Ref) {
	switch o := d.Lookup(r).(type) {
	case *dossier.Claim:
		h.str(o.Restatement).str(o.Text).str(o.Verdict.ID)
	case *dossier.Article:
		h.str(o.Title)
		for _, c := range o.Headline {
			h.str(c.Verdict.ID)
		}
	}
}

// unknownColor is the colour of a verdict that gives none (the theme's muted grey).
const unknownColor = "#57606a"

func cardVerdict(v config.Verdict) card.Verdict {
	col, ok := card.ParseColor(v.Color)
	if !ok {
		col, _ = card.ParseColor(unknownColor)
	}
	return card.Verdict{Label: v.Label, Icon: v.Icon, Color: col}
}

// CardView is a page's share card as the layout's head names it (og:image).
type CardView struct {
	URL    string // absolute when the site's base URL has a host, as og:url
	Width  int
	Height int
	Alt    string // what the card says, for og:image:alt
}

// cardView is the card of a claim's or an article's page, nil for other pages.
func (p *Page) cardView() *CardView {
	if !p.Site.Cards.Enabled {
		return nil
	}
	var cd card.Card
	var alt string
	switch o := p.object.(type) {
	case *dossier.Claim:
		cd = p.claimCard(p.rec, o)
		alt = o.Verdict.Label + ": " + cd.Text
	case *dossier.Article:
		cd = p.articleCard(p.rec, o)
		alt = p.headline(o).Rated // the title with its verdicts in words
	default:
		return nil
	}
	return &CardView{URL: p.URLs.Abs(CardPath(p.object)), Width: card.Width, Height: card.Height, Alt: alt}
}

// cardJobs lists the cards of every claim and article, none when site.toml
// turns cards off.
func cardJobs(s *siteData) []job {
	if !s.Site.Cards.Enabled {
		return nil
	}
	d := s.D
	jobs := make([]job, 0, len(d.Claims)+len(d.Articles))
	for _, c := range d.Claims {
		jobs = append(jobs, job{path: CardPath(c), kind: "card", card: func(site *siteData, rec *recorder) card.Card { return site.claimCard(rec, c) }})
	}
	for _, a := range d.Articles {
		jobs = append(jobs, job{path: CardPath(a), kind: "card", card: func(site *siteData, rec *recorder) card.Card { return site.articleCard(rec, a) }})
	}
	return jobs
}

// isCard reports whether an output path is a share card.
func isCard(name string) bool { return strings.HasSuffix(name, "/"+cardFile) }
