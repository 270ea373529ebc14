package dossier

// Found is what parsing one content file's Markdown found in it: where its
// claims and quotes are and which names it mentions. Parsing reads the file
// and the names of actors and organizations only, so a Found is the parse's
// to give and the graph's to take in (see Resolve).
type Found struct {
	// Anchors are where the claims and quotes of an article's body were
	// anchored.
	Anchors []Anchor
	// Title is where the claims anchored in an article's title (in =
	// "title") were found in it, in the order the title's anchoring gave.
	Title []TitleSpan
	// Mentions are the names of actors and organizations the file's body
	// mentions, linked or not, in reading order.
	Mentions []Mentioned
}

// Anchor is where one claim or quote was anchored in its article's body.
type Anchor struct {
	Kind     string // "claim" or "quote"
	ID       string
	Sentence string // the plain text of the sentence holding the span
	Line     int    // the file's line on which the span starts
	Offset   int    // where the span starts in the body's text
}

// TitleSpan is where a claim was found in its article's title: bytes
// [Start, End) of it.
type TitleSpan struct {
	ID         string
	Start, End int
}

// Mentioned is one mention of an actor's or organization's name.
type Mentioned struct {
	Kind, ID string // "actor" or "organization", and its id
	Sentence string // the plain text of the sentence holding the name
	Line     int    // the file's line of the name
}

// Finder tells what parsing each content file found.
type Finder interface {
	// Found returns what parsing the content file at path (e.g.
	// content/articles/x.md) found, or nil when it found nothing.
	Found(path string) *Found
}

// FoundIn is a Finder over a map from content paths.
type FoundIn map[string]*Found

// Found implements Finder.
func (f FoundIn) Found(path string) *Found { return f[path] }

// record takes in what parsing found: anchors in the articles, mentions in
// the entities' lists, in the order of the dossier's lists (articles, then
// actors, organizations and events), so that every list of mentions is in
// one order.
func (d *Dossier) record(f Finder) {
	if f == nil {
		return
	}
	for _, a := range d.Articles {
		if found := f.Found(a.Path); found != nil {
			for _, x := range found.Anchors {
				a.anchored(x)
			}
			line := a.At("title").Line
			for _, s := range found.Title {
				a.anchoredInTitle(s.ID, s.Start, s.End, line)
			}
		}
	}
	for _, a := range d.Articles {
		d.mentions(f.Found(a.Path), Mention{Article: a})
	}
	for _, a := range d.Actors {
		d.mentions(f.Found(a.Path), Mention{From: a})
	}
	for _, o := range d.Organizations {
		d.mentions(f.Found(o.Path), Mention{From: o})
	}
	for _, e := range d.Events {
		d.mentions(f.Found(e.Path), Mention{Event: e})
	}
}

// mentions adds the mentions found in one file, each as at (which says
// where), but a profile naming its own subject: that is no back-link.
func (d *Dossier) mentions(found *Found, at Mention) {
	if found == nil {
		return
	}
	for _, h := range found.Mentions {
		if at.From != nil && at.From.EntityKind() == h.Kind && at.From.EntityID() == h.ID {
			continue
		}
		m := at
		m.Sentence, m.Line = h.Sentence, h.Line
		d.addMention(h.Kind, h.ID, m)
	}
}
