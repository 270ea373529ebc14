package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// diagCases are files and every diagnostic each gives, as
// "pos: severity: [code] message | hint".
var diagCases = []struct {
	path, src string
	want      []string
}{
	{"content/articles/x.md", "Just text\n", []string{
		"content/articles/x.md:1:1: error: [syntax] no front matter | start the file with a line \"+++\", then keys such as title = \"…\", then a closing \"+++\" line (or \"---\" lines around YAML)",
	}},
	{"content/articles/x.md", "", []string{
		"content/articles/x.md:1:1: error: [syntax] no front matter | start the file with a line \"+++\", then keys such as title = \"…\", then a closing \"+++\" line (or \"---\" lines around YAML)",
	}},
	{"content/articles/x.md", "\ufeff", []string{
		"content/articles/x.md:1:1: error: [syntax] no front matter | start the file with a line \"+++\", then keys such as title = \"…\", then a closing \"+++\" line (or \"---\" lines around YAML)",
	}},
	{"content/articles/x.md", "+++\ntitle = \"x\"\n", []string{
		"content/articles/x.md:1:1: error: [syntax] front matter is not closed | end the front matter with a line \"+++\"",
	}},
	{"content/articles/x.md", "---\ntitle: x\n", []string{
		"content/articles/x.md:1:1: error: [syntax] front matter is not closed | end the front matter with a line \"---\"",
	}},
	{"content/articles/x.md", "+++\ntitle = \"x\ndate = 2022-01-08\n+++\n", []string{
		"content/articles/x.md:2:11: error: [syntax] TOML: strings cannot contain newlines | check the TOML near here: strings in quotes, tables as [name], lists as [a, b]",
	}},
	{"content/articles/x.md", "+++\ntitle = \"x\"\ndate = 2022-01-08\n[[claims]\n+++\n", []string{
		"content/articles/x.md:4:9: error: [syntax] TOML: expected end of table array name delimiter ']', but got '\\n' instead | check the TOML near here: strings in quotes, tables as [name], lists as [a, b]",
	}},
	{"content/articles/x.md", "+++\ntitle = \"x\"\ndate = 2022-01-08\ntitle = \"y\"\n+++\n", []string{
		"content/articles/x.md:4:1: error: [syntax] TOML: Key 'title' has already been defined. | check the TOML near here: strings in quotes, tables as [name], lists as [a, b]",
	}},
	{"content/articles/x.md", "+++\ntit\n+++\n", []string{
		"content/articles/x.md:2:4: error: [syntax] TOML: expected '.' or '=', but got '\\n' instead | check the TOML near here: strings in quotes, tables as [name], lists as [a, b]",
	}},
	{"content/articles/x.md", "---\ntitle: x\n\tdate: 2022-01-08\n---\n", []string{
		"content/articles/x.md:3:1: error: [syntax] YAML: found a tab character that violates indentation | check the YAML near here: indent with spaces, never tabs; quote values that contain \": \" or start with [ { * & ! | > ' \" % @",
	}},
	{"content/articles/x.md", "---\ntitle: é [\n  ü: x\n---\n", []string{
		"content/articles/x.md:3:5: error: [syntax] YAML: mapping values are not allowed in this context | check the YAML near here: indent with spaces, never tabs; quote values that contain \": \" or start with [ { * & ! | > ' \" % @",
	}},
	{"content/articles/x.md", "+++\n+++\n", []string{
		"content/articles/x.md:1:1: error: [missing] missing \"date\" | add date = 2022-01-08",
		"content/articles/x.md:1:1: error: [missing] missing \"title\" | add title = \"…\"",
	}},
	{"content/articles/x.md", "+++\ntitle = \"\"\ndate = \"yesterday\"\n+++\n", []string{
		"content/articles/x.md:2:1: error: [missing] missing \"title\" | add title = \"…\"",
		"content/articles/x.md:3:8: error: [bad-value] date: want a date, got \"yesterday\" | write a date such as 2022-01-08",
	}},
	{"content/articles/x.md", "---\ntitle:\ndate: yesterday\n---\n", []string{
		"content/articles/x.md:2:1: error: [missing] missing \"title\" | add title: \"…\"",
		"content/articles/x.md:3:7: error: [bad-value] date: want a date, got \"yesterday\" | write a date such as 2022-01-08",
	}},
	{"content/articles/x.md", "+++\ntitel = \"x\"\ndate = 2022-01-08\nzzz = 1\n[source]\nlink = \"u\"\n+++\n", []string{
		"content/articles/x.md:1:1: error: [missing] missing \"title\" | add title = \"…\"",
		"content/articles/x.md:2:1: warning: [unknown-key] unknown key \"titel\" | did you mean \"title\"?",
		"content/articles/x.md:4:1: warning: [unknown-key] unknown key \"zzz\" | remove it; the keys here are actors, claims, date, draft, language, organizations, quotes, source, summary, tags, title",
		"content/articles/x.md:6:1: warning: [unknown-key] unknown key \"source.link\" | did you mean \"kind\"?",
	}},
	{"content/articles/x.md", "+++\ntitle = \"x\"\ndate = 2022-01-08\n[[claims]]\ntxt = \"a\"\n[[claims]]\nid = \"Bad_Id\"\ntext = \"a\"\nstatus = \"false\"\n[[claims]]\nid = \"ok\"\ntext = \" \"\n[[claims]]\nid = \"ok\"\ntext = \"b\"\nstatus = \"true\"\n[[claims]]\nid = \"ok\"\ntext = \"c\"\nstatus = \"true\"\n[[quotes]]\nid = \"q\"\ntext = \"d\"\n+++\n", []string{
		"content/articles/x.md:4:1: error: [empty] claims.0: empty \"text\" | copy the exact words of the article body into text",
		"content/articles/x.md:4:1: error: [missing] claims.0: missing \"id\" | add id = \"a-short-id\"",
		"content/articles/x.md:4:1: error: [missing] claims.0: missing \"status\" | add status = \"misleading\"",
		"content/articles/x.md:5:1: warning: [unknown-key] unknown key \"claims.0.txt\" | did you mean \"text\"?",
		"content/articles/x.md:7:1: error: [bad-id] invalid claim id \"Bad_Id\" | use only a-z, 0-9 and \"-\", such as \"bad-id\"",
		"content/articles/x.md:10:1: error: [missing] claim \"ok\": missing \"status\" | add status = \"misleading\"",
		"content/articles/x.md:12:1: error: [empty] claim \"ok\": empty \"text\" | copy the exact words of the article body into text",
		"content/articles/x.md:18:1: error: [duplicate] claim id \"ok\" is used twice (first at line 14) | give each claim of an article its own id",
		"content/articles/x.md:21:1: error: [missing] quote \"q\": missing \"speaker\" | add speaker = \"an-actor-id\"",
	}},
	{"content/articles/x.md", "+++\ntitle = 5\ndate = 2022-01-08T10:00:00Z\ntags = \"sco\"\ndraft = \"yes\"\nsource = \"x\"\nclaims = \"x\"\nactors = [1, \"a\"]\nquotes = [1]\n+++\n", []string{
		"content/articles/x.md:2:9: error: [bad-value] title: want a string, got 5 | write a text in quotes, such as \"…\"",
		"content/articles/x.md:4:8: error: [bad-value] tags: want a list of strings, got \"sco\" | write a list such as [\"a\", \"b\"]",
		"content/articles/x.md:5:9: error: [bad-value] draft: want true or false, got \"yes\" | write true or false",
		"content/articles/x.md:6:10: error: [bad-value] source: want a table of keys, got \"x\" | write a [table] with key = value lines",
		"content/articles/x.md:7:10: error: [bad-value] claims: want a list of tables, got \"x\" | write one [[table]] per item",
		"content/articles/x.md:8:11: error: [bad-value] actors.0: want a string, got 1 | write a text in quotes, such as \"…\"",
		"content/articles/x.md:9:11: error: [bad-value] quotes.0: want a table of keys, got 1 | write a [table] with key = value lines",
	}},
	{"content/articles/Bad_Name.md", "+++\ntitle = \"x\"\ndate = 2022-01-08\n+++\n", []string{
		"content/articles/Bad_Name.md:1:1: error: [bad-id] invalid file name \"Bad_Name.md\" | rename it to \"bad-name.md\": a name uses only a-z, 0-9 and \"-\"",
	}},
	{"content/articles/_.md", "+++\ntitle = \"x\"\ndate = 2022-01-08\n+++\n", []string{
		"content/articles/_.md:1:1: error: [bad-id] invalid file name \"_.md\" | rename it to a name of a-z, 0-9 and \"-\" ending in .md",
	}},
	{"content/actors/a.md", "+++\nrole = \"x\"\n+++\n", []string{
		"content/actors/a.md:1:1: error: [missing] missing \"name\" | add name = \"…\"",
	}},
	{"content/events/a.md", "---\nend: 2022-01-08\n---\n", []string{
		"content/events/a.md:1:1: error: [missing] missing \"date\" | add date: 2022-01-08",
		"content/events/a.md:1:1: error: [missing] missing \"title\" | add title: \"…\"",
	}},
	{"content/organizations/a.md", "+++\nname = \"A\"\nfounded = \"June 2001\"\n+++\n", []string{
		"content/organizations/a.md:3:11: error: [bad-value] founded: want a year or a date, got \"June 2001\" | write a year such as 2001 or a date such as 2001-06-15",
	}},
	{"content/organizations/a.md", "+++\nname = \"A\"\nfounded = 20011\n+++\n", []string{
		"content/organizations/a.md:3:11: error: [bad-value] founded: want a year or a date, got 20011 | write a year such as 2001 or a date such as 2001-06-15",
	}},
	{"content/articles/x.md", "---\n- a\n- b\n---\n", []string{
		"content/articles/x.md:2:1: error: [syntax] YAML front matter must be a mapping of keys, not a list | write one key per line, such as title: \"…\"",
	}},
	{"content/articles/x.md", "---\ntitle: x\ndate: 2022-01-08\ntitle: y\n---\n", []string{
		"content/articles/x.md:4:1: error: [syntax] key \"title\" is written twice (first at line 2) | remove one of them",
	}},
	{"content/articles/x.md", "---\ntitle: &t x\ndate: 2022-01-08\nsummary: *t\n---\n", []string{
		"content/articles/x.md:4:10: error: [syntax] YAML alias *t is not supported in front matter | write the value out in full",
	}},
	{"content/articles/x.md", "---\ntitle: x\ndate: 2022-01-08\n? [a]\n: b\n---\n", []string{
		"content/articles/x.md:4:3: error: [syntax] YAML key must be a name, not a list | write keys as plain names, such as title",
	}},
	{"content/x.md", "+++\n+++\n", []string{
		"content/x.md: error: [bad-value] not a content file: content/x.md | put the file in content/articles, content/actors, content/organizations or content/events",
	}},
	{"content/events/a.md", "+++\ntitle = \"E\"\ndate = 2022-01-08\nend = 2022-01-07\n+++\n", []string{
		"content/events/a.md:4:1: error: [bad-value] end 2022-01-07 is before date 2022-01-08 | correct end, or swap it with date",
	}},
	{"content/events/a.md", "+++\ntitle = \"E\"\ndate = 07:32:00\n+++\n", []string{
		"content/events/a.md:3:8: error: [bad-value] date: want a date, got 07:32:00 | write a date such as 2022-01-08",
	}},
	{"content/actors/a.md", "+++\nname = 2022-01-08\nrole = 2022-01-08T10:00:00+01:00\n+++\n", []string{
		"content/actors/a.md:2:8: error: [bad-value] name: want a string, got 2022-01-08 | write a text in quotes, such as \"…\"",
		"content/actors/a.md:3:8: error: [bad-value] role: want a string, got 2022-01-08T10:00:00+01:00 | write a text in quotes, such as \"…\"",
	}},
}

func TestDiagnostics(t *testing.T) {
	for _, c := range diagCases {
		_, diags := Parse(c.path, []byte(c.src))
		var got []string
		for _, d := range diags {
			got = append(got, fmt.Sprintf("%v: %v: [%s] %s | %s", d.Pos, d.Severity, d.Code, d.Msg, d.Hint))
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s %q:\ngot\n\t%s\nwant\n\t%s", c.path, c.src, strings.Join(got, "\n\t"), strings.Join(c.want, "\n\t"))
		}
	}
}
