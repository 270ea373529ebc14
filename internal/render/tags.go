package render

import (
	"slices"
	"strings"

	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// A tag's page lists the articles with that tag, newest first; the tags
// index lists every tag with its count. Tags are an article's `tags`, free
// words: their page is at TagPath, and tags with the same TagSlug share it
// (it is named as the first article, newest first, writes the tag).

// tagGroup is one tag's page: its slug, its name and its articles.
type tagGroup struct {
	slug, name string
	articles   []*dossier.Article // in the dossier's order, newest first
}

// tagGroups groups the dossier's articles by tag, sorted by slug.
func tagGroups(d *dossier.Dossier) []tagGroup {
	at := map[string]int{}
	var out []tagGroup
	for _, a := range d.Articles {
		for _, t := range a.Tags {
			slug := urls.TagSlug(t)
			i, ok := at[slug]
			if !ok {
				i = len(out)
				at[slug] = i
				out = append(out, tagGroup{slug: slug, name: t})
			}
			if list := out[i].articles; len(list) == 0 || list[len(list)-1] != a {
				out[i].articles = append(list, a)
			}
		}
	}
	slices.SortFunc(out, func(a, b tagGroup) int { return strings.Compare(a.slug, b.slug) })
	return out
}

// tags returns the dossier's tag groups, made once per render.
func (s *siteData) tags() []tagGroup {
	s.tagsOnce.Do(func() { s.tagList = tagGroups(s.D) })
	return s.tagList
}

// TagView is a tag as pages print it.
type TagView struct {
	Name  string // as the newest article with it writes it
	URL   string // its page
	Count int    // how many articles have it
}

// Tags is every tag of the dossier, in the order of their slugs.
func (p *Page) Tags() []TagView {
	p.rec.read(dep{kind: depList, rel: "tags"})
	groups := p.tags()
	out := make([]TagView, len(groups))
	for i, g := range groups {
		out[i] = TagView{Name: g.name, URL: p.URL(urls.Tag(g.slug)), Count: len(g.articles)}
	}
	return out
}

// Tag is the tag of a tag's page.
func (p *Page) Tag() TagView {
	g := p.tagGroup()
	return TagView{Name: g.name, URL: p.URL(urls.Tag(g.slug)), Count: len(g.articles)}
}

// TagArticles is the articles of a tag's page, newest first.
func (p *Page) TagArticles() []Article { return wrapArticles(p.tagGroup().articles, p.rec) }

// tagGroup is the page's tag group, recording that the page reads it.
func (p *Page) tagGroup() tagGroup {
	p.rec.read(dep{kind: depList, rel: "tag", id: p.tag})
	groups := p.tags()
	if i, ok := slices.BinarySearchFunc(groups, p.tag, func(g tagGroup, slug string) int { return strings.Compare(g.slug, slug) }); ok {
		return groups[i]
	}
	return tagGroup{slug: p.tag}
}

// TagLinks are links to the pages of tags, such as an article's.
func (s *siteData) TagLinks(tags []string) []Link {
	out := make([]Link, len(tags))
	for i, t := range tags {
		out[i] = Link{URL: s.URL(urls.Tag(t)), Text: t}
	}
	return out
}

// tagIDs hashes what a list of tags reads: for every tag (slug ""), or
// for the tag with that slug, the slug, name and articles of each.
func tagIDs(h *hasher, groups []tagGroup, slug string) {
	for _, g := range groups {
		if slug != "" && g.slug != slug {
			continue
		}
		h.str(g.slug).str(g.name)
		articleIDs(h, g.articles)
	}
}
