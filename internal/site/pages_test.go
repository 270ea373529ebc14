package site

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/testfiles"
	"github.com/dossier-dev/dossier/internal/urls"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// builtBundled builds the bundled dossier in memory, as published under /kz/.
func builtBundled(t *testing.T) *Result {
	t.Helper()
	res, err := Build(Options{Source: os.DirFS(repoRoot), BaseURL: "/kz/"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		var b bytes.Buffer
		res.Diags.WriteText(&b)
		t.Fatalf("build failed:\n%s", b.String())
	}
	return res
}

// parsedPages parses every HTML page of a build.
func parsedPages(t *testing.T, files map[string][]byte) map[string]*html.Node {
	t.Helper()
	out := map[string]*html.Node{}
	for name, b := range files {
		if path.Ext(name) != ".html" {
			continue
		}
		doc, err := html.Parse(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		out[name] = doc
	}
	return out
}

// each calls f on every element under n, in document order.
func each(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		each(c, f)
	}
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// TestBundledPages crawls every page of the built bundled dossier for the
// defects of issue 19: a <time> without a date, code.css on a page without
// code, a sentence of a profile's back-links set as a quotation, a home
// <h1> that repeats the site's title, tags that are not links to their
// pages, and a paraphrase shown as verbatim words.
func TestBundledPages(t *testing.T) {
	res := builtBundled(t)
	pages := parsedPages(t, testfiles.Read(t, res.Output))
	names := slices.Sorted(func(yield func(string) bool) {
		for n := range pages {
			if !yield(n) {
				return
			}
		}
	})
	times := 0
	for _, name := range names {
		each(pages[name], func(n *html.Node) {
			switch n.DataAtom {
			case atom.Time:
				times++
				if v, _ := attr(n, "datetime"); strings.TrimSpace(v) == "" {
					t.Errorf("%s: <time> without a datetime (text %q)", name, textOf(n))
				}
			case atom.Blockquote:
				for a := n.Parent; a != nil; a = a.Parent {
					if c, _ := attr(a, "class"); c == "backlinks" || c == "mentions" {
						t.Errorf("%s: a sentence naming the page's subject is set as a quotation: %q", name, textOf(n))
						break
					}
				}
			case atom.Link:
				href, _ := attr(n, "href")
				code := bytes.Contains(testfiles.Read(t, res.Output)[name], []byte(`<pre class="hl-chroma">`))
				if strings.HasSuffix(href, "/code.css") && !code {
					t.Errorf("%s links code.css but has no highlighted code", name)
				}
			}
		})
	}
	t.Logf("%d pages, %d <time> elements checked", len(names), times)

	each(pages["index.html"], func(n *html.Node) {
		if n.DataAtom == atom.H1 && strings.TrimSpace(textOf(n)) == res.Site.Title {
			t.Errorf("the home page's <h1> repeats the site's title %q", res.Site.Title)
		}
	})
	checkTags(t, res, pages)
	checkParaphrases(t, res, pages)
}

// TestCodeCSSOnlyWithCode links code.css on the one page whose body has a
// code block.
func TestCodeCSSOnlyWithCode(t *testing.T) {
	code := loadSite(t, "testdata/golden/site.txtar") // its article ends with a code block
	src := code["content/articles/sco-offer.md"].Data
	i := bytes.Index(src, []byte("```go"))
	if i < 0 {
		t.Fatal("the golden article has no code block")
	}
	plain := fstest.MapFS{}
	for k, v := range code {
		plain[k] = v
	}
	plain["content/articles/sco-offer.md"] = &fstest.MapFile{Data: src[:i]}
	for _, tc := range []struct {
		fsys fstest.MapFS
		want bool
	}{{plain, false}, {code, true}} {
		res := buildSite(t, tc.fsys, Options{})
		page := testfiles.Read(t, res.Output)["articles/sco-offer/index.html"]
		if got := bytes.Contains(page, []byte(`/code.css"`)); got != tc.want {
			t.Errorf("the article with code %t links code.css: %t", tc.want, got)
		}
		if bytes.Contains(testfiles.Read(t, res.Output)["index.html"], []byte("code.css")) {
			t.Error("the home page links code.css")
		}
	}
}

// checkTags: every article's tags link to their pages, which exist, list
// the article, and are in the sitemap with the tags index.
func checkTags(t *testing.T, res *Result, pages map[string]*html.Node) {
	t.Helper()
	sitemap := string(testfiles.Read(t, res.Output)["sitemap.xml"])
	if !strings.Contains(sitemap, "/kz/tags/</loc>") {
		t.Error("the sitemap does not list /tags/")
	}
	checked := 0
	for name, doc := range pages {
		if !strings.HasPrefix(name, "articles/") || name == "articles/index.html" {
			continue
		}
		var tags *html.Node
		each(doc, func(n *html.Node) {
			if c, _ := attr(n, "class"); c == "tags" {
				tags = n
			}
		})
		if tags == nil {
			continue
		}
		each(tags, func(n *html.Node) {
			href, _ := attr(n, "href")
			if n.DataAtom != atom.A || href == "/kz/tags/" {
				return
			}
			checked++
			want := "/kz/" + urls.Tag(textOf(n))
			if href != want {
				t.Errorf("%s: tag %q links to %s, want %s", name, textOf(n), href, want)
			}
			page := strings.TrimPrefix(href, "/kz/") + "index.html"
			if !bytes.Contains(testfiles.Read(t, res.Output)[page], []byte(`href="/kz/`+path.Dir(name)+`/"`)) {
				t.Errorf("%s does not link back to %s", page, name)
			}
			if !strings.Contains(sitemap, href+"</loc>") {
				t.Errorf("the sitemap does not list %s", href)
			}
			if !bytes.Contains(testfiles.Read(t, res.Output)["tags/index.html"], []byte(`href="`+href+`"`)) {
				t.Errorf("tags/index.html does not list %s", href)
			}
		})
	}
	if checked == 0 {
		t.Error("no tag links found on the article pages")
	}
	t.Logf("%d tag links checked", checked)
}

// checkParaphrases: a quote whose words are a paraphrase is never shown as
// verbatim: no page's title, link or list entry puts its words in
// quotation marks, every entry linking to it says "paraphrase", the badge in
// the article says so, and the search index marks it.
func checkParaphrases(t *testing.T, res *Result, pages map[string]*html.Node) {
	t.Helper()
	var paraphrases []string // their pages
	words := map[string]string{}
	var quotes []struct {
		ID, Text   string
		Paraphrase bool
	}
	if err := json.Unmarshal(testfiles.Read(t, res.Output)["data/quotes.json"], &quotes); err != nil {
		t.Fatal(err)
	}
	for _, q := range quotes {
		if q.Paraphrase {
			page := "/kz/quotes/" + q.ID + "/"
			paraphrases = append(paraphrases, page)
			words[page] = q.Text
		}
	}
	if len(paraphrases) == 0 {
		t.Fatal("the bundled dossier has no paraphrased quote to check")
	}
	links := 0
	for name, doc := range pages {
		each(doc, func(n *html.Node) {
			switch n.DataAtom {
			case atom.Title:
				for _, p := range paraphrases {
					if strings.Contains(textOf(n), "“"+shortPrefix(words[p])) {
						t.Errorf("%s: the <title> quotes the paraphrase %q", name, words[p])
					}
				}
			case atom.Meta:
				content, _ := attr(n, "content")
				for _, p := range paraphrases {
					if strings.Contains(content, "“"+shortPrefix(words[p])) {
						t.Errorf("%s: a <meta> quotes the paraphrase %q", name, words[p])
					}
				}
			case atom.A:
				href, _ := attr(n, "href")
				href, _, _ = strings.Cut(href, "#")
				if !slices.Contains(paraphrases, href) && !strings.Contains(href, "#quote-") {
					return
				}
				text := textOf(n)
				p := href
				if _, frag, ok := strings.Cut(mustAttr(n, "href"), "#quote-"); ok {
					p = "/kz/quotes/" + frag + "/"
				}
				w, isParaphrase := words[p]
				if !isParaphrase || !strings.Contains(text, shortPrefix(w)) {
					return
				}
				links++
				if text = strings.TrimSpace(text); strings.HasPrefix(text, "“") || strings.HasSuffix(text, "”") || strings.HasPrefix(text, `"`) {
					t.Errorf("%s: a link to %s puts the paraphrase in quotation marks: %q", name, p, text)
				}
				entry := n.Parent
				for entry != nil && entry.Parent != nil && entry.Data != "li" && entry.Data != "p" && entry.Data != "dd" {
					entry = entry.Parent // the list item or paragraph holding the link
				}
				if entry != nil && !strings.Contains(strings.ToLower(textOf(entry)), "paraphrase") {
					t.Errorf("%s: the entry linking to %s does not say it is a paraphrase: %q", name, p, textOf(entry))
				}
			}
		})
	}
	if links == 0 {
		t.Error("no link to a paraphrase was found")
	}
	t.Logf("%d paraphrased quotes, %d links to them checked", len(paraphrases), links)
	for _, p := range paraphrases {
		id := path.Base(p)
		for name, b := range testfiles.Read(t, res.Output) {
			if strings.HasPrefix(name, "articles/") && bytes.Contains(b, []byte(`data-quote="`+id+`"`)) &&
				!bytes.Contains(b, []byte(`href="`+p+`">paraphrase</a>`)) {
				t.Errorf("%s: the badge of %s does not say paraphrase", name, id)
			}
		}
	}
	flagged := 0
	for name, b := range testfiles.Read(t, res.Output) {
		if path.Ext(name) == ".xml" { // a feed's entry of a paraphrase
			for _, entry := range bytes.Split(b, []byte("<entry>")) {
				for _, p := range paraphrases {
					if bytes.Contains(entry, []byte(p+`"`)) && bytes.Contains(entry, []byte("“"+shortPrefix(words[p]))) {
						t.Errorf("%s: the entry of %s quotes the paraphrase %q", name, p, words[p])
					}
				}
			}
		}
		if strings.HasPrefix(name, "search/d/") {
			var docs [][]any
			if err := json.Unmarshal(b, &docs); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			for _, d := range docs {
				if id, _ := d[1].(string); len(d) >= 4 && slices.Contains(paraphrases, "/kz/quotes/"+id+"/") && d[2] == words["/kz/quotes/"+id+"/"] {
					if len(d) < 6 || d[5] != 1.0 {
						t.Errorf("%s: the search record of the paraphrase %s is not marked as one: %v", name, id, d)
					}
					flagged++
				}
			}
		}
	}
	if flagged != len(paraphrases) {
		t.Errorf("%d of %d paraphrases found in the search records", flagged, len(paraphrases))
	}
}

func mustAttr(n *html.Node, key string) string {
	v, _ := attr(n, key)
	return v
}

// shortPrefix is the first few words of a text, as shortened titles keep them.
func shortPrefix(s string) string {
	if r := []rune(s); len(r) > 20 {
		return string(r[:20])
	}
	return s
}

// TestEventDates prints an event's end only when it has one: no dangling
// "–" and no empty <time> for a one-day event.
func TestEventDates(t *testing.T) {
	oneDay := loadSite(t, "testdata/golden/site.txtar")
	span := fstest.MapFS{}
	for k, v := range oneDay {
		span[k] = v
	}
	src := string(oneDay["content/events/protests.md"].Data)
	span["content/events/protests.md"] = &fstest.MapFile{Data: []byte(strings.Replace(src, "date = 2022-01-02\n", "date = 2022-01-02\nend = 2022-01-05\n", 1))}
	for _, tc := range []struct {
		fsys fstest.MapFS
		want string
	}{
		{oneDay, `<p class="byline"><time datetime="2022-01-02">2 January 2022</time></p>`},
		{span, `<p class="byline"><time datetime="2022-01-02">2 January 2022</time> – <time datetime="2022-01-05">5 January 2022</time></p>`},
	} {
		page := string(testfiles.Read(t, buildSite(t, tc.fsys, Options{}).Output)["events/protests/index.html"])
		if !strings.Contains(page, tc.want) {
			t.Errorf("the event's dates are not %s:\n%s", tc.want, page)
		}
	}
}
