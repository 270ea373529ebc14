package server

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The watcher tests run every scenario against the real platform watcher and
// against the poller. The batching window is widened to 300 ms so that a burst
// written by the test is one batch even on a loaded machine.
func TestWatch(t *testing.T) {
	for _, mode := range []struct {
		name string
		poll bool
	}{{"notify", false}, {"poll", true}} {
		t.Run(mode.name, func(t *testing.T) {
			dir := newSite(t)
			ts := startServer(t, dir, newFakeBuilder(dir), Options{Poll: mode.poll, PollInterval: 20 * time.Millisecond, quiet: 300 * time.Millisecond})
			for _, sc := range watchScenarios {
				t.Run(sc.name, func(t *testing.T) { sc.run(t, ts) })
			}
		})
	}
}

var watchScenarios = []struct {
	name string
	run  func(t *testing.T, ts *testServer)
}{
	{"create", func(t *testing.T, ts *testServer) {
		writeFile(t, ts.dir, "content/articles/new.md", "A new article.\n")
		ts.expectBuild(t, "content/articles/new.md")
		ts.expectPage(t, "articles/new/", "A new article.")
	}},
	{"edit", func(t *testing.T, ts *testServer) {
		writeFile(t, ts.dir, "content/articles/new.md", "An edited article.\n")
		ts.expectBuild(t, "content/articles/new.md")
		ts.expectPage(t, "articles/new/", "An edited article.")
	}},
	{"rename-save-jetbrains", func(t *testing.T, ts *testServer) {
		p := filepath.Join(ts.dir, "content/articles/new.md")
		must(t, os.WriteFile(p+"___jb_tmp___", []byte("Saved safely.\n"), 0o644))
		must(t, os.Rename(p, p+"___jb_old___"))
		must(t, os.Rename(p+"___jb_tmp___", p))
		must(t, os.Remove(p+"___jb_old___"))
		ts.expectBuild(t, "content/articles/new.md")
		ts.expectPage(t, "articles/new/", "Saved safely.")
	}},
	{"rename-save-gnome", func(t *testing.T, ts *testServer) {
		p := filepath.Join(ts.dir, "content/articles/new.md")
		tmp := filepath.Join(ts.dir, "content/articles/.goutputstream-X1Y2Z3")
		must(t, os.WriteFile(tmp, []byte("Saved by gedit.\n"), 0o644))
		must(t, os.Rename(tmp, p))
		ts.expectBuild(t, "content/articles/new.md")
		ts.expectPage(t, "articles/new/", "Saved by gedit.")
	}},
	{"rename-save-vim", func(t *testing.T, ts *testServer) {
		// vim with backupcopy=no: the original becomes the backup, a new file is written.
		p := filepath.Join(ts.dir, "content/articles/new.md")
		must(t, os.WriteFile(filepath.Join(ts.dir, "content/articles/4913"), nil, 0o644))
		must(t, os.Remove(filepath.Join(ts.dir, "content/articles/4913")))
		must(t, os.Rename(p, p+"~"))
		must(t, os.WriteFile(p, []byte("Saved by vim.\n"), 0o644))
		must(t, os.Remove(p+"~"))
		ts.expectBuild(t, "content/articles/new.md")
		ts.expectPage(t, "articles/new/", "Saved by vim.")
	}},
	{"site.toml-replaced-twice", func(t *testing.T, ts *testServer) {
		for i := range 2 {
			p := filepath.Join(ts.dir, "site.toml")
			must(t, os.WriteFile(p+".tmp", fmt.Appendf(nil, "title = \"T%d\"\n", i), 0o644))
			must(t, os.Rename(p+".tmp", p))
			ts.expectBuild(t, "site.toml")
		}
	}},
	{"delete", func(t *testing.T, ts *testServer) {
		must(t, os.Remove(filepath.Join(ts.dir, "content/articles/new.md")))
		ts.expectBuild(t, "content/articles/new.md")
		if code, _ := ts.get(t, "articles/new/"); code != http.StatusNotFound {
			t.Errorf("deleted page: status %d, want 404", code)
		}
	}},
	{"new-folder", func(t *testing.T, ts *testServer) {
		writeFile(t, ts.dir, "content/events/2022/jan/riots.md", "Riots.\n")
		ts.expectBuild(t, "content/events/2022/jan/riots.md")
		ts.expectPage(t, "events/2022/jan/riots/", "Riots.")
		// the new folders are watched too
		writeFile(t, ts.dir, "content/events/2022/jan/riots.md", "Riots, edited.\n")
		ts.expectBuild(t, "content/events/2022/jan/riots.md")
	}},
	{"folder-moved-away", func(t *testing.T, ts *testServer) {
		must(t, os.Rename(filepath.Join(ts.dir, "content/events"), filepath.Join(ts.dir, "events-old")))
		ts.expectBuild(t, "content/events/2022/jan/riots.md")
		if code, _ := ts.get(t, "events/2022/jan/riots/"); code != http.StatusNotFound {
			t.Errorf("moved page: status %d, want 404", code)
		}
	}},
	{"editor-scratch-files-ignored", func(t *testing.T, ts *testServer) {
		d := filepath.Join(ts.dir, "content/articles")
		for _, name := range []string{
			".first.md.swp", ".first.md.swx", "first.md~", "#first.md#", ".#first.md", "4913",
			".DS_Store", "first.md___jb_tmp___", ".goutputstream-ABCDEF", "first.md.tmp", ".first.md.kate-swp",
		} {
			must(t, os.WriteFile(filepath.Join(d, name), []byte("x"), 0o644))
		}
		must(t, os.Chmod(filepath.Join(d, "first.md"), 0o600))
		writeFile(t, ts.dir, "content/sentinel.md", "after the scratch files\n")
		ts.expectBuild(t, "content/sentinel.md")
	}},
	{"burst-of-300", func(t *testing.T, ts *testServer) {
		var want []string
		for i := range 300 {
			rel := fmt.Sprintf("content/burst/b%03d.md", i)
			writeFile(t, ts.dir, rel, "burst\n")
			want = append(want, rel)
		}
		// A loaded machine may see the burst in two scans; each build holds
		// only burst files, and together they hold every one.
		ts.expectBuilds(t, want...)
		ts.expectPage(t, "burst/b299/", "burst")
	}},
}

// expectBuilds waits for builds until they have covered want, each for
// some of want and nothing else.
func (ts *testServer) expectBuilds(t *testing.T, want ...string) {
	t.Helper()
	left := map[string]bool{}
	for _, p := range want {
		left[p] = true
	}
	for n := 1; len(left) > 0; n++ {
		ev := ts.nextBuild(t)
		for _, p := range ev.changed {
			if !slices.Contains(want, p) {
				t.Fatalf("build %d for %s, which was not changed", n, p)
			}
			delete(left, p)
		}
	}
}

// expectBuild waits for the next build and checks it was for exactly want.
func (ts *testServer) expectBuild(t *testing.T, want ...string) {
	t.Helper()
	ev := ts.nextBuild(t)
	slices.Sort(want)
	if !slices.Equal(ev.changed, want) {
		t.Fatalf("build for %s\nwant %s", summarize(ev.changed), summarize(want))
	}
}

func summarize(paths []string) string {
	if len(paths) > 6 {
		return fmt.Sprintf("%d paths %v … %v", len(paths), paths[:3], paths[len(paths)-3:])
	}
	return fmt.Sprintf("%q", paths)
}

// expectPage checks that rel is served with text in it.
func (ts *testServer) expectPage(t *testing.T, rel, text string) {
	t.Helper()
	code, body := ts.get(t, rel)
	if code != http.StatusOK || !strings.Contains(body, text) {
		t.Fatalf("GET %s: %d, want 200 with %q; body:\n%s", rel, code, text, body)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
