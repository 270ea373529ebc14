package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"
)

var validID = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func newFlags(flags *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) int {
	source := flags.String("source", ".", "the site's `folder`")
	return func(_ context.Context, args []string, stdout, stderr io.Writer) int {
		if len(args) != 2 {
			fmt.Fprintln(stderr, "usage: dossier new article|actor|organization|event ID")
			return exitUsage
		}
		kind, id := args[0], args[1]
		skeleton, ok := skeletons[kind]
		if !ok {
			fmt.Fprintf(stderr, "dossier new: unknown kind %q\n\thint: use article, actor, organization or event\n", kind)
			return exitUsage
		}
		if !validID.MatchString(id) {
			fmt.Fprintf(stderr, "dossier new: %q is not a valid id\n\thint: use lowercase letters, digits and -, such as %q\n", id, slug(id))
			return exitUsage
		}
		path := filepath.Join(*source, "content", kind+"s", id+".md")
		text := strings.NewReplacer("{{DATE}}", time.Now().Format("2006-01-02"), "{{TITLE}}", titleFromID(id)).Replace(skeleton)
		if err := writeNew(path, text); err != nil {
			fmt.Fprintf(stderr, "dossier new: %v\n", err)
			if errors.Is(err, fs.ErrExist) {
				fmt.Fprintln(stderr, "\thint: choose another id, or edit the existing file")
			}
			return exitUsage
		}
		fmt.Fprintf(stdout, "created %s, a draft: `dossier serve` shows it; delete its draft = true to publish it\n", path)
		return exitOK
	}
}

// writeNew creates path with text, refusing to overwrite anything.
func writeNew(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// slug suggests a valid id for s.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// titleFromID turns "zhang-ming" into "Zhang ming", a starting title or name.
func titleFromID(id string) string {
	t := strings.ReplaceAll(id, "-", " ")
	return strings.ToUpper(t[:1]) + t[1:]
}

// skeletons are the commented starting points for new files, with {{DATE}}
// and {{TITLE}} filled in.
var skeletons = map[string]string{
	"article": `+++
# The article's headline.
title   = "{{TITLE}}"
date    = {{DATE}}
summary = ""
# Ids of the actors and organizations it concerns (names in the text are also found by themselves).
actors        = []
organizations = []
tags          = []
# language    = "ru"     # the article's own language, when it is not the site's
draft         = true

[source]            # where the text comes from
publisher = ""
url       = ""
archived  = ""      # an archive copy, when one exists
# kind    = "news"  # official, primary, wire, news, state-media, partisan, advocacy,
#                   # aggregator, content-farm, mirror, reference, unknown, other (needs a note)
#   [source.original]   # where a re-posted text first appeared
#   publisher = ""
#   url       = ""
#   date      = 2026-01-01

# One [[claims]] table per checked statement. text is the exact words of the body.
# [[claims]]
# id          = "short-id"
# text        = "the exact words"
# in          = "body"         # or "title", when the words are in the headline
# claim       = "The claim restated as one sentence, in at most 75 characters."
# claimant    = "article"      # or an actor or organization id
# status      = "unverified"   # a verdict id: true, mostly-true, misleading, false, unverified, disputed, not-rated
# explanation = "Why this verdict, in one to three sentences."
# checked     = 2026-01-01
# checked_by  = ["staff-id"]   # ids of site.toml's [[staff]]
#   [[claims.sources]]
#   title    = ""
#   url      = ""
#   kind     = "news"          # as for [source]
#   quote    = ""              # the passage relied on: the link opens the page at it
#   archived = ""              # an archive copy of the page
#   [[claims.updates]]         # the corrections log, oldest first
#   date = 2026-01-02
#   note = "What changed and why."
#   from = "unverified"        # the verdict before, when the verdict changed

# One [[quotes]] table per quotation.
# [[quotes]]
# id      = "short-id"
# speaker = "actor-id"
# text    = "the exact words quoted"
# said    = 2026-01-01
# via     = "organization-id"   # who reported it (optional)
# paraphrase = false            # true when the words are reported speech, not verbatim
# original   = ""               # the words in the language they were said in
# language   = "zh"             # the language of original
+++

The article's text, in Markdown.
`,
	"actor": `+++
name    = "{{TITLE}}"
aliases = []        # other names used in articles, e.g. "Mr. Zhang"
role    = ""
organizations = []  # organization ids
country  = ""       # an organization id of kind "state"
wikidata = ""       # e.g. Q123
draft    = true     # created {{DATE}}

# [[sources]]
# title = ""
# url   = ""
+++

A short, sourced profile.
`,
	"organization": `+++
name    = "{{TITLE}}"
short   = ""        # e.g. SCO
aliases = []
kind    = ""        # state, alliance, agency, ministry, media …
# founded = 2001     # a year, or a date such as 2001-06-15
members = []        # actor or organization ids
headquarters = ""
wikidata = ""
draft    = true     # created {{DATE}}

# [[sources]]
# title = ""
# url   = ""
+++

A short, sourced profile.
`,
	"event": `+++
title = "{{TITLE}}"
date  = {{DATE}}
# end = 2026-01-02   # for events that last several days
actors        = []
organizations = []
draft         = true

# [[sources]]
# title = ""
# url   = ""
+++

What happened, in a few sentences.
`,
}
