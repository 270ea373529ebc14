package site

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// TestParseReadsFileAndNamesOnly checks the parse step's contract: a file's
// Markdown is parsed from its bytes and the names of actors and
// organizations alone. A rebuild with the same bytes and names reuses
// every parse, even when what the conversion shows changed (a verdict's
// label, the base URL); a changed list of names parses every file again.
// It holds whether the builder keeps the ASTs or, past its budget, lets
// them go once converted.
func TestParseReadsFileAndNamesOnly(t *testing.T) {
	for name, budget := range map[string]int{"held": keptASTBudget, "let-go": 0} {
		t.Run(name, func(t *testing.T) { testParseReadsFileAndNamesOnly(t, budget) })
	}
}

func testParseReadsFileAndNamesOnly(t *testing.T, budget int) {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	scale := "\n[[verdicts]]\nid = \"misleading\"\nlabel = \"Misleading\"\ncolor = \"#b35900\"\nicon = \"half\"\nrating = 2\n" +
		"\n[[verdicts]]\nid = \"unverified\"\nlabel = \"Unverified\"\ncolor = \"#666666\"\nicon = \"question\"\nrated = false\n"
	fsys["site.toml"] = &fstest.MapFile{Data: []byte(string(fsys["site.toml"].Data) + scale)}
	b := New(Options{Source: fsys})
	b.astBudget = budget
	build := func() string {
		t.Helper()
		res, err := b.Build(nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Diags.HasErrors() {
			t.Fatal(res.Diags)
		}
		page, err := fs.ReadFile(res.Output, "articles/sco-offer/index.html")
		if err != nil {
			t.Fatal(err)
		}
		return string(page)
	}
	edit := func(name, old, new string) {
		t.Helper()
		src := string(fsys[name].Data)
		if !strings.Contains(src, old) {
			t.Fatalf("%s has no %q", name, old)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(src, old, new, 1))}
	}
	// reused counts the parses of this build that the last one made.
	reused := func(last map[uint64]*parsedUnit) (n int) {
		for k, p := range b.parses {
			if last[k] == p {
				n++
			}
		}
		return n
	}
	build()
	units := len(b.parses)
	if units != 4 {
		t.Fatalf("%d units parsed, want 4: the article, actor, organization and event", units)
	}

	last := b.parses
	edit("site.toml", `label = "Misleading"`, `label = "Half true"`)
	edit("site.toml", `baseURL = "https://example.org/dossier/"`, `baseURL = "https://example.com/other/"`)
	page := build()
	if n := reused(last); n != units {
		t.Errorf("a new verdict label and base URL: %d of %d parses reused, want all", n, units)
	}
	if !strings.Contains(page, "Half true") || !strings.Contains(page, `href="/other/actors/wang-wenbin/"`) {
		t.Errorf("the conversion does not show the new label and base URL:\n%s", page)
	}

	last = b.parses
	edit("content/actors/wang-wenbin.md", `aliases = ["Wang"]`, `aliases = ["Wang", "W. Wenbin"]`)
	build()
	if n := reused(last); n != 0 {
		t.Errorf("a new alias: %d of %d parses reused, want none", n, len(b.parses))
	}

	last = b.parses
	build()
	if n := reused(last); n != units {
		t.Errorf("nothing changed: %d of %d parses reused, want all", n, units)
	}
}

// TestFailedBuildLetsASTsGo: past the budget, a build that fails on its
// content still lets its parses' ASTs go, as a converted one does: serve
// may show a failing build for a while.
func TestFailedBuildLetsASTsGo(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	// A second article with a claim id the first one has: the build fails.
	fsys["content/articles/second.md"] = &fstest.MapFile{Data: []byte(secondArticle("sco-formed-by-china", "Second"))}
	b := New(Options{Source: fsys, Preview: true, Lazy: true})
	b.astBudget = 0
	for i := range 2 {
		res, err := b.Build(nil)
		if err != nil || !res.Diags.HasErrors() {
			t.Fatalf("build %d: want it to fail: %v %v", i, err, res.Diags)
		}
		held := 0
		for _, p := range b.parses {
			if p.docs != nil {
				held++
			}
		}
		if held > 0 {
			t.Errorf("build %d: %d of %d parses hold their ASTs past the budget", i, held, len(b.parses))
		}
	}
}

// TestReusedParsesLetASTsGoPastBudget: a serve session under the AST budget
// keeps its parses' ASTs for the next build; once over it, the parses it
// reuses let theirs go too, as keptASTBudget says.
func TestReusedParsesLetASTsGoPastBudget(t *testing.T) {
	dir := generated(t, 10, 3)
	b := New(Options{Source: os.DirFS(dir), Preview: true, Lazy: true})
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	held := func() int {
		n := 0
		for _, p := range b.parses {
			if p.docs != nil {
				n++
			}
		}
		return n
	}
	if held() == 0 {
		t.Fatal("under the budget, no parse holds its AST: not the case the test is for")
	}
	b.astBudget = 0 // the dossier grew past the budget
	if _, err := b.Build([]string{"content/articles"}); err != nil {
		t.Fatal(err)
	}
	if !b.dropASTs {
		t.Fatal("not over the budget")
	}
	if n := held(); n > 0 {
		t.Errorf("over the budget, %d of %d kept parses still hold their ASTs", n, len(b.parses))
	}
}
