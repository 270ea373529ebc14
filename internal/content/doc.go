// Package content reads a site's content/ folder from an fs.FS into typed
// articles, actors, organizations and events, with the file position of every
// front-matter key.
//
// # Files
//
// Load reads content/<kind>/**/*.md, where kind is articles, actors,
// organizations or events. A file's id is its name without .md: lowercase
// ASCII letters and digits in groups joined by single hyphens (zhang-ming.md).
// A name of any other form is an error and the file is not used, so an id can
// never be a path. Sub-folders only organise files; they are not part of the
// id. Anything else under content/ (another folder, a file of another type) is
// a warning; dotfiles and editor leftovers (name~, .#name, name.swp, name.swo,
// #name#) are skipped silently.
//
// # Front matter
//
// A file starts with front matter, in TOML between two "+++" lines or in YAML
// between two "---" lines; the keys and their meaning are the same in both.
// The Markdown body is everything after the closing fence. A UTF-8 byte order
// mark and CRLF line endings are accepted; the body's CRLFs become LFs, and
// line numbers are the file's own.
//
//	+++
//	title = "China-led alliance to intervene in Kazakhstan"
//	date  = 2022-01-08
//	+++
//	The article's text, in Markdown.
//
// Keys are lowercase. A key the model does not know is a warning that
// suggests the closest known key (titel → title). A value of the wrong kind is
// an error naming the kind wanted.
//
// Values are written as follows. A string is a text in quotes (in YAML,
// quotes are optional; an unquoted 2001 or true is taken as written where a
// string is wanted). An id is a string naming another file (an actor, an
// organization, a verdict from site.toml). A list is ["a", "b"] (in YAML also
// one "- a" per line). A date is 2022-01-08: a TOML or YAML date, or the same
// in quotes; a date with a time of day keeps its day. A boolean is true or
// false.
//
// # Articles
//
// content/articles/<id>.md, an annotated text:
//
//	title          string, required
//	date           date, required: when the text was published
//	summary        string
//	actors         list of actor ids the article is about (mentions are also detected)
//	organizations  list of organization ids
//	tags           list of strings
//	language       language tag (ru, zh-Hant): the article's own language, else the site's
//	draft          boolean: left out of the site unless drafts are built
//	source         table: where the text comes from (see Sources)
//	claims         list of claims ([[claims]] tables in TOML)
//	quotes         list of quotes ([[quotes]] tables in TOML)
//
// A claim is a checked statement, anchored in the body by its exact words:
//
//	id           required, an id unique among the article's claims
//	text         required, not empty: the exact words of the body it annotates
//	in           "body" (the default) or "title": where text is anchored
//	claim        string: the claim restated as a sentence, for its page, lists and
//	             ClaimReview (Claim.Restatement); text stands in when it is absent
//	prefix       string, the words just before text, to pick one of several matches
//	suffix       string, the words just after text
//	claimant     id: "article", an actor or an organization; empty means the article
//	status       id, required: a verdict of the scale in site.toml
//	explanation  string, Markdown: why this verdict
//	checked      date: when the claim was first checked
//	checked_by   list of staff ids from site.toml's [[staff]]
//	sources      list of sources supporting the verdict
//	updates      list of updates: the corrections log, oldest first
//
// An update ([[claims.updates]]) has a date (required, not before checked), a
// note (required, Markdown: what changed and why) and from, the verdict id
// before the update when the verdict changed.
//
// A quote is attributed speech, anchored like a claim:
//
//	id       required, an id unique among the article's quotes
//	speaker  actor id, required
//	text     required, not empty: the exact words of the body
//	prefix   string
//	suffix   string
//	said     date
//	via      organization id: who reported it
//	context  string, Markdown
//	paraphrase  boolean: the words are reported speech, not verbatim
//	original    string: the words in the language they were said in
//	language    language tag of original, such as zh
//
// A claim or quote with any error is left out of the article, so that later
// stages do not report it again; so is the second of two claims (or two quotes)
// with one id.
//
// # Sources
//
// A source, the article's [source] or an element of a sources list, has the
// keys title, url, publisher, quote (the passage relied on), archived (an
// archive copy) and note, all strings; date; and kind, one of official,
// primary, wire, news, state-media, partisan, advocacy, aggregator,
// content-farm, mirror, reference, unknown and other (SourceKinds). A source
// of kind "other" needs a note saying what it is. An article's [source] also
// takes [source.original] (publisher, url, date): where a re-posted text first
// appeared.
//
// # Actors, organizations, events
//
// content/actors/<id>.md, a person; the body is the profile:
//
//	name           string, required
//	aliases        list of strings: other names that link to the actor
//	forms          list of strings: inflected forms of the name and aliases that link to the actor, not shown
//	role           string
//	organizations  list of organization ids
//	country        organization id (of kind state)
//	wikidata       string, e.g. Q1234
//	image          string
//	sources        list of sources
//	draft          boolean
//
// content/organizations/<id>.md, a state, alliance, agency, ministry or medium:
//
//	name          string, required
//	short         string, e.g. SCO
//	aliases       list of strings
//	forms         list of strings: inflected forms, as for actors
//	kind          string: state, alliance, agency, ministry, media…
//	founded       a year (2001) or a date (2001-06-15), kept as written
//	members       list of actor or organization ids
//	headquarters  string
//	wikidata      string
//	sources       list of sources
//	draft         boolean
//
// content/events/<id>.md, a dated event for the timeline:
//
//	title          string, required
//	date           date, required
//	end            date, for events that last
//	actors         list of actor ids
//	organizations  list of organization ids
//	sources        list of sources
//	draft          boolean
//
// # Positions
//
// Doc.Keys holds the position of every key written, by dotted path with list
// indices counted from 0: "title", "source.url", "claims.2.text",
// "claims.2.sources.0.url". A Claim's or Quote's Pos is its [[claims]] header
// (TOML) or the first key of its list item (YAML), and so is a Source's or an
// Update's; a Ref's Pos is its value, and so are a Source's URLPos and
// ArchivedPos.
// Columns count bytes from 1.
//
// # Diagnostics
//
// Problems are collected, never the first-and-stop, each with a position and a
// hint: a file without front matter or whose front matter is not closed, and
// TOML or YAML syntax errors at the decoder's position (diag.Syntax); a
// missing required key (diag.Missing); an invalid file name or claim or quote
// id (diag.BadID); a claim or quote with empty text (diag.Empty); a value of
// the wrong kind (diag.BadValue); an id used twice in one article
// (diag.Duplicate); unknown keys, folders and files (diag.UnknownKey,
// warnings); a file that cannot be read (diag.Read); a source of kind "other"
// without a note (diag.KindNote); an update dated before its claim was checked
// (diag.UpdateDate). YAML anchors and aliases
// are not supported. Unknown references and ids used twice across files are
// checked when the dossier is resolved, not here.
package content
