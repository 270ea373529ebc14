package site

import (
	"bytes"
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/config"
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

// TestScriptsFindTheirWords: every word key that a page's script asks for
// is in the data-words of the page that loads it, so that a Russian site's
// search, claims filter and read-more links never fall back to English. A
// script asks for a word as t("key", …), W.t("key", …), W.n("key", …) or
// as a ["key-with-hyphen", "English"] pair.
func TestScriptsFindTheirWords(t *testing.T) {
	files := buildFiles(t, fstest.MapFS{
		"site.toml":             {Data: []byte("title = \"T\"\nlanguage = \"ru\"\n")},
		"content/articles/a.md": {Data: []byte("+++\ntitle = \"Мост\"\ndate = 2022-01-10\n\n[[claims]]\nid = \"c\"\ntext = \"мост закрыт\"\nstatus = \"false\"\nchecked = 2022-02-01\nexplanation = \"Нет.\"\n+++\n\nВчера мост закрыт.\n")},
	})
	keys := map[string]bool{}
	for _, k := range config.Keys() {
		keys[k] = true
	}
	asks := regexp.MustCompile(`\b[tn]\("([a-z0-9-]+)", |\["([a-z0-9]+-[a-z0-9-]+)", "`)
	wordsAttr := regexp.MustCompile(`data-words="([^"]*)"`)
	for _, tc := range []struct{ page, script string }{
		{"search/index.html", "search.js"},
		{"claims/index.html", "claims.js"},
		{"claims/index.html", "dossier.js"},
		{"articles/a/index.html", "dossier.js"},
	} {
		page := files[tc.page]
		if !strings.Contains(page, "/"+tc.script+`"`) {
			t.Fatalf("%s does not load %s", tc.page, tc.script)
		}
		given := map[string]bool{}
		for _, m := range wordsAttr.FindAllStringSubmatch(page, -1) {
			var w map[string]string
			if err := json.Unmarshal([]byte(html.UnescapeString(m[1])), &w); err != nil {
				t.Fatalf("%s: data-words: %v", tc.page, err)
			}
			for k := range w {
				given[k] = true
			}
		}
		script, err := os.ReadFile(filepath.Join("..", "..", "static", tc.script))
		if err != nil {
			t.Fatal(err)
		}
		asked := asks.FindAllStringSubmatch(string(script), -1)
		if len(asked) == 0 {
			t.Fatalf("%s asks for %d words: the pattern no longer finds them", tc.script, len(asked))
		}
		for _, m := range asked {
			key := m[1] + m[2]
			if !keys[key] {
				t.Errorf("%s asks for %q, which is no word's key", tc.script, key)
			} else if !given[key] {
				t.Errorf("%s asks for the word %q, which %s does not give it", tc.script, key, tc.page)
			}
		}
	}
}
