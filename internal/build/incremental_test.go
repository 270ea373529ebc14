package build

import (
	"bytes"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestRebuildEqualsFreshBuild edits a site step by step and checks, after
// each step, that the Builder's output equals a fresh build byte for byte.
func TestRebuildEqualsFreshBuild(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	b := New(Options{Source: fsys})
	edit := func(name, old, new string) func() {
		return func() {
			f := fsys[name]
			if !strings.Contains(string(f.Data), old) {
				t.Fatalf("%s has no %q", name, old)
			}
			fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(f.Data), old, new, 1))}
		}
	}
	second := func(claimID string) func() {
		return func() {
			fsys["content/articles/second.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Second\"\ndate = 2022-01-09\n\n" +
				"[[claims]]\nid = \"" + claimID + "\"\ntext = \"met again\"\nclaimant = \"article\"\nstatus = \"false\"\nexplanation = \"Moved *here*.\"\n" +
				"+++\n\nThe SCO met again with Wang.\n")}
		}
	}
	// A step named here makes a build that fails: the next one must
	// still equal a fresh build.
	fails := map[string]bool{"duplicate claim id": true}
	steps := []struct {
		name string
		do   func()
	}{
		{"nothing", func() {}},
		{"claim status", edit("content/articles/sco-offer.md", `status = "misleading"`, `status = "false"`)},
		{"actor role", edit("content/actors/wang-wenbin.md", `role = "Spokesperson"`, `role = "Foreign ministry spokesperson"`)},
		{"actor name", edit("content/actors/wang-wenbin.md", `name = "Wang Wenbin"`, `name = "Wang W."`)},
		{"new article mentioning the SCO", func() {
			fsys["content/articles/second.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Second\"\ndate = 2022-01-09\n+++\n\nThe SCO met again.\n")}
		}},
		{"article text", edit("content/articles/second.md", "met again", "met again with Wang")},
		{"claim moved to another article", func() {
			edit("content/articles/sco-offer.md", `id = "sco-formed-by-china"`, `id = "sco-formed-in-2001"`)()
			second("sco-formed-by-china")()
		}},
		{"duplicate claim id", second("wang-outside-forces")},
		{"duplicate fixed", second("sco-met-again")},
		{"organization kind", edit("content/organizations/sco.md", `kind = "alliance"`, `kind = "bloc"`)},
		{"event date", edit("content/events/protests.md", "date = 2022-01-02", "date = 2022-01-03")},
		{"remove article", func() { delete(fsys, "content/articles/second.md") }},
		{"quote via removed", edit("content/articles/sco-offer.md", `via = "sco"`, ``)},
		{"config", func() {
			fsys["site.toml"] = &fstest.MapFile{Data: append(fsys["site.toml"].Data, []byte("\n[markdown]\nmentions = \"all\"\n")...)}
		}},
	}
	for _, step := range steps {
		step.do()
		got, err := b.Build(nil)
		if err != nil {
			t.Fatal(err)
		}
		want, err := Build(Options{Source: fsys})
		if err != nil {
			t.Fatal(err)
		}
		if fails[step.name] {
			if !got.Diags.HasErrors() || !want.Diags.HasErrors() {
				t.Fatalf("%s: want the build to fail: %v / %v", step.name, got.Diags, want.Diags)
			}
			continue
		}
		if got.Diags.HasErrors() || want.Diags.HasErrors() {
			t.Fatalf("%s: build failed: %v / %v", step.name, got.Diags, want.Diags)
		}
		for _, name := range slices.Sorted(maps.Keys(want.Files)) {
			if !bytes.Equal(got.Files[name], want.Files[name]) {
				t.Errorf("after %q, %s differs from a fresh build:\n%s", step.name, name, firstDiff(string(want.Files[name]), string(got.Files[name])))
			}
		}
		for name := range got.Files {
			if _, ok := want.Files[name]; !ok {
				t.Errorf("after %q, the rebuild still has %s", step.name, name)
			}
		}
	}
}

// TestChangedListSkipsReading: files the caller says did not change are not
// read again, and a changed folder counts for every file in it.
func TestChangedListSkipsReading(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	b := New(Options{Source: fsys})
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	name := "content/actors/wang-wenbin.md"
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[name].Data), "Spokesperson", "Speaker", 1))}
	res, _ := b.Build([]string{"content/events/protests.md"})
	if strings.Contains(string(res.Files["actors/wang-wenbin/index.html"]), "Speaker") {
		t.Error("a file outside the changed list was read again")
	}
	for _, changed := range [][]string{{name}, {"content/actors"}, {"content"}, nil} {
		b := New(Options{Source: fsys})
		b.Build(nil)
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[name].Data), "Speaker", "Spokesperson", 1))}
		res, _ := b.Build(changed)
		if !strings.Contains(string(res.Files["actors/wang-wenbin/index.html"]), "Spokesperson") {
			t.Errorf("changed %v: the edit was missed", changed)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[name].Data), "Spokesperson", "Speaker", 1))}
	}
}
