package annotate

import (
	"github.com/yuin/goldmark/parser"

	"github.com/dossier-dev/dossier/internal/diag"
)

// Kind says what an annotation is.
type Kind string

// The kinds of annotation.
const (
	KindClaim Kind = "claim"
	KindQuote Kind = "quote"
)

// Annotation is one stand-off annotation of a document: the span Text, picked
// out by the optional Prefix (the words just before it) and Suffix (the words
// just after it), as in a W3C TextQuoteSelector.
//
// Kind, ID, Text, Prefix, Suffix and Pos are what anchoring reads. The
// Marking is only what rendering shows: set it before parsing, or leave it
// to a Resolver handed to Bind before rendering.
type Annotation struct {
	Kind                 Kind
	ID                   string
	Text, Prefix, Suffix string
	// Pos is where diagnostics about this annotation go: its line in the front matter.
	Pos diag.Pos
	Marking
}

// Marking is how an anchored annotation shows: the attributes of its marks,
// what screen readers hear around it and its badge.
type Marking struct {
	// Status is a claim's verdict id (data-status); unused for quotes.
	Status string
	// Label is a claim's verdict label (badge text and screen-reader text), or
	// a quote's speaker name ("quote by Label:").
	Label string
	// Short is a claim's compact verdict label, for phones; when it differs
	// from Label the badge holds both (see doc.go).
	Short string
	// Icon is a claim's icon name; the badge holds
	// <span class="icon icon-NAME" aria-hidden="true"></span>.
	Icon string
	// Href is the URL of the annotation's own page; the badge links there.
	Href string
	// Start and End are what screen readers hear before and after the
	// span, and Badge a quote's badge text, in the page's language; ""
	// is the English default ("claim, rated Label: ", " end of claim",
	// "quote").
	Start, End, Badge string
	// Paraphrase marks a quote whose words are reported speech, not
	// verbatim: its marks carry data-paraphrase, and its badge and
	// screen-reader text say "paraphrase" instead of "quote".
	Paraphrase bool
}

// Document is the per-document input of the extension. Store it with Set
// before parsing.
type Document struct {
	// File is the document's path, for diagnostics, e.g. content/articles/x.md.
	File string
	// BodyLine is the 1-based line of File on which the Markdown body starts.
	BodyLine int
	// Annotations are anchored in this order; Anchors reports them in it.
	Annotations []Annotation
}

// Anchor says where an annotation was anchored.
type Anchor struct {
	Kind Kind
	ID   string
	// Line is the line of File on which the span starts.
	Line int
	// Offset is where the span starts in the document's rendered text:
	// anchors sorted by it are in reading order.
	Offset int
	// Sentence is the plain text of the sentence (or block) holding the span.
	Sentence string
}

var (
	documentKey = parser.NewContextKey()
	resultKey   = parser.NewContextKey()
)

// result is what the transformer leaves in the parser.Context.
type result struct {
	diags   diag.List
	anchors []Anchor
}

// Set stores the document's annotations in pc, for the transformer to anchor.
// Without it the extension leaves the document alone.
func Set(pc parser.Context, doc Document) {
	pc.Set(documentKey, &doc)
}

// Diagnostics returns the problems found while anchoring, sorted; call it after
// the document was parsed (goldmark's Convert or Parser().Parse).
func Diagnostics(pc parser.Context) diag.List {
	if r, ok := pc.Get(resultKey).(*result); ok {
		return r.diags
	}
	return nil
}

// Anchors returns the annotations that were anchored, in the order of
// Document.Annotations; call it after the document was parsed.
func Anchors(pc parser.Context) []Anchor {
	if r, ok := pc.Get(resultKey).(*result); ok {
		return r.anchors
	}
	return nil
}

// document returns the Document stored in pc, or nil.
func document(pc parser.Context) *Document {
	d, _ := pc.Get(documentKey).(*Document)
	return d
}
