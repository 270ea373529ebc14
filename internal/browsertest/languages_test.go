package browsertest

import (
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/chromedp/chromedp"
)

// russianSite is a small Russian dossier with a Chinese article.
var russianSite = fstest.MapFS{
	"site.toml":                     {Data: []byte("title = \"Досье\"\nlanguage = \"ru\"\n")},
	"content/actors/tokayev.md":     {Data: []byte("+++\nname = \"Касым-Жомарт Токаев\"\naliases = [\"Токаев\"]\n+++\n\nПрезидент.\n")},
	"content/actors/wang-wenbin.md": {Data: []byte("+++\nname = \"Ван Вэньбинь\"\naliases = [\"王文斌\"]\n+++\n\nПредставитель МИД КНР.\n")},
	"content/articles/ru-a.md": {Data: []byte("+++\ntitle = \"Обращение\"\ndate = 2022-01-05\n" +
		"[[claims]]\nid = \"tonight\"\ntext = \"обращение выйдет вечером\"\nclaim = \"Обращение выйдет вечером.\"\n" +
		"status = \"true\"\nexplanation = \"Вышло в 20:00.\"\nchecked = 2022-01-06\n+++\n\n" +
		"Пресс-служба Токаева заявила, что обращение выйдет вечером. Ёлка стоит.\n")},
	"content/articles/zh-quote.md": {Data: []byte("+++\ntitle = \"表态\"\ndate = 2022-01-07\nlanguage = \"zh\"\n+++\n\n" +
		"1月7日，外交部发言人王文斌表示反对某些外部势力干涉。\n")},
}

// TestSearchScripts: search.js splits a query as the Go indexer does: a
// Russian word, its start, ё read as е, and Chinese without spaces; the
// status line is in the site's language.
func TestSearchScripts(t *testing.T) {
	s, err := buildSite(russianSite)
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	for _, tc := range []struct{ q, want string }{
		{"заявила", "article /kz/articles/ru-a/"},
		{"обращ", "article /kz/articles/ru-a/"}, // the start of a word
		{"елка", "article /kz/articles/ru-a/"},  // ё read as е
		{"Токаев", "actor /kz/actors/tokayev/"},
		{"王文斌", "article /kz/articles/zh-quote/"}, // inside unspaced Chinese
		{"外部势力", "article /kz/articles/zh-quote/"},
	} {
		do(t, ctx, chromedp.Navigate(s.url+"search/?q="+url.QueryEscape(tc.q)))
		waitFor(t, ctx, `document.getElementById("search-status").textContent !== "" && document.querySelectorAll("#search-results li").length > 0`)
		got := eval[[]string](t, ctx, `Array.from(document.querySelectorAll("#search-results li")).map(li => li.dataset.kind + " " + li.querySelector("a").getAttribute("href"))`)
		if !contains(got, tc.want) {
			t.Errorf("search %q: want %q among %v", tc.q, tc.want, got)
		}
		if status := eval[string](t, ctx, `document.getElementById("search-status").textContent`); !strings.Contains(status, "результат") {
			t.Errorf("search %q: status %q is not Russian", tc.q, status)
		}
	}
}

// TestClaimsFilterInRussian: claims.js labels its filter and counts in
// the site's language, with the plural form of the count.
func TestClaimsFilterInRussian(t *testing.T) {
	s, err := buildSite(russianSite)
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.url+"claims/"))
	waitFor(t, ctx, `(e => e && e.textContent !== "")(document.querySelector(".filter-status"))`)
	got := eval[string](t, ctx, `[document.querySelector(".claims-filter").getAttribute("aria-label"),
		document.querySelector("label[for=filter-claimant]").textContent,
		document.querySelector("#filter-verdict option").textContent,
		document.querySelector(".filter-status").textContent].join(" | ")`)
	if want := "Фильтр утверждений | Автор утверждения | Все | Показано 1 из 1 утверждения"; got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestAxeLanguages: the Russian site's pages, an article in Chinese inside
// it and the search page with Russian results pass axe (lang attributes
// valid, contrast and names as on the English site).
func TestAxeLanguages(t *testing.T) {
	s, err := buildSite(russianSite)
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile("testdata/axe.min.js")
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	for _, p := range []string{"", "articles/ru-a/", "articles/zh-quote/", "actors/tokayev/", "methodology/", "claims/", "timeline/"} {
		do(t, ctx, chromedp.Navigate(s.url+p), chromedp.WaitReady(chromedp.CSS("body")))
		checkAxe(t, ctx, string(src), "ru /"+p)
	}
	do(t, ctx, chromedp.Navigate(s.url+"search/?q="+url.QueryEscape("王文斌")))
	waitFor(t, ctx, `document.querySelectorAll("#search-results li").length > 0`)
	checkAxe(t, ctx, string(src), "ru search")
}

// TestClaimsFilterDrawsThemeBadges: the entries the claims filter draws
// carry the site's own verdict-badge partial, as the server's do, and its
// verdict menu reads the verdicts' labels, not the badges' text.
func TestClaimsFilterDrawsThemeBadges(t *testing.T) {
	pieces, err := os.ReadFile("../../templates/_pieces.html")
	if err != nil {
		t.Fatal(err)
	}
	def := regexp.MustCompile(`\{\{define "verdict-badge"\}\}.*\{\{end\}\}`)
	own := def.ReplaceAllLiteralString(string(pieces), `{{define "verdict-badge"}}<a class="badge my-badge" data-status="{{.ID}}" href="{{.URL}}">{{.Short}}</a>{{end}}`)
	if own == string(pieces) {
		t.Fatal("no verdict-badge definition in _pieces.html")
	}
	fsys := fstest.MapFS{"templates/_pieces.html": {Data: []byte(own)}}
	for name, f := range russianSite {
		fsys[name] = f
	}
	s, err := buildSite(fsys)
	if err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	do(t, ctx, chromedp.Navigate(s.url+"claims/?verdict=true"))
	waitFor(t, ctx, `document.querySelector(".filter-status") && document.querySelector(".filter-status").textContent !== "" && document.querySelectorAll("#claim-list .claim-item").length > 0`)
	if plain := eval[int](t, ctx, `Array.from(document.querySelectorAll("#claim-list .claim-item .badge")).filter(b => !b.classList.contains("my-badge")).length`); plain > 0 {
		t.Errorf("%d filtered entries' badges are not the theme's", plain)
	}
	options := eval[[]string](t, ctx, `Array.from(document.getElementById("filter-verdict").options).slice(1).map(o => o.textContent)`)
	labels := eval[[]string](t, ctx, `Array.from(document.querySelectorAll(".legend-list [data-label]")).map(li => li.dataset.label)`)
	if strings.Join(options, "|") != strings.Join(labels, "|") || len(labels) == 0 {
		t.Errorf("verdict menu %q, want the labels %q", options, labels)
	}
}
