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
	if site.Language != "en" || site.Markdown.Mentions != MentionsFirst || len(site.Verdicts) != 6 || site.BasePath() != "/" {
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
