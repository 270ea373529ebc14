// Package testfiles reads a built site's output for tests: every file of an
// fs.FS, by name, as a map that a test can index.
package testfiles

import (
	"errors"
	"io/fs"
	"reflect"
	"sync"
	"testing"
)

// read holds the files of each output already read: an output is not
// changed once built, and reading it again would render its pages again.
var read sync.Map // fs.FS → map[string][]byte

// Read returns every file of site by slash-separated name, failing t when
// the site cannot be listed. A file that cannot be read (a page whose
// template fails) is left out. A nil site gives a nil map.
func Read(t testing.TB, site fs.FS) map[string][]byte {
	t.Helper()
	if site == nil || isNilPointer(site) {
		return nil
	}
	if m, ok := read.Load(site); ok {
		return m.(map[string][]byte)
	}
	files := map[string][]byte{}
	err := fs.WalkDir(site, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(site, name)
		if err == nil {
			files[name] = b
		} else if errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatalf("read the output: %v", err)
	}
	read.Store(site, files)
	return files
}

// isNilPointer reports whether site is a nil pointer in an interface, such
// as a failed build's Output.
func isNilPointer(site fs.FS) bool {
	v := reflect.ValueOf(site)
	return v.Kind() == reflect.Pointer && v.IsNil()
}
