// Package urls is the site's URL scheme: where each page lives, and how a
// site path becomes a link under the site's base URL. It is a leaf, so the
// Markdown resolvers, render and the link checker all use one scheme.
//
// A site path is relative to the base path and names a folder: it ends in
// "/" ("articles/sco-offer/"), and the page is its index.html.
package urls

import (
	"encoding/hex"
	"net/url"
	"strconv"
	"strings"
	"unicode"
)

// URLs turns site paths into links under a base URL, so that the site works
// at a domain's root and under a sub-path alike.
type URLs struct {
	origin string // scheme and host, "" when the base URL has none
	base   string // the base path, starting and ending with "/"
}

// New returns the URLs of a base URL such as
// "https://example.github.io/kz-dossier/" or "/".
func New(baseURL string) URLs {
	u, err := url.Parse(baseURL)
	if err != nil {
		return URLs{base: "/"}
	}
	base := u.Path
	if !strings.HasPrefix(base, "/") {
		base = "/" + base
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	origin := ""
	if u.Scheme != "" && u.Host != "" {
		origin = u.Scheme + "://" + u.Host
	}
	return URLs{origin: origin, base: base}
}

// Base is the base path, e.g. "/kz-dossier/".
func (u URLs) Base() string { return u.base }

// Rel turns a site path ("articles/x/") into a root-relative URL under the base path.
func (u URLs) Rel(path string) string { return u.base + strings.TrimPrefix(path, "/") }

// Abs turns a site path into an absolute URL; without a host in the base URL
// it is the same as Rel.
func (u URLs) Abs(path string) string { return u.origin + u.Rel(path) }

// The folders of each kind's pages, which are also the site paths of the
// lists of every object of that kind.
const (
	Articles      = "articles/"
	Actors        = "actors/"
	Organizations = "organizations/"
	Claims        = "claims/"
	Quotes        = "quotes/"
	Events        = "events/"
	Timeline      = "timeline/"
	Search        = "search/"
	Tags          = "tags/"        // the index of every tag
	Corrections   = "corrections/" // the corrections log
)

// Article is the site path of an article's page; Actor, Organization,
// Claim, Quote and Event likewise.
func Article(id string) string      { return Articles + id + "/" }
func Actor(id string) string        { return Actors + id + "/" }
func Organization(id string) string { return Organizations + id + "/" }
func Claim(id string) string        { return Claims + id + "/" }
func Quote(id string) string        { return Quotes + id + "/" }
func Event(id string) string        { return Events + id + "/" }

// Entity is the page of an actor ("actor") or an organization (any other kind).
func Entity(kind, id string) string {
	if kind == "actor" {
		return Actor(id)
	}
	return Organization(id)
}

// Verdict is the page listing the claims with one verdict.
func Verdict(id string) string { return Claims + id + "/" }

// Month is a month's page of the timeline ("2022-01").
func Month(month string) string { return Timeline + month + "/" }

// Page is the site path of page number of the list at path ("claims/"):
// the list itself for the first, path/page/N/ for the others.
func Page(list string, number int) string {
	if number <= 1 {
		return list
	}
	return list + "page/" + strconv.Itoa(number) + "/"
}

// Tag is the page of the articles with a tag: tags/<slug>/ (see TagSlug).
func Tag(tag string) string { return Tags + TagSlug(tag) + "/" }

// TagSlug is a tag as it appears in a URL: lower case, each run of
// characters other than letters and digits one "-", none at either end
// ("Death toll" and "death-toll" are both death-toll). A tag with no
// letter or digit is spelt out in hexadecimal, so that no slug is empty,
// and the tag "page" is tag-page, since lists continue at page/N/.
func TagSlug(tag string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(tag) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	switch b.String() {
	case "":
		return "x-" + hex.EncodeToString([]byte(tag))
	case "page":
		return "tag-page"
	}
	return b.String()
}
