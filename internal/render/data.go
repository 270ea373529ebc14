package render

import (
	"strings"

	"github.com/dossier-dev/dossier/internal/urls"
)

// addData adds what a static host expects besides the pages: the Atom feeds
// (the corrections log's among them), sitemap.xml, every ClaimReview in one
// document, robots.txt and, when site.toml names a custom domain, CNAME.
// .nojekyll comes with the static files. Every URL comes from s.URLs.
func addData(files Files, s *siteData) error {
	mod := lastmods(s.D)
	if err := addFeeds(files, s, mod[""]); err != nil {
		return err
	}
	if err := addSitemap(files, s, mod); err != nil {
		return err
	}
	var err error
	if files[ClaimReviewPath], err = claimReviews(s); err != nil {
		return err
	}
	files["robots.txt"] = robots(s.URLs)
	if cname := cnameOf(s.Site.CNAME); cname != "" {
		files["CNAME"] = []byte(cname + "\n")
	}
	return nil
}

// robots allows everything and names the sitemap. The Sitemap line needs an
// absolute URL, so a site whose base URL has no host leaves it out.
func robots(u urls.URLs) []byte {
	text := "User-agent: *\nAllow: /\n"
	if sm := u.Abs("sitemap.xml"); !strings.HasPrefix(sm, "/") {
		text += "Sitemap: " + sm + "\n"
	}
	return []byte(text)
}

// cnameOf is the bare host name GitHub Pages expects in CNAME: no scheme, no
// path, no white space ("https://dossier.example.org/" → "dossier.example.org").
func cnameOf(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/ \t"); i >= 0 {
		s = s[:i]
	}
	return s
}
