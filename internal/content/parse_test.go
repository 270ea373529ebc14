package content

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/internal/diag"
)

const articleTOML = `+++
title   = "China-led alliance to intervene"
date    = 2022-01-08
summary = "A summary."
actors        = ["zhang-ming", "wang-wenbin"]
organizations = ["sco",
  "csto"]
tags  = ["sco", "csto"]
draft = true

[source]
publisher = "Example News"
url       = "https://example.org/a"
archived  = "https://archive.example/a"
date      = "2022-01-08"

[[claims]]
id       = "sco-formed-by-china"
text     = "formed by China in 2001"
prefix   = "was "
claimant = "article"
status   = "misleading"
explanation = """
Why this verdict."""
checked  = 2026-11-26
  [[claims.sources]]
  title = "SCO charter"
  url   = "https://example.org/charter"
  note  = "mirror"

[[claims]]
id = "second"  # a comment
text = 'literal text'
status = "false"
sources = [{ title = "T", url = "https://example.org/t", date = 2022-01-10 }]

[[quotes]]
id      = "wang-outside-forces"
speaker = "wang-wenbin"
text    = "certain outside forces"
said    = 2022-01-07
via     = "tass"
context = "At a briefing."
+++
The body.
`

const articleYAML = `---
title: China-led alliance to intervene
date: 2022-01-08
summary: "A summary."
actors: [zhang-ming, wang-wenbin]
organizations:
  - sco
  - csto
tags: [sco, csto]
draft: true
source:
  publisher: Example News
  url: https://example.org/a
  archived: https://archive.example/a
  date: "2022-01-08"
claims:
  - id: sco-formed-by-china
    text: formed by China in 2001
    prefix: "was "
    claimant: article
    status: misleading
    explanation: |-
      Why this verdict.
    checked: 2026-11-26
    sources:
      - title: SCO charter
        url: https://example.org/charter
        note: mirror
  - id: second  # a comment
    text: 'literal text'
    status: "false"
    sources: [{title: T, url: "https://example.org/t", date: 2022-01-10}]
quotes:
  - id: wang-outside-forces
    speaker: wang-wenbin
    text: certain outside forces
    said: 2022-01-07
    via: tass
    context: At a briefing.
---
The body.
`

func day(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// wantArticle is articleTOML and articleYAML without positions.
func wantArticle() *Article {
	return &Article{
		Doc:           Doc{Kind: KindArticle, ID: "x", Path: "content/articles/x.md", Body: []byte("The body.\n")},
		Title:         "China-led alliance to intervene",
		Date:          day(2022, 1, 8),
		Summary:       "A summary.",
		Actors:        []Ref{{ID: "zhang-ming"}, {ID: "wang-wenbin"}},
		Organizations: []Ref{{ID: "sco"}, {ID: "csto"}},
		Tags:          []string{"sco", "csto"},
		Draft:         true,
		Source: Source{Publisher: "Example News", URL: "https://example.org/a",
			Archived: "https://archive.example/a", Date: day(2022, 1, 8)},
		Claims: []Claim{{
			ID: "sco-formed-by-china", Text: "formed by China in 2001", Prefix: "was ",
			Claimant: Ref{ID: "article"}, Status: Ref{ID: "misleading"},
			Explanation: "Why this verdict.", Checked: day(2026, 11, 26), In: InBody,
			Sources: []Source{{Title: "SCO charter", URL: "https://example.org/charter", Note: "mirror"}},
		}, {
			ID: "second", Text: "literal text", Status: Ref{ID: "false"}, Index: 1, In: InBody,
			Sources: []Source{{Title: "T", URL: "https://example.org/t", Date: day(2022, 1, 10)}},
		}},
		Quotes: []Quote{{
			ID: "wang-outside-forces", Speaker: Ref{ID: "wang-wenbin"}, Text: "certain outside forces",
			Said: day(2022, 1, 7), Via: Ref{ID: "tass"}, Context: "At a briefing.",
		}},
	}
}

// noPos returns a copy of an item's value with every position, the key
// positions, the body line and the hash cleared, for comparing TOML with YAML.
func noPos(t *testing.T, item any) any {
	t.Helper()
	v := reflect.New(reflect.TypeOf(item).Elem())
	v.Elem().Set(reflect.ValueOf(item).Elem())
	clearPos(v.Elem())
	return v.Interface()
}

var posType = reflect.TypeOf(diag.Pos{})

func clearPos(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		if v.Type() == posType {
			v.Set(reflect.Zero(posType))
			return
		}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			switch f.Name {
			case "Keys", "Hash", "BodyLine":
				v.Field(i).Set(reflect.Zero(f.Type))
			default:
				clearPos(v.Field(i))
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			return
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(v.Elem())
		v.Set(c)
		clearPos(c.Elem())
	case reflect.Slice:
		if v.IsNil() {
			return
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		v.Set(c)
		for i := range v.Len() {
			clearPos(v.Index(i))
		}
	}
}

func TestArticleTOMLAndYAMLAgree(t *testing.T) {
	want := wantArticle()
	for name, src := range map[string]string{"toml": articleTOML, "yaml": articleYAML} {
		t.Run(name, func(t *testing.T) {
			got, diags := ParseArticle("content/articles/x.md", []byte(src))
			if len(diags) > 0 {
				t.Fatalf("diagnostics:\n%v", diags)
			}
			if g := noPos(t, got); !reflect.DeepEqual(g, want) {
				t.Errorf("got  %+v\nwant %+v", g, want)
			}
			if got.BodyLine != strings.Count(src[:strings.LastIndex(src, "\nThe body.")], "\n")+2 {
				t.Errorf("BodyLine = %d", got.BodyLine)
			}
		})
	}
}

func pos(line, col int) diag.Pos {
	return diag.Pos{File: "content/articles/x.md", Line: line, Col: col}
}

func TestArticleTOMLPositions(t *testing.T) {
	a, diags := ParseArticle("content/articles/x.md", []byte(articleTOML))
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%v", diags)
	}
	wantKeys := map[string]diag.Pos{
		"title": pos(2, 1), "date": pos(3, 1), "summary": pos(4, 1), "actors": pos(5, 1),
		"organizations": pos(6, 1), "tags": pos(8, 1), "draft": pos(9, 1),
		"source": pos(11, 2), "source.publisher": pos(12, 1), "source.url": pos(13, 1),
		"source.archived": pos(14, 1), "source.date": pos(15, 1),
		"claims": pos(17, 3), "claims.0.id": pos(18, 1), "claims.0.text": pos(19, 1),
		"claims.0.prefix": pos(20, 1), "claims.0.claimant": pos(21, 1), "claims.0.status": pos(22, 1),
		"claims.0.explanation": pos(23, 1), "claims.0.checked": pos(25, 1),
		"claims.0.sources": pos(26, 12), "claims.0.sources.0.title": pos(27, 3),
		"claims.0.sources.0.url": pos(28, 3), "claims.0.sources.0.note": pos(29, 3),
		"claims.1.id": pos(32, 1), "claims.1.text": pos(33, 1), "claims.1.status": pos(34, 1),
		"claims.1.sources": pos(35, 1), "claims.1.sources.0.title": pos(35, 14),
		"claims.1.sources.0.url": pos(35, 27), "claims.1.sources.0.date": pos(35, 58),
		"quotes": pos(37, 3), "quotes.0.id": pos(38, 1), "quotes.0.speaker": pos(39, 1),
		"quotes.0.text": pos(40, 1), "quotes.0.said": pos(41, 1), "quotes.0.via": pos(42, 1),
		"quotes.0.context": pos(43, 1),
	}
	if !reflect.DeepEqual(a.Keys, wantKeys) {
		for k, p := range a.Keys {
			if wantKeys[k] != p {
				t.Errorf("Keys[%q] = %v, want %v", k, p, wantKeys[k])
			}
		}
		for k := range wantKeys {
			if _, ok := a.Keys[k]; !ok {
				t.Errorf("Keys[%q] missing", k)
			}
		}
	}
	checkPositions(t, a, []posCase{
		{"actors.0", a.Actors[0].Pos, pos(5, 18)},
		{"actors.1", a.Actors[1].Pos, pos(5, 32)},
		{"organizations.1", a.Organizations[1].Pos, pos(7, 3)},
		{"claims.0", a.Claims[0].Pos, pos(17, 1)},
		{"claims.0.claimant", a.Claims[0].Claimant.Pos, pos(21, 12)},
		{"claims.0.status", a.Claims[0].Status.Pos, pos(22, 12)},
		{"claims.1", a.Claims[1].Pos, pos(31, 1)},
		{"claims.1.status", a.Claims[1].Status.Pos, pos(34, 10)},
		{"quotes.0", a.Quotes[0].Pos, pos(37, 1)},
		{"quotes.0.speaker", a.Quotes[0].Speaker.Pos, pos(39, 11)},
		{"quotes.0.via", a.Quotes[0].Via.Pos, pos(42, 11)},
		{"doc", a.Pos, pos(1, 1)},
	})
	if a.BodyLine != 45 {
		t.Errorf("BodyLine = %d, want 45", a.BodyLine)
	}
}

func TestArticleYAMLPositions(t *testing.T) {
	a, diags := ParseArticle("content/articles/x.md", []byte(articleYAML))
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%v", diags)
	}
	checkPositions(t, a, []posCase{
		{"title", a.Keys["title"], pos(2, 1)},
		{"source.url", a.Keys["source.url"], pos(13, 3)},
		{"claims.0.sources.0.note", a.Keys["claims.0.sources.0.note"], pos(28, 9)},
		{"claims.1.sources.0.date", a.Keys["claims.1.sources.0.date"], pos(32, 56)},
		{"actors.1", a.Actors[1].Pos, pos(5, 22)},
		{"organizations.1", a.Organizations[1].Pos, pos(8, 5)},
		{"claims.0", a.Claims[0].Pos, pos(17, 5)},
		{"claims.0.status", a.Claims[0].Status.Pos, pos(21, 13)},
		{"claims.1", a.Claims[1].Pos, pos(29, 5)},
		{"quotes.0.speaker", a.Quotes[0].Speaker.Pos, pos(35, 14)},
	})
	if a.BodyLine != 41 {
		t.Errorf("BodyLine = %d, want 41", a.BodyLine)
	}
}

type posCase struct {
	name      string
	got, want diag.Pos
}

func checkPositions(t *testing.T, _ *Article, cases []posCase) {
	t.Helper()
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s at %v, want %v", c.name, c.got, c.want)
		}
	}
}

func TestEntitiesTOMLAndYAMLAgree(t *testing.T) {
	tests := []struct {
		path       string
		toml, yaml string
		want       any
	}{{
		path: "content/actors/zhang-ming.md",
		toml: "+++\nname = \"Zhang Ming\"\naliases = [\"Zhang\"]\nrole = \"Secretary-General\"\norganizations = [\"sco\"]\ncountry = \"china\"\nwikidata = \"Q1\"\nimage = \"z.jpg\"\ndraft = false\n[[sources]]\ntitle = \"Bio\"\nurl = \"https://example.org/bio\"\n+++\nProfile.\n",
		yaml: "---\nname: Zhang Ming\naliases: [Zhang]\nrole: Secretary-General\norganizations: [sco]\ncountry: china\nwikidata: Q1\nimage: z.jpg\ndraft: false\nsources:\n  - title: Bio\n    url: https://example.org/bio\n---\nProfile.\n",
		want: &Actor{Doc: Doc{Kind: KindActor, ID: "zhang-ming", Path: "content/actors/zhang-ming.md", Body: []byte("Profile.\n")},
			Name: "Zhang Ming", Aliases: []string{"Zhang"}, Role: "Secretary-General",
			Organizations: []Ref{{ID: "sco"}}, Country: Ref{ID: "china"}, Wikidata: "Q1", Image: "z.jpg",
			Sources: []Source{{Title: "Bio", URL: "https://example.org/bio"}}},
	}, {
		path: "content/organizations/sco.md",
		toml: "+++\nname = \"Shanghai Cooperation Organisation\"\nshort = \"SCO\"\naliases = [\"Shanghai Five\"]\nkind = \"alliance\"\nfounded = 2001-06-15\nmembers = [\"china\", \"russia\"]\nheadquarters = \"Beijing\"\nwikidata = \"Q485207\"\n+++\n",
		yaml: "---\nname: Shanghai Cooperation Organisation\nshort: SCO\naliases: [Shanghai Five]\nkind: alliance\nfounded: 2001-06-15\nmembers: [china, russia]\nheadquarters: Beijing\nwikidata: Q485207\n---\n",
		want: &Organization{Doc: Doc{Kind: KindOrganization, ID: "sco", Path: "content/organizations/sco.md"},
			Name: "Shanghai Cooperation Organisation", Short: "SCO", Aliases: []string{"Shanghai Five"},
			Kind: "alliance", Founded: "2001-06-15", Members: []Ref{{ID: "china"}, {ID: "russia"}},
			Headquarters: "Beijing", Wikidata: "Q485207"},
	}, {
		path: "content/organizations/csto.md",
		toml: "+++\nname = \"CSTO\"\nfounded = 2002\n+++\n",
		yaml: "---\nname: CSTO\nfounded: 2002\n---\n",
		want: &Organization{Doc: Doc{Kind: KindOrganization, ID: "csto", Path: "content/organizations/csto.md"},
			Name: "CSTO", Founded: "2002"},
	}, {
		path: "content/organizations/un.md",
		toml: "+++\nname = \"UN\"\nfounded = \"1945\"\n+++\n",
		yaml: "---\nname: UN\nfounded: \"1945\"\n---\n",
		want: &Organization{Doc: Doc{Kind: KindOrganization, ID: "un", Path: "content/organizations/un.md"},
			Name: "UN", Founded: "1945"},
	}, {
		path: "content/events/csto-deploys.md",
		toml: "+++\ntitle = \"CSTO deploys\"\ndate = 2022-01-06\nend = \"2022-01-13\"\nactors = [\"tokayev\"]\norganizations = [\"csto\"]\nsources = [{title = \"S\"}]\n+++\nWhat happened.",
		yaml: "---\ntitle: CSTO deploys\ndate: 2022-01-06\nend: \"2022-01-13\"\nactors: [tokayev]\norganizations: [csto]\nsources: [{title: S}]\n---\nWhat happened.",
		want: &Event{Doc: Doc{Kind: KindEvent, ID: "csto-deploys", Path: "content/events/csto-deploys.md", Body: []byte("What happened.")},
			Title: "CSTO deploys", Date: day(2022, 1, 6), End: day(2022, 1, 13),
			Actors: []Ref{{ID: "tokayev"}}, Organizations: []Ref{{ID: "csto"}}, Sources: []Source{{Title: "S"}}},
	}}
	for _, tt := range tests {
		for name, src := range map[string]string{"toml": tt.toml, "yaml": tt.yaml} {
			t.Run(tt.path+"/"+name, func(t *testing.T) {
				got, diags := Parse(tt.path, []byte(src))
				if len(diags) > 0 {
					t.Fatalf("diagnostics:\n%v", diags)
				}
				if g := noPos(t, got); !reflect.DeepEqual(g, tt.want) {
					t.Errorf("got  %+v\nwant %+v", g, tt.want)
				}
			})
		}
	}
}

func TestBodyCRLFAndBOM(t *testing.T) {
	src := "\xef\xbb\xbf+++\r\ntitle = \"T\"\r\ndate = 2022-01-08\r\n+++\r\nline one\r\nline two\r\n"
	a, diags := ParseArticle("content/articles/x.md", []byte(src))
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%v", diags)
	}
	if string(a.Body) != "line one\nline two\n" || a.BodyLine != 5 {
		t.Errorf("Body %q at line %d, want %q at line 5", a.Body, a.BodyLine, "line one\nline two\n")
	}
	if a.Title != "T" || a.Keys["date"] != pos(3, 1) {
		t.Errorf("Title %q, date key at %v", a.Title, a.Keys["date"])
	}
	if a.Hash == 0 {
		t.Error("no Hash")
	}
	b, _ := ParseArticle("content/articles/x.md", []byte(strings.ReplaceAll(src, "two", "2")))
	if b.Hash == a.Hash {
		t.Error("different files have the same Hash")
	}
}

func TestParseKindFromPath(t *testing.T) {
	src := []byte("+++\nname = \"N\"\ntitle = \"T\"\ndate = 2022-01-08\n+++\n")
	for path, want := range map[string]string{
		"content/articles/a.md":           "*content.Article",
		"content/articles/sub/a.md":       "*content.Article",
		"content/actors/a.md":             "*content.Actor",
		"content/organizations/a.md":      "*content.Organization",
		"content/events/a.md":             "*content.Event",
		"content/other/a.md":              "<nil>",
		"articles/a.md":                   "<nil>",
		"content/a.md":                    "<nil>",
		"content/articles/Bad_Name.md":    "<nil>",
		"content/articles/..md":           "<nil>",
		"content/articles/a--b.md":        "<nil>",
		"content/organizations/sco-2.md":  "*content.Organization",
		"content/organizations/-sco-2.md": "<nil>",
	} {
		item, _ := Parse(path, src)
		if got := reflect.TypeOf(item); (got == nil && want != "<nil>") || (got != nil && got.String() != want) {
			t.Errorf("Parse(%q) = %v, want %s", path, got, want)
		}
	}
}

// A lone carriage return in YAML front matter is reported where an editor shows it.
func TestYAMLLoneCarriageReturn(t *testing.T) {
	_, diags := ParseArticle("content/articles/cr.md", []byte("---\n0: 0\r0\n---\n"))
	if len(diags) != 1 || diags[0].Pos.Line != 2 || diags[0].Pos.Col != 5 || !strings.Contains(diags[0].Msg, "carriage return") {
		t.Fatalf("got %v, want one error at line 2, column 5 about the carriage return", diags)
	}
}
