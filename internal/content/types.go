package content

import (
	"time"

	"github.com/dossier-dev/dossier/internal/diag"
)

// Kind is the kind of a content file, given by its folder.
type Kind string

// The kinds of content, named after their folders under content/.
const (
	KindArticle      Kind = "articles"
	KindActor        Kind = "actors"
	KindOrganization Kind = "organizations"
	KindEvent        Kind = "events"
)

// Kinds lists every kind in a fixed order.
var Kinds = []Kind{KindArticle, KindActor, KindOrganization, KindEvent}

// Date is a calendar date (no time of day), in UTC. The zero Date means "not set".
type Date struct{ time.Time }

// String formats the date as 2006-01-02, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

// Ref is an id written in front matter, with where it was written.
type Ref struct {
	ID  string
	Pos diag.Pos
}

// Doc is what every content file has: where it is, its id, and its Markdown body.
type Doc struct {
	Kind Kind
	ID   string // the file name without .md
	Path string // slash-separated, relative to the source folder, e.g. content/articles/x.md
	Pos  diag.Pos
	// Keys holds the position of each front-matter key that was set, by dotted
	// path: "title", "source.url", "claims.2.text", "claims.2.sources.0.url".
	Keys map[string]diag.Pos
	// Body is the Markdown after the front matter, with CRLF turned into LF.
	Body []byte
	// BodyLine is the 1-based line of the file on which Body starts.
	BodyLine int
	// Hash identifies the file's bytes, for incremental rebuilds.
	Hash uint64
}

// At returns the position of a key, or of the file's start when the key was not set.
func (d *Doc) At(key string) diag.Pos {
	if p, ok := d.Keys[key]; ok {
		return p
	}
	return d.Pos
}

// Source is where a text comes from, or a document that supports a verdict.
type Source struct {
	Title     string
	URL       string
	Publisher string
	Date      Date
	Kind      SourceKind // what sort of source it is, shown to readers; "" when not said
	Quote     string     // the passage relied on, for a text fragment link (#:~:text=)
	Archived  string     // an archive copy
	Note      string     // e.g. "in Russian"; required when Kind is "other"
	// Original, for an article's [source] only, names where a re-posted
	// text first appeared; nil when not given.
	Original *Origin
	// Pos is the source's table ([source], [[claims.sources]]) or list item;
	// URLPos and ArchivedPos are where its url and archived values are
	// written (Pos when not written).
	Pos, URLPos, ArchivedPos diag.Pos
}

// Origin is where a re-posted text first appeared: an article's [source.original].
type Origin struct {
	Publisher string
	URL       string
	Date      Date     // zero when unknown
	Pos       diag.Pos // the [source.original] table
	URLPos    diag.Pos // where url is written
}

// SourceKind says what sort of source a source is: official, wire, mirror…
type SourceKind string

// The source kinds, as written in front matter (kind = "state-media").
const (
	SourceOfficial    SourceKind = "official"     // a government's or body's own statement or record
	SourcePrimary     SourceKind = "primary"      // a document, recording or data set itself
	SourceWire        SourceKind = "wire"         // a news agency
	SourceNews        SourceKind = "news"         // an independent news outlet
	SourceStateMedia  SourceKind = "state-media"  // a medium a state controls
	SourcePartisan    SourceKind = "partisan"     // a medium of a party or faction
	SourceAdvocacy    SourceKind = "advocacy"     // a campaign or advocacy group
	SourceAggregator  SourceKind = "aggregator"   // re-posts others' reports
	SourceContentFarm SourceKind = "content-farm" // mass-produced or anonymous pages
	SourceMirror      SourceKind = "mirror"       // a copy of another publisher's text
	SourceReference   SourceKind = "reference"    // an encyclopedia, database or reference work
	SourceUnknown     SourceKind = "unknown"      // not established
	SourceOther       SourceKind = "other"        // none of these: the note says what
)

// SourceKinds lists every source kind, in the order the methodology explains them.
var SourceKinds = []SourceKind{
	SourceOfficial, SourcePrimary, SourceWire, SourceNews, SourceStateMedia, SourcePartisan, SourceAdvocacy,
	SourceAggregator, SourceContentFarm, SourceMirror, SourceReference, SourceUnknown, SourceOther,
}

// Where a claim is anchored: its In.
const (
	InBody  = "body"  // in the article's body (the default)
	InTitle = "title" // in the article's title
)

// Update is one entry of a claim's corrections log.
type Update struct {
	Date Date
	Note string // Markdown: what changed and why
	From Ref    // the verdict before the update, when the verdict changed; empty otherwise
	Pos  diag.Pos
}

// Claim is a checked statement anchored in an article's text.
type Claim struct {
	ID          string
	Text        string // the exact words of the body
	Prefix      string // optional context before Text, to pick one of several matches
	Suffix      string // optional context after Text
	In          string // InBody or InTitle: where Text is anchored
	Restatement string // the claim as a sentence (the key "claim"); "" when not written
	Claimant    Ref    // "article", an actor id or an organization id; empty means the article
	Status      Ref    // a verdict id from the scale
	Explanation string // Markdown
	Checked     Date
	CheckedBy   []Ref // staff ids from site.toml
	Sources     []Source
	Updates     []Update // the corrections log, oldest first
	Pos         diag.Pos // the claim's table ([[claims]]) or list item
	Index       int      // position in the article's claims list, for Doc.Keys ("claims.<Index>.text")
}

// Quote is attributed speech anchored in an article's text.
type Quote struct {
	ID      string
	Speaker Ref // an actor id
	Text    string
	Prefix  string
	Suffix  string
	Said    Date
	Via     Ref    // the organization that reported it (optional)
	Context string // Markdown, optional
	// Paraphrase is set when the words are reported speech, not verbatim.
	Paraphrase bool
	Original   string // the words in the language they were said in (optional)
	Language   string // the language of Original, such as "zh"
	Pos        diag.Pos
	Index      int
}

// Article is an annotated text.
type Article struct {
	Doc
	Title         string
	Date          Date
	Summary       string
	Actors        []Ref
	Organizations []Ref
	Tags          []string
	Language      string // the article's own language, such as "ru"; "" means the site's
	Draft         bool
	Source        Source
	Claims        []Claim
	Quotes        []Quote
}

// Actor is a person.
type Actor struct {
	Doc
	Name    string
	Aliases []string
	// Forms are more spellings of the name and aliases that mentions
	// match but pages do not show: inflected forms (Токаева, Токаеву).
	Forms         []string
	Role          string
	Organizations []Ref
	Country       Ref // an organization id of kind "state", optional
	Wikidata      string
	Image         string
	Sources       []Source
	Draft         bool
}

// Organization is a state's body, an alliance, an agency, a medium or a state.
type Organization struct {
	Doc
	Name         string
	Short        string
	Aliases      []string
	Forms        []string // as an Actor's
	Kind         string   // e.g. state, alliance, agency, ministry, media
	Founded      string   // a date 2001-06-15 or a year 2001, as written
	Members      []Ref    // actor or organization ids
	Headquarters string
	Wikidata     string
	Sources      []Source
	Draft        bool
}

// Event is a dated happening for the timeline.
type Event struct {
	Doc
	Title         string
	Date          Date
	End           Date // optional
	Actors        []Ref
	Organizations []Ref
	Sources       []Source
	Draft         bool
}

// Set is everything read from a source folder's content/, each kind sorted by id.
type Set struct {
	Articles      []*Article
	Actors        []*Actor
	Organizations []*Organization
	Events        []*Event
	// Unparsed lists the files that exist but did not parse, sorted by
	// path: their own diagnostics say why, and a reference to the id one
	// would have defined is not another problem.
	Unparsed []Unparsed
}

// Drafts counts the files of the set marked draft = true.
func (s *Set) Drafts() int {
	n := 0
	for _, a := range s.Articles {
		n += b2i(a.Draft)
	}
	for _, a := range s.Actors {
		n += b2i(a.Draft)
	}
	for _, o := range s.Organizations {
		n += b2i(o.Draft)
	}
	for _, e := range s.Events {
		n += b2i(e.Draft)
	}
	return n
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Unparsed is a content file that did not parse: its kind, and the id its
// name would have given.
type Unparsed struct {
	Kind Kind
	ID   string
	File string
}
