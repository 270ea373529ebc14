package site

import (
	"fmt"
	"hash/fnv"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/markdown"
	"github.com/dossier-dev/dossier/internal/markdown/annotate"
	"github.com/dossier-dev/dossier/internal/markdown/mention"
	"github.com/dossier-dev/dossier/internal/render"
)

// names is the site's mention matcher: the names, aliases and forms of
// every actor and organization, which is all that parsing reads besides
// the file itself.
type names struct {
	*mention.Matcher
	// fingerprint identifies the names (kinds, ids, names and forms): a
	// parse is kept while its file's bytes and this are the same.
	fingerprint uint64
	// placed identifies the names and where each entity is defined, which
	// the matcher's warnings name.
	placed uint64
	diags  diag.List // the matcher's warnings (names shared by two entities)
}

// mentionMatcher returns the matcher for every actor's and organization's
// names in set (drafts left out unless drafts): last's when the names and
// their places are the same, a new one otherwise. It reads the content
// files only, never the resolved graph.
func mentionMatcher(set *content.Set, drafts bool, last names) (names, diag.List) {
	entities := nameList(set, drafts)
	h, p := fnv.New64a(), fnv.New64a()
	for _, e := range entities {
		fmt.Fprintf(h, "%s|%s|%q|%q\n", e.Kind, e.ID, e.Names, e.Forms)
		fmt.Fprintf(p, "%s\n", e.Pos)
	}
	fp := h.Sum64()
	p.Write(h.Sum(nil))
	if last.Matcher != nil && last.placed == p.Sum64() {
		return last, slices.Clone(last.diags)
	}
	// The matcher's entities are in the order the dossier lists them (by
	// name, then id), so that its warnings name the others in that order.
	slices.SortStableFunc(entities, func(a, b mention.Entity) int {
		if a.Kind != b.Kind {
			return strings.Compare(b.Kind, a.Kind) // actors first
		}
		if c := strings.Compare(strings.ToLower(a.Names[0]), strings.ToLower(b.Names[0])); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	m, diags := mention.NewMatcher(entities)
	return names{Matcher: m, fingerprint: fp, placed: p.Sum64(), diags: diags}, slices.Clone(diags)
}

// nameList lists the names of every actor and organization that is in the
// dossier, in the set's order; an id's first file wins, as in the dossier.
func nameList(set *content.Set, drafts bool) []mention.Entity {
	var entities []mention.Entity
	seen := map[string]bool{}
	add := func(kind, id string, draft bool, e mention.Entity) {
		if (draft && !drafts) || seen[kind+"\x00"+id] {
			return
		}
		seen[kind+"\x00"+id] = true
		entities = append(entities, e)
	}
	for _, a := range set.Actors {
		add("actor", a.ID, a.Draft, mention.Entity{Kind: "actor", ID: a.ID, Names: withName(a.Name, a.Aliases...), Forms: a.Forms, Pos: a.At("name")})
	}
	for _, o := range set.Organizations {
		add("organization", o.ID, o.Draft, mention.Entity{Kind: "organization", ID: o.ID,
			Names: withName(o.Name, append([]string{o.Short}, o.Aliases...)...), Forms: o.Forms, Pos: o.At("name")})
	}
	return entities
}

// withName returns the entity's name followed by its other non-empty
// names; the name comes first even when empty, as the dossier sorts by it.
func withName(name string, others ...string) []string {
	out := []string{name}
	for _, s := range others {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// unit is one content file's Markdown: an article's body with its claims'
// explanations, update notes and quotes' contexts, a profile's or an
// event's body, or the methodology's text.
type unit struct {
	key  render.TextKey // the key of the file's own body
	file string
	item any // *content.Article, *content.Actor, *content.Organization, *content.Event or methodologyText
}

// units lists every content file's Markdown in the dossier's order of
// kinds: articles, actors, organizations, events, then the methodology.
// Drafts are left out unless drafts.
func units(set *content.Set, drafts bool, method methodologyText) []unit {
	list := make([]unit, 0, len(set.Articles)+len(set.Actors)+len(set.Organizations)+len(set.Events)+1)
	add := func(kind dossier.Kind, draft bool, item any) {
		if doc := docOf(item); !draft || drafts {
			list = append(list, unit{key: bodyKey(kind, doc.ID), file: doc.Path, item: item})
		}
	}
	for _, a := range set.Articles {
		add(dossier.KindArticle, a.Draft, a)
	}
	for _, a := range set.Actors {
		add(dossier.KindActor, a.Draft, a)
	}
	for _, o := range set.Organizations {
		add(dossier.KindOrganization, o.Draft, o)
	}
	for _, e := range set.Events {
		add(dossier.KindEvent, e.Draft, e)
	}
	if method != nil {
		list = append(list, unit{key: render.Methodology, file: content.MethodologyFile, item: method})
	}
	return list
}

func bodyKey(kind dossier.Kind, id string) render.TextKey {
	return render.BodyOf(dossier.Ref{Kind: kind, ID: id})
}

// body is one Markdown text of a unit and where its HTML goes.
type body struct {
	key render.TextKey
	in  markdown.Input
}

// bodies lists what parsing the unit takes, its own body first. It reads
// the unit's file and the names (m, mode) only.
func (u unit) bodies(m names, mode mention.Mode) []body {
	own := func(d *content.Doc, kind string, anns []annotate.Annotation) body {
		in := markdown.Input{File: d.Path, BodyLine: d.BodyLine, Source: d.Body, Annotations: anns, Matcher: m.Matcher, Mentions: mode}
		if kind != "" {
			in.SelfKind, in.SelfID = kind, d.ID
		}
		return body{key: u.key, in: in}
	}
	switch item := u.item.(type) {
	case *content.Article:
		return articleBodies(item, own(&item.Doc, "", annotations(item)))
	case *content.Actor:
		return []body{own(&item.Doc, "actor", nil)}
	case *content.Organization:
		return []body{own(&item.Doc, "organization", nil)}
	case *content.Event:
		return []body{own(&item.Doc, "", nil)}
	case methodologyText:
		return []body{{key: u.key, in: markdown.Input{File: u.file, BodyLine: 1, Source: item}}}
	}
	return nil
}

// articleBodies is an article's own body followed by its claims'
// explanations and update notes and its quotes' contexts.
func articleBodies(a *content.Article, own body) []body {
	text := func(key render.TextKey, src string, pos diag.Pos) body {
		return body{key: key, in: markdown.Input{File: a.Path, BodyLine: pos.Line, Source: []byte(src)}}
	}
	list := []body{own}
	for _, c := range claims(a) {
		key := render.BodyOf(dossier.Ref{Kind: dossier.KindClaim, ID: c.ID})
		list = append(list, text(key, c.Explanation, a.At("claims."+strconv.Itoa(c.Index)+".explanation")))
		for i, u := range c.Updates {
			pos, ok := a.Keys["claims."+strconv.Itoa(c.Index)+".updates."+strconv.Itoa(i)+".note"]
			if !ok {
				pos = u.Pos
			}
			key.Update = i + 1 // render.UpdateNote's key
			list = append(list, text(key, u.Note, pos))
		}
	}
	for _, q := range quotes(a) {
		list = append(list, text(render.BodyOf(dossier.Ref{Kind: dossier.KindQuote, ID: q.ID}), q.Context, a.At("quotes."+strconv.Itoa(q.Index)+".context")))
	}
	return list
}

// claims returns the article's claims that the dossier keeps: those with
// an id, the first of each id.
func claims(a *content.Article) []*content.Claim {
	return firstOfEachID(a.Claims, func(c *content.Claim) string { return c.ID })
}

// quotes returns the article's quotes that the dossier keeps, as claims does.
func quotes(a *content.Article) []*content.Quote {
	return firstOfEachID(a.Quotes, func(q *content.Quote) string { return q.ID })
}

// firstOfEachID returns the items of list that have an id, the first of each.
func firstOfEachID[T any](list []T, id func(*T) string) []*T {
	var out []*T
	seen := map[string]bool{}
	for i := range list {
		if x := &list[i]; id(x) != "" && !seen[id(x)] {
			seen[id(x)] = true
			out = append(out, x)
		}
	}
	return out
}

// annotations turns an article's claims and quotes into what the annotate
// extension anchors in its body; claims in its title are anchored by
// titleAnnotations. How they show is the convert step's (see marks).
func annotations(a *content.Article) []annotate.Annotation {
	var out []annotate.Annotation
	for _, c := range claims(a) {
		if c.In != content.InTitle {
			out = append(out, claimAnnotation(c))
		}
	}
	for _, q := range quotes(a) {
		out = append(out, annotate.Annotation{Kind: annotate.KindQuote, ID: q.ID, Text: q.Text, Prefix: q.Prefix, Suffix: q.Suffix, Pos: q.Pos})
	}
	return out
}

// claimAnnotation is what the annotate extension anchors for claim c.
func claimAnnotation(c *content.Claim) annotate.Annotation {
	return annotate.Annotation{Kind: annotate.KindClaim, ID: c.ID, Text: c.Text, Prefix: c.Prefix, Suffix: c.Suffix, Pos: c.Pos}
}

// anchorTitle anchors an article's title claims (in = "title") in its
// title; a title is a line of front matter, so this is cheap.
func anchorTitle(a *content.Article) ([]dossier.TitleSpan, diag.List) {
	var anns []annotate.Annotation
	for _, c := range claims(a) {
		if c.In == content.InTitle {
			anns = append(anns, claimAnnotation(c))
		}
	}
	spans, diags := annotate.AnchorTitle(a.Path, a.Title, anns)
	out := make([]dossier.TitleSpan, len(spans))
	for i, s := range spans {
		out[i] = dossier.TitleSpan{ID: s.ID, Start: s.Start, End: s.End}
	}
	return out, diags
}
