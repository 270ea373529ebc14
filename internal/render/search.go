package render

import (
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"unicode/utf8"

	"github.com/dossier-dev/dossier/internal/dossier"
)

// The static search index lives under search/ and is read by dossier.js:
//
//	search/index.json      the manifest: kinds, verdicts, actor and organization
//	                       names, the term shards that exist, and every
//	                       document's facets (kind, verdicts, actors, organizations)
//	search/t/KEY.json      the terms starting with KEY (their first PrefixLen
//	                       letters): term → postings [doc, weight, doc, weight, …],
//	                       doc numbers delta-encoded
//	search/d/N.json        documents N*DocChunk … as [kind, id, title, snippet],
//	                       with a fifth element for the pages of an article with
//	                       claims in its title and the claims and quotes in it:
//	                       the verdict indexes of that headline, which goes
//	                       nowhere without them; a quote whose words are a
//	                       paraphrase has a sixth element, 1 (and a fifth, [])
//
// A query downloads the manifest, one shard per word and the document chunks
// of the results it shows, so the first search stays small on large dossiers.
// Terms are the lower-cased runs of letters and digits (ё read as е), a
// run in a script written without spaces (Chinese, Japanese, Thai …) cut
// into overlapping pairs of characters; the browser splits a query the same
// way (tokens in search.js), so "王文斌" finds 王文 and 文斌 together.

// SearchVersion is the index format's version, in the manifest's "v".
const SearchVersion = 1

// DocChunk is how many documents one search/d/N.json holds.
const DocChunk = 50

// searchKinds are the kinds of page the index covers, in the manifest's order;
// a document's kind is an index into it.
var searchKinds = []string{"article", "claim", "quote", "actor", "organization"}

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
}

// searchManifest is search/index.json.
type searchManifest struct {
	Version   int        `json:"v"`
	PrefixLen int        `json:"p"`
	DocChunk  int        `json:"c"`
	Kinds     []string   `json:"kinds"`
	Verdicts  [][]string `json:"verdicts"` // [id, label, icon]
	Actors    [][]string `json:"actors"`   // [id, name]
	Orgs      [][]string `json:"orgs"`     // [id, name]
	Shards    []string   `json:"shards"`   // file keys of search/t/
	// Facets per document: K is a string of kind digits, V, A and O the
	// verdict, actor and organization indexes of each document.
	K string  `json:"k"`
	V [][]int `json:"vf"`
	A [][]int `json:"af"`
	O [][]int `json:"of"`
}

// addSearch adds the files of the search index to files.
func addSearch(files Files, s *siteData) error {
	docs, x := searchDocs(s)
	man := manifest(s, docs, x.postings)
	for key, shard := range x.shards(man.PrefixLen) {
		if err := addJSON(files, "search/t/"+key+".json", shard); err != nil {
			return err
		}
		man.Shards = append(man.Shards, key)
	}
	slices.Sort(man.Shards)
	for start := 0; start < len(docs); start += DocChunk {
		chunk := make([][]any, 0, DocChunk)
		for _, d := range docs[start:min(start+DocChunk, len(docs))] {
			rec := []any{d.kind, d.id, d.title, d.snippet}
			if len(d.headline) > 0 || d.paraphrase {
				rec = append(rec, append([]int{}, d.headline...))
			}
			if d.paraphrase {
				rec = append(rec, 1)
			}
			chunk = append(chunk, rec)
		}
		if err := addJSON(files, fmt.Sprintf("search/d/%d.json", start/DocChunk), chunk); err != nil {
			return err
		}
	}
	return addJSON(files, "search/index.json", man)
}

// addJSON adds v, marshalled, to files as name.
func addJSON(files Files, name string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("search %s: %w", name, err)
	}
	files[name] = b
	return nil
}

// manifest fills everything of the manifest but the shard list; postings is
// the number of (term, document) pairs of the index.
func manifest(s *siteData, docs []*searchDoc, postings int) *searchManifest {
	// The lists are [] when empty, never null: search.js walks them (a site
	// without organizations has an empty facet, not a failed search).
	m := &searchManifest{Version: SearchVersion, PrefixLen: prefixLen(postings), DocChunk: DocChunk, Kinds: searchKinds,
		Verdicts: [][]string{}, Actors: [][]string{}, Orgs: [][]string{}}
	for _, v := range s.Site.Verdicts {
		m.Verdicts = append(m.Verdicts, []string{v.ID, v.Label, v.Icon})
	}
	for _, a := range s.D.Actors {
		m.Actors = append(m.Actors, []string{a.ID, a.Name})
	}
	for _, o := range s.D.Organizations {
		m.Orgs = append(m.Orgs, []string{o.ID, o.Name})
	}
	if len(docs) == 0 {
		return m // facets stay null
	}
	k := make([]byte, len(docs))
	m.V, m.A, m.O = make([][]int, len(docs)), make([][]int, len(docs)), make([][]int, len(docs))
	for i, d := range docs {
		k[i] = byte('0' + d.kind)
		m.V[i], m.A[i], m.O[i] = orEmpty(d.verdicts), orEmpty(d.actors), orEmpty(d.orgs)
	}
	m.K = string(k)
	return m
}

func orEmpty(v []int) []int {
	if v == nil {
		return []int{}
	}
	return v
}

// prefixLen picks the shard key length: one letter for small dossiers, two
// once the postings are large enough that one letter would make big shards.
func prefixLen(postings int) int {
	if postings < 20000 {
		return 1
	}
	return 2
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

// searchDocs lists the indexed pages: articles, claims, quotes, actors and
// organizations, in that order, and indexes their terms.
func searchDocs(s *siteData) ([]*searchDoc, *termIndex) {
	d := s.D
	idx := indexes(s)
	x := newTermIndex()
	docs := make([]*searchDoc, 0, len(d.Articles)+len(d.Claims)+len(d.Quotes)+len(d.Actors)+len(d.Organizations))
	newDoc := func(kind int, id, title, snippet string) *searchDoc {
		if len(docs) > 0 {
			x.endDoc()
		}
		doc := &searchDoc{kind: kind, id: id, title: title, snippet: shorten(snippet, 180)}
		x.add(title, weightTitle)
		docs = append(docs, doc)
		return doc
	}
	for _, a := range d.Articles {
		doc := newDoc(0, a.ID, a.Title, a.Summary)
		x.add(a.Summary, weightSummary)
		for _, t := range a.Tags {
			x.add(t, weightSummary)
		}
		x.add(s.in.Text[a.ID], weightBody)
		if s.in.Versions == nil {
			// A render that keeps nothing reads each body's text once:
			// let it go while the rest of the index and the export are made.
			delete(s.in.Text, a.ID)
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
		doc := newDoc(1, c.ID, c.Text, s.words.T("in-title", c.Article.Title))
		x.add(c.Explanation, weightBody)
		if c.Claimant != nil {
			x.add(c.Claimant.DisplayName(), weightSummary)
		}
		doc.verdicts = idx.verdictsOf([]*dossier.Claim{c})
		doc.headline = idx.verdictsOf(c.Article.Headline)
		idx.claimant(doc, c.Claimant)
	}
	for _, q := range d.Quotes {
		snippet := q.Article.Title
		if q.Speaker != nil {
			snippet = q.Speaker.Name + " · " + snippet
			doc := newDoc(2, q.ID, q.Text, snippet)
			doc.paraphrase = q.Paraphrase
			doc.headline = idx.verdictsOf(q.Article.Headline)
			x.add(q.Speaker.Name, weightSummary)
			idx.claimant(doc, q.Speaker)
			if q.Via != nil {
				doc.orgs = append(doc.orgs, idx.org[q.Via.ID])
			}
			continue
		}
		doc := newDoc(2, q.ID, q.Text, snippet)
		doc.paraphrase = q.Paraphrase
		doc.headline = idx.verdictsOf(q.Article.Headline)
	}
	for _, a := range d.Actors {
		doc := newDoc(3, a.ID, a.Name, a.Role)
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
		kind := s.words.OrgKind(o.Kind)
		doc := newDoc(4, o.ID, o.Name, kind)
		x.add(o.Short, weightTitle)
		for _, alias := range o.Aliases {
			x.add(alias, weightTitle)
		}
		x.add(kind, weightSummary)
		doc.orgs = []int{idx.org[o.ID]}
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

func indexes(s *siteData) searchIndexes {
	x := searchIndexes{verdict: map[string]int{}, actor: map[string]int{}, org: map[string]int{}}
	for i, v := range s.Site.Verdicts {
		x.verdict[v.ID] = i
	}
	for i, a := range s.D.Actors {
		x.actor[a.ID] = i
	}
	for i, o := range s.D.Organizations {
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
