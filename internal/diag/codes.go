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

	// UnknownRef: a reference names an actor, organization, status or speaker that does not exist.
	//	actors = ["zhang-mign"]
	// Fix: use the suggested id, or create the missing file with `dossier new`.
	// An id whose file exists but does not parse is not unknown: only the
	// file's own error is reported.
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

	// NotFound: a claim or quote text does not occur in the article body.
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
)
