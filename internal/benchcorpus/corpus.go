// Package benchcorpus generates synthetic dossiers for benchmarks: a deterministic
// function of a seed and an article count, written out as a dossier source folder
// (or converted into a Hugo site for comparison).
//
// A corpus of N articles has about N/5 actors, N/20 organizations and N/100 events
// (at least a few of each). Every article has 600 to 1,500 words of prose with
// headings, lists, links, emphasis, code spans, a block quote, a table, a fenced
// code block and sometimes footnotes; five claims and three quotes whose texts occur
// exactly once in the rendered text, each inside one paragraph; and the names of its
// actors and organizations in the body. Ids are unique across the corpus, names and
// aliases are unique and occur in no word of the filler prose.
package benchcorpus

import (
	"math/rand/v2"
	"runtime"
	"sync"
)

// Options says what to generate.
type Options struct {
	Articles int    // number of articles, at least 1
	Seed     uint64 // the same seed and count give the same corpus
	// Cards has the dossier draw its share cards. They are off by default:
	// the Hugo site makes no images, and the comparison is of equal work
	// (docs/performance.md gives the cards' cost on its own).
	Cards bool
}

// Corpus is a generated dossier.
type Corpus struct {
	Articles      []*Article
	Actors        []Actor
	Organizations []Organization
	Events        []Event

	mediaOrgs []*Organization
	cards     bool // site.toml draws share cards (Options.Cards)
}

// Generate builds a corpus. Articles are composed in parallel, each from its own
// random stream, so the result does not depend on scheduling.
func Generate(opts Options) *Corpus {
	n := max(opts.Articles, 1)
	rng := rand.New(rand.NewPCG(opts.Seed, 0))
	nActors, nOrgs := max(n/5, 8), max(n/20, 8)
	book := newNameBook(rng, nActors+nOrgs)
	c := &Corpus{cards: opts.Cards}
	c.Organizations = newOrganizations(rng, book, nOrgs)
	c.Actors = newActors(rng, book, c.Organizations, nActors)
	c.Events = newEvents(rng, c.Actors, c.Organizations, max(n/100, 3))
	for i := range c.Organizations {
		if c.Organizations[i].Kind == "media" {
			c.mediaOrgs = append(c.mediaOrgs, &c.Organizations[i])
		}
	}
	c.Articles = make([]*Article, n)
	parallel(n, func(i int) { c.Articles[i] = c.newArticle(opts.Seed, i) })
	return c
}

// media lists the organizations of kind media.
func (c *Corpus) media() []*Organization { return c.mediaOrgs }

// parallel calls f(0) … f(n-1) on GOMAXPROCS goroutines.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}
