package render

import (
	"errors"
	"io/fs"
	"testing"
)

// TestOutputReportsAFailedGroup: a group of side files that cannot be made
// fails the listing of the folders it may be in, so that a walk of the
// output (dossier build's, check's) reports it rather than leaving its
// files out.
func TestOutputReportsAFailedGroup(t *testing.T) {
	broken := errors.New("the feeds could not be written")
	o := &Output{keep: true, static: fileMap{"style.css": []byte("x")}, plan: &plan{}}
	o.planned = func() map[string][]string { return tree([]string{"style.css"}) }
	o.search.add = func(*Output, fileMap) error { return nil }
	o.export.add = func(*Output, fileMap) error { return nil }
	o.data.add = func(*Output, fileMap) error { return broken }
	if _, err := fs.ReadDir(o, "."); !errors.Is(err, broken) {
		t.Errorf("ReadDir: %v, want %v", err, broken)
	}
	var seen error
	fs.WalkDir(o, ".", func(_ string, _ fs.DirEntry, err error) error {
		if err != nil {
			seen = err
		}
		return err
	})
	if !errors.Is(seen, broken) {
		t.Errorf("walk: %v, want %v", seen, broken)
	}
	if _, err := o.ReadFile("feed.xml"); !errors.Is(err, broken) {
		t.Errorf("ReadFile(feed.xml): %v, want %v", err, broken)
	}
	if b, err := o.ReadFile("style.css"); err != nil || string(b) != "x" {
		t.Errorf("ReadFile(style.css) = %q, %v", b, err)
	}
}
