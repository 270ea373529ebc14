package dossier

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
)

// MaxReviewed is the length, in characters, past which fact-check
// aggregators cut ClaimReview's claimReviewed.
const MaxReviewed = 75

// Lint reports what `dossier check` finds on the resolved dossier beyond
// errors: claims without a restatement, ClaimReview that aggregators would
// read badly, sources without an archived copy, and publishers labelled with
// two kinds. Each diagnostic sits at the line that causes it. Ratings out of
// range, and ratings on a verdict that is not rated, are site.toml errors
// (config.Load).
func (d *Dossier) Lint() diag.List {
	var diags diag.List
	for _, c := range d.Claims {
		lintClaim(&diags, c)
	}
	if len(d.Claims) > 0 {
		lintSite(&diags, d.Site)
	}
	srcs := d.Sources()
	for _, s := range srcs {
		if isWeb(s.URL) && s.Archived == "" {
			diags.Notef(s.URLPos, diag.NoArchive, "save the page in a web archive and add archived = \"…\"",
				"source %s has no archived copy", s.URL)
		}
	}
	lintKinds(&diags, srcs)
	diags.Sort()
	return diags
}

// lintClaim reports a claim without a restatement, and a claimReviewed
// longer than aggregators show.
func lintClaim(diags *diag.List, c *Claim) {
	key := "claims." + strconv.Itoa(c.Index) + "."
	if c.Restatement == "" {
		diags.Warnf(c.Pos, diag.NoRestatement, `add claim = "…", the claim restated as one sentence; its words stand in until then`,
			"claim %q has no restatement (claim)", c.ID)
		key += "text"
	} else {
		key += "claim"
	}
	if n := utf8.RuneCountInString(c.Reviewed()); n > MaxReviewed {
		diags.Warnf(c.Article.At(key), diag.LongClaim, "restate the claim in at most 75 characters in claim = \"…\"",
			"claim %q: claimReviewed is %d characters; aggregators show %d", c.ID, n, MaxReviewed)
	}
}

// lintSite reports what makes every ClaimReview of the site weaker: relative
// URLs, and a publisher without a URL.
func lintSite(diags *diag.List, site *config.Site) {
	if !site.HasAbsoluteBase() {
		diags.Notef(site.Pos("baseURL"), diag.RelativeURL,
			`set baseURL = "https://example.github.io/repo/" in site.toml, or check with --base-url URL as the site is published`,
			"baseURL %q is not absolute, so ClaimReview's urls are relative", site.BaseURL)
	}
	if site.Publisher.URL == "" {
		diags.Notef(site.Pos("publisher"), diag.PublisherURL, `add url = "https://…" under [publisher] in site.toml`,
			"the publisher has no url, so ClaimReview names it without an address")
	}
}

// Sources returns every source of the dossier: each article's [source] and
// its claims' sources, and the sources of actors, organizations and events.
func (d *Dossier) Sources() []*content.Source {
	var out []*content.Source
	add := func(list []content.Source) {
		for i := range list {
			out = append(out, &list[i])
		}
	}
	for _, a := range d.Articles {
		if a.Source.URL != "" || a.Source.Publisher != "" || a.Source.Title != "" {
			out = append(out, &a.Source)
		}
		for _, c := range a.Claims {
			add(c.Sources)
		}
	}
	for _, a := range d.Actors {
		add(a.Actor.Sources)
	}
	for _, o := range d.Organizations {
		add(o.Organization.Sources)
	}
	for _, e := range d.Events {
		add(e.Event.Sources)
	}
	return out
}

// lintKinds warns where one URL, or one domain, is labelled with a kind
// other than the one it has where it is first labelled (in file order). Two
// sources of one domain whose publishers are both named and differ are
// different publishers on one platform, and are not compared.
func lintKinds(diags *diag.List, srcs []*content.Source) {
	kinded := slices.DeleteFunc(slices.Clone(srcs), func(s *content.Source) bool { return s.Kind == "" || !isWeb(s.URL) })
	slices.SortStableFunc(kinded, func(a, b *content.Source) int { return a.Pos.Compare(b.Pos) })
	byURL := map[string]*content.Source{}
	byDomain := map[string]*content.Source{}
	for _, s := range kinded {
		u, domain := normalURL(s.URL)
		if first, ok := byURL[u]; ok && first.Kind != s.Kind {
			diags.Warnf(s.Pos, diag.KindConflict, "give the source one kind everywhere",
				"%s is of kind %q here but %q at %s", s.URL, s.Kind, first.Kind, first.Pos)
			continue
		}
		if first, ok := byDomain[domain]; ok && first.Kind != s.Kind && !otherPublisher(first, s) {
			diags.Warnf(s.Pos, diag.KindConflict, "give the publisher one kind everywhere, or name each publisher",
				"%s is of kind %q here but %q at %s (%s)", domain, s.Kind, first.Kind, first.Pos, first.URL)
		}
		if _, ok := byURL[u]; !ok {
			byURL[u] = s
		}
		if _, ok := byDomain[domain]; !ok {
			byDomain[domain] = s
		}
	}
}

// otherPublisher reports whether a and b name different publishers.
func otherPublisher(a, b *content.Source) bool {
	return a.Publisher != "" && b.Publisher != "" && !strings.EqualFold(a.Publisher, b.Publisher)
}

// normalURL returns a URL without its fragment, trailing slash, "www." and
// scheme, for comparing, and its domain.
func normalURL(raw string) (u, domain string) {
	p, err := url.Parse(raw)
	if err != nil {
		return raw, raw
	}
	domain = strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
	path := strings.TrimSuffix(p.EscapedPath(), "/")
	if p.RawQuery != "" {
		path += "?" + p.RawQuery
	}
	return domain + path, domain
}

// isWeb reports whether s is an http(s) URL with a host.
func isWeb(s string) bool {
	p, err := url.Parse(s)
	return err == nil && (p.Scheme == "http" || p.Scheme == "https") && p.Host != ""
}
