package site

import (
	"bytes"
	"fmt"
	"io/fs"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	root "github.com/dossier-dev/dossier"

	"github.com/dossier-dev/dossier/internal/render"
	"github.com/dossier-dev/dossier/internal/testfiles"
)

// The incremental property: whatever a site's templates read, and whatever
// an editor changes, the preview server's lazy rebuild serves what a fresh
// build of the same files makes, byte for byte. Site templates are made
// from the default ones, each with snippets appended that read random
// fields, whole-dossier lists included; edits come in random sequences.

// snippets read data a default template of the same page may not.
var snippets = []string{
	`{{range .D.Articles}}[{{.Title}}|{{.Summary}}]{{end}}`,
	`{{range .D.Claims}}[{{.Text}} {{.Verdict.Label}}{{with .Claimant}} {{.DisplayName}}{{end}} {{.Article.Title}}]{{end}}`,
	`{{range .D.Actors}}[{{.Name}} {{.Role}} {{len .Quotes}}{{range .Mentions}} {{.Sentence}}{{end}}]{{end}}`,
	`{{range .D.Organizations}}[{{.Name}} {{.Kind}}{{range .Members}} {{.DisplayName}}{{end}}{{range .Statements}} {{.Text}}{{end}}]{{end}}`,
	`{{range .D.Events}}[{{.Title}} {{.Date}}{{range .Actors}} {{.Name}}{{end}}]{{end}}`,
	`{{range .D.Quotes}}[{{.Text}}{{with .Speaker}} {{.Name}}{{end}}{{with .Via}} {{.Name}}{{end}} {{.Article.Date}}]{{end}}`,
	`{{.D.Tally}}{{range .Site.Verdicts}}{{.Label}}{{end}}{{.Site.Title}}`,
	`{{range .D.Articles}}{{range .Actors}}{{.Name}}{{end}}{{range .Organizations}}{{.Short}}{{end}}{{.Tags}}{{end}}`,
	`{{with .Object}}{{printf "%T" .}}{{end}}`,
	`{{range .D.Actors}}{{range .Articles}}{{.Title}}{{end}}{{range .Claims}}{{.Sentence}}{{end}}{{.Tally}}{{end}}`,
	`{{.HTML "article:sco-offer"}}`,
	`{{range .TopEntities}}{{.Entity.DisplayName}}{{.Count}}{{end}}`,
}

// objectSnippets read the page's own object, by page template.
var objectSnippets = map[string]string{
	"claim.html":        `{{with .Object}}{{.Article.Summary}}{{range .Article.Claims}}[{{.Text}}]{{end}}{{range .Article.Quotes}}{{.Said}}{{end}}{{end}}`,
	"quote.html":        `{{with .Object}}{{with .Speaker}}{{range .Quotes}}[{{.Text}}]{{end}}{{range .Organizations}}{{.Name}}{{end}}{{end}}{{end}}`,
	"article.html":      `{{with .Object}}{{range .Actors}}[{{.Role}}]{{end}}{{range .Quotes}}{{.Sentence}}{{end}}{{.Source.Publisher}}{{end}}`,
	"actor.html":        `{{with .Object}}{{range .Articles}}[{{.Title}}]{{end}}{{range .Claims}}{{.Article.Title}}{{end}}{{with .Country}}{{.Name}}{{end}}{{end}}`,
	"organization.html": `{{with .Object}}{{range .MemberOf}}{{.Name}}{{end}}{{range .Articles}}[{{.Date}}]{{end}}{{range .Events}}{{.Title}}{{end}}{{end}}`,
	"event.html":        `{{with .Object}}{{range .Organizations}}[{{.Name}}]{{end}}{{.End}}{{end}}`,
}

// pageTemplates are the templates a site may override in the property test.
var pageTemplates = []string{"claim.html", "quote.html", "article.html", "actor.html", "organization.html",
	"event.html", "home.html", "claims.html", "articles.html", "timeline.html"}

// siteTemplate is a default page template with snippets appended.
func siteTemplate(t testing.TB, name string, rng *rand.Rand) []byte {
	src, err := fs.ReadFile(root.Templates(), name)
	if err != nil {
		t.Fatal(err)
	}
	var extra strings.Builder
	for range 1 + rng.IntN(3) {
		extra.WriteString(snippets[rng.IntN(len(snippets))])
	}
	if s, ok := objectSnippets[name]; ok && rng.IntN(2) == 0 {
		extra.WriteString(s)
	}
	return append(src, "\n<!--site-->"+extra.String()+"\n"...)
}

// propertySite is the golden site with a second article, and with its own
// templates for a random set of page types.
func propertySite(t testing.TB, rng *rand.Rand) fstest.MapFS {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	fsys["content/articles/second.md"] = &fstest.MapFile{Data: []byte(secondArticle("sco-met-again", "Second"))}
	for _, name := range pageTemplates {
		if rng.IntN(2) == 0 {
			fsys["templates/"+name] = &fstest.MapFile{Data: siteTemplate(t, name, rng)}
		}
	}
	return fsys
}

func secondArticle(claimID, title string) string {
	return "+++\ntitle = \"" + title + "\"\ndate = 2022-01-09\nsummary = \"Again.\"\n\n" +
		"[[claims]]\nid = \"" + claimID + "\"\ntext = \"met again\"\nclaimant = \"article\"\nstatus = \"false\"\nexplanation = \"Moved *here*.\"\n" +
		"+++\n\nThe SCO met again with Wang.\n"
}

// propertyEdit changes fsys and returns the paths it changed, as the
// watcher would report them.
type propertyEdit struct {
	name string
	do   func(fsys fstest.MapFS, rng *rand.Rand) []string
}

// replaceIn replaces old with new in a file, reporting whether it could.
func replaceIn(fsys fstest.MapFS, name, old, new string) bool {
	f, ok := fsys[name]
	if !ok || !strings.Contains(string(f.Data), old) {
		return false
	}
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1))}
	return true
}

// articleNames lists the article files, sorted.
func articleNames(fsys fstest.MapFS) []string {
	var out []string
	for name := range fsys {
		if strings.HasPrefix(name, "content/articles/") {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

var propertyEdits = []propertyEdit{
	{"retitle", func(fsys fstest.MapFS, rng *rand.Rand) []string {
		names := articleNames(fsys)
		name := names[rng.IntN(len(names))]
		src := string(fsys[name].Data)
		start := strings.Index(src, "title = \"")
		end := strings.Index(src[start:], "\n")
		fsys[name] = &fstest.MapFile{Data: []byte(src[:start] + fmt.Sprintf("title = \"Title %d\"", rng.IntN(1000)) + src[start+end:])}
		return []string{name}
	}},
	{"body", func(fsys fstest.MapFS, rng *rand.Rand) []string {
		names := articleNames(fsys)
		name := names[rng.IntN(len(names))]
		lines := []string{"Nothing new was said.", "Wang Wenbin spoke again.", "The SCO met once more.", "Protests spread."}
		fsys[name] = &fstest.MapFile{Data: append(bytes.Clone(fsys[name].Data), "\n"+lines[rng.IntN(len(lines))]+"\n"...)}
		return []string{name}
	}},
	{"move claim", func(fsys fstest.MapFS, rng *rand.Rand) []string {
		first, second := "content/articles/sco-offer.md", articleNames(fsys)[rng.IntN(len(articleNames(fsys)))]
		if second == first {
			return nil
		}
		if replaceIn(fsys, first, `id = "sco-formed-by-china"`, `id = "sco-formed-in-2001"`) {
			fsys[second] = &fstest.MapFile{Data: []byte(secondArticle("sco-formed-by-china", "Moved"))}
		} else {
			replaceIn(fsys, first, `id = "sco-formed-in-2001"`, `id = "sco-formed-by-china"`)
			fsys[second] = &fstest.MapFile{Data: []byte(secondArticle("sco-met-again", "Back"))}
		}
		return []string{first, second}
	}},
	{"rename", func(fsys fstest.MapFS, rng *rand.Rand) []string {
		names := articleNames(fsys)
		for _, from := range names {
			if from == "content/articles/sco-offer.md" {
				continue
			}
			to := fmt.Sprintf("content/articles/renamed-%d.md", rng.IntN(100))
			if _, taken := fsys[to]; taken {
				return nil
			}
			fsys[to] = fsys[from]
			delete(fsys, from)
			return []string{from, to}
		}
		return nil
	}},
	{"actor deleted or restored", func(fsys fstest.MapFS, rng *rand.Rand) []string {
		name, stash := "content/actors/wang-wenbin.md", "stash/wang-wenbin.md"
		if f, ok := fsys[name]; ok {
			fsys[stash] = f
			delete(fsys, name)
		} else {
			fsys[name] = fsys[stash]
			delete(fsys, stash)
		}
		return []string{name}
	}},
	{"actor role", func(fsys fstest.MapFS, rng *rand.Rand) []string {
		name := "content/actors/wang-wenbin.md"
		if f, ok := fsys[name]; ok {
			src := string(f.Data)
			start := strings.Index(src, "role = \"")
			end := strings.Index(src[start:], "\n")
			fsys[name] = &fstest.MapFile{Data: []byte(src[:start] + fmt.Sprintf("role = \"Role %d\"", rng.IntN(1000)) + src[start+end:])}
		}
		return []string{name}
	}},
	{"organization kind", func(fsys fstest.MapFS, rng *rand.Rand) []string {
		name := "content/organizations/sco.md"
		if !replaceIn(fsys, name, `kind = "alliance"`, `kind = "bloc"`) {
			replaceIn(fsys, name, `kind = "bloc"`, `kind = "alliance"`)
		}
		return []string{name}
	}},
	{"event title", func(fsys fstest.MapFS, rng *rand.Rand) []string {
		name := "content/events/protests.md"
		src := string(fsys[name].Data)
		start := strings.Index(src, "title = \"")
		end := strings.Index(src[start:], "\n")
		fsys[name] = &fstest.MapFile{Data: []byte(src[:start] + fmt.Sprintf("title = \"Event %d\"", rng.IntN(1000)) + src[start+end:])}
		return []string{name}
	}},
	{"site.toml", func(fsys fstest.MapFS, rng *rand.Rand) []string {
		if !replaceIn(fsys, "site.toml", `title = "Golden dossier"`, `title = "Renamed dossier"`) {
			replaceIn(fsys, "site.toml", `title = "Renamed dossier"`, `title = "Golden dossier"`)
		}
		return []string{"site.toml"}
	}},
	{"template", func(fsys fstest.MapFS, rng *rand.Rand) []string {
		name := pageTemplates[rng.IntN(len(pageTemplates))]
		if _, ok := fsys["templates/"+name]; ok && rng.IntN(3) == 0 {
			delete(fsys, "templates/"+name)
		} else {
			fsys["templates/"+name] = &fstest.MapFile{Data: siteTemplate(nil, name, rng)}
		}
		return []string{"templates/" + name}
	}},
}

// checkIncremental applies steps random edits to a random site and checks
// the lazy rebuild against a fresh build after each; with an odd seed, the
// builder lets its ASTs go as it does past keptASTBudget. It returns the
// number of edits made.
func checkIncremental(t *testing.T, seed uint64, steps int) int {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	fsys := propertySite(t, rng)
	b := New(Options{Source: fsys, Preview: true, Lazy: true})
	if seed%2 == 1 {
		b.astBudget = 0 // as past keptASTBudget: ASTs let go once parsed
	}
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	edits := 0
	for step := range steps {
		edit := propertyEdits[rng.IntN(len(propertyEdits))]
		changed := edit.do(fsys, rng)
		edits++
		label := fmt.Sprintf("seed %d, step %d (%s)", seed, step, edit.name)
		got, err := b.Build(changed)
		if err != nil {
			t.Fatalf("%s: %v", label, err)
		}
		// Read some pages first, as a reader would, then compare all or half.
		compareLazy(t, label, got, fsys, rng.IntN(3) > 0, rng)
		if t.Failed() {
			t.FailNow()
		}
	}
	return edits
}

// compareLazy compares a lazy build with a fresh one of the same files.
func compareLazy(t *testing.T, label string, got *Result, fsys fs.FS, all bool, rng *rand.Rand) {
	t.Helper()
	want, err := Build(Options{Source: fsys, Preview: true})
	if err != nil {
		t.Fatalf("%s: fresh build: %v", label, err)
	}
	if want.Diags.HasErrors() != got.Diags.HasErrors() {
		t.Fatalf("%s: the rebuild's errors %v differ from a fresh build's %v", label, got.Diags, want.Diags)
	}
	if want.Diags.HasErrors() {
		if g, w := fmt.Sprint(got.Diags), fmt.Sprint(want.Diags); g != w {
			t.Errorf("%s: diagnostics differ:\n%s\n---\n%s", label, g, w)
		}
		return
	}
	pages := pageSet(got.Output)
	wantFiles := testfiles.Read(t, want.Output)
	for _, name := range slices.Sorted(maps.Keys(wantFiles)) {
		if pages[name] && !all && rng.IntN(2) == 0 {
			continue
		}
		have, err := got.Output.ReadFile(name)
		if err != nil {
			t.Fatalf("%s: %s: %v", label, name, err)
		}
		if !bytes.Equal(have, wantFiles[name]) {
			t.Errorf("%s: %s differs from a fresh build:\n%s", label, name, firstDiff(string(wantFiles[name]), string(have)))
		}
	}
}

// TestIncrementalProperty runs the property with fixed seeds.
func TestIncrementalProperty(t *testing.T) {
	total := 0
	for _, seed := range []uint64{1, 2, 3, 4, 5, 6, 7, 8} {
		total += checkIncremental(t, seed, 25)
	}
	t.Logf("%d edits over 8 seeds", total)
}

// FuzzIncremental runs the property for longer: go test -fuzz FuzzIncremental ./internal/site
func FuzzIncremental(f *testing.F) {
	f.Add(uint64(1), uint8(10))
	f.Fuzz(func(t *testing.T, seed uint64, steps uint8) {
		checkIncremental(t, seed, int(steps%40)+1)
	})
}

// TestRetitleWithSiteTemplate is the case that found the hand-kept
// signatures wrong: a site's claim template lists every article's title,
// and retitling another article must reach every claim page.
func TestRetitleWithSiteTemplate(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	fsys["content/articles/second.md"] = &fstest.MapFile{Data: []byte(secondArticle("sco-met-again", "Second"))}
	src, err := fs.ReadFile(root.Templates(), "claim.html")
	if err != nil {
		t.Fatal(err)
	}
	fsys["templates/claim.html"] = &fstest.MapFile{Data: append(src, `{{range .D.Articles}}<p class="all">{{.Title}}</p>{{end}}`...)}
	b := New(Options{Source: fsys, Preview: true, Lazy: true})
	first, err := b.Build(nil)
	if err != nil || first.Diags.HasErrors() {
		t.Fatalf("first build: %v %v", err, first.Diags)
	}
	replaceIn(fsys, "content/articles/second.md", `title = "Second"`, `title = "Retitled"`)
	got, err := b.Build([]string{"content/articles/second.md"})
	if err != nil || got.Diags.HasErrors() {
		t.Fatalf("rebuild: %v %v", err, got.Diags)
	}
	stale, claims := 0, 0
	for _, name := range got.Output.Pages() {
		if !strings.HasPrefix(name, "claims/") || strings.Count(name, "/") != 2 {
			continue
		}
		body, err := got.Output.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(body), `<p class="all">`) {
			continue // a verdict's list, not a claim page
		}
		claims++
		if !strings.Contains(string(body), `<p class="all">Retitled</p>`) {
			stale++
		}
	}
	if claims == 0 || stale != 0 {
		t.Errorf("%d of %d claim pages are stale after the retitle", stale, claims)
	}
	compareLazy(t, "retitle", got, fsys, true, nil)
}

// TestBodyEditRendersOnlyItsPage: with the default templates, an edit of an
// article's body that changes no title, annotation or mention re-renders
// the article's own page and nothing else.
func TestBodyEditRendersOnlyItsPage(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	fsys["content/articles/second.md"] = &fstest.MapFile{Data: []byte(secondArticle("sco-met-again", "Second"))}
	b := New(Options{Source: fsys, Preview: true, Lazy: true})
	first, err := b.Build(nil)
	if err != nil || first.Diags.HasErrors() {
		t.Fatalf("first build: %v %v", err, first.Diags)
	}
	name := "content/articles/sco-offer.md"
	fsys[name] = &fstest.MapFile{Data: append(bytes.Clone(fsys[name].Data), "\nNothing new was said.\n"...)}
	second, err := b.Build([]string{name})
	if err != nil || second.Diags.HasErrors() {
		t.Fatalf("rebuild: %v %v", err, second.Diags)
	}
	var rendered []string
	for _, path := range second.Output.Pages() {
		if strings.HasSuffix(path, "/card.png") {
			continue // made when asked for, and none was
		}
		if !kept(first.Output, second.Output, path) {
			rendered = append(rendered, path)
		}
	}
	slices.Sort(rendered)
	if want := []string{"articles/sco-offer/index.html"}; !slices.Equal(rendered, want) {
		t.Errorf("a body edit renders %v again, want %v", rendered, want)
	}
	compareLazy(t, "body edit", second, fsys, true, nil)
}

// TestClaimPageInputs: a claim page's recorded inputs are exactly its
// article, its claim, its claimant, what its share card shows, the site's
// configuration and its template; its card's, what the card shows and the
// site's configuration.
func TestClaimPageInputs(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	b := New(Options{Source: fsys, Preview: true, Lazy: true})
	res, err := b.Build(nil)
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diags)
	}
	out := res.Output.(*render.Output)
	for page, want := range map[string][]string{
		"claims/wang-outside-forces/index.html": {"actor:wang-wenbin", "article:sco-offer", "card:claim:wang-outside-forces", "claim:wang-outside-forces", "site", "template:claim.html"},
		"claims/sco-formed-by-china/index.html": {"article:sco-offer", "card:claim:sco-formed-by-china", "claim:sco-formed-by-china", "site", "template:claim.html"},
		"claims/sco-formed-by-china/card.png":   {"card:claim:sco-formed-by-china", "site"},
	} {
		if _, err := out.ReadFile(page); err != nil { // a card is made when asked for
			t.Fatal(err)
		}
		if got := out.Inputs(page); !slices.Equal(got, want) {
			t.Errorf("%s read %v, want %v", page, got, want)
		}
	}
}

// TestBadgePartialOverride: a site that overrides the verdict-badge partial
// sees its badge on every page that shows a verdict.
func TestBadgePartialOverride(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	src, err := fs.ReadFile(root.Templates(), "_pieces.html")
	if err != nil {
		t.Fatal(err)
	}
	const def = `{{define "verdict-badge"}}<a class="badge" data-status="{{.ID}}" href="{{.URL}}">`
	if !strings.Contains(string(src), def) {
		t.Fatalf("_pieces.html has no %s", def)
	}
	fsys["templates/_pieces.html"] = &fstest.MapFile{Data: []byte(strings.Replace(string(src), def,
		`{{define "verdict-badge"}}<a class="badge my-badge" data-status="{{.ID}}" href="{{.URL}}">`, 1))}
	res, err := Build(Options{Source: fsys})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diags)
	}
	shows := 0
	for name, b := range testfiles.Read(t, res.Output) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		page := string(b)
		if strings.Contains(page, `<a class="badge" data-status=`) {
			t.Errorf("%s prints a verdict badge without the site's partial", name)
		}
		if strings.Contains(page, "my-badge") {
			shows++
		}
	}
	for _, name := range []string{"index.html", "claims/index.html", "claims/misleading/index.html", "claims/sco-formed-by-china/index.html",
		"articles/sco-offer/index.html", "actors/wang-wenbin/index.html", "methodology/index.html"} {
		if !strings.Contains(string(testfiles.Read(t, res.Output)[name]), "my-badge") {
			t.Errorf("%s shows a verdict without the site's badge", name)
		}
	}
	t.Logf("%d pages print the site's badge", shows)
}
