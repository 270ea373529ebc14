package dossier

import (
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
)

func pos(file string, line int) diag.Pos { return diag.Pos{File: file, Line: line, Col: 1} }

func ref(id string, line int) content.Ref { return content.Ref{ID: id, Pos: pos("a.md", line)} }

func fixture() *content.Set {
	wang := &content.Actor{Doc: content.Doc{ID: "wang-wenbin", Pos: pos("wang.md", 1)}, Name: "Wang Wenbin",
		Organizations: []content.Ref{ref("mfa", 2)}}
	mfa := &content.Organization{Doc: content.Doc{ID: "mfa", Pos: pos("mfa.md", 1)}, Name: "Foreign Ministry"}
	tass := &content.Organization{Doc: content.Doc{ID: "tass", Pos: pos("tass.md", 1)}, Name: "TASS"}
	art := &content.Article{Doc: content.Doc{ID: "a", Pos: pos("a.md", 1)}, Title: "A",
		Claims: []content.Claim{
			{ID: "c1", Pos: pos("a.md", 4), Text: "x", Status: ref("false", 5), Claimant: ref("wang-wenbin", 6)},
			{ID: "c2", Text: "y", Status: ref("true", 7), Claimant: ref("article", 8)},
		},
		Quotes: []content.Quote{{ID: "q1", Text: "z", Speaker: ref("wang-wenbin", 9), Via: ref("tass", 10)}},
	}
	draft := &content.Article{Doc: content.Doc{ID: "d", Pos: pos("d.md", 1)}, Title: "D", Draft: true}
	return &content.Set{Articles: []*content.Article{art, draft}, Actors: []*content.Actor{wang},
		Organizations: []*content.Organization{mfa, tass}}
}

func TestResolveLinksBothWays(t *testing.T) {
	d, diags := Resolve(config.Default(), fixture(), false, nil)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	if len(d.Articles) != 1 {
		t.Fatalf("drafts must be left out: %d articles", len(d.Articles))
	}
	wang := d.Actor("wang-wenbin")
	if len(wang.Claims) != 1 || wang.Claims[0].ID != "c1" || wang.Tally["false"] != 1 {
		t.Errorf("claims of the actor: %+v", wang.Claims)
	}
	if len(wang.Quotes) != 1 || len(wang.Articles) != 1 {
		t.Errorf("quotes %d, articles %d", len(wang.Quotes), len(wang.Articles))
	}
	if q := d.Quote("q1"); q.Speaker != wang || q.Via != d.Organization("tass") {
		t.Errorf("quote links: %+v", q)
	}
	if s := d.Organization("mfa").Statements; len(s) != 1 {
		t.Errorf("a member's quote is a statement of the organization: %d", len(s))
	}
	if s := d.Organization("tass").Statements; len(s) != 1 {
		t.Errorf("a quote reported via an organization is its statement: %d", len(s))
	}
	if c := d.Claim("c2"); c.Claimant != nil {
		t.Errorf("claimant article: %v", c.Claimant)
	}
	if got := d.Tally(); got["false"] != 1 || got["true"] != 1 || got.Total() != 2 {
		t.Errorf("tally %v", got)
	}
	a := d.Article("a")
	if len(a.Actors) != 1 || len(a.Organizations) != 1 {
		t.Errorf("involved: %d actors, %d organizations", len(a.Actors), len(a.Organizations))
	}
}

func TestResolveReportsEveryProblem(t *testing.T) {
	set := fixture()
	set.Articles[0].Claims[0].Status = ref("mislead", 5)
	set.Articles[0].Claims[1].Claimant = ref("wang-wenbn", 8)
	set.Articles[0].Quotes[0].Speaker = ref("nobody", 9)
	set.Articles[1].Draft = false
	set.Articles[1].Claims = []content.Claim{{ID: "c1", Pos: pos("d.md", 3)}, {ID: "false", Pos: pos("d.md", 4)}}
	set.Articles[1].Quotes = []content.Quote{{ID: "q9", Pos: pos("d.md", 5)}, {ID: "q9", Pos: pos("d.md", 6)}}
	d, diags := Resolve(config.Default(), set, false, nil)
	diags.Sort()
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		`a.md:5:1: error: unknown status "mislead"` + "\n\thint: did you mean \"misleading\"?",
		`a.md:8:1: error: unknown claimant (actor or organization) "wang-wenbn"` + "\n\thint: did you mean \"wang-wenbin\"?",
		`a.md:9:1: error: unknown speaker (actor) "nobody"`,
		`d.md:3:1: error: duplicate claim id "c1" (first defined at a.md:4:1)`,
		`d.md:4:1: error: claim id "false" is also a verdict id`,
		`d.md:6:1: error: duplicate quote id "q9" (first defined at d.md:5:1)`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
	// The first of two with one id is the one kept.
	if c := d.Claim("c1"); c == nil || c.Pos.File != "a.md" {
		t.Errorf("claim c1 is %+v, want the first, in a.md", c)
	}
	if q := d.Quote("q9"); q == nil || q.Pos.Line != 5 {
		t.Errorf("quote q9 is %+v, want the first, at line 5", q)
	}
	art := d.Article(set.Articles[1].ID)
	if len(art.Claims) != 1 || art.Claims[0].ID != "false" || len(art.Quotes) != 1 || art.Quotes[0].Pos.Line != 5 {
		t.Errorf("the duplicates stay out of their article: claims %v, quotes %v", art.Claims, art.Quotes)
	}
}

// TestStatementsOnce checks that a quote is an organization's statement
// once, however many ways it gets there: its speaker lists the organization
// twice and it was reported via that organization too.
func TestStatementsOnce(t *testing.T) {
	set := fixture()
	set.Actors[0].Organizations = []content.Ref{ref("mfa", 2), ref("mfa", 3)}
	set.Articles[0].Quotes = append(set.Articles[0].Quotes,
		content.Quote{ID: "q2", Text: "w", Speaker: ref("wang-wenbin", 11), Via: ref("mfa", 12)},
		content.Quote{ID: "q3", Text: "v", Speaker: ref("wang-wenbin", 13)})
	d, diags := Resolve(config.Default(), set, false, nil)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	var ids []string
	for _, q := range d.Organization("mfa").Statements {
		ids = append(ids, q.ID)
	}
	if got := strings.Join(ids, " "); got != "q1 q2 q3" {
		t.Errorf("statements of mfa = %q, want each quote once: q1 q2 q3", got)
	}
}

// A reference to the id of a file that did not parse is not reported: the
// file's own error is the problem. A true typo is still unknown, and may be
// matched against that id.
func TestUnparsedIsNotUnknown(t *testing.T) {
	set := fixture()
	set.Actors = nil
	set.Organizations = set.Organizations[1:] // mfa and wang-wenbin do not parse
	set.Unparsed = []content.Unparsed{
		{Kind: content.KindActor, ID: "wang-wenbin", File: "content/actors/wang-wenbin.md"},
		{Kind: content.KindOrganization, ID: "mfa", File: "content/organizations/mfa.md"},
	}
	set.Articles[0].Actors = []content.Ref{ref("wang-wenbni", 3)}
	_, diags := Resolve(config.Default(), set, false, nil)
	if len(diags) != 1 {
		t.Fatalf("want only the typo, got %v", diags)
	}
	if d := diags[0]; !strings.Contains(d.Msg, `"wang-wenbni"`) || !strings.Contains(d.Hint, `"wang-wenbin"`) {
		t.Errorf("typo: %v", d)
	}
}
