// Package export writes the data export: data/dossier.json, the index
// (the site, the verdict scale and each kind's file), and data/<kind>.json,
// a file a kind with one object a line. Files is its one entry point; the
// types are the schema (README, "The dossier as data"), and a Go program
// may decode the files with them.
package export

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// Schema names the version of the data export's schema. It changes
// only when a field is removed or changes meaning; new fields may be added.
// Version 2 split the one file of version 1 into an index and a file per kind.
const Schema = "dossier/2"

// Index is data/dossier.json: the site, the verdict scale and where
// each kind's file is. Every object is in its kind's file,
// data/<kind>.json, one object a line, so that a program can read a large
// dossier one object at a time.
type Index struct {
	Schema   string    `json:"schema"`
	Site     Site      `json:"site"`
	Verdicts []Verdict `json:"verdicts"`
	Files    []File    `json:"files"`
}

// Verdict is one verdict of the scale. Rated is false for a verdict
// that is no rating (opinion, framing): it has no number and is left out of
// tallies.
type Verdict struct {
	config.Verdict
	Rated bool `json:"rated"`
}

// File is one kind's file in the index.
type File struct {
	Kind  string `json:"kind"`  // articles, claims, quotes, actors, organizations, events
	URL   string `json:"url"`   // data/<kind>.json, as a URL of the site
	Count int    `json:"count"` // how many objects it holds
}

// Site is the site as the index describes it.
type Site struct {
	Title       string    `json:"title"`
	Description string    `json:"description,omitempty"`
	BaseURL     string    `json:"baseURL"`
	Language    string    `json:"language"`
	Publisher   Publisher `json:"publisher"`
	// Staff is the team that checks claims ([[staff]]), named by claims'
	// checkedBy.
	Staff []config.Staff `json:"staff"`
}

// Publisher is the site's publisher, with where readers ask for a
// correction.
type Publisher struct {
	Name        string `json:"name"`
	URL         string `json:"url"`
	Corrections string `json:"corrections,omitempty"`
}

// Source is a source as the export lists it; Verdicts, when the source is an
// article of the dossier with title claims, are its headline's.
type Source struct {
	Title     string `json:"title,omitempty"`
	URL       string `json:"url,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	Date      string `json:"date,omitempty"`
	Kind      string `json:"kind,omitempty"`  // official, wire, state-media… (DESIGN's source kinds)
	Quote     string `json:"quote,omitempty"` // the passage relied on
	Archived  string `json:"archived,omitempty"`
	Note      string `json:"note,omitempty"`
	// Original, on an article's source only, is where a re-posted text
	// first appeared.
	Original *Origin `json:"original,omitempty"`
	// Verdicts are the headline verdicts of the article whose title or
	// source this source is (see dossier.RatedSource).
	Verdicts []Rated `json:"verdicts,omitempty"`
}

// Origin is an article's [source.original].
type Origin struct {
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	Date      string `json:"date,omitempty"` // left out when unknown
}

// Ref names an actor or an organization: its kind and id.
type Ref struct {
	Kind string `json:"kind"` // actor or organization
	ID   string `json:"id"`
}

// Article is one line of data/articles.json.
type Article struct {
	ID            string         `json:"id"`
	URL           string         `json:"url"`
	Title         string         `json:"title"`
	Verdicts      []Rated        `json:"verdicts,omitempty"` // the claims anchored in the title
	Date          string         `json:"date"`
	Summary       string         `json:"summary,omitempty"`
	Tags          []string       `json:"tags"`
	Draft         bool           `json:"draft,omitempty"`
	Source        Source         `json:"source"`
	Claims        []string       `json:"claims"`
	Quotes        []string       `json:"quotes"`
	Actors        []string       `json:"actors"`
	Organizations []string       `json:"organizations"`
	Tally         map[string]int `json:"tally"`
}

// Claim is one line of data/claims.json.
type Claim struct {
	ID      string `json:"id"`
	URL     string `json:"url"`
	Article string `json:"article"`
	Text    string `json:"text"`
	// Claim is the restatement: what was claimed, as one sentence.
	Claim    string `json:"claim,omitempty"`
	In       string `json:"in"` // body or title: where text is anchored
	Sentence string `json:"sentence,omitempty"`
	// Verdicts are, for a claim in its article's title, the verdicts of
	// every claim in that title, which its sentence (the title) carries.
	Verdicts    []Rated  `json:"verdicts,omitempty"`
	Claimant    *Ref     `json:"claimant"` // null: the article itself
	Status      string   `json:"status"`
	Explanation string   `json:"explanation"`
	Checked     string   `json:"checked,omitempty"`
	CheckedBy   []string `json:"checkedBy"`          // staff ids
	Modified    string   `json:"modified,omitempty"` // the latest update's date
	Updates     []Update `json:"updates"`
	Sources     []Source `json:"sources"`
}

// Update is one entry of a claim's corrections log.
type Update struct {
	Date string `json:"date"`
	Note string `json:"note"` // Markdown
	// From is the verdict id before the update, when the verdict changed.
	From string `json:"from,omitempty"`
}

// Rated is a claim anchored in an article's title, with its verdict:
// an article's title never goes without it.
type Rated struct {
	Claim   string `json:"claim"`
	Words   string `json:"words"`   // the words of the title it covers
	Verdict string `json:"verdict"` // the verdict's id
	Label   string `json:"label"`
}

// Quote is one line of data/quotes.json.
type Quote struct {
	ID      string `json:"id"`
	URL     string `json:"url"`
	Article string `json:"article"`
	Text    string `json:"text"`
	// Paraphrase: the words are reported speech, not verbatim.
	Paraphrase bool `json:"paraphrase,omitempty"`
	// Original is the words in the language they were said in, Language
	// that language's tag.
	Original string `json:"original,omitempty"`
	Language string `json:"language,omitempty"`
	Sentence string `json:"sentence,omitempty"`
	Speaker  string `json:"speaker"`
	Said     string `json:"said,omitempty"`
	Via      string `json:"via,omitempty"`
	Context  string `json:"context,omitempty"`
}

// Mention is where an actor or organization is named: an article, an
// event or another's profile, with the sentence.
type Mention struct {
	Article  string `json:"article,omitempty"`
	Event    string `json:"event,omitempty"`
	Profile  *Ref   `json:"profile,omitempty"`
	Sentence string `json:"sentence"`
}

// Actor is one line of data/actors.json.
type Actor struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	Name          string   `json:"name"`
	Aliases       []string `json:"aliases"`
	Role          string   `json:"role,omitempty"`
	Country       string   `json:"country,omitempty"`
	Wikidata      string   `json:"wikidata,omitempty"`
	Organizations []string `json:"organizations"`
	Quotes        []string `json:"quotes"`
	Involvement
}

// Organization is one line of data/organizations.json.
type Organization struct {
	ID           string   `json:"id"`
	URL          string   `json:"url"`
	Name         string   `json:"name"`
	Short        string   `json:"short,omitempty"`
	Aliases      []string `json:"aliases"`
	Kind         string   `json:"kind,omitempty"`
	Founded      string   `json:"founded,omitempty"`
	Headquarters string   `json:"headquarters,omitempty"`
	Wikidata     string   `json:"wikidata,omitempty"`
	Members      []Ref    `json:"members"`
	MemberOf     []string `json:"memberOf"`
	Statements   []string `json:"statements"`
	Involvement
}

// Involvement is what actors and organizations both end with: the
// claims, articles and events they are part of, the sentences naming them,
// their verdict tally and their profile's sources.
type Involvement struct {
	Claims   []string       `json:"claims"`
	Articles []string       `json:"articles"`
	Events   []string       `json:"events"`
	Mentions []Mention      `json:"mentions"`
	Tally    map[string]int `json:"tally"`
	Sources  []Source       `json:"sources"`
}

// Event is one line of data/events.json.
type Event struct {
	ID            string   `json:"id"`
	URL           string   `json:"url"`
	Title         string   `json:"title"`
	Date          string   `json:"date"`
	End           string   `json:"end,omitempty"`
	Actors        []string `json:"actors"`
	Organizations []string `json:"organizations"`
	Sources       []Source `json:"sources"`
}

// addExport adds data/dossier.json, the index, and the file of each kind.
func Files(d *dossier.Dossier, u urls.URLs) (map[string][]byte, error) {
	s := &exporter{d: d, site: d.Site, urls: u}
	files := map[string][]byte{}
	index := Index{
		Schema: Schema,
		Site: Site{Title: s.site.Title, Description: s.site.Description, BaseURL: s.site.BaseURL,
			Language: s.site.Language, Staff: s.site.Staff,
			Publisher: Publisher{Name: s.site.Publisher.Name, URL: s.site.Publisher.URL, Corrections: s.site.Publisher.Corrections}},
		Verdicts: mapList(s.site.Verdicts, func(v config.Verdict) Verdict { return Verdict{v, v.Rated} }),
	}
	if index.Site.Staff == nil {
		index.Site.Staff = []config.Staff{}
	}
	kinds := []struct {
		kind string
		list func() ([]byte, int, error)
	}{
		{"articles", func() ([]byte, int, error) { return exportList(d.Articles, s.article) }},
		{"claims", func() ([]byte, int, error) { return exportList(d.Claims, s.claim) }},
		{"quotes", func() ([]byte, int, error) { return exportList(d.Quotes, s.quote) }},
		{"actors", func() ([]byte, int, error) { return exportList(d.Actors, s.actor) }},
		{"organizations", func() ([]byte, int, error) { return exportList(d.Organizations, s.org) }},
		{"events", func() ([]byte, int, error) { return exportList(d.Events, s.event) }},
	}
	for _, k := range kinds {
		name := "data/" + k.kind + ".json"
		b, n, err := k.list()
		if err != nil {
			return nil, fmt.Errorf("export %s: %w", name, err)
		}
		files[name] = b
		index.Files = append(index.Files, File{Kind: k.kind, URL: s.AbsURL(name), Count: n})
	}
	b, err := json.MarshalIndent(&index, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("export data/dossier.json: %w", err)
	}
	files["data/dossier.json"] = append(b, '\n')
	return files, nil
}

// exporter turns the graph's objects into the export's.
type exporter struct {
	d    *dossier.Dossier
	site *config.Site
	urls urls.URLs
}

// AbsURL is the absolute URL of a site path.
func (s *exporter) AbsURL(path string) string { return s.urls.Abs(path) }

// exportList is a kind's file: a JSON array of its objects, one a line.
func exportList[T, U any](in []T, f func(T) U) ([]byte, int, error) {
	var buf bytes.Buffer
	buf.WriteString("[\n")
	for i, v := range in {
		b, err := json.Marshal(f(v))
		if err != nil {
			return nil, 0, err
		}
		buf.Write(b)
		if i < len(in)-1 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("]\n")
	return buf.Bytes(), len(in), nil
}

func mapList[T, U any](in []T, f func(T) U) []U {
	out := make([]U, len(in))
	for i, v := range in {
		out[i] = f(v)
	}
	return out
}

func ids[T interface{ comparable }](in []T, id func(T) string) []string {
	out := make([]string, len(in))
	for i, v := range in {
		out[i] = id(v)
	}
	return out
}

func (s *exporter) sources(in []dossier.Source) []Source { return mapList(in, s.source) }

func (s *exporter) source(src dossier.Source) Source {
	out := Source{Title: src.Title, URL: src.URL, Publisher: src.Publisher, Date: src.Date.String(), Kind: string(src.Kind),
		Quote: src.Quote, Archived: src.Archived, Note: src.Note}
	if o := src.Original; o != nil {
		out.Original = &Origin{Publisher: o.Publisher, URL: o.URL, Date: o.Date.String()}
	}
	if a := s.d.RatedSource(src); a != nil {
		out.Verdicts = exportHeadline(a)
	}
	return out
}

func ref(e dossier.Entity) *Ref {
	if e == nil {
		return nil
	}
	return &Ref{Kind: e.EntityKind(), ID: e.EntityID()}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (s *exporter) article(a *dossier.Article) Article {
	src := a.Source
	return Article{
		ID: a.ID, URL: s.AbsURL(urls.Article(a.ID)), Title: a.Title, Verdicts: exportHeadline(a), Date: a.Date.String(), Summary: a.Summary,
		Tags: nonNil(a.Tags), Draft: a.Draft,
		Source:        s.source(src),
		Claims:        ids(a.Claims, func(c *dossier.Claim) string { return c.ID }),
		Quotes:        ids(a.Quotes, func(q *dossier.Quote) string { return q.ID }),
		Actors:        ids(a.Actors, func(x *dossier.Actor) string { return x.ID }),
		Organizations: ids(a.Organizations, func(x *dossier.Organization) string { return x.ID }),
		Tally:         a.Tally,
	}
}

func exportHeadline(a *dossier.Article) []Rated {
	var out []Rated
	for _, c := range a.Headline {
		out = append(out, Rated{Claim: c.ID, Words: a.Title[c.TitleStart:c.TitleEnd], Verdict: c.Verdict.ID, Label: c.Verdict.Label})
	}
	return out
}

func (s *exporter) claim(c *dossier.Claim) Claim {
	var headline []Rated
	if c.InTitle() {
		headline = exportHeadline(c.Article)
	}
	return Claim{
		ID: c.ID, URL: s.AbsURL(urls.Claim(c.ID)), Article: c.Article.ID, Text: c.Text, Claim: c.Restatement, In: c.In, Sentence: c.Sentence,
		Verdicts: headline, Claimant: ref(c.Claimant), Status: c.Verdict.ID, Explanation: c.Explanation, Checked: c.Checked.String(),
		CheckedBy: ids(c.CheckedBy, func(x *config.Staff) string { return x.ID }),
		Modified:  c.Modified().String(),
		Updates: mapList(c.Updates, func(u *dossier.Update) Update {
			return Update{Date: u.Date.String(), Note: u.Note, From: u.From.ID}
		}),
		Sources: s.sources(c.Sources),
	}
}

func (s *exporter) quote(q *dossier.Quote) Quote {
	out := Quote{ID: q.ID, URL: s.AbsURL(urls.Quote(q.ID)), Article: q.Article.ID, Text: q.Text, Paraphrase: q.Paraphrase,
		Original: q.Original, Language: q.Language, Sentence: q.Sentence, Said: q.Said.String(), Context: q.Context}
	if q.Speaker != nil {
		out.Speaker = q.Speaker.ID
	}
	if q.Via != nil {
		out.Via = q.Via.ID
	}
	return out
}

func mentions(in []dossier.Mention) []Mention {
	return mapList(in, func(m dossier.Mention) Mention {
		out := Mention{Sentence: m.Sentence, Profile: ref(m.From)}
		if m.Article != nil {
			out.Article = m.Article.ID
		}
		if m.Event != nil {
			out.Event = m.Event.ID
		}
		return out
	})
}

func (s *exporter) actor(a *dossier.Actor) Actor {
	out := Actor{
		ID: a.ID, URL: s.AbsURL(urls.Actor(a.ID)), Name: a.Name, Aliases: nonNil(a.Aliases), Role: a.Role, Wikidata: a.Wikidata,
		Organizations: ids(a.Organizations, func(o *dossier.Organization) string { return o.ID }),
		Quotes:        ids(a.Quotes, func(q *dossier.Quote) string { return q.ID }),
		Involvement:   s.involved(a.Claims, a.Articles, a.Events, a.Mentions, a.Tally, a.Sources),
	}
	if a.Country != nil {
		out.Country = a.Country.ID
	}
	return out
}

func (s *exporter) org(o *dossier.Organization) Organization {
	return Organization{
		ID: o.ID, URL: s.AbsURL(urls.Organization(o.ID)), Name: o.Name, Short: o.Short, Aliases: nonNil(o.Aliases), Kind: o.Kind,
		Founded: o.Founded, Headquarters: o.Headquarters, Wikidata: o.Wikidata,
		Members:     mapList(o.Members, func(e dossier.Entity) Ref { return *ref(e) }),
		MemberOf:    ids(o.MemberOf, func(x *dossier.Organization) string { return x.ID }),
		Statements:  ids(o.Statements, func(q *dossier.Quote) string { return q.ID }),
		Involvement: s.involved(o.Claims, o.Articles, o.Events, o.Mentions, o.Tally, o.Sources),
	}
}

func (s *exporter) involved(claims []*dossier.Claim, articles []*dossier.Article, events []*dossier.Event,
	named []dossier.Mention, tally dossier.Tally, srcs []dossier.Source) Involvement {
	return Involvement{
		Claims:   ids(claims, func(c *dossier.Claim) string { return c.ID }),
		Articles: ids(articles, func(x *dossier.Article) string { return x.ID }),
		Events:   ids(events, func(e *dossier.Event) string { return e.ID }),
		Mentions: mentions(named), Tally: tally, Sources: s.sources(srcs),
	}
}

func (s *exporter) event(e *dossier.Event) Event {
	return Event{
		ID: e.ID, URL: s.AbsURL(urls.Event(e.ID)), Title: e.Title, Date: e.Date.String(), End: e.End.String(),
		Actors:        ids(e.Actors, func(a *dossier.Actor) string { return a.ID }),
		Organizations: ids(e.Organizations, func(o *dossier.Organization) string { return o.ID }),
		Sources:       s.sources(e.Sources),
	}
}
