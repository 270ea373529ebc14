package site

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/testfiles"
)

// buildFiles builds fsys and returns its files, failing on any error or warning.
func buildFiles(t *testing.T, fsys fstest.MapFS) map[string]string {
	t.Helper()
	res, err := New(Options{Source: fsys}).Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Diags) > 0 {
		var buf bytes.Buffer
		res.Diags.WriteText(&buf)
		t.Fatalf("diagnostics:\n%s", buf.String())
	}
	out := make(map[string]string, len(testfiles.Read(t, res.Output)))
	for name, b := range testfiles.Read(t, res.Output) {
		out[name] = string(b)
	}
	return out
}

// TestMethodologyText: the methodology page's default text is in the
// site's language, and content/methodology.md replaces it (the verdict
// scale stays), with no warning about the file's place.
func TestMethodologyText(t *testing.T) {
	for _, tc := range []struct {
		lang, own string
		want      []string
		not       []string
	}{
		{"en", "", []string{"<h2 id=\"selection\">How claims are chosen</h2>", "<h2 id=\"scale\">The verdict scale</h2>"}, nil},
		{"ru", "", []string{"<h2 id=\"selection\">Как выбираются утверждения</h2>", "<h2 id=\"scale\">Шкала вердиктов</h2>", "<h1>Методология</h1>"},
			[]string{"How claims"}},
		{"ru", "## Наш подход\n\nМы проверяем *только* заявления официальных лиц.\n",
			[]string{"<h2 id=\"наш-подход\">Наш подход</h2>", "<em>только</em>", "<h2 id=\"scale\">Шкала вердиктов</h2>"},
			[]string{"Как выбираются утверждения"}},
	} {
		fsys := fstest.MapFS{"site.toml": {Data: []byte("title = \"T\"\nlanguage = \"" + tc.lang + "\"\n")}}
		if tc.own != "" {
			fsys["content/methodology.md"] = &fstest.MapFile{Data: []byte(tc.own)}
		}
		page := buildFiles(t, fsys)["methodology/index.html"]
		for _, w := range tc.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s, own text %t: no %q in\n%s", tc.lang, tc.own != "", w, page)
			}
		}
		for _, w := range tc.not {
			if strings.Contains(page, w) {
				t.Errorf("%s, own text %t: %q is there", tc.lang, tc.own != "", w)
			}
		}
	}
}

// TestFeedLanguage: every Atom feed says the site's language as xml:lang,
// and an article's entry in another language says its own.
func TestFeedLanguage(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":                 {Data: []byte("title = \"T\"\nlanguage = \"ru\"\n")},
		"content/actors/tokayev.md": {Data: []byte("+++\nname = \"Касым-Жомарт Токаев\"\n+++\n")},
		"content/articles/ru.md":    {Data: []byte("+++\ntitle = \"По-русски\"\ndate = 2022-01-05\n+++\n\nТокаев выступил.\n")},
		"content/articles/en.md":    {Data: []byte("+++\ntitle = \"In English\"\ndate = 2022-01-06\nlanguage = \"en\"\n+++\n\nA text.\n")},
	}
	files := buildFiles(t, fsys)
	for _, name := range []string{"feed.xml", "corrections.xml", "actors/tokayev/feed.xml"} {
		if !strings.Contains(files[name], `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ru">`) {
			t.Errorf("%s: no xml:lang=\"ru\" on the feed:\n%s", name, files[name])
		}
	}
	feed := files["feed.xml"]
	if strings.Count(feed, `<entry xml:lang="en">`) != 1 || strings.Count(feed, "<entry>") != 1 {
		t.Errorf("feed.xml: want the English article's entry alone with xml:lang=\"en\":\n%s", feed)
	}
}
