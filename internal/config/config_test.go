package config

import (
	"strings"
	"testing"
	"testing/fstest"
)

func load(t *testing.T, src string) (*Site, []string) {
	t.Helper()
	site, diags := Load(fstest.MapFS{FileName: {Data: []byte(src)}}, FileName)
	var msgs []string
	for _, d := range diags {
		msgs = append(msgs, d.String())
	}
	return site, msgs
}

func TestMissingFileGivesDefaults(t *testing.T) {
	site, diags := Load(fstest.MapFS{}, FileName)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	if site.Language != "en" || site.Markdown.Mentions != MentionsFirst || len(site.Verdicts) != 7 || site.BasePath() != "/" {
		t.Errorf("defaults: %+v", site)
	}
}

func TestScaleReplacesDefaults(t *testing.T) {
	site, msgs := load(t, `
title = "T"
baseURL = "https://example.github.io/kz-dossier"
[[verdicts]]
id = "right"
label = "Right"
rating = 5
[[verdicts]]
id = "wrong"
label = "Wrong"
rating = 1
`)
	if len(msgs) != 0 {
		t.Fatal(msgs)
	}
	if got := strings.Join(site.VerdictIDs(), ","); got != "right,wrong" {
		t.Errorf("scale %s", got)
	}
	if site.BasePath() != "/kz-dossier/" {
		t.Errorf("base path %q", site.BasePath())
	}
	if _, ok := site.Verdict("false"); ok {
		t.Error("the default scale leaked into a replaced one")
	}
}

func TestDiagnostics(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"syntax", "title = \"x\n", "site.toml:1:"},
		{"unknown key", "titel = \"x\"\n", `site.toml:1:1: warning: unknown key "titel" in site.toml` + "\n\thint: did you mean \"title\"?"},
		{"mentions", "[markdown]\nmentions = \"some\"\n", `site.toml:2:1: error: markdown.mentions is "some"`},
		{"bad id", "[[verdicts]]\nid = \"Bad Id\"\nlabel = \"x\"\n", `site.toml:2:1: error: verdict id "Bad Id" is not a valid id`},
		{"duplicate", "[[verdicts]]\nid = \"a\"\nlabel = \"A\"\n[[verdicts]]\nid = \"a\"\nlabel = \"B\"\n", `verdict "a" is defined twice`},
		{"color", "[[verdicts]]\nid = \"a\"\nlabel = \"A\"\ncolor = \"red\"\n", `color "red" is not a hex colour`},
		{"rating", "[[verdicts]]\nid = \"a\"\nlabel = \"A\"\nrating = 9\n", `rating 9 is out of range`},
		{"base", "baseURL = \"ftp://x/\"\n", `baseURL "ftp://x/" is not an http(s) URL or a path`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, msgs := load(t, tc.src)
			if !strings.Contains(strings.Join(msgs, "\n"), tc.want) {
				t.Errorf("diagnostics %q do not contain %q", msgs, tc.want)
			}
		})
	}
}

func TestFactCheckKeys(t *testing.T) {
	site, msgs := load(t, `
pageSize = 20
[publisher]
name = "Desk"
corrections = "mailto:fix@example.org"
[strings]
claims = "Fact-checks"
[[staff]]
id = "a-editor"
name = "A. Editor"
role = "Editor"
[[staff]]
id = "desk"
name = "The desk"
kind = "organization"
url = "https://example.org/desk"
[[verdicts]]
id = "right"
label = "Right"
short = "R"
rating = 5
[[verdicts]]
id = "opinion"
label = "Opinion"
rated = false
`)
	if len(msgs) != 0 {
		t.Fatal(msgs)
	}
	if site.PageSize != 20 || site.Strings["claims"] != "Fact-checks" || site.Publisher.Corrections != "mailto:fix@example.org" {
		t.Errorf("site %+v", site)
	}
	if m, ok := site.StaffMember("a-editor"); !ok || m.Kind != StaffPerson || m.Role != "Editor" {
		t.Errorf("a-editor: %+v", m)
	}
	if m, ok := site.StaffMember("desk"); !ok || m.Kind != StaffOrganization || m.URL == "" {
		t.Errorf("desk: %+v", m)
	}
	right, _ := site.Verdict("right")
	opinion, _ := site.Verdict("opinion")
	if !right.Rated || right.ShortLabel() != "R" || opinion.Rated || opinion.ShortLabel() != "Opinion" {
		t.Errorf("verdicts %+v %+v", right, opinion)
	}
	if p := site.Pos("publisher.corrections"); p.Line != 5 {
		t.Errorf("publisher.corrections at %v", p)
	}
	if p := site.Pos("publisher"); p.Line != 3 {
		t.Errorf("publisher at %v", p)
	}
	if p := site.Pos("baseURL"); p.Line != 0 || p.File != FileName {
		t.Errorf("baseURL at %v", p)
	}
}

func TestDefaultScaleNotRated(t *testing.T) {
	v, ok := Default().Verdict(NotRated)
	if !ok || v.Rated || v.Rating != 0 || v.Label != "Not rated" {
		t.Errorf("not-rated: %+v", v)
	}
	for _, v := range DefaultVerdicts() {
		if v.ID != NotRated && !v.Rated {
			t.Errorf("%s is not rated", v.ID)
		}
	}
}

func TestFactCheckDiagnostics(t *testing.T) {
	for _, tc := range []struct{ name, src, want string }{
		{"staff id", "[[staff]]\nid = \"A B\"\nname = \"x\"\n", `site.toml:1:1: error: staff id "A B" is not a valid id`},
		{"staff twice", "[[staff]]\nid = \"a\"\nname = \"x\"\n[[staff]]\nid = \"a\"\nname = \"y\"\n", `site.toml:4:1: error: staff member "a" is defined twice`},
		{"staff name", "[[staff]]\nid = \"a\"\n", `site.toml:1:1: error: staff member "a" has no name`},
		{"staff kind", "[[staff]]\nid = \"a\"\nname = \"x\"\nkind = \"persn\"\n", `staff member "a": kind "persn"` + "\n\thint: use \"person\" or \"organization\"; did you mean \"person\"?"},
		{"staff url", "[[staff]]\nid = \"a\"\nname = \"x\"\nurl = \"example.org\"\n", `url "example.org" is not an http(s) URL`},
		{"corrections", "[publisher]\ncorrections = \"fix@example.org\"\n", `site.toml:2:1: error: publisher.corrections "fix@example.org" is not a mailto: or http(s) URL`},
		{"publisher url", "[publisher]\nname = \"x\"\nurl = \"/about\"\n", `site.toml:3:1: error: publisher.url "/about" is not an http(s) URL`},
		{"page size", "pageSize = 0\n", `site.toml:1:1: error: pageSize 0 is not a positive number`},
		{"rated rating", "[[verdicts]]\nid = \"a\"\nlabel = \"A\"\nrated = false\nrating = 2\n", `verdict "a": rated = false, but rating = 2`},
		{"unknown", "[[staff]]\nid = \"a\"\nname = \"x\"\nrol = \"Editor\"\n", `unknown key "staff.rol" in site.toml` + "\n\thint: did you mean \"role\"?"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, msgs := load(t, tc.src)
			if !strings.Contains(strings.Join(msgs, "\n"), tc.want) {
				t.Errorf("diagnostics %q do not contain %q", msgs, tc.want)
			}
		})
	}
}

func TestEntryPos(t *testing.T) {
	site, _ := load(t, "[[staff]]\nid = \"a\"\nname = \"A\"\n[[staff]]\nid = \"b\"\nname = \"B\"\nurl = \"https://example.org/b\"\n[markdown]\nurl = \"x\"\n")
	for _, c := range []struct {
		i    int
		key  string
		line int
	}{{0, "", 1}, {1, "", 4}, {1, "url", 7}, {0, "url", 1}, {1, "name", 6}, {2, "", 0}} {
		if got := site.EntryPos("staff", c.i, c.key); got.Line != c.line {
			t.Errorf("EntryPos(staff, %d, %q) = %v, want line %d", c.i, c.key, got, c.line)
		}
	}
}

// TestCardsSwitch: share cards are on unless [cards] enabled = false.
func TestCardsSwitch(t *testing.T) {
	for src, want := range map[string]bool{
		`title = "T"`:                       true,
		"[cards]\nenabled = true":           true,
		"[cards]\nenabled = false":          false,
		"title = \"T\"\n[cards]\n# nothing": true,
	} {
		site, msgs := load(t, src)
		if len(msgs) != 0 {
			t.Fatal(src, msgs)
		}
		if site.Cards.Enabled != want {
			t.Errorf("%q: cards enabled %v, want %v", src, site.Cards.Enabled, want)
		}
	}
}
