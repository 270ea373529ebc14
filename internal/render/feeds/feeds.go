// Package feeds writes what tells readers, crawlers and the static host
// what the site holds and when it changed: the Atom feeds (the site's, the
// corrections log's and one per actor and organization), sitemap.xml,
// robots.txt and, when site.toml names a custom domain, CNAME. Files is its
// one entry point.
//
// They belong together because they describe the site rather than show
// it: the feeds and the sitemap date every page the same way, by the
// newest date of what it shows (never by the clock, so identical input
// gives identical output), and robots.txt names the sitemap. The pages
// themselves, their JSON-LD and the ClaimReview file made of it stay with
// render.
package feeds

import (
	"strings"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// Input is what the files are made from. The functions give the texts a
// feed entry shares with its page, so that both read the same.
type Input struct {
	Dossier *dossier.Dossier
	URLs    urls.URLs
	Words   *config.Words // the site's language
	// Files is the name of every file of the output, pages and static
	// files: the sitemap lists its HTML pages (index.html files) but the
	// 404 page.
	Files []string
	// Headline is an article's title with its title claims' verdicts in
	// words, and those verdicts as a sentence that opens a description
	// ("" when no claim is anchored in the title).
	Headline func(*dossier.Article) (rated, note string)
	// Rated is a verdict in words after what it rates: "rated False".
	Rated func(config.Verdict) string
	// QuoteTitle is a quote's words cut to n runes, marked as a quotation
	// or a paraphrase.
	QuoteTitle func(q *dossier.Quote, n int) string
	// QuoteAbout says what a quote is: "Quote by …", "Paraphrase of …".
	QuoteAbout func(*dossier.Quote) string
}

// Files returns the feeds, the sitemap, robots.txt and CNAME by output
// path. Every URL comes from in.URLs.
func Files(in Input) (map[string][]byte, error) {
	files := map[string][]byte{}
	mod := lastmods(in.Dossier)
	if err := addFeeds(files, in, mod[""]); err != nil {
		return nil, err
	}
	if err := addSitemap(files, in.URLs, in.Files, mod); err != nil {
		return nil, err
	}
	files["robots.txt"] = robots(in.URLs)
	if cname := cnameOf(in.Dossier.Site.CNAME); cname != "" {
		files["CNAME"] = []byte(cname + "\n")
	}
	return files, nil
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
