package diag

// Code identifies a kind of problem. Each is documented with an example and its fix;
// README.md lists them for editors.
type Code string

const (
	// Syntax: the front matter cannot be parsed.
	//	+++
	//	title = "x
	// Fix: close the string, table or array the decoder points at.
	Syntax Code = "syntax"

	// Missing: a required key is absent (article title and date; actor and organization name).
	// Fix: add the key.
	Missing Code = "missing"

	// BadID: an id or file name uses anything but a-z, 0-9 and "-".
	//	content/actors/Zhang_Ming.md
	// Fix: rename to zhang-ming.md.
	BadID Code = "bad-id"

	// Duplicate: two things of one kind share an id.
	// Fix: rename one; the message names both places.
	Duplicate Code = "duplicate"

	// UnknownRef: a reference names an actor, organization, status, speaker or
	// staff member (checked_by, from site.toml's [[staff]]) that does not exist.
	//	actors = ["zhang-mign"]
	//	checked_by = ["a-edtor"]
	// Fix: use the suggested id, or create the missing file with `dossier new`
	// (or the [[staff]] entry in site.toml). An id whose file exists but does
	// not parse is not unknown: only the file's own error is reported.
	UnknownRef Code = "unknown-ref"

	// UnknownKey: a front-matter key is not part of the content model (a warning).
	//	titel = "x"
	// Fix: use the suggested key, or remove it.
	UnknownKey Code = "unknown-key"

	// BadValue: a key has a value of the wrong kind or out of range.
	//	date = "yesterday"
	// Fix: use the form the message names (a date is 2022-01-08).
	BadValue Code = "bad-value"

	// Empty: a claim or quote has empty text, so it cannot be anchored.
	// Fix: copy the exact words from the article body.
	Empty Code = "empty"

	// NotFound: a claim or quote text does not occur in the article body
	// (or, for a claim with in = "title", in the article's title).
	// Fix: copy the exact words; the hint shows the closest passage.
	NotFound Code = "not-found"

	// Ambiguous: a claim or quote text occurs more than once.
	// Fix: add the suggested prefix (or a suffix) to pick one.
	Ambiguous Code = "ambiguous"

	// CrossesBlock: a claim or quote text spans two paragraphs, list items or cells.
	// Fix: split it into one annotation per block.
	CrossesBlock Code = "crosses-block"

	// MentionClash: two entities share a name or alias, so the name links to neither (a warning).
	// Fix: make the alias unique (the entities' other names still link).
	MentionClash Code = "mention-clash"

	// Template: a template failed to parse or execute.
	// Fix: see the template file and line in the message.
	Template Code = "template"

	// BrokenLink: a page links to a path or fragment the site does not have.
	// Fix: correct the link or create the target.
	BrokenLink Code = "broken-link"

	// EscapingLink: a root-relative URL leaves the site's base path.
	//	[x](/claims/) on a site published under /repo/
	// Fix: use a relative link.
	EscapingLink Code = "escaping-link"

	// Read: a file or folder of the site cannot be read (permissions, I/O).
	//	content/articles/x.md: error: cannot read the file: permission denied
	// Fix: make the file readable.
	Read Code = "read"

	// Config: site.toml has a problem.
	// Fix: see the message; every key is optional.
	Config Code = "config"

	// ThemeBehind: a template or static file copied by `dossier init --with-theme`
	// differs from the default it overrides, and was copied from an older dossier
	// (a note, printed by `check --notes`).
	//	templates/article.html: note: copied from the default theme of dossier v1.0.0, and the default in v1.2.0 differs
	// Fix: merge the default's changes into the copy, then write the new version in
	// templates/.dossier-theme-version.
	ThemeBehind Code = "theme-behind"

	// NoRestatement: a claim has no `claim`, its restatement as a sentence,
	// so its anchored words stand in on its page, in lists and in
	// ClaimReview (a warning, from `dossier check`).
	//	[[claims]]
	//	text = "in the west of the country"
	// Fix: add claim = "Protesters seized the airport in the west of the country."
	NoRestatement Code = "no-restatement"

	// UpdateDate: an entry of a claim's corrections log is dated before the
	// claim was checked.
	//	checked = 2026-11-26
	//	[[claims.updates]]
	//	date = 2026-11-01
	// Fix: correct the update's date; checked is when the claim was first checked.
	UpdateDate Code = "update-date"

	// UpdateFrom: the latest update that changed the verdict says it changed
	// from the verdict the claim has now.
	//	status = "false"
	//	[[claims.updates]]
	//	from = "false"
	// Fix: set from to the verdict before the change, or remove from when
	// the verdict did not change.
	UpdateFrom Code = "update-from"

	// KindNote: a source of kind "other" has no note saying what it is.
	//	kind = "other"
	// Fix: add note = "…", or use one of the listed kinds.
	KindNote Code = "kind-note"

	// KindConflict: one URL, or two URLs of one domain, carry different
	// source kinds in two places (a warning).
	//	url = "https://example.org/a"  kind = "news"
	//	url = "https://example.org/b"  kind = "state-media"
	// Fix: give the publisher one kind everywhere.
	KindConflict Code = "kind-conflict"

	// NoArchive: a source has a URL but no archived copy (a note; an error
	// with `dossier check --strict`).
	//	url = "https://example.org/a"
	// Fix: save the page in a web archive and add archived = "…".
	NoArchive Code = "no-archive"

	// RelativeURL: the site has no absolute baseURL, so ClaimReview's urls
	// would be relative and aggregators cannot use them (a note).
	//	baseURL = "/"
	// Fix: set baseURL = "https://example.github.io/repo/" in site.toml, or
	// check with `dossier check --base-url URL` as the site is published.
	RelativeURL Code = "relative-url"

	// LongClaim: ClaimReview's claimReviewed (the claim's `claim`, or its
	// `text` standing in) is longer than the 75 characters aggregators
	// show (a warning).
	// Fix: restate the claim more briefly in claim = "…".
	LongClaim Code = "long-claim"

	// PublisherURL: site.toml's [publisher] has no url, so ClaimReview's
	// publisher is only a name (a note).
	// Fix: add url = "https://…" under [publisher].
	PublisherURL Code = "publisher-url"

	// DeadLink: an external URL did not answer with a page: a 4xx or 5xx
	// status, a name that does not resolve, a timeout or a reset connection
	// (`dossier check --external`).
	//	content/articles/x.md:12:15: error: dead link https://…: 404 Not Found
	// Fix: find the page's new address, or link to its archived copy.
	DeadLink Code = "dead-link"

	// MovedLink: an external URL redirects elsewhere (a warning from
	// `dossier check --external`).
	// Fix: write the address the message gives.
	MovedLink Code = "moved-link"

	// NotHTML: a source with a quote links to something that is not an HTML
	// page, where a text fragment (#:~:text=) cannot point at the passage (a
	// warning from `dossier check --external`).
	// Fix: link to the HTML page that shows the passage, or remove quote.
	NotHTML Code = "not-html"
)
