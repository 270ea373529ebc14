// Package theme copies the default theme (the templates and static files
// embedded in the binary) into a site for the newsroom to edit, and notes
// where such a copy has fallen behind the defaults of a newer dossier.
//
// A site's file overrides the default of the same name, file by file. Copy
// records the dossier version the copy came from in VersionFile; Notes then
// reports, as diag.Note, each copied file that differs from the current
// default when the recorded version is older than the running one: the
// default may have changed since, and the newsroom should merge the change.
package theme

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/mod/semver"

	root "github.com/dossier-dev/dossier"
	"github.com/dossier-dev/dossier/internal/diag"
)

// VersionFile is the slash path, inside the site's folder, of the file that
// records which dossier version the copied theme came from. Its name starts
// with a dot, so it is not taken for a template.
const VersionFile = "templates/.dossier-theme-version"

// Unknown is recorded for a copy made by a dossier that knows no version.
const Unknown = "unknown"

// layers are the theme's folders with their default files.
func layers() map[string]fs.FS {
	return map[string]fs.FS{"templates": root.Templates(), "static": root.Static()}
}

// Copy writes the default templates and static files into dir's templates/
// and static/, and version (Unknown when "") into VersionFile. It never
// overwrites a file. It returns the slash paths written.
func Copy(dir, version string) ([]string, error) {
	var written []string
	for folder, fsys := range layers() {
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			name := path.Join(folder, p)
			written = append(written, name)
			return writeNew(filepath.Join(dir, filepath.FromSlash(name)), data)
		})
		if err != nil {
			return nil, fmt.Errorf("copy the default %s: %w", folder, err)
		}
	}
	if version == "" {
		version = Unknown
	}
	record := "# The dossier version templates/ and static/ were copied from\n" +
		"# (dossier init --with-theme). `dossier check --notes` lists the copied\n" +
		"# files whose default has changed in a newer version; after merging the\n" +
		"# changes, write that version here.\n" + version + "\n"
	if err := writeNew(filepath.Join(dir, filepath.FromSlash(VersionFile)), []byte(record)); err != nil {
		return nil, err
	}
	return append(written, VersionFile), nil
}

// writeNew creates p and its folders, never overwriting a file.
func writeNew(p string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", p, err)
	}
	return f.Close()
}

// Recorded returns the version in site's VersionFile: its first line that is
// neither blank nor a # comment. ok is false when the site has no such file.
func Recorded(site fs.FS) (version string, ok bool) {
	data, err := fs.ReadFile(site, VersionFile)
	if err != nil {
		return "", false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			return line, true
		}
	}
	return Unknown, true
}

// Older reports whether a copy recorded as version recorded is older than
// the running dossier's version current. A current version that is not a
// module version (a development build) is never newer; a recorded one that
// is not (a copy from a development build) is older than any that is.
func Older(recorded, current string) bool {
	if !semver.IsValid(current) {
		return false
	}
	return !semver.IsValid(recorded) || semver.Compare(recorded, current) < 0
}

// Notes returns a note for each file of site's templates/ and static/ that
// overrides a default, differs from it, and was copied (VersionFile) from a
// dossier older than current. A site without VersionFile has no notes: its
// files were not copied by dossier.
func Notes(site fs.FS, current string) diag.List {
	recorded, ok := Recorded(site)
	if !ok || !Older(recorded, current) {
		return nil
	}
	var notes diag.List
	for folder, defaults := range layers() {
		fs.WalkDir(defaults, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			name := path.Join(folder, p)
			own, err := fs.ReadFile(site, name)
			if err != nil {
				return nil // not overridden
			}
			if def, err := fs.ReadFile(defaults, p); err == nil && !bytes.Equal(own, def) {
				notes.Notef(diag.Pos{File: name}, diag.ThemeBehind,
					fmt.Sprintf("compare it with the default (dossier init --with-theme in an empty folder writes %s's), merge what changed, then write %s in %s", current, current, VersionFile),
					"copied from the default theme of dossier %s, and the default in %s differs", recorded, current)
			}
			return nil
		})
	}
	notes.Sort()
	return notes
}
