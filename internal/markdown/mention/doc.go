// Package mention finds the names of actors and organizations in Markdown
// bodies and links them to their pages, as a goldmark extension.
//
// # Use
//
// Build one Matcher per site from every entity with NewMatcher; it reports
// names shared by two entities. Add New() to the goldmark instance once.
// For each document, create a parser.Context, call Set with the matcher, the
// site's mode and the document's file and first body line (and SetSelf on an
// entity's own profile, so that it neither links nor back-links itself),
// parse with that context, render, and read Hits. Documents may be parsed in
// parallel: all per-document state lives in the parser.Context, and the
// Matcher is read-only.
//
// Finding names needs the names only. A link goes to the Entity's Href, or,
// when the host parses once and renders later, where a Resolver says: Bind
// asks it for each linked entity before rendering, so a Matcher may carry
// no links at all.
//
// The transformer runs late (priority 2000, after the footnote extension's
// 999): an extension that must see the text before names are wrapped, such
// as annotate, needs a smaller priority number.
//
// # What is a mention
//
//   - A name is any of Entity.Names (name, short name, aliases), matched
//     case-sensitively as written: "CSTO" is not "csto". White space inside a
//     name matches one space or a line break; a straight apostrophe in a name
//     also matches a typographic one, and the other way round.
//   - Whole words only: no letter, digit, mark or "_" may touch a name that
//     begins or ends with one ("Токаев" is not in "Токаевский").
//   - Scripts written without spaces (Chinese, Japanese kana, Thai, Lao,
//     Khmer, Myanmar) have no word boundaries to find: a name in them is
//     found anywhere in a run of them ("王文斌" in "外交部发言人王文斌表示"),
//     and their characters next to a name of another script separate it
//     as a space would ("ШОС和…" mentions ШОС). Hyphens separate words ("CSTO-led" mentions
//     CSTO). A possessive is a mention: "Tokayev's", "Tokayev’s" and the
//     typographer's "Tokayev&rsquo;s" all mention Tokayev, and the "'s" stays
//     outside the link; "O'Brien" does not mention "Brien".
//   - The longest name wins, then the leftmost: "Kassym-Jomart Tokayev" is one
//     mention, not one of "Tokayev" too. Mentions never overlap.
//   - Never inside headings, links, autolinks, images, code spans or raw HTML,
//     nor in code blocks or HTML blocks. The text of links, images and code
//     still neighbours words ("[Big](x)Tokayev" is no mention); raw HTML counts as
//     nothing, so text glued to a tag joins the text on its other side
//     ("Kassym-Jomart<br>Tokayev" is no mention). Any other inline container
//     (emphasis, strikethrough, the annotate extension's claim and quote
//     marks) is walked into: a name inside a marked claim is a mention.
//   - Names are matched against the body as written (typographer output
//     aside): a character reference or backslash escape inside a name hides
//     it ("AT&amp;T" does not mention "AT&T").
//   - A name is looked for in the text of one block (paragraph, list item,
//     table cell, footnote) and never across inline containers: a name that
//     would begin inside emphasis or a mark and end outside it (or the other
//     way round) is not a mention, though a shorter name wholly on one side
//     still is. Line breaks inside a paragraph do not stop a name.
//   - Inflected forms. An entity's Forms (front matter's forms) are matched
//     as its names are but shown nowhere: list the case forms of a name
//     there (forms = ["Токаева", "Токаеву"]). The common Russian surnames
//     get theirs without a list: a one-word Cyrillic name or alias that
//     begins with a capital and ends in -ов, -ев, -ёв, -ин, -ын (Токаев:
//     Токаева, Токаеву, Токаевым, Токаеве), -ова, -ева, -ина (Иванова:
//     Ивановой, Иванову) or -ский, -цкий, -ская, -цкая. A form never takes
//     a name from another entity, and a form two entities share (Иванову, of
//     Иванов and Иванова) links to neither, without a warning.
//   - A name shared by two or more entities is reported by NewMatcher
//     (diag.MentionClash, at each entity) and never links nor counts as a hit,
//     but it still hides shorter names inside it.
//
// # Links
//
// Which mentions become links is the Mode: ModeFirst (the default) links the
// first mention of each entity in a document, ModeAll every one, ModeNone
// none. Hits reports every mention either way, in document order, with its
// line and the plain text of its sentence (for back-link lists). A link is
//
//	<a class="mention" href="HREF" data-entity="KIND:ID">NAME</a>
//
// around the name's own nodes, so emphasis, typographic quotes and claim
// marks inside and around it render as before.
//
// # Cost
//
// The matcher is an Aho–Corasick automaton compiled into a table over the
// bytes names use: each block's text is read once whatever the number of
// names, and names are checked for whole words only where one ends.
package mention
