package site

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/markdown"
	"github.com/dossier-dev/dossier/internal/markdown/annotate"
	"github.com/dossier-dev/dossier/internal/markdown/mention"
	"github.com/dossier-dev/dossier/internal/render"
	"github.com/dossier-dev/dossier/internal/urls"
)

// names is the site's mention matcher with a fingerprint of what it matches.
type names struct {
	*mention.Matcher
	fingerprint uint64
	diags       diag.List // the matcher's warnings (names shared by two entities)
}

// mentionMatcher returns the matcher for every actor's and organization's
// names: last's when the names, links and titles are the same (a save that
// renames nobody), a new one otherwise.
func mentionMatcher(d *dossier.Dossier, u urls.URLs, last names) (names, diag.List) {
	var entities []mention.Entity
	h := fnv.New64a()
	add := func(e mention.Entity) {
		entities = append(entities, e)
		fmt.Fprintf(h, "%s|%s|%q|%q|%s|%s\n", e.Kind, e.ID, e.Names, e.Forms, e.Href, e.Pos)
	}
	for _, a := range d.Actors {
		add(mention.Entity{Kind: "actor", ID: a.ID, Names: nonEmpty(append([]string{a.Name}, a.Aliases...)), Forms: a.Forms,
			Href: u.Rel(urls.Actor(a.ID)), Pos: a.At("name")})
	}
	for _, o := range d.Organizations {
		add(mention.Entity{Kind: "organization", ID: o.ID, Names: nonEmpty(append([]string{o.Name, o.Short}, o.Aliases...)), Forms: o.Forms,
			Href: u.Rel(urls.Organization(o.ID)), Pos: o.At("name")})
	}
	if last.Matcher != nil && last.fingerprint == h.Sum64() {
		return last, slices.Clone(last.diags)
	}
	m, diags := mention.NewMatcher(entities)
	return names{Matcher: m, fingerprint: h.Sum64(), diags: diags}, slices.Clone(diags)
}

func nonEmpty(list []string) []string {
	out := list[:0:0]
	for _, s := range list {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// anchorTitles anchors every article's title claims (in = "title") in its
// title and records where; a title is a line of front matter, so this is
// cheap enough to do on every build.
func anchorTitles(d *dossier.Dossier) diag.List {
	var diags diag.List
	for _, a := range d.Articles {
		var anns []annotate.Annotation
		for _, c := range a.Claims {
			if c.In == content.InTitle {
				anns = append(anns, annotate.Annotation{Kind: annotate.KindClaim, ID: c.ID, Text: c.Text, Prefix: c.Prefix, Suffix: c.Suffix, Pos: c.Pos})
			}
		}
		spans, ds := annotate.AnchorTitle(a.Path, a.Title, anns)
		diags.Append(ds)
		line := a.At("title").Line
		for _, s := range spans {
			a.AnchoredInTitle(s.ID, s.Start, s.End, line)
		}
	}
	return diags
}

// unit is one content file's Markdown: an article's body with its claims'
// explanations and quotes' contexts, or a profile's or an event's body.
type unit struct {
	key   render.TextKey // the key of the file's own body
	file  string
	owner any                 // *dossier.Article, dossier.Entity or *dossier.Event: who the mentions belong to
	jobs  func() []conversion // what converting it takes; the unit's own body first
}

// units lists every content file's Markdown. What a unit's conversion reads
// besides its file: the matcher's names, links and titles, the verdict
// scale, the base URL, the Markdown options and the words (convertAll's cache key).
func units(d *dossier.Dossier, u urls.URLs, m names, mode mention.Mode, w *config.Words) []unit {
	list := make([]unit, 0, len(d.Articles)+len(d.Actors)+len(d.Organizations)+len(d.Events))
	body := func(owner dossier.Object, file string, src []byte, line int, anns []annotate.Annotation) conversion {
		in := markdown.Input{File: file, BodyLine: line, Source: src, Annotations: anns, Matcher: m.Matcher, Mentions: mode}
		if e, isEntity := owner.(dossier.Entity); isEntity {
			in.SelfKind, in.SelfID = e.EntityKind(), e.EntityID()
		}
		return conversion{key: render.BodyOf(owner.Ref()), owner: owner, in: in}
	}
	text := func(key render.TextKey, file string, src string, pos diag.Pos) conversion {
		return conversion{key: key, in: markdown.Input{File: file, BodyLine: pos.Line, Source: []byte(src)}}
	}
	for _, a := range d.Articles {
		list = append(list, unit{key: render.BodyOf(a.Ref()), file: a.Path, owner: a, jobs: func() []conversion {
			jobs := []conversion{body(a, a.Path, a.Body, a.BodyLine, annotations(a, u, w))}
			for _, c := range a.Claims {
				jobs = append(jobs, text(render.BodyOf(c.Ref()), a.Path, c.Explanation, a.At("claims."+strconv.Itoa(c.Index)+".explanation")))
				for i, u := range c.Updates {
					pos, ok := a.Keys["claims."+strconv.Itoa(c.Index)+".updates."+strconv.Itoa(i)+".note"]
					if !ok {
						pos = u.Pos
					}
					jobs = append(jobs, text(render.UpdateNote(c, i), a.Path, u.Note, pos))
				}
			}
			for _, q := range a.Quotes {
				jobs = append(jobs, text(render.BodyOf(q.Ref()), a.Path, q.Context, a.At("quotes."+strconv.Itoa(q.Index)+".context")))
			}
			return jobs
		}})
	}
	profile := func(e dossier.Entity, file string, src []byte, line int) {
		list = append(list, unit{key: render.BodyOf(e.Ref()), file: file, owner: e, jobs: func() []conversion {
			return []conversion{body(e, file, src, line, nil)}
		}})
	}
	for _, a := range d.Actors {
		profile(a, a.Path, a.Body, a.BodyLine)
	}
	for _, o := range d.Organizations {
		profile(o, o.Path, o.Body, o.BodyLine)
	}
	for _, e := range d.Events {
		list = append(list, unit{key: render.BodyOf(e.Ref()), file: e.Path, owner: e, jobs: func() []conversion {
			return []conversion{body(e, e.Path, e.Body, e.BodyLine, nil)}
		}})
	}
	return list
}

// annotations turns an article's claims and quotes into what the annotate
// extension anchors in its body; claims in its title are anchored by
// anchorTitles. What screen readers hear around them is in the site's
// language (w).
func annotations(a *dossier.Article, u urls.URLs, w *config.Words) []annotate.Annotation {
	var out []annotate.Annotation
	for _, c := range a.Claims {
		if c.In == content.InTitle {
			continue
		}
		out = append(out, annotate.Annotation{Kind: "claim", ID: c.ID, Text: c.Text, Prefix: c.Prefix, Suffix: c.Suffix,
			Pos: c.Pos, Status: c.Verdict.ID, Label: c.Verdict.Label, Short: c.Verdict.Short, Icon: c.Verdict.Icon, Href: u.Rel(urls.Claim(c.ID)),
			Start: w.T("sr-claim-start", c.Verdict.Label), End: w.T("sr-claim-end")})
	}
	for _, q := range a.Quotes {
		label := w.T("unknown-speaker")
		if q.Speaker != nil {
			label = q.Speaker.Name
		}
		kind := "quote" // or "paraphrase": reported speech is never announced as verbatim
		if q.Paraphrase {
			kind = "paraphrase"
		}
		out = append(out, annotate.Annotation{Kind: "quote", ID: q.ID, Text: q.Text, Prefix: q.Prefix, Suffix: q.Suffix,
			Pos: q.Pos, Label: label, Href: u.Rel(urls.Quote(q.ID)), Paraphrase: q.Paraphrase,
			Start: w.T("sr-"+kind+"-start", label), End: w.T("sr-" + kind + "-end"), Badge: w.T("badge-" + kind)})
	}
	return out
}
