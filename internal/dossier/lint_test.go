package dossier

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
)

// resolveFiles loads and resolves an in-memory site, failing on load errors.
func resolveFiles(t *testing.T, files map[string]string) (*Dossier, diag.List) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	site, diags := config.Load(fsys, config.FileName)
	set, ldiags := content.Load(fsys)
	diags.Append(ldiags)
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags)
	}
	d, rdiags := Resolve(site, set, false, nil)
	return d, rdiags
}

// lines formats diagnostics as "file:line:col: severity: [code] message".
func lines(diags diag.List) []string {
	var out []string
	for _, d := range diags {
		out = append(out, fmt.Sprintf("%v: %v: [%s] %s", d.Pos, d.Severity, d.Code, d.Msg))
	}
	return out
}

const factSite = `baseURL = "https://example.org/d/"
[publisher]
name = "Desk"
url = "https://example.org/"
[[staff]]
id = "a-editor"
name = "A. Editor"
[[staff]]
id = "desk"
name = "The desk"
kind = "organization"
`

const factArticle = `+++
title = "A"
date = 2022-01-08

[[claims]]
id = "c1"
text = "Rain fell"
claim = "Rain fell in Almaty on 5 January."
status = "true"
checked = 2026-11-26
checked_by = ["a-editor", "desk"]
  [[claims.sources]]
  url = "https://example.org/a"
  archived = "https://archive.example/a"
  [[claims.updates]]
  date = 2026-12-01
  note = "A source added."
  [[claims.updates]]
  date = 2026-12-03
  note = "Rated after new evidence."
  from = "unverified"

[[claims]]
id = "c2"
text = "the opinion"
claim = "It was a shame."
status = "not-rated"
checked = 2026-11-26
  [[claims.updates]]
  date = 2026-12-02
  note = "Now not rated."
  from = "false"
+++
Rain fell. And the opinion.
`

func TestResolveFactCheckFields(t *testing.T) {
	d, diags := resolveFiles(t, map[string]string{"site.toml": factSite, "content/articles/a.md": factArticle})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	c1, c2 := d.Claim("c1"), d.Claim("c2")
	if len(c1.CheckedBy) != 2 || c1.CheckedBy[0].Name != "A. Editor" || c1.CheckedBy[1].Kind != config.StaffOrganization {
		t.Errorf("checked by %+v", c1.CheckedBy)
	}
	if len(c1.Updates) != 2 || c1.Updates[0].From.ID != "" || c1.Updates[1].From.Label != "Unverified" || c1.Updates[1].Claim != c1 {
		t.Errorf("updates %+v", c1.Updates)
	}
	if got := c1.Modified().String(); got != "2026-12-03" {
		t.Errorf("modified %s", got)
	}
	if c1.Reviewed() != "Rain fell in Almaty on 5 January." {
		t.Errorf("reviewed %q", c1.Reviewed())
	}
	var dates []string
	for _, u := range d.Updates {
		dates = append(dates, u.Claim.ID+" "+u.Date.String())
	}
	if want := []string{"c1 2026-12-03", "c2 2026-12-02", "c1 2026-12-01"}; !slices.Equal(dates, want) {
		t.Errorf("dossier updates %v, want %v", dates, want)
	}
	// A claim that is not rated is out of every tally.
	if c2.Verdict.Rated || d.Tally()[config.NotRated] != 0 || d.Tally().Total() != 1 || c1.Article.Tally.Total() != 1 {
		t.Errorf("tallies: dossier %v, article %v", d.Tally(), c1.Article.Tally)
	}
}

func TestResolveFactCheckErrors(t *testing.T) {
	src := strings.NewReplacer(`checked_by = ["a-editor", "desk"]`, `checked_by = ["a-edtor", "nobody"]`,
		`from = "unverified"`, `from = "true"`, `from = "false"`, `from = "flase"`).Replace(factArticle)
	_, diags := resolveFiles(t, map[string]string{"site.toml": factSite, "content/articles/a.md": src})
	want := []string{
		`content/articles/a.md:11:15: error: [unknown-ref] unknown checked_by (staff member) "a-edtor"`,
		`content/articles/a.md:11:26: error: [unknown-ref] unknown checked_by (staff member) "nobody"`,
		`content/articles/a.md:21:10: error: [update-from] update of 2026-12-03: from "true" is the claim's verdict now`,
		`content/articles/a.md:32:10: error: [unknown-ref] unknown from (verdict) "flase"`,
	}
	diags.Sort()
	if got := lines(diags); !slices.Equal(got, want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	if diags[0].Hint != `did you mean "a-editor"?` || diags[1].Hint != "add a [[staff]] entry with this id to site.toml" {
		t.Errorf("hints %q, %q", diags[0].Hint, diags[1].Hint)
	}
}

func TestLint(t *testing.T) {
	article := `+++
title = "A"
date = 2022-01-08
[source]
url = "https://news.example/story"
kind = "news"

[[claims]]
id = "short"
text = "Rain fell"
status = "true"
  [[claims.sources]]
  url = "https://news.example/story"
  kind = "mirror"
  [[claims.sources]]
  url = "https://news.example/other"
  kind = "wire"
  archived = "https://archive.example/other"
  [[claims.sources]]
  url = "https://www.news.example/third/"
  kind = "wire"
  publisher = "Someone"
  archived = "https://archive.example/third"

[[claims]]
id = "long"
text = "snow"
claim = "Snow fell in Almaty on 5 January, and again on the sixth, and it lay for a week."
status = "true"
+++
Rain fell. And snow.
`
	actor := `+++
name = "B"
[[sources]]
url = "https://platform.example/b"
kind = "official"
publisher = "B's office"
archived = "https://archive.example/b"
[[sources]]
url = "https://platform.example/c"
kind = "partisan"
publisher = "C's party"
archived = "https://archive.example/c"
+++
`
	d, diags := resolveFiles(t, map[string]string{"site.toml": "baseURL = \"/d/\"\n[publisher]\nname = \"Desk\"\n",
		"content/articles/a.md": article, "content/actors/b.md": actor})
	if len(diags) > 0 {
		t.Fatal(diags)
	}
	want := []string{
		`content/articles/a.md:5:7: note: [no-archive] source https://news.example/story has no archived copy`,
		`content/articles/a.md:8:1: warning: [no-restatement] claim "short" has no restatement (claim)`,
		`content/articles/a.md:12:3: warning: [kind-conflict] https://news.example/story is of kind "mirror" here but "news" at content/articles/a.md:4:1`,
		`content/articles/a.md:13:9: note: [no-archive] source https://news.example/story has no archived copy`,
		`content/articles/a.md:15:3: warning: [kind-conflict] news.example is of kind "wire" here but "news" at content/articles/a.md:4:1 (https://news.example/story)`,
		`content/articles/a.md:19:3: warning: [kind-conflict] news.example is of kind "wire" here but "news" at content/articles/a.md:4:1 (https://news.example/story)`,
		`content/articles/a.md:28:1: warning: [long-claim] claim "long": claimReviewed is 80 characters; aggregators show 75`,
		`site.toml:1:1: note: [relative-url] baseURL "/d/" is not absolute, so ClaimReview's urls are relative`,
		`site.toml:2:1: note: [publisher-url] the publisher has no url, so ClaimReview names it without an address`,
	}
	if got := lines(d.Lint()); !slices.Equal(got, want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
