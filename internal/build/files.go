package build

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/dossier-dev/dossier/internal/diag"
)

// contentFiles lists the Markdown files under content/, sorted, leaving out
// hidden files and editors' temporary files.
func contentFiles(fsys fs.FS) ([]string, diag.List, error) {
	var paths []string
	var diags diag.List
	err := fs.WalkDir(fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) && p == "content" {
				return fs.SkipAll
			}
			return err
		}
		name := d.Name()
		if p != "content" && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() || IsTempFile(name) {
			return nil
		}
		if path.Ext(name) != ".md" {
			diags.Warnf(diag.Pos{File: p}, diag.UnknownKey, "content files end in .md; move other files to static/",
				"ignored %s: not a Markdown file", p)
			return nil
		}
		paths = append(paths, p)
		return nil
	})
	return paths, diags, err
}

// IsTempFile reports whether a file name is an editor's temporary, swap or
// backup file, which builds and the watcher ignore.
func IsTempFile(name string) bool {
	switch {
	case strings.HasPrefix(name, ".#"), strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"): // emacs
		return true
	case strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".swo"), strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".bak"): // vim, backups
		return true
	case strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"): // JetBrains
		return true
	case strings.HasPrefix(name, ".goutputstream-"), name == ".DS_Store", name == "4913": // gedit, macOS, vim's probe
		return true
	}
	return false
}
