package site

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-dev/dossier/internal/render"
	"github.com/dossier-dev/dossier/internal/testfiles"
)

// TestPublishWritesWhatBuildMakes checks the one-shot build that `dossier
// build` writes out against the kept build, file by file: a one-shot render
// hands each page's bytes to the writer and keeps nothing, and drops
// sources and bodies as it goes, none of which may show in the output.
func TestPublishWritesWhatBuildMakes(t *testing.T) {
	for name, src := range map[string]string{"bundled": repoRoot, "generated": generated(t, 60, 3)} {
		t.Run(name, func(t *testing.T) {
			opts := Options{Source: os.DirFS(src)}
			res, err := Build(opts)
			if err != nil || res.Diags.HasErrors() {
				t.Fatal(err, res.Diags)
			}
			out := filepath.Join(t.TempDir(), "public")
			pub, err := Publish(opts, out, src)
			if err != nil || pub.Diags.HasErrors() {
				t.Fatal(err, pub.Diags)
			}
			written := map[string][]byte{}
			err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(out, p)
				b, err := os.ReadFile(p)
				written[filepath.ToSlash(rel)] = b
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			built := testfiles.Read(t, res.Output)
			for name, want := range built {
				if got, ok := written[name]; !ok {
					t.Errorf("%s: built but not written", name)
				} else if !bytes.Equal(got, want) {
					t.Errorf("%s: written bytes differ from the built ones (%d bytes against %d)", name, len(got), len(want))
				}
			}
			for name := range written {
				if _, ok := built[name]; !ok && name != ManifestName {
					t.Errorf("%s: written but not built", name)
				}
			}
			if pub.Count != len(built) {
				t.Errorf("Publish wrote %d files, Build made %d", pub.Count, len(built))
			}
		})
	}
}

// TestOneShotKeepsNothing: the output of the one-shot build that Publish
// writes does not keep the site in memory: each page and each file made
// from the whole dossier can be read once, a second read fails with
// render.ErrReadOnce, and the bytes read are a kept build's, whether its
// ASTs were held from parsing to converting or parsed again.
func TestOneShotKeepsNothing(t *testing.T) {
	opts := Options{Source: os.DirFS(generated(t, 30, 3))}
	res, err := Build(opts)
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	built := testfiles.Read(t, res.Output)
	for name, budget := range map[string]int{"held": keptASTBudget, "parsed-again": 0} {
		t.Run(name, func(t *testing.T) {
			b := New(opts)
			b.astBudget = budget
			checkOneShot(t, b, built)
		})
	}
}

// checkOneShot reads every file of b's one-shot build twice and compares
// the first read with built.
func checkOneShot(t *testing.T, b *Builder, built map[string][]byte) {
	once, err := b.buildOnce()
	if err != nil || once.Diags.HasErrors() {
		t.Fatal(err, once.Diags)
	}
	static := map[string]bool{}
	for _, name := range once.Output.Static() {
		static[name] = true
	}
	seen := map[string]bool{}
	check := func(name string) {
		t.Helper()
		seen[name] = true
		got, err := once.Output.ReadFile(name)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			return
		}
		if want, ok := built[name]; !ok {
			t.Errorf("%s: in the one-shot output, not in the kept one", name)
		} else if !bytes.Equal(got, want) {
			t.Errorf("%s: the one-shot bytes differ from the kept build's (%d bytes against %d)", name, len(got), len(want))
		}
		_, err = once.Output.ReadFile(name)
		switch {
		case static[name]:
			if err != nil {
				t.Errorf("%s: a static file's second read: %v", name, err)
			}
		case !errors.Is(err, render.ErrReadOnce):
			t.Errorf("%s: a second read gave %v, want %v", name, err, render.ErrReadOnce)
		}
	}
	pages := once.Output.Pages()
	if len(pages) == 0 {
		t.Fatal("no pages")
	}
	for _, name := range pages {
		check(name)
	}
	err = fs.WalkDir(once.Output, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !seen[name] {
			check(name)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name := range built {
		if !seen[name] {
			t.Errorf("%s: in the kept output, not in the one-shot one", name)
		}
	}
}
