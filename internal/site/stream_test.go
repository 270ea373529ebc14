package site

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestPublishWritesWhatBuildMakes checks the streaming build that `dossier
// build` runs against the in-memory build, file by file: a one-shot render
// lends each page's buffer to the writer and reuses it for the next page,
// and drops sources and bodies as it goes, none of which may show in the
// output.
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
			for name, want := range res.Files {
				if got, ok := written[name]; !ok {
					t.Errorf("%s: built but not written", name)
				} else if !bytes.Equal(got, want) {
					t.Errorf("%s: written bytes differ from the built ones (%d bytes against %d)", name, len(got), len(want))
				}
			}
			for name := range written {
				if _, ok := res.Files[name]; !ok && name != ManifestName {
					t.Errorf("%s: written but not built", name)
				}
			}
			if pub.Count != len(res.Files) {
				t.Errorf("Publish handed over %d files, Build made %d", pub.Count, len(res.Files))
			}
		})
	}
}
