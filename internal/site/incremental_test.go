package site

import (
	"bytes"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/testfiles"
)

// TestRebuildEqualsFreshBuild edits a site step by step and checks, after
// each step, that the Builder's output equals a fresh build byte for byte,
// and that the graph was resolved again unless the step edited prose only,
// whether the builder keeps the ASTs or lets them go once converted.
func TestRebuildEqualsFreshBuild(t *testing.T) {
	for name, budget := range map[string]int{"held": keptASTBudget, "let-go": 0} {
		t.Run(name, func(t *testing.T) { testRebuildEqualsFreshBuild(t, budget) })
	}
}

func testRebuildEqualsFreshBuild(t *testing.T, budget int) {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	b := New(Options{Source: fsys})
	b.astBudget = budget
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
	// A step named here edits prose only, where no claim, quote or name
	// is found: the rebuild keeps the last graph. Every other step that
	// changes something resolves it again.
	keeps := map[string]bool{"nothing": true, "prose": true}
	appendTo := func(name, text string) func() {
		return func() { fsys[name] = &fstest.MapFile{Data: append(slices.Clone(fsys[name].Data), text...)} }
	}
	steps := []struct {
		name string
		do   func()
	}{
		{"nothing", func() {}},
		{"prose", appendTo("content/articles/sco-offer.md", "\nA paragraph of prose added at the end.\n")},
		{"prose naming an organization", appendTo("content/articles/sco-offer.md", "\nThe SCO said nothing more.\n")},
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
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	for _, step := range steps {
		step.do()
		last := b.resolved.d
		got, err := b.Build(nil)
		if err != nil {
			t.Fatal(err)
		}
		if kept := b.resolved.d == last; kept != keeps[step.name] {
			t.Errorf("%s: kept the last graph: %t, want %t", step.name, kept, keeps[step.name])
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
		wantFiles, gotFiles := testfiles.Read(t, want.Output), testfiles.Read(t, got.Output)
		for _, name := range slices.Sorted(maps.Keys(wantFiles)) {
			if !bytes.Equal(gotFiles[name], wantFiles[name]) {
				t.Errorf("after %q, %s differs from a fresh build:\n%s", step.name, name, firstDiff(string(wantFiles[name]), string(gotFiles[name])))
			}
		}
		for name := range gotFiles {
			if _, ok := wantFiles[name]; !ok {
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
	if strings.Contains(string(testfiles.Read(t, res.Output)["actors/wang-wenbin/index.html"]), "Speaker") {
		t.Error("a file outside the changed list was read again")
	}
	for _, changed := range [][]string{{name}, {"content/actors"}, {"content"}, nil} {
		b := New(Options{Source: fsys})
		b.Build(nil)
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[name].Data), "Speaker", "Spokesperson", 1))}
		res, _ := b.Build(changed)
		if !strings.Contains(string(testfiles.Read(t, res.Output)["actors/wang-wenbin/index.html"]), "Spokesperson") {
			t.Errorf("changed %v: the edit was missed", changed)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[name].Data), "Spokesperson", "Speaker", 1))}
	}
}

// walkCounter is a file system that counts the folders read under content/.
type walkCounter struct {
	fstest.MapFS
	reads int
}

func (w *walkCounter) ReadDir(name string) ([]fs.DirEntry, error) {
	if name == "content" || strings.HasPrefix(name, "content/") {
		w.reads++
	}
	return w.MapFS.ReadDir(name)
}

// TestChangedFilesSkipTheWalk: a rebuild for edited files lists content/
// from the last build, and walks it again when a file came or went.
func TestChangedFilesSkipTheWalk(t *testing.T) {
	fsys := &walkCounter{MapFS: loadSite(t, "testdata/golden/site.txtar")}
	b := New(Options{Source: fsys})
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	name, added := "content/actors/wang-wenbin.md", "content/articles/second.md"
	steps := []struct {
		name    string
		do      func()
		changed []string
		walks   bool
		page    string // a page the build must have
		text    string // what that page must say
		gone    string // a page it must not have
	}{
		{"edit", func() {
			fsys.MapFS[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys.MapFS[name].Data), "Spokesperson", "Speaker", 1))}
		}, []string{name}, false, "actors/wang-wenbin/index.html", "Speaker", ""},
		{"configuration", func() {}, []string{"site.toml"}, false, "actors/wang-wenbin/index.html", "Speaker", ""},
		{"new article", func() {
			fsys.MapFS[added] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Second\"\ndate = 2022-01-09\n+++\n\nText.\n")}
		}, []string{added}, true, "articles/second/index.html", "Second", ""},
		{"article removed", func() { delete(fsys.MapFS, added) }, []string{added}, true, "", "", "articles/second/index.html"},
		{"folder", func() {}, []string{"content/actors"}, true, "", "", ""},
		{"everything", func() {}, nil, true, "", "", ""},
	}
	for _, step := range steps {
		step.do()
		fsys.reads = 0
		res, err := b.Build(step.changed)
		if err != nil || res.Diags.HasErrors() {
			t.Fatalf("%s: %v %v", step.name, err, res.Diags)
		}
		if walked := fsys.reads > 0; walked != step.walks {
			t.Errorf("%s: walked content/: %t, want %t", step.name, walked, step.walks)
		}
		if page, ok := testfiles.Read(t, res.Output)[step.page]; step.page != "" && (!ok || !strings.Contains(string(page), step.text)) {
			t.Errorf("%s: %s is missing or does not say %q", step.name, step.page, step.text)
		}
		if _, ok := testfiles.Read(t, res.Output)[step.gone]; step.gone != "" && ok {
			t.Errorf("%s: %s is still there", step.name, step.gone)
		}
	}
}
