// Package annotate anchors stand-off annotations (fact-checked claims and
// attributed quotes) in a parsed Markdown document and marks them in its HTML.
//
// It is a goldmark extension: Extension (or New()) adds an AST transformer and
// a node renderer. The host stores each document's annotations in the
// parser.Context with Set before parsing, and reads Diagnostics and Anchors
// from the same context afterwards. All state lives in that context, so
// documents may be converted in parallel.
//
// Anchoring reads an annotation's Kind, ID, Text, Prefix, Suffix and Pos
// only. How a mark shows (its Marking: verdict, label, icon, link, what
// screen readers hear) is the renderer's: set it before parsing, or parse
// once and, before each rendering, let Bind fill it from a Resolver, which
// the host backs with what it knows once every document is parsed.
//
// # Anchoring
//
// An annotation is a W3C Web Annotation TextQuoteSelector: Text, the exact
// words, with optional Prefix and Suffix, the words just before and after
// them, to pick one of several occurrences. The words are looked up in the
// document's rendered text, the text a reader sees, so a span may cross
// emphasis, strong, strikethrough, links, autolinks, code spans, images,
// footnote references and line breaks. Matching is exact except for
// typography and white space:
//
//   - ' ‘ ’ ‚ ‛ ′ are one character, and so are " “ ” „ ‟ ″;
//   - -- and – (en dash), --- and — (em dash), ... and … (ellipsis),
//     << and «, >> and » match each other;
//   - every run of white space (spaces, tabs, line breaks, non-breaking and
//     thin spaces) matches every other; leading and trailing white space of
//     Text, Prefix and Suffix is ignored, and one space is allowed between
//     Prefix and Text and between Text and Suffix.
//
// Case, spelling and punctuation otherwise matter: an annotation is never
// attached to look-alike text.
//
// Text is searched in text blocks: paragraphs, headings, list items, table
// cells, and those inside block quotes and footnotes. Code blocks and HTML
// blocks are not text. A span must lie within one block; Prefix and Suffix
// may reach into the blocks before and after. All annotations of a document
// are found in one pass over its text (Aho–Corasick), so anchoring costs
// O(text + annotations + occurrences).
//
// # Diagnostics
//
// Each annotation that cannot be anchored is an error at its Pos, and the
// others are still anchored and marked. Lines in messages and hints are lines
// of the file (Document.BodyLine plus the line in the body, minus one). The
// messages, with KIND being claim or quote:
//
//	diag.Empty          KIND "ID": text is empty
//	                    hint: copy the exact words from the article body
//
//	diag.NotFound       KIND "ID": text not found in body
//	                    hint: closest passage: "formed by China and" at line 31 (73% similar)
//	                    (or, when the body has no text: the body has no text to anchor to)
//
//	diag.Ambiguous      KIND "ID": text occurs 3 times in body (lines 4, 6, 8)
//	                    KIND "ID": text occurs 2 times in body with the given prefix (lines 4, 6)
//	                    ("with the given suffix", "with the given prefix and suffix" likewise)
//	                    hint: to pick one, add prefix = "Officials blamed" (line 4); prefix = "…" (line 6); …
//
//	diag.NotFound       KIND "ID": no occurrence of text (lines 4, 6) follows prefix "Monday"
//	                    KIND "ID": no occurrence of text (line 4) precedes suffix "on Tuesday"
//	                    KIND "ID": no occurrence of text (lines 4, 6) has both prefix "x" and suffix "y"
//	                    hint: use instead prefix = "Officials blamed" (line 4); …
//
//	diag.CrossesBlock   KIND "ID": text crosses a block boundary (lines 4-6); it must lie
//	                    within one paragraph, heading, list item, table cell or footnote
//	                    hint: split it into one KIND per block
//
// The closest passage is found by approximate matching (fewest edits, case
// ignored) and widened to whole words; it is only a hint. A suggested prefix
// is the shortest context of about 32 characters (64, 128, … if needed)
// before the occurrence that no other occurrence shares, starting at a word;
// when there is none (the occurrence opens the body) a suffix is suggested,
// and otherwise "a longer prefix or suffix". Suggestions are quoted ready to
// paste into front matter.
//
// # Titles
//
// AnchorTitle anchors annotations in a title rather than a body (claims
// with in = "title"): the same folding, Prefix and Suffix, with "text not
// found in title" and "text occurs N times in title" at the annotation's
// Pos. It returns byte spans of the title; the host marks them.
//
// # Markup
//
// Every piece of an anchored claim is
//
//	<mark class="claim" data-claim="ID" data-status="STATUS">…</mark>
//
// and every piece of a quote <mark class="quote" data-quote="ID">, with
// data-paraphrase="" when its words are a paraphrase; the first
// piece also carries id="claim-ID" or id="quote-ID". The text of all pieces,
// joined, is the annotated span. A span has several pieces where it crosses an
// element boundary (the pieces nest inside <em>, <a> …), a raw HTML tag or a
// footnote reference (never inside a mark), or the boundary of another
// annotation. Overlapping annotations nest properly: where two spans share
// words, the enclosing (or earlier) annotation's mark is outside.
//
// Screen readers ignore <mark>, so every annotation is announced with
// visually hidden text, outside all marks:
//
//	<span class="sr-only">claim, rated LABEL: </span>   before the first piece
//	<span class="sr-only">quote by LABEL: </span>       (or "claim: ", "quote: " without a label)
//	<span class="sr-only"> end of claim</span>          after the last piece, followed by the badge:
//	<a class="badge badge-claim" data-status="STATUS" href="HREF"><span class="icon icon-ICON" aria-hidden="true"></span>LABEL</a>
//	<a class="badge badge-quote" href="HREF">quote</a>
//
// A paraphrase (Annotation.Paraphrase) says "paraphrase" where a quote says
// "quote": "paraphrase of LABEL: ", " end of paraphrase", and the badge's
// text, so that reported speech is never presented as the speaker's words.
//
// When a claim's Short differs from its label, the badge's label is two
// spans, for stylesheets to show one by screen width; screen readers hear
// only the label:
//
//	<span class="v-label">LABEL</span><span class="v-short" aria-hidden="true">SHORT</span>
//
// The badge's text is the verdict's label (its id when the label is empty),
// so the verdict is never told by colour alone; without Icon the icon span is
// left out. When Href is empty, or dangerous (javascript: …) while goldmark's
// unsafe option is off, the badge is a <span> instead of a link. When a span
// ends inside a link, its end and badge follow the link, since links cannot nest.
//
// # The tree
//
// Mark nodes are ordinary inline containers whose children are the
// document's own inline nodes, Text and String leaves split at span
// boundaries, so extensions that run later (mention, at a higher transformer
// priority) can work inside them. Splitting keeps the rendered HTML the same
// except that a code span cut by a boundary becomes two adjacent code spans,
// and an autolink cut by one becomes an ordinary link.
package annotate
