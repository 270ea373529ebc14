package render

import (
	"encoding/hex"
	"net/url"
	"strings"
	"unicode"

	"github.com/dossier-dev/dossier/internal/dossier"
)

// URLs builds every link of the site from its base URL, so that the site works
// at a domain's root and under a sub-path alike. It is the only place that
// knows the URL scheme.
type URLs struct {
	origin string // scheme and host, "" when the base URL has none
	base   string // the base path, starting and ending with "/"
}

// NewURLs returns the builder for a base URL such as
// "https://example.github.io/kz-dossier/" or "/".
func NewURLs(baseURL string) URLs {
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

// Path returns the site path of a page's object: articles/x/, actors/y/, …
func Path(v any) string {
	if dir, id := pathOf(v); dir != "" {
		return dir + id + "/"
	}
	return ""
}

// pageFile returns the file of v's page, Path(v) + "index.html", and
// Path(v) as a slice of it: one allocation for both. When last (the file
// the last plan listed at the same place) is that file, it is reused: a
// preview rebuild lists every page again, and mostly the same ones.
func pageFile(v any, last string) (file, path string) {
	const index = "/index.html"
	dir, id := pathOf(v)
	if len(last) == len(dir)+len(id)+len(index) && last[:len(dir)] == dir &&
		last[len(dir):len(dir)+len(id)] == id && last[len(dir)+len(id):] == index {
		file = last
	} else {
		file = dir + id + index
	}
	return file, file[:len(file)-len("index.html")]
}

// pathOf returns the folder of v's kind and v's id; "" for a value with no page.
func pathOf(v any) (dir, id string) {
	switch v := v.(type) {
	case *dossier.Article:
		return "articles/", v.ID
	case *dossier.Actor:
		return "actors/", v.ID
	case *dossier.Organization:
		return "organizations/", v.ID
	case *dossier.Claim:
		return "claims/", v.ID
	case *dossier.Quote:
		return "quotes/", v.ID
	case *dossier.Event:
		return "events/", v.ID
	}
	return "", ""
}

// EntityPath is Path for an actor or organization given by kind and id.
func EntityPath(kind, id string) string {
	if kind == "actor" {
		return "actors/" + id + "/"
	}
	return "organizations/" + id + "/"
}

// VerdictPath is the page listing the claims with one verdict.
func VerdictPath(id string) string { return "claims/" + id + "/" }

// TagsPath is the index of every tag.
const TagsPath = "tags/"

// TagPath is the page of the articles with a tag: tags/<slug>/ (see TagSlug).
func TagPath(tag string) string { return TagsPath + TagSlug(tag) + "/" }

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
