package site

import (
	"encoding/json"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/testfiles"
)

// TestClaimReviewForAggregators checks the emitted JSON-LD for the
// properties fact-check aggregators read: required (@type ClaimReview,
// claimReviewed, reviewRating with alternateName, url, author with name,
// datePublished) and recommended (itemReviewed a Claim with author,
// datePublished and appearance; ratingValue, bestRating and worstRating
// where numeric; dateModified after an update), with the staff who checked
// a claim as its authors.
func TestClaimReviewForAggregators(t *testing.T) {
	res := buildSite(t, loadSite(t, "testdata/golden/factcheck.txtar"), Options{})
	review := jsonLD(t, "claim", testfiles.Read(t, res.Output)["claims/formed-2001/index.html"])[0]
	for _, key := range []string{"@context", "@type", "claimReviewed", "reviewRating", "url", "author", "datePublished",
		"itemReviewed", "dateModified", "publisher"} {
		if review[key] == nil {
			t.Errorf("ClaimReview has no %s", key)
		}
	}
	if review["@type"] != "ClaimReview" || review["url"] != "https://example.org/fc/claims/formed-2001/" ||
		review["datePublished"] != "2026-11-26" || review["dateModified"] != "2026-12-03" {
		t.Errorf("ClaimReview %v", review)
	}
	rating := review["reviewRating"].(map[string]any)
	if rating["alternateName"] != "Mostly true" || rating["ratingValue"] != 4.0 || rating["bestRating"] != 5.0 || rating["worstRating"] != 1.0 {
		t.Errorf("reviewRating %v", rating)
	}
	item := review["itemReviewed"].(map[string]any)
	if item["@type"] != "Claim" || item["datePublished"] == nil || item["appearance"] == nil {
		t.Errorf("itemReviewed %v", item)
	}
	if a, ok := item["author"].(map[string]any); !ok || a["name"] == nil {
		t.Errorf("itemReviewed.author %v", item["author"])
	}
	authors, ok := review["author"].([]any)
	if !ok || len(authors) != 2 {
		t.Fatalf("author: want the two staff members, got %v", review["author"])
	}
	ann, desk := authors[0].(map[string]any), authors[1].(map[string]any)
	if ann["@type"] != "Person" || ann["name"] != "Ann Editor" || ann["url"] != "https://example.org/staff/ann" || ann["jobTitle"] != "Editor" {
		t.Errorf("first author %v", ann)
	}
	if desk["@type"] != "Organization" || desk["name"] != "The Verification Desk" {
		t.Errorf("second author %v", desk)
	}
	if pub := review["publisher"].(map[string]any); pub["@type"] != "Organization" || pub["name"] != "Test Desk" {
		t.Errorf("publisher %v", pub)
	}

	// Without checked_by, the publisher is the author; without updates, no dateModified.
	framing := jsonLD(t, "claim", testfiles.Read(t, res.Output)["claims/outside-forces-framing/index.html"])[0]
	if a := framing["author"].(map[string]any); a["@type"] != "Organization" || a["name"] != "Test Desk" {
		t.Errorf("author without checked_by: %v", a)
	}
	if framing["dateModified"] != nil {
		t.Errorf("dateModified without updates: %v", framing["dateModified"])
	}
}

// TestNotRatedIsCountedNowhere: a claim whose verdict has rated = false is
// in no tally or scorecard and has no numeric rating, but is listed, has its
// page and its verdict's page, and says "Not rated".
func TestNotRatedIsCountedNowhere(t *testing.T) {
	res := buildSite(t, loadSite(t, "testdata/golden/factcheck.txtar"), Options{})
	rating := jsonLD(t, "claim", testfiles.Read(t, res.Output)["claims/outside-forces-framing/index.html"])[0]["reviewRating"].(map[string]any)
	if rating["alternateName"] != "Not rated" || rating["ratingValue"] != nil || rating["bestRating"] != nil || rating["worstRating"] != nil {
		t.Errorf("a not-rated verdict has a numeric rating: %v", rating)
	}
	tallies := regexp.MustCompile(`(?s)<div class="tally">.*?</div>`)
	for name, b := range testfiles.Read(t, res.Output) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		for _, tally := range tallies.FindAll(b, -1) {
			if strings.Contains(string(tally), "not-rated") {
				t.Errorf("%s: a tally counts the not-rated claim:\n%s", name, tally)
			}
		}
	}
	org := string(testfiles.Read(t, res.Output)["organizations/sco/index.html"])
	if !strings.Contains(org, `<h2 id="scorecard-h">Claims checked (0)</h2>`) || strings.Contains(org, `class="score"`) {
		t.Errorf("the claimant's scorecard counts its not-rated claim")
	}
	if !strings.Contains(org, `href="/fc/claims/outside-forces-framing/"`) {
		t.Errorf("the claimant's page does not list its not-rated claim")
	}
	page := string(testfiles.Read(t, res.Output)["claims/not-rated/index.html"])
	if !strings.Contains(page, `href="/fc/claims/outside-forces-framing/"`) {
		t.Errorf("/claims/not-rated/ does not list the claim")
	}
	var export map[string]any
	if err := json.Unmarshal(testfiles.Read(t, res.Output)["data/claimreview.json"], &export); err != nil {
		t.Fatal(err)
	}
	for _, r := range export["@graph"].([]any) {
		r := r.(map[string]any)
		if r["claimReviewed"] == "The unrest was a plot from outside." && r["reviewRating"].(map[string]any)["ratingValue"] != nil {
			t.Errorf("data/claimreview.json rates the not-rated claim: %v", r)
		}
	}
}

// TestClaimReviewDocument: /data/claimreview.json holds every claim's
// ClaimReview, as its page has it, under one @context.
func TestClaimReviewDocument(t *testing.T) {
	res := buildSite(t, loadSite(t, "testdata/golden/factcheck.txtar"), Options{})
	var doc struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(testfiles.Read(t, res.Output)["data/claimreview.json"], &doc); err != nil {
		t.Fatalf("data/claimreview.json: %v", err)
	}
	if doc.Context != "https://schema.org" || len(doc.Graph) != 2 {
		t.Fatalf("@context %q, %d reviews; want schema.org and 2", doc.Context, len(doc.Graph))
	}
	for _, r := range doc.Graph {
		url, _ := r["url"].(string)
		page := strings.TrimPrefix(url, "https://example.org/fc/") + "index.html"
		onPage := jsonLD(t, page, testfiles.Read(t, res.Output)[page])[0]
		delete(onPage, "@context")
		a, _ := json.Marshal(onPage)
		b, _ := json.Marshal(r)
		if string(a) != string(b) {
			t.Errorf("%s: the document's ClaimReview differs from the page's:\n%s\n%s", page, b, a)
		}
	}
}

// TestFactCheckWordsInRussian: on a Russian site, every word the fact-check
// apparatus adds for readers is Russian: a claim's updates, staff, report
// link and its message, sources' kinds and copies, an article's first
// publication, not rated, the corrections log and its feed, and the
// methodology's default text and source kinds.
func TestFactCheckWordsInRussian(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/factcheck.txtar")
	fsys["site.toml"].Data = append([]byte("language = \"ru\"\n"), fsys["site.toml"].Data...)
	delete(fsys, "content/methodology.md")
	res := buildSite(t, fsys, Options{})
	pages := map[string][]string{
		"claims/formed-2001/index.html": {"Обновлено", "что изменилось", "Обновления", "вердикт изменён, прежний:", "Проверили",
			"Сообщить об ошибке", "официальный", "госСМИ", "оригинал", "архивная копия", "журнале исправлений"},
		"claims/outside-forces-framing/index.html": {"Без оценки"},
		"articles/repost/index.html":               {"дата неизвестна", "контент-ферма", "впервые опубликовано:", "9 января 2022"},
		"articles/undated/index.html":              {"впервые опубликовано:", "дата неизвестна", "агрегатор"},
		"corrections/index.html":                   {"<h1>Исправления</h1>", "Вердикт изменён: был", "стал", "Лента журнала исправлений"},
		"organizations/sco/index.html":             {"Утверждения без оценки"},
		"methodology/index.html": {"Мнения и подача", "Исправления", "Сообщить об ошибке", "Виды источников", "госСМИ",
			"Копия чужого текста", "без оценки", "одном документе"},
		"corrections.xml": {"Исправления", "Обновление: ", "Вердикт изменён: был «Ложь», стал «В основном правда»."},
	}
	english := []string{"Updated", "what changed", "Checked by", "Report an error", "state media", ">archived copy<", ">original<",
		"date unknown", "first published by", "Not rated", "corrections log", "Corrections", "Kinds of sources", "Opinion and framing"}
	for page, words := range pages {
		b := string(testfiles.Read(t, res.Output)[page])
		for _, w := range words {
			if !strings.Contains(b, w) {
				t.Errorf("%s: no %q", page, w)
			}
		}
		for _, w := range english {
			if strings.Contains(b, w) {
				t.Errorf("%s: English %q on a Russian site", page, w)
			}
		}
	}
	report := regexp.MustCompile(`class="report-error" href="([^"]+)"`).FindStringSubmatch(string(testfiles.Read(t, res.Output)["claims/formed-2001/index.html"]))
	if report == nil {
		t.Fatal("no report link")
	}
	u, err := url.Parse(html.UnescapeString(report[1]))
	if err != nil {
		t.Fatal(err)
	}
	if s := u.Query().Get("subject"); s != "Запрос на исправление: The alliance was formed in 2001 by China." {
		t.Errorf("report subject %q", s)
	}
	if b := u.Query().Get("body"); !strings.HasPrefix(b, "Утверждение: ") || !strings.Contains(b, "Страница: https://example.org/fc/claims/formed-2001/") {
		t.Errorf("report body %q", b)
	}
}

// rerendered rebuilds after changing one file and returns the pages whose
// render is new, sorted, checking the rebuild against a fresh build.
func rerendered(t *testing.T, fsys fstest.MapFS, name string, data []byte) []string {
	t.Helper()
	b := New(Options{Source: fsys, Preview: true, Lazy: true})
	first, err := b.Build(nil)
	if err != nil || first.Diags.HasErrors() {
		t.Fatalf("first build: %v %v", err, first.Diags)
	}
	for _, path := range first.Output.Pages() { // a preview renders what is looked at: look at everything
		if _, err := first.Output.ReadFile(path); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
	}
	fsys[name] = &fstest.MapFile{Data: data}
	second, err := b.Build([]string{name})
	if err != nil || second.Diags.HasErrors() {
		t.Fatalf("rebuild: %v %v", err, second.Diags)
	}
	var out []string
	for _, path := range second.Output.Pages() {
		if !kept(first.Output, second.Output, path) {
			out = append(out, path)
		}
	}
	slices.Sort(out)
	compareLazy(t, name, second, fsys, true, nil)
	return out
}

// TestMethodologyEditRendersItsPage: an edit of content/methodology.md
// renders the methodology page again, and nothing else.
func TestMethodologyEditRendersItsPage(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/factcheck.txtar")
	got := rerendered(t, fsys, "content/methodology.md", []byte("## How we work\n\nEvery claim is checked twice.\n"))
	if want := []string{"methodology/index.html"}; !slices.Equal(got, want) {
		t.Errorf("a methodology edit renders %v again, want %v", got, want)
	}
}

// TestNewUpdateRendersTheLog: a new update of a claim renders its page,
// the corrections log and the pages listing the claim again.
func TestNewUpdateRendersTheLog(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/factcheck.txtar")
	name := "content/articles/repost.md"
	src := strings.Replace(string(fsys[name].Data), "\n[[claims]]\nid = \"outside-forces-framing\"",
		"\n  [[claims.updates]]\n  date = 2026-12-05\n  note = \"A third look.\"\n\n[[claims]]\nid = \"outside-forces-framing\"", 1)
	got := rerendered(t, fsys, name, []byte(src))
	for _, want := range []string{"claims/formed-2001/index.html", "corrections/index.html"} {
		if !slices.Contains(got, want) {
			t.Errorf("a new update does not render %s again (rendered: %v)", want, got)
		}
	}
}

// TestCorrectionsAreLinked: the corrections log is in the sitemap, dated by
// its newest update, and linked from every page's footer and the
// methodology page; its feed is linked from it.
func TestCorrectionsAreLinked(t *testing.T) {
	res := buildSite(t, loadSite(t, "testdata/golden/factcheck.txtar"), Options{})
	if !strings.Contains(string(testfiles.Read(t, res.Output)["sitemap.xml"]), "<loc>https://example.org/fc/corrections/</loc>\n    <lastmod>2026-12-03</lastmod>") {
		t.Errorf("sitemap.xml lacks the corrections log dated by its newest update:\n%s", testfiles.Read(t, res.Output)["sitemap.xml"])
	}
	for _, page := range []string{"index.html", "methodology/index.html", "claims/formed-2001/index.html"} {
		if !strings.Contains(string(testfiles.Read(t, res.Output)[page]), `href="/fc/corrections/"`) {
			t.Errorf("%s does not link the corrections log", page)
		}
	}
	if !strings.Contains(string(testfiles.Read(t, res.Output)["corrections/index.html"]), `href="/fc/corrections.xml"`) {
		t.Error("the corrections log does not link its feed")
	}
}
