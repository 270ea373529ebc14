package feeds

import (
	"encoding/xml"
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// TestSitemapIndex checks that past 50,000 pages sitemap.xml becomes an
// index of sitemaps that together list every page once, as the protocol
// requires, and that a smaller site keeps one sitemap.
func TestSitemapIndex(t *testing.T) {
	u := urls.New("https://example.org/d/")
	for _, n := range []int{10, sitemapLimit, sitemapLimit*2 + 7} {
		names := []string{"style.css", "404.html"}
		for i := range n {
			names = append(names, fmt.Sprintf("claims/c%d/index.html", i))
		}
		files := map[string][]byte{}
		if err := addSitemap(files, u, names, map[string]dossier.Date{}); err != nil {
			t.Fatal(err)
		}
		var index sitemapIndex
		err := xml.Unmarshal(files["sitemap.xml"], &index)
		parts := []string{"sitemap.xml"}
		if n > sitemapLimit {
			if err != nil || len(index.Sitemaps) != 3 {
				t.Fatalf("%d pages: sitemap.xml is not an index of 3 sitemaps (%v, %d)", n, err, len(index.Sitemaps))
			}
			parts = nil
			for _, sm := range index.Sitemaps {
				parts = append(parts, strings.TrimPrefix(sm.Loc, "https://example.org/d/"))
			}
		} else if err == nil {
			t.Fatalf("%d pages: sitemap.xml is an index", n)
		}
		seen := map[string]bool{}
		for _, name := range parts {
			var set urlset
			if err := xml.Unmarshal(files[name], &set); err != nil {
				t.Fatalf("%d pages: %s: %v", n, name, err)
			}
			if len(set.URLs) > sitemapLimit {
				t.Errorf("%d pages: %s lists %d URLs", n, name, len(set.URLs))
			}
			for _, u := range set.URLs {
				if seen[u.Loc] {
					t.Errorf("%d pages: %s listed twice", n, u.Loc)
				}
				seen[u.Loc] = true
			}
		}
		if len(seen) != n {
			t.Errorf("%d pages: the sitemaps list %d", n, len(seen))
		}
	}
}
