package content

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

func file(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }

const okArticle = "+++\ntitle = \"T\"\ndate = 2022-01-08\n+++\nBody.\n"

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/articles/b.md":             file(okArticle),
		"content/articles/a.md":             file("---\ntitle: A\ndate: 2022-01-09\n---\n"),
		"content/articles/2022/c.md":        file(okArticle),
		"content/articles/notes.txt":        file("x"),
		"content/articles/.draft.md":        file("broken"),
		"content/articles/b.md~":            file("broken"),
		"content/articles/.#b.md":           file("broken"),
		"content/articles/b.md.swp":         file("broken"),
		"content/articles/#b.md#":           file("broken"),
		"content/articles/.git/x.md":        file("broken"),
		"content/actors/zhang-ming.md":      file("+++\nname = \"Zhang Ming\"\n+++\n"),
		"content/actors/Bad_Name.md":        file("+++\nname = \"B\"\n+++\n"),
		"content/organizations/sco.md":      file("+++\nname = \"SCO\"\nfounded = 2001\n+++\n"),
		"content/organizations/csto.md":     file("+++\nname = \"CSTO\"\n+++\n"),
		"content/events/e1.md":              file("+++\ntitle = \"E\"\ndate = 2022-01-06\n+++\n"),
		"content/artciles/x.md":             file(okArticle),
		"content/misc/x.md":                 file(okArticle),
		"content/index.md":                  file(okArticle),
		"content/.DS_Store":                 file("x"),
		"content/organizations/broken.md":   file("+++\nname = \"x\n+++\n"),
		"content/organizations/no-front.md": file("Just text.\n"),
		"templates/page.html":               file("x"),
	}
	set, diags := Load(fsys)
	ids := func(n int, id func(int) string) []string {
		var out []string
		for i := range n {
			out = append(out, id(i))
		}
		return out
	}
	checkIDs(t, "articles", ids(len(set.Articles), func(i int) string { return set.Articles[i].ID }), "a", "b", "c")
	checkIDs(t, "actors", ids(len(set.Actors), func(i int) string { return set.Actors[i].ID }), "zhang-ming")
	checkIDs(t, "organizations", ids(len(set.Organizations), func(i int) string { return set.Organizations[i].ID }), "csto", "sco")
	checkIDs(t, "events", ids(len(set.Events), func(i int) string { return set.Events[i].ID }), "e1")
	if p := set.Articles[2].Path; p != "content/articles/2022/c.md" {
		t.Errorf("c's path = %q", p)
	}
	var got []string
	for _, d := range diags {
		got = append(got, fmt.Sprintf("%v: %v: [%s] %s | %s", d.Pos, d.Severity, d.Code, d.Msg, d.Hint))
	}
	want := []string{
		`content/actors/Bad_Name.md:1:1: error: [bad-id] invalid file name "Bad_Name.md" | rename it to "bad-name.md": a name uses only a-z, 0-9 and "-"`,
		`content/artciles: warning: [unknown-key] folder content/artciles is not read: not a kind of content | did you mean "articles"?`,
		`content/articles/notes.txt: warning: [unknown-key] file content/articles/notes.txt is not read: not a .md file | content files end in .md; put other files in static/`,
		`content/index.md: warning: [unknown-key] file content/index.md is not read: it is in no kind's folder | move it into content/articles, content/actors, content/organizations or content/events`,
		`content/misc: warning: [unknown-key] folder content/misc is not read: not a kind of content | content folders are articles, actors, organizations, events`,
		`content/organizations/broken.md:2:10: error: [syntax] TOML: strings cannot contain newlines | check the TOML near here: strings in quotes, tables as [name], lists as [a, b]`,
		`content/organizations/no-front.md:1:1: error: [syntax] no front matter | start the file with a line "+++", then keys such as title = "…", then a closing "+++" line (or "---" lines around YAML)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("diagnostics:\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func checkIDs(t *testing.T, kind string, got []string, want ...string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s = %v, want %v", kind, got, want)
	}
}

func TestLoadWithoutContent(t *testing.T) {
	set, diags := Load(fstest.MapFS{"site.toml": file("")})
	if len(diags) > 0 || len(set.Articles)+len(set.Actors)+len(set.Organizations)+len(set.Events) > 0 {
		t.Errorf("got %+v, %v", set, diags)
	}
}

func TestLoadManyFilesInOrder(t *testing.T) {
	fsys := fstest.MapFS{}
	for i := range 200 {
		fsys[fmt.Sprintf("content/actors/a%03d.md", 199-i)] = file(fmt.Sprintf("+++\nname = \"A %d\"\n+++\n", 199-i))
	}
	set, diags := Load(fsys)
	if len(diags) > 0 || len(set.Actors) != 200 {
		t.Fatalf("%d actors, %v", len(set.Actors), diags)
	}
	for i, a := range set.Actors {
		if want := fmt.Sprintf("a%03d", i); a.ID != want || a.Name != fmt.Sprintf("A %d", i) {
			t.Fatalf("actor %d = %s %q", i, a.ID, a.Name)
		}
	}
}

func TestSetAdd(t *testing.T) {
	var s Set
	s.Add(&Event{Doc: Doc{ID: "b"}})
	s.Add(&Event{Doc: Doc{ID: "a"}})
	s.Add(nil)
	s.Add((*Actor)(nil))
	s.Add("not an item")
	s.Add(&Article{})
	s.Add(&Actor{})
	s.Add(&Organization{})
	s.Sort()
	if len(s.Events) != 2 || s.Events[0].ID != "a" || len(s.Articles) != 1 || len(s.Actors) != 1 || len(s.Organizations) != 1 {
		t.Errorf("set = %+v", s)
	}
}

// Files that exist but do not parse are listed, by path, with the id their
// name gives (or will give, once renamed as the error says).
func TestLoadListsUnparsed(t *testing.T) {
	set, diags := Load(fstest.MapFS{
		"content/actors/zhang-ming.md":    file("+++\nname = \"Zhang Ming\n+++\n"),
		"content/organizations/sco.md":    file("---\nname: [SCO\n---\n"),
		"content/articles/ok.md":          file("+++\ntitle = \"OK\"\ndate = 2022-01-08\n+++\nBody.\n"),
		"content/articles/no-front.md":    file("Just text.\n"),
		"content/organizations/csto.md":   file("+++\nname = \"CSTO\"\n+++\n"),
		"content/events/also-unparsed.md": file("+++\ntitle = \n+++\n"),
		"content/actors/Wang_Yi.md":       file("+++\nname = \"Wang Yi\"\n+++\n"),
	})
	if !diags.HasErrors() {
		t.Fatal("no errors")
	}
	want := []Unparsed{
		{KindActor, "wang-yi", "content/actors/Wang_Yi.md"},
		{KindActor, "zhang-ming", "content/actors/zhang-ming.md"},
		{KindArticle, "no-front", "content/articles/no-front.md"},
		{KindEvent, "also-unparsed", "content/events/also-unparsed.md"},
		{KindOrganization, "sco", "content/organizations/sco.md"},
	}
	if !slices.Equal(set.Unparsed, want) {
		t.Errorf("unparsed:\n%v\nwant\n%v", set.Unparsed, want)
	}
	if len(set.Articles) != 1 || len(set.Organizations) != 1 {
		t.Errorf("parsed: %d articles, %d organizations", len(set.Articles), len(set.Organizations))
	}
}
