package content

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// fieldsTOML and fieldsYAML write the fact-checking fields of the content
// model (restatement, anchoring in the title, staff, source kinds, quotes
// and archives, the original publisher, the corrections log, quotes'
// paraphrase and original words) the two ways.
const fieldsTOML = `+++
title    = "A headline"
date     = 2022-01-08
language = "ru"

[source]
publisher = "Mirror Site"
url       = "https://example.org/copy"
archived  = "https://archive.example/copy"
kind      = "mirror"
  [source.original]
  publisher = "First Wire"
  url       = "https://example.org/first"
  date      = 2022-01-07

[[claims]]
id         = "headline"
text       = "A headline"
in         = "title"
claim      = "A headline is right."
status     = "false"
checked    = 2026-11-26
checked_by = ["a-editor", "b-editor"]
  [[claims.sources]]
  title    = "Charter"
  url      = "https://example.org/charter"
  kind     = "other"
  note     = "a leaflet"
  quote    = "founded on 15 June 2001"
  archived = "https://archive.example/charter"
  [[claims.updates]]
  date = 2026-12-01
  note = "Added the charter."
  [[claims.updates]]
  date = 2026-12-02
  note = "New evidence."
  from = "unverified"

[[quotes]]
id         = "q"
speaker    = "wang-wenbin"
text       = "outside forces"
paraphrase = true
original   = "外部势力"
language   = "zh"
+++
Outside forces.
`

const fieldsYAML = `---
title: A headline
date: 2022-01-08
language: ru
source:
  publisher: Mirror Site
  url: https://example.org/copy
  archived: https://archive.example/copy
  kind: mirror
  original:
    publisher: First Wire
    url: https://example.org/first
    date: 2022-01-07
claims:
  - id: headline
    text: A headline
    in: title
    claim: A headline is right.
    status: "false"
    checked: 2026-11-26
    checked_by: [a-editor, b-editor]
    sources:
      - title: Charter
        url: https://example.org/charter
        kind: other
        note: a leaflet
        quote: founded on 15 June 2001
        archived: https://archive.example/charter
    updates:
      - date: 2026-12-01
        note: Added the charter.
      - date: 2026-12-02
        note: New evidence.
        from: unverified
quotes:
  - id: q
    speaker: wang-wenbin
    text: outside forces
    paraphrase: true
    original: 外部势力
    language: zh
---
Outside forces.
`

func wantFields() *Article {
	return &Article{
		Doc:   Doc{Kind: KindArticle, ID: "x", Path: "content/articles/x.md", Body: []byte("Outside forces.\n")},
		Title: "A headline", Date: day(2022, 1, 8), Language: "ru",
		Source: Source{Publisher: "Mirror Site", URL: "https://example.org/copy",
			Archived: "https://archive.example/copy", Kind: SourceMirror,
			Original: &Origin{Publisher: "First Wire", URL: "https://example.org/first", Date: day(2022, 1, 7)}},
		Claims: []Claim{{
			ID: "headline", Text: "A headline", In: InTitle, Restatement: "A headline is right.",
			Status: Ref{ID: "false"}, Checked: day(2026, 11, 26),
			CheckedBy: []Ref{{ID: "a-editor"}, {ID: "b-editor"}},
			Sources: []Source{{Title: "Charter", URL: "https://example.org/charter", Kind: SourceOther,
				Note: "a leaflet", Quote: "founded on 15 June 2001", Archived: "https://archive.example/charter"}},
			Updates: []Update{
				{Date: day(2026, 12, 1), Note: "Added the charter."},
				{Date: day(2026, 12, 2), Note: "New evidence.", From: Ref{ID: "unverified"}},
			},
		}},
		Quotes: []Quote{{ID: "q", Speaker: Ref{ID: "wang-wenbin"}, Text: "outside forces",
			Paraphrase: true, Original: "外部势力", Language: "zh"}},
	}
}

func TestFieldsTOMLAndYAMLAgree(t *testing.T) {
	want := wantFields()
	for name, src := range map[string]string{"toml": fieldsTOML, "yaml": fieldsYAML} {
		t.Run(name, func(t *testing.T) {
			got, diags := ParseArticle("content/articles/x.md", []byte(src))
			if len(diags) > 0 {
				t.Fatalf("diagnostics:\n%v", diags)
			}
			if g := noPos(t, got); !reflect.DeepEqual(g, want) {
				t.Errorf("got  %+v\nwant %+v", g, want)
			}
		})
	}
}

// TestFieldsPositions checks the positions a source carries itself, which
// the link checker reports at: its table, its url and its archived copy.
func TestFieldsPositions(t *testing.T) {
	for name, c := range map[string]struct {
		src  string
		want []string
	}{
		"toml": {fieldsTOML, []string{"6:1", "8:13", "9:13", "11:3", "13:15", "24:3", "26:14", "30:14", "31:3", "34:3"}},
		"yaml": {fieldsYAML, []string{"6:3", "7:8", "8:13", "11:5", "12:10", "23:9", "24:14", "28:19", "30:9", "32:9"}},
	} {
		a, diags := ParseArticle("content/articles/x.md", []byte(c.src))
		if len(diags) > 0 || a == nil {
			t.Fatalf("%s: %v", name, diags)
		}
		s, cl := a.Source, a.Claims[0]
		got := []string{s.Pos.String(), s.URLPos.String(), s.ArchivedPos.String(),
			s.Original.Pos.String(), s.Original.URLPos.String(),
			cl.Sources[0].Pos.String(), cl.Sources[0].URLPos.String(), cl.Sources[0].ArchivedPos.String(),
			cl.Updates[0].Pos.String(), cl.Updates[1].Pos.String()}
		for i := range got {
			got[i] = strings.TrimPrefix(got[i], "content/articles/x.md:")
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: positions\n got  %v\n want %v", name, got, c.want)
		}
	}
}

// fieldDiagCases are the diagnostics of the fact-checking fields.
var fieldDiagCases = []struct {
	src  string
	want []string
}{
	{"+++\ntitle = \"x\"\ndate = 2022-01-08\nlanguage = \"Russian\"\n[source]\nkind = \"state media\"\n[[claims]]\nid = \"c\"\ntext = \"x\"\nstatus = \"false\"\nin = \"headline\"\nchecked_by = \"a\"\n  [[claims.sources]]\n  kind = \"other\"\n  url = \"https://example.org\"\n+++\nx\n", []string{
		"content/articles/x.md:4:12: error: [bad-value] language: \"Russian\" is not a language tag | write a language tag such as \"en\", \"ru\" or \"zh-Hant\"",
		"content/articles/x.md:6:8: error: [bad-value] source.kind: \"state media\" is not one of official, primary, wire, news, state-media, partisan, advocacy, aggregator, content-farm, mirror, reference, unknown, other | did you mean \"state-media\"?",
		"content/articles/x.md:11:6: error: [bad-value] claims.0.in: \"headline\" is not one of body, title | use one of \"body\", \"title\"",
		"content/articles/x.md:12:14: error: [bad-value] claims.0.checked_by: want a list of strings, got \"a\" | write a list such as [\"a\", \"b\"]",
		"content/articles/x.md:14:3: error: [kind-note] claims.0.sources.0: kind \"other\" needs a note saying what the source is | add note = \"…\" saying what the source is, or use one of the listed kinds",
	}},
	{"+++\ntitle = \"x\"\ndate = 2022-01-08\n[[claims]]\nid = \"c\"\ntext = \"x\"\nstatus = \"false\"\nchecked = 2026-11-26\n  [[claims.updates]]\n  date = 2026-11-20\n  note = \"early\"\n  [[claims.updates]]\n  from = \"true\"\n  [[claims.updates]]\n  date = 2026-11-26\n  note = \"same day\"\n  by = \"x\"\n[[quotes]]\nid = \"q\"\nspeaker = \"s\"\ntext = \"x\"\nparaphrase = \"yes\"\n+++\nx\n", []string{
		"content/articles/x.md:10:3: error: [update-date] claim \"c\": update dated 2026-11-20, before the claim was checked (2026-11-26) | correct the update's date: checked (2026-11-26) is when the claim was first checked",
		"content/articles/x.md:12:3: error: [missing] claims.0.updates.1: missing \"date\" | add date = 2026-12-01",
		"content/articles/x.md:12:3: error: [missing] claims.0.updates.1: missing \"note\" | add note = \"what changed and why\"",
		"content/articles/x.md:17:3: warning: [unknown-key] unknown key \"claims.0.updates.2.by\" | remove it; the keys here are date, from, note",
		"content/articles/x.md:22:14: error: [bad-value] quotes.0.paraphrase: want true or false, got \"yes\" | write true or false",
	}},
	{"---\ntitle: x\ndate: 2022-01-08\nsource:\n  kind: wir\n  original:\n    link: u\nclaims:\n  - id: c\n    text: x\n    status: \"false\"\n    sources:\n      - kind: other\n---\nx\n", []string{
		"content/articles/x.md:5:9: error: [bad-value] source.kind: \"wir\" is not one of official, primary, wire, news, state-media, partisan, advocacy, aggregator, content-farm, mirror, reference, unknown, other | did you mean \"wire\"?",
		"content/articles/x.md:7:5: warning: [unknown-key] unknown key \"source.original.link\" | remove it; the keys here are date, publisher, url",
		"content/articles/x.md:13:9: error: [kind-note] claims.0.sources.0: kind \"other\" needs a note saying what the source is | add note = \"…\" saying what the source is, or use one of the listed kinds",
	}},
	{"+++\nname = \"A\"\n[[sources]]\nkind = \"wire\"\noriginal = {url = \"u\"}\n+++\n", []string{
		"content/actors/x.md:5:1: warning: [unknown-key] unknown key \"sources.0.original\" | remove it; the keys here are archived, date, kind, note, publisher, quote, title, url",
	}},
}

func TestFieldDiagnostics(t *testing.T) {
	for _, c := range fieldDiagCases {
		path := "content/articles/x.md"
		if strings.Contains(c.src, "name = ") {
			path = "content/actors/x.md"
		}
		_, diags := Parse(path, []byte(c.src))
		var got []string
		for _, d := range diags {
			got = append(got, fmt.Sprintf("%v: %v: [%s] %s | %s", d.Pos, d.Severity, d.Code, d.Msg, d.Hint))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q:\ngot\n\t%s\nwant\n\t%s", c.src, strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
		}
	}
}
