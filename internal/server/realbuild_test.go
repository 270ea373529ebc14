package server

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/internal/site"
	"github.com/dossier-dev/dossier/internal/testfiles"
)

// The tests in this file serve a copy of the bundled dossier (the
// repository's content/ and site.toml) through the real builder.

var (
	randomSeed  = flag.Uint64("seed", 1, "seed of TestIncrementalEqualsFullBuild's random edits")
	randomSteps = flag.Int("steps", 30, "number of random edits in TestIncrementalEqualsFullBuild")
)

// copyBundledSite copies the repository's site.toml and content/ into a
// temporary folder.
func copyBundledSite(t testing.TB) string {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src := os.DirFS(repo)
	for _, top := range []string{"site.toml", "content"} {
		err := fs.WalkDir(src, top, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(src, p)
			if err != nil {
				return err
			}
			writeFile(t, dir, p, string(data))
			return nil
		})
		if err != nil {
			t.Skipf("no bundled site to copy: %v", err)
		}
	}
	return dir
}

func realOptions(dir string) site.Options {
	return site.Options{Source: os.DirFS(dir), Preview: true}
}

// servedOptions are the options `dossier serve` builds with: lazy pages.
func servedOptions(dir string) site.Options {
	opts := realOptions(dir)
	opts.Lazy = true
	return opts
}

// resultFiles is every file of a build's result, rendering a lazy build's
// pages and side files.
func resultFiles(t *testing.T, res *site.Result) map[string][]byte {
	t.Helper()
	return testfiles.Read(t, res.Output)
}

// recordingBuilder keeps the last result of the builder it wraps.
type recordingBuilder struct {
	inner Builder
	mu    sync.Mutex
	last  *site.Result
}

func (r *recordingBuilder) Build(changed []string) (*site.Result, error) {
	res, err := r.inner.Build(changed)
	r.mu.Lock()
	r.last = res
	r.mu.Unlock()
	return res, err
}

func (r *recordingBuilder) result() *site.Result {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.last
}

// After every random edit (seeded: -seed, -steps), the site served by
// `dossier serve` (real watcher, real incremental builder) equals a fresh
// full build byte for byte, pages of deleted or renamed sources are gone,
// and a failing build fails with the same diagnostics.
func TestIncrementalEqualsFullBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("long")
	}
	dir := copyBundledSite(t)
	rb := &recordingBuilder{inner: site.New(servedOptions(dir))}
	ts := startServer(t, dir, rb, Options{quiet: 300 * time.Millisecond})
	if res := rb.result(); res == nil || res.Diags.HasErrors() {
		t.Fatalf("the bundled site does not build:\n%v", res.Diags)
	}
	rng := rand.New(rand.NewPCG(*randomSeed, 0))
	ed := &editor{t: t, dir: dir, rng: rng, stash: map[string][]byte{}}
	seen := map[string]bool{}
	for step := range *randomSteps {
		what := ed.randomEdit(step)
		ev := ts.nextBuild(t)
		t.Logf("step %d: %s (build ok=%v)", step, what, ev.ok)
		fresh, err := site.New(realOptions(dir)).Build(nil)
		if err != nil {
			t.Fatalf("step %d: fresh build: %v", step, err)
		}
		got := rb.result()
		if a, b := diagText(got), diagText(fresh); a != b {
			t.Fatalf("step %d (%s): incremental diagnostics\n%s\nfull build's\n%s", step, what, a, b)
		}
		if fresh.Diags.HasErrors() {
			t.Logf("\tfails as it should: %s", strings.SplitN(diagText(fresh), "\n", 2)[0])
			continue
		}
		if diff := diffFiles(resultFiles(t, got), testfiles.Read(t, fresh.Output)); diff != "" {
			t.Fatalf("step %d (%s): incremental build differs from a full build: %s", step, what, diff)
		}
		for name := range testfiles.Read(t, fresh.Output) {
			seen[name] = true
		}
		checkServed(t, ts, testfiles.Read(t, fresh.Output), seen, fmt.Sprintf("step %d (%s)", step, what))
	}
}

func diagText(res *site.Result) string {
	var b bytes.Buffer
	res.Diags.WriteText(&b)
	return b.String()
}

// diffFiles names the first difference between two outputs, or "".
func diffFiles(got, want map[string][]byte) string {
	var names []string
	for name := range want {
		names = append(names, name)
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			return "extra file " + name
		}
	}
	slices.Sort(names)
	for _, name := range names {
		if g, ok := got[name]; !ok {
			return "missing file " + name
		} else if !bytes.Equal(g, want[name]) {
			return "file " + name + " differs"
		}
	}
	return ""
}

// checkServed fetches every file of want from the server, and every file
// seen in earlier builds but not in want, which must be gone.
func checkServed(t *testing.T, ts *testServer, want map[string][]byte, seen map[string]bool, step string) {
	t.Helper()
	for name := range seen {
		rel := strings.TrimSuffix(name, "index.html")
		resp, err := http.Get(ts.url + rel)
		if err != nil {
			t.Fatalf("%s: GET %s: %v", step, rel, err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		raw, ok := want[name]
		switch {
		case !ok && resp.StatusCode != http.StatusNotFound:
			t.Fatalf("%s: %s is gone from the build but served with %d", step, name, resp.StatusCode)
		case ok && resp.StatusCode != http.StatusOK:
			t.Fatalf("%s: GET %s: %d", step, rel, resp.StatusCode)
		case ok && !bytes.Equal(body, servedForm(name, raw)):
			t.Fatalf("%s: %s served differs from the full build", step, name)
		}
	}
}

// servedForm is what the server sends for a build's file.
func servedForm(name string, raw []byte) []byte {
	if strings.HasPrefix(contentType(name, raw), "text/html") {
		return inject(raw, reloadTag(strings.Count(name, "/"), name, hashOf(raw)))
	}
	return raw
}

// editor makes random edits to a site on disk.
type editor struct {
	t     *testing.T
	dir   string
	rng   *rand.Rand
	stash map[string][]byte // files broken or deleted, to restore
}

var titleLine = regexp.MustCompile(`(?m)^(title|name)(\s*=\s*")([^"]*)"`)

// randomEdit makes one edit and says what it did.
func (e *editor) randomEdit(step int) string {
	if len(e.stash) > 0 && e.rng.IntN(3) == 0 {
		return e.restore()
	}
	switch e.rng.IntN(8) {
	case 0:
		p := e.pick("content/events", "content/actors", "content/organizations", "content/articles")
		e.write(p, string(e.read(p))+fmt.Sprintf("\nA sentence added at step %d.\n", step))
		return "append to " + p
	case 1:
		p := e.pick("content/events", "content/actors", "content/organizations")
		e.write(p, titleLine.ReplaceAllString(string(e.read(p)), fmt.Sprintf(`$1$2$3 (step %d)"`, step)))
		return "retitle " + p
	case 2:
		p := e.pick("content/events")
		e.stash[p] = e.read(p)
		must(e.t, os.Remove(filepath.Join(e.dir, p)))
		return "delete " + p
	case 3:
		p := e.pick("content/events")
		to := strings.TrimSuffix(p, ".md") + fmt.Sprintf("-r%d.md", step)
		must(e.t, os.Rename(filepath.Join(e.dir, p), filepath.Join(e.dir, to)))
		return "rename " + p + " to " + to
	case 4:
		p := fmt.Sprintf("content/articles/new-%d.md", step)
		e.write(p, fmt.Sprintf("+++\ntitle = \"New %d\"\ndate = 2022-01-%02d\n+++\nWang Yi and the CSTO, step %d.\n", step, 1+step%28, step))
		return "add " + p
	case 5:
		p := e.pick("content/events", "content/actors")
		if _, ok := e.stash[p]; !ok {
			e.stash[p] = e.read(p)
		}
		e.write(p, "+++\ntitle = \"unterminated\n+++\n")
		return "break " + p
	case 6:
		e.write("static/extra.css", fmt.Sprintf("/* step %d */ body { margin: %dpx; }\n", step, step))
		return "write static/extra.css"
	default:
		e.write("site.toml", titleLine.ReplaceAllString(string(e.read("site.toml")), fmt.Sprintf(`${1}${2}Dossier %d"`, step)))
		return "retitle site.toml"
	}
}

// restore puts back one stashed file.
func (e *editor) restore() string {
	names := make([]string, 0, len(e.stash))
	for p := range e.stash {
		names = append(names, p)
	}
	slices.Sort(names)
	p := names[e.rng.IntN(len(names))]
	e.write(p, string(e.stash[p]))
	delete(e.stash, p)
	return "restore " + p
}

// pick chooses a random Markdown file in one of the folders.
func (e *editor) pick(folders ...string) string {
	var all []string
	for _, f := range folders {
		entries, _ := os.ReadDir(filepath.Join(e.dir, f))
		for _, d := range entries {
			if strings.HasSuffix(d.Name(), ".md") {
				all = append(all, f+"/"+d.Name())
			}
		}
	}
	if len(all) == 0 {
		e.t.Fatalf("no files in %v", folders)
	}
	return all[e.rng.IntN(len(all))]
}

func (e *editor) read(p string) []byte {
	b, err := os.ReadFile(filepath.Join(e.dir, p))
	if err != nil {
		e.t.Fatal(err)
	}
	return b
}

func (e *editor) write(p, text string) { writeFile(e.t, e.dir, p, text) }
