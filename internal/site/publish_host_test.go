package site_test

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/site"
	"github.com/dossier-dev/dossier/internal/testfiles"
)

func dirFS(dir string) fs.FS { return os.DirFS(dir) }

// TestHostFiles checks what a static host expects besides the pages.
func TestHostFiles(t *testing.T) {
	res := buildBundled(t, subPathURL)
	for _, name := range []string{".nojekyll", "404.html", "robots.txt", "sitemap.xml", "feed.xml"} {
		if _, ok := testfiles.Read(t, res.Output)[name]; !ok {
			t.Errorf("no %s", name)
		}
	}
	if _, ok := testfiles.Read(t, res.Output)["CNAME"]; ok {
		t.Errorf("CNAME written, but site.toml sets no custom domain")
	}
	// 404.html is served at any depth: every URL on it must be root-relative or absolute.
	for _, m := range regexp.MustCompile(`(?:href|src)="([^"]*)"`).FindAllSubmatch(testfiles.Read(t, res.Output)["404.html"], -1) {
		if u := string(m[1]); !strings.HasPrefix(u, "/kz-dossier/") && !strings.HasPrefix(u, "#") && !strings.Contains(u, "://") {
			t.Errorf("404.html: %q does not work at every depth", u)
		}
	}
}

// TestPageMeta checks every page's canonical link and OpenGraph and Twitter card meta.
func TestPageMeta(t *testing.T) {
	res := buildBundled(t, subPathURL)
	for name, b := range testfiles.Read(t, res.Output) {
		if name != "index.html" && !strings.HasSuffix(name, "/index.html") {
			continue
		}
		url := subPathURL + strings.TrimSuffix(name, "index.html")
		card := `<meta name="twitter:card" content="summary">`
		if _, ok := testfiles.Read(t, res.Output)[strings.TrimSuffix(name, "index.html")+"card.png"]; ok {
			card = `<meta property="og:image" content="` + url + `card.png">`
		}
		for _, want := range []string{
			`<link rel="canonical" href="` + url + `">`,
			`<meta property="og:url" content="` + url + `">`,
			`<meta property="og:title" content="`,
			`<meta property="og:type" content="`,
			`<meta property="og:description" content="`,
			card,
			`<meta name="description" content="`,
		} {
			if !bytes.Contains(b, []byte(want)) {
				t.Errorf("%s: no %s", name, want)
			}
		}
	}
}

// site is a minimal site folder for fixtures.
func siteFiles(extra map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"site.toml":                 {Data: []byte("title = \"Test\"\nbaseURL = \"https://example.github.io/t/\"\n")},
		"content/articles/first.md": {Data: []byte("+++\ntitle = \"First\"\ndate = 2022-01-08\n[[claims]]\nid = \"c1\"\ntext = \"formed in 2001\"\nstatus = \"false\"\nexplanation = \"No.\"\nchecked = 2022-02-01\n+++\n\nThe alliance was formed in 2001.\n")},
	}
	for name, text := range extra {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// TestCNAME writes the custom domain as a bare host name.
func TestCNAME(t *testing.T) {
	fsys := siteFiles(map[string]string{"site.toml": "title = \"T\"\ncname = \"https://dossier.example.org/\"\nbaseURL = \"https://dossier.example.org/\"\n"})
	res, err := site.Build(site.Options{Source: fsys})
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	if got := string(testfiles.Read(t, res.Output)["CNAME"]); got != "dossier.example.org\n" {
		t.Errorf("CNAME = %q", got)
	}
}

// TestBaseURLFlagOverridesSiteTOML: Options.BaseURL (--base-url) wins over site.toml.
func TestBaseURLFlagOverridesSiteTOML(t *testing.T) {
	res, err := site.Build(site.Options{Source: siteFiles(nil), BaseURL: "https://other.example/sub/"})
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	for _, name := range []string{"index.html", "articles/first/index.html", "feed.xml", "sitemap.xml", "robots.txt"} {
		b := testfiles.Read(t, res.Output)[name]
		if bytes.Contains(b, []byte("example.github.io")) || bytes.Contains(b, []byte(`"/t/`)) {
			t.Errorf("%s still uses site.toml's base URL", name)
		}
		if !bytes.Contains(b, []byte("/sub/")) {
			t.Errorf("%s does not use the overriding base URL", name)
		}
	}
}

// TestDrafts: draft content is left out of a build, included with Drafts, and
// included and marked as a draft in a preview (dossier serve).
func TestDrafts(t *testing.T) {
	drafts := map[string]string{
		"content/articles/wip.md":       "+++\ntitle = \"Work in progress\"\ndate = 2022-03-01\ndraft = true\n+++\n\nNot yet.\n",
		"content/actors/someone.md":     "+++\nname = \"Someone Unknown\"\ndraft = true\n+++\n\nWho.\n",
		"content/organizations/body.md": "+++\nname = \"Some Body\"\ndraft = true\n+++\n\nWhat.\n",
		"content/events/later.md":       "+++\ntitle = \"Later\"\ndate = 2022-03-02\ndraft = true\n+++\n\nWhen.\n",
	}
	pages := []string{"articles/wip/index.html", "actors/someone/index.html", "organizations/body/index.html", "events/later/index.html"}
	for _, tc := range []struct {
		name          string
		opts          site.Options
		present, mark bool
	}{
		{"build", site.Options{}, false, false},
		{"build --drafts", site.Options{Drafts: true}, true, true},
		{"serve", site.Options{Preview: true}, true, true},
	} {
		tc.opts.Source = siteFiles(drafts)
		res, err := site.Build(tc.opts)
		if err != nil || res.Diags.HasErrors() {
			t.Fatalf("%s: %v %v", tc.name, err, res.Diags)
		}
		for _, p := range pages {
			b, ok := testfiles.Read(t, res.Output)[p]
			if ok != tc.present {
				t.Errorf("%s: %s present = %v, want %v", tc.name, p, ok, tc.present)
			}
			if marked := bytes.Contains(b, []byte(`class="draft-note"`)); ok && marked != tc.mark {
				t.Errorf("%s: %s marked as draft = %v, want %v", tc.name, p, marked, tc.mark)
			}
		}
		if !tc.present && bytes.Contains(testfiles.Read(t, res.Output)["sitemap.xml"], []byte("wip")) {
			t.Errorf("%s: the sitemap lists a draft", tc.name)
		}
		if b := testfiles.Read(t, res.Output)["articles/first/index.html"]; bytes.Contains(b, []byte(`class="draft-note"`)) {
			t.Errorf("%s: a published article is marked as a draft", tc.name)
		}
	}
}

// TestWriteModes writes the site with a strict umask: files come out 0644,
// folders 0755, and there are no symbolic links even when static/ has one.
func TestWriteModes(t *testing.T) {
	src := t.TempDir()
	for name, text := range map[string]string{
		"site.toml":                 "title = \"T\"\n",
		"content/articles/first.md": "+++\ntitle = \"First\"\ndate = 2022-01-08\n+++\n\nText.\n",
		"static/real.txt":           "real\n",
	} {
		p := filepath.Join(src, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("real.txt", filepath.Join(src, "static", "link.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	res, err := site.Build(site.Options{Source: os.DirFS(src)})
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	out := filepath.Join(t.TempDir(), "public")
	restore := setUmask(0o077)
	_, err = site.Write(res.Output, out, src)
	restore()
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		fi, err := os.Lstat(p)
		if err != nil {
			return err
		}
		want := fs.FileMode(0o644)
		if d.IsDir() {
			want = fs.ModeDir | 0o755
		}
		if fi.Mode() != want {
			t.Errorf("%s: mode %v, want %v", p, fi.Mode(), want)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 10 {
		t.Errorf("walked only %d entries", n)
	}
}
