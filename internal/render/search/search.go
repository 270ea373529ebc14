// Package search writes the static search index that search.js (the
// search page) and claims.js (the claims filter) read. Files is its one
// entry point.
package search

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// The static search index lives under search/ and is read by search.js
// (the search page) and claims.js (the claims filter):
//
//	search/index.json      the manifest: kinds, verdicts, actor and organization
//	                       names (an organization's short name too), who made
//	                       claims, the term shards that exist, each document's
//	                       kind and each claim's verdict
//	search/f/a.json        each document's actors, and search/f/o.json its
//	                       organizations: loaded only when a reader filters by
//	                       one, since at 10,000 articles they weigh 280 kB
//	                       compressed, more than the rest of a first search
//	search/f/c.json        each claim's article, for the claims filter by actor:
//	                       [article document, claims, article document, claims, …],
//	                       the claims in document order, as runs of claims of
//	                       one article (claims are listed article by article)
//	search/t/KEY.json      the terms starting with KEY (their first PrefixLen
//	                       letters): term → postings [doc, weight, doc, weight, …],
//	                       doc numbers delta-encoded
//	search/d/N.json        documents N*DocChunk … as [kind, id, title, snippet],
//	                       with a fifth element for the pages of an article with
//	                       claims in its title and the claims and quotes in it:
//	                       the verdict indexes of that headline, which goes
//	                       nowhere without them; a quote whose words are a
//	                       paraphrase has a sixth element, 1 (and a fifth, []);
//	                       a claim has ten: the fifth and sixth, then its
//	                       article's id and title, its claimant's page (""
//	                       for the article itself) and name
//
// Documents are numbered kind by kind in the order of the manifest's kinds,
// and a kind's documents in the order of its list pages (claims as /claims/
// lists them), so the claims filter shows its matches in the list's order.
// A query downloads the manifest, one shard per word and the document chunks
// of the results it shows, so the first search stays small on large dossiers
// (see TestSearchDownloadOnLargeDossier).
// Terms are the lower-cased runs of letters and digits (ё read as е), a
// run in a script written without spaces (Chinese, Japanese, Thai …) cut
// into overlapping pairs of characters; the browser splits a query the same
// way (tokens in search.js), so "王文斌" finds 王文 and 文斌 together.

// Version is the index format's version, in the manifest's "v".
const Version = 2

// DocChunk is how many documents one search/d/N.json holds.
const DocChunk = 50

// searchKinds are the kinds of page the index covers, in the manifest's order;
// a document's kind is an index into it.
var searchKinds = []string{"article", "claim", "quote", "actor", "organization", "event"}

// The kinds' indexes in searchKinds.
const (
	kindArticle = iota
	kindClaim
	kindQuote
	kindActor
	kindOrganization
	kindEvent
)

// Field weights: a word in a title counts this many times a word in a body.
const (
	weightTitle   = 5
	weightSummary = 2
	weightBody    = 1
	maxWeight     = 99
)

// searchDoc is one page of the index.
type searchDoc struct {
	kind                   int
	id, title, snippet     string
	paraphrase             bool // a quote's words are not verbatim
	verdicts, actors, orgs []int
	headline               []int // the verdicts of the title of the article it is or is in
	// A claim's article and who made it, for the claims filter's entries.
	article, articleTitle, claimantPath, claimantName string
}

// searchManifest is search/index.json.
type searchManifest struct {
	Version   int        `json:"v"`
	PrefixLen int        `json:"p"`
	DocChunk  int        `json:"c"`
	Kinds     []string   `json:"kinds"`
	Verdicts  [][]string `json:"verdicts"` // [id, label, icon]
	Actors    [][]string `json:"actors"`   // [id, name]
	Orgs      [][]string `json:"orgs"`     // [id, name, short name]
	Shards    []string   `json:"shards"`   // file keys of search/t/
	// Claimants are the actor (ClaimActors) and organization (ClaimOrgs)
	// indexes that made at least one claim, for the claims filter.
	ClaimActors []int `json:"ca"`
	ClaimOrgs   []int `json:"co"`
	// Facets per document: K is a string of kind digits, V one character
	// per document, its verdict's index in base 36 for a claim and "-" for
	// any other: the verdict facet counts claims, the only pages that
	// have a verdict of their own.
	K string `json:"k"`
	V string `json:"vf"`
}

// Input is what the index is made from.
type Input struct {
	Dossier *dossier.Dossier
	Words   *config.Words // the site's language: claims' titles, kinds of organization, dates
	// Text is each article's plain text by id. With Consume, each is
	// deleted once indexed, so that a one-shot build lets it go.
	Text    map[string]string
	Consume bool
	// EventText is an event's description as plain text.
	EventText func(*dossier.Event) string
}

// Files returns the files of the index by output path, all under search/.
func Files(in Input) (map[string][]byte, error) {
	files := map[string][]byte{}
	docs, x := searchDocs(in)
	man := manifest(in.Dossier, docs, x.postings)
	for key, shard := range x.shards(man.PrefixLen) {
		if err := addJSON(files, "search/t/"+key+".json", shard); err != nil {
			return nil, err
		}
		man.Shards = append(man.Shards, key)
	}
	slices.Sort(man.Shards)
	for start := 0; start < len(docs); start += DocChunk {
		chunk := make([][]any, 0, DocChunk)
		for _, d := range docs[start:min(start+DocChunk, len(docs))] {
			chunk = append(chunk, d.record())
		}
		if err := addJSON(files, fmt.Sprintf("search/d/%d.json", start/DocChunk), chunk); err != nil {
			return nil, err
		}
	}
	af, of := make([][]int, len(docs)), make([][]int, len(docs))
	for i, d := range docs {
		af[i], of[i] = orEmpty(d.actors), orEmpty(d.orgs)
	}
	if err := addJSON(files, "search/f/a.json", af); err != nil {
		return nil, err
	}
	if err := addJSON(files, "search/f/o.json", of); err != nil {
		return nil, err
	}
	if err := addJSON(files, "search/f/c.json", claimArticles(docs)); err != nil {
		return nil, err
	}
	err := addJSON(files, "search/index.json", man)
	return files, err
}

// claimArticles lists the claims' articles, in runs: the document number of
// an article, then how many claims in a row are its, for each run. A claim
// document's article is the article document of the same id.
func claimArticles(docs []*searchDoc) []int {
	article := map[string]int{}
	runs := []int{}
	for i, d := range docs {
		switch {
		case d.kind == kindArticle:
			article[d.id] = i
		case d.kind == kindClaim:
			a := article[d.article]
			if n := len(runs); n > 0 && runs[n-2] == a {
				runs[n-1]++
			} else {
				runs = append(runs, a, 1)
			}
		}
	}
	return runs
}

// record is a document's entry in search/d/N.json.
func (d *searchDoc) record() []any {
	rec := []any{d.kind, d.id, d.title, d.snippet}
	if d.kind == kindClaim {
		return append(rec, orEmpty(d.headline), 0, d.article, d.articleTitle, d.claimantPath, d.claimantName)
	}
	if len(d.headline) > 0 || d.paraphrase {
		rec = append(rec, orEmpty(d.headline))
	}
	if d.paraphrase {
		rec = append(rec, 1)
	}
	return rec
}

// addJSON adds v, marshalled, to files as name.
func addJSON(files map[string][]byte, name string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("search %s: %w", name, err)
	}
	files[name] = b
	return nil
}

// manifest fills everything of the manifest but the shard list; postings is
// the number of (term, document) pairs of the index.
func manifest(d *dossier.Dossier, docs []*searchDoc, postings int) *searchManifest {
	// The lists are [] when empty, never null: search.js walks them (a site
	// without organizations has an empty facet, not a failed search).
	m := &searchManifest{Version: Version, PrefixLen: prefixLen(postings), DocChunk: DocChunk, Kinds: searchKinds,
		Verdicts: [][]string{}, Actors: [][]string{}, Orgs: [][]string{}}
	for _, v := range d.Site.Verdicts {
		m.Verdicts = append(m.Verdicts, []string{v.ID, v.Label, v.Icon})
	}
	for _, a := range d.Actors {
		m.Actors = append(m.Actors, []string{a.ID, a.Name})
	}
	for _, o := range d.Organizations {
		m.Orgs = append(m.Orgs, []string{o.ID, o.Name, o.Short})
	}
	m.ClaimActors, m.ClaimOrgs = claimants(d)
	k, v := make([]byte, len(docs)), make([]byte, len(docs))
	for i, d := range docs {
		k[i] = byte('0' + d.kind)
		v[i] = '-'
		if d.kind == kindClaim && len(d.verdicts) == 1 {
			v[i] = strconv.FormatInt(int64(d.verdicts[0]), 36)[0]
		}
	}
	m.K, m.V = string(k), string(v)
	return m
}

// claimants lists the indexes of the actors and organizations that made a claim.
func claimants(d *dossier.Dossier) (actors, orgs []int) {
	actors, orgs = []int{}, []int{}
	for i, a := range d.Actors {
		if len(a.Claims) > 0 {
			actors = append(actors, i)
		}
	}
	for i, o := range d.Organizations {
		if len(o.Claims) > 0 {
			orgs = append(orgs, i)
		}
	}
	return actors, orgs
}

func orEmpty(v []int) []int {
	if v == nil {
		return []int{}
	}
	return v
}

// prefixLen picks the shard key length: one letter for small dossiers, two
// once the postings are large enough that one letter would make big shards,
// and three for a dossier of thousands of articles, where the largest shard
// of two letters ("re" at 10,000 generated articles) is 1.3 MB.
func prefixLen(postings int) int {
	switch {
	case postings < 20000:
		return 1
	case postings < 2_000_000:
		return 2
	}
	return 3
}

// ShardKey is the file key of the shard holding term: its first plen runes,
// as they are when they are ASCII letters and digits, hex-encoded ("x" + hex
// of the UTF-8 bytes) otherwise, so that every key is a safe file name.
func ShardKey(term string, plen int) string {
	end := 0
	for i := 0; i < plen && end < len(term); i++ {
		_, size := utf8.DecodeRuneInString(term[end:])
		end += size
	}
	p := term[:end]
	for _, r := range p {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') {
			return "x" + hex.EncodeToString([]byte(p))
		}
	}
	return p
}

// searchDocs lists the indexed pages: articles, claims, quotes, actors,
// organizations and events, in that order, and indexes their terms.
func searchDocs(in Input) ([]*searchDoc, *termIndex) {
	d, w := in.Dossier, in.Words
	idx := indexes(d)
	x := newTermIndex()
	docs := make([]*searchDoc, 0, len(d.Articles)+len(d.Claims)+len(d.Quotes)+len(d.Actors)+len(d.Organizations))
	newDoc := func(kind int, id, title, snippet string) *searchDoc {
		if len(docs) > 0 {
			x.endDoc()
		}
		doc := &searchDoc{kind: kind, id: id, title: title, snippet: config.Shorten(snippet, 180)}
		x.add(title, weightTitle)
		docs = append(docs, doc)
		return doc
	}
	for _, a := range d.Articles {
		doc := newDoc(kindArticle, a.ID, a.Title, a.Summary)
		x.add(a.Summary, weightSummary)
		for _, t := range a.Tags {
			x.add(t, weightSummary)
		}
		x.add(in.Text[a.ID], weightBody)
		if in.Consume {
			// A render that keeps nothing reads each body's text once:
			// let it go while the rest of the index and the export are made.
			delete(in.Text, a.ID)
		}
		doc.verdicts = idx.verdictsOf(a.Claims)
		doc.headline = idx.verdictsOf(a.Headline)
		for _, ac := range a.Actors {
			doc.actors = append(doc.actors, idx.actor[ac.ID])
		}
		for _, o := range a.Organizations {
			doc.orgs = append(doc.orgs, idx.org[o.ID])
		}
	}
	for _, c := range d.Claims {
		// The title is what lists show: the restated claim, or its
		// anchored words in quotation marks; both are searched.
		doc := newDoc(kindClaim, c.ID, c.Statement(w), w.T("in-title", c.Article.Title))
		if c.Restatement != "" {
			x.add(c.Text, weightTitle)
		}
		x.add(c.Explanation, weightBody)
		doc.article, doc.articleTitle = c.Article.ID, c.Article.Title
		if c.Claimant != nil {
			x.add(c.Claimant.DisplayName(), weightSummary)
			doc.claimantPath, doc.claimantName = urls.Entity(c.Claimant.EntityKind(), c.Claimant.EntityID()), c.Claimant.DisplayName()
		}
		doc.verdicts = idx.verdictsOf([]*dossier.Claim{c})
		doc.headline = idx.verdictsOf(c.Article.Headline)
		idx.claimant(doc, c.Claimant)
	}
	for _, q := range d.Quotes {
		snippet := q.Article.Title
		if q.Speaker != nil {
			snippet = q.Speaker.Name + " · " + snippet
			doc := newDoc(kindQuote, q.ID, q.Text, snippet)
			doc.paraphrase = q.Paraphrase
			doc.headline = idx.verdictsOf(q.Article.Headline)
			x.add(q.Speaker.Name, weightSummary)
			idx.claimant(doc, q.Speaker)
			if q.Via != nil {
				doc.orgs = append(doc.orgs, idx.org[q.Via.ID])
			}
			continue
		}
		doc := newDoc(kindQuote, q.ID, q.Text, snippet)
		doc.paraphrase = q.Paraphrase
		doc.headline = idx.verdictsOf(q.Article.Headline)
	}
	for _, a := range d.Actors {
		doc := newDoc(kindActor, a.ID, a.Name, a.Role)
		for _, alias := range a.Aliases {
			x.add(alias, weightTitle)
		}
		x.add(a.Role, weightSummary)
		doc.actors = []int{idx.actor[a.ID]}
		for _, o := range a.Organizations {
			doc.orgs = append(doc.orgs, idx.org[o.ID])
		}
	}
	for _, o := range d.Organizations {
		kind := w.OrgKind(o.Kind)
		doc := newDoc(kindOrganization, o.ID, o.Name, kind)
		x.add(o.Short, weightTitle)
		for _, alias := range o.Aliases {
			x.add(alias, weightTitle)
		}
		x.add(kind, weightSummary)
		doc.orgs = []int{idx.org[o.ID]}
	}
	for _, e := range d.Events {
		doc := newDoc(kindEvent, e.ID, e.Title, w.Date(e.Date.Time))
		x.add(in.EventText(e), weightBody)
		for _, a := range e.Actors {
			doc.actors = append(doc.actors, idx.actor[a.ID])
		}
		for _, o := range e.Organizations {
			doc.orgs = append(doc.orgs, idx.org[o.ID])
		}
	}
	if len(docs) > 0 {
		x.endDoc()
	}
	x.finish()
	return docs, x
}

// searchIndexes numbers verdicts, actors and organizations for the manifest.
type searchIndexes struct {
	verdict, actor, org map[string]int
}

func indexes(d *dossier.Dossier) searchIndexes {
	x := searchIndexes{verdict: map[string]int{}, actor: map[string]int{}, org: map[string]int{}}
	for i, v := range d.Site.Verdicts {
		x.verdict[v.ID] = i
	}
	for i, a := range d.Actors {
		x.actor[a.ID] = i
	}
	for i, o := range d.Organizations {
		x.org[o.ID] = i
	}
	return x
}

// verdictsOf lists the verdicts of claims, each once, in the scale's order.
func (x searchIndexes) verdictsOf(claims []*dossier.Claim) []int {
	var out []int
	for _, c := range claims {
		if i, ok := x.verdict[c.Verdict.ID]; ok && !slices.Contains(out, i) {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// claimant sets a document's actor or organization facet to who spoke.
func (x searchIndexes) claimant(doc *searchDoc, e dossier.Entity) {
	switch e := e.(type) {
	case *dossier.Actor:
		doc.actors = append(doc.actors, x.actor[e.ID])
	case *dossier.Organization:
		doc.orgs = append(doc.orgs, x.org[e.ID])
	}
}
