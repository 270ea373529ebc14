package benchcorpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"
)

// TestHugoSite checks the Hugo conversion: configuration with the taxonomies, the
// layouts, and for every article a page whose front matter carries its claims.
func TestHugoSite(t *testing.T) {
	c := Generate(Options{Articles: 30, Seed: 2})
	dir := t.TempDir()
	if err := c.WriteHugo(dir); err != nil {
		t.Fatal(err)
	}
	var cfg struct{ Taxonomies map[string]string }
	if _, err := toml.DecodeFile(filepath.Join(dir, "hugo.toml"), &cfg); err != nil {
		t.Fatal(err)
	}
	if cfg.Taxonomies["actor"] != "actors" || cfg.Taxonomies["organization"] != "organizations" {
		t.Errorf("taxonomies: %v", cfg.Taxonomies)
	}
	for _, p := range []string{"layouts/_default/baseof.html", "layouts/_default/single.html", "layouts/_default/list.html"} {
		if _, err := os.Stat(filepath.Join(dir, p)); err != nil {
			t.Error(err)
		}
	}
	for _, a := range c.Articles {
		var fm struct {
			Title  string
			Actors []string
			Claims []struct{ ID, Text, Status string }
			Quotes []struct{ ID, Speaker string }
		}
		body := readDocLoose(t, filepath.Join(dir, "content/articles", a.Slug+".md"), &fm)
		if fm.Title != a.Title || len(fm.Claims) != claimsPerArticle || len(fm.Quotes) != quotesPerArticle ||
			len(fm.Actors) != len(a.Actors) || body != "\n"+a.Body {
			t.Errorf("%s: front matter or body differs from the corpus", a.Slug)
		}
	}
	for _, a := range c.Articles {
		for _, claim := range a.Claims {
			var fm struct {
				Title    string
				Statuses []string
			}
			readDocLoose(t, filepath.Join(dir, "content/claims", claim.ID+".md"), &fm)
			if fm.Title != claim.Text || len(fm.Statuses) != 1 || fm.Statuses[0] != claim.Status {
				t.Errorf("claim %s: page front matter %+v", claim.ID, fm)
			}
		}
		for _, q := range a.Quotes {
			var fm struct {
				Title  string
				Actors []string
			}
			readDocLoose(t, filepath.Join(dir, "content/quotes", q.ID+".md"), &fm)
			if fm.Title != q.Text || len(fm.Actors) != 1 || fm.Actors[0] != q.Speaker {
				t.Errorf("quote %s: page front matter %+v", q.ID, fm)
			}
		}
	}
	for _, a := range c.Actors {
		var fm struct{ Title string }
		readDocLoose(t, filepath.Join(dir, "content/actors", a.ID, "_index.md"), &fm)
		if fm.Title != a.Name {
			t.Errorf("actor %s: title %q", a.ID, fm.Title)
		}
	}
}
