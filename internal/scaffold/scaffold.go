// Package scaffold writes a new dossier of one's own: a commented site.toml,
// one plainly marked example of each kind of content (which together show a
// claim, a quote and a name mention), a .gitignore, a short README and a
// GitHub Pages workflow that installs the dossier command itself, so the
// newsroom's repository needs no Go code.
//
// The files live in the site folder beside this file. A name that starts
// with "dot-" is written with a "." instead ("dot-github" becomes ".github"),
// so that this repository's git and GitHub do not take them for their own.
// Two placeholders are filled in: @LANGUAGE@ and @VERSION@.
package scaffold

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

//go:embed all:site content-ru
var site embed.FS

// localContent is the folder of examples in each language that has its own;
// other languages get site/content.
var localContent = map[string]string{"ru": "content-ru"}

// names are the new site's title, description and publisher, which every
// page shows, in each language.
var names = map[string][3]string{
	"en": {"My dossier", "An annotated fact-check dossier.", "My newsroom"},
	"ru": {"Моё досье", "Досье с проверкой фактов и пометками в текстах.", "Моя редакция"},
}

// Languages lists the values Options.Language may take.
var Languages = []string{"en", "ru"}

// Options says what goes into a new site.
type Options struct {
	// Language is site.toml's language, one of Languages.
	Language string
	// Version is the dossier version the workflow installs with go install:
	// a release such as v1.2.0, or "latest".
	Version string
}

// ErrNotEmpty is returned by Write for a folder that already has files.
var ErrNotEmpty = errors.New("folder is not empty")

// Files returns the new site's files, by slash-separated path.
func Files(opts Options) (map[string][]byte, error) {
	if !slices.Contains(Languages, opts.Language) {
		return nil, fmt.Errorf("unknown language %q (use %s)", opts.Language, strings.Join(Languages, " or "))
	}
	if opts.Version == "" {
		return nil, errors.New("no version to install")
	}
	name := names[opts.Language]
	fill := strings.NewReplacer("@LANGUAGE@", opts.Language, "@VERSION@", opts.Version,
		"@TITLE@", name[0], "@DESCRIPTION@", name[1], "@PUBLISHER@", name[2])
	files := map[string][]byte{}
	local, ok := localContent[opts.Language]
	add := func(root, prefix string) error {
		return fs.WalkDir(site, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			if ok && root == "site" && strings.HasPrefix(p, "site/content/") {
				return nil // the language's own examples instead
			}
			src, err := fs.ReadFile(site, p)
			if err != nil {
				return err
			}
			files[outName(prefix+strings.TrimPrefix(p, root+"/"))] = []byte(fill.Replace(string(src)))
			return nil
		})
	}
	err := add("site", "")
	if err == nil && ok {
		err = add(local, "content/")
	}
	return files, err
}

// outName turns each "dot-" at the start of a path element into ".".
func outName(p string) string {
	parts := strings.Split(p, "/")
	for i, part := range parts {
		if rest, ok := strings.CutPrefix(part, "dot-"); ok {
			parts[i] = "." + rest
		}
	}
	return path.Join(parts...)
}

// Write creates the folder dir, unless it exists and is empty, and writes
// the new site into it. It returns the paths written, sorted. A folder with
// anything in it, even a dot file, is refused with ErrNotEmpty.
func Write(dir string, opts Options) ([]string, error) {
	files, err := Files(opts)
	if err != nil {
		return nil, err
	}
	if err := mkEmptyDir(dir); err != nil {
		return nil, err
	}
	names := slices.Sorted(maps.Keys(files))
	for _, name := range names {
		if err := writeFile(filepath.Join(dir, filepath.FromSlash(name)), files[name]); err != nil {
			return nil, err
		}
	}
	return names, nil
}

// mkEmptyDir makes sure dir exists and has nothing in it.
func mkEmptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return err
	case len(entries) > 0:
		return fmt.Errorf("%s: %w (it has %s)", dir, ErrNotEmpty, listed(entries))
	}
	return nil
}

// listed names up to three entries, for a message.
func listed(entries []fs.DirEntry) string {
	var names []string
	for i, e := range entries {
		if i == 3 {
			names = append(names, fmt.Sprintf("and %d more", len(entries)-3))
			break
		}
		names = append(names, e.Name())
	}
	return strings.Join(names, ", ")
}

// writeFile creates path and its folders, never overwriting a file.
func writeFile(p string, data []byte) error {
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
