package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// errFound stops a walk at the first content file.
var errFound = errors.New("found")

// noContent reports whether the site's content/ folder holds no Markdown
// file: a site that builds, but only as an empty shell.
func noContent(source string) bool {
	err := filepath.WalkDir(filepath.Join(source, "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(d.Name(), ".md") {
			return errFound
		}
		return nil
	})
	return !errors.Is(err, errFound)
}

// sayEmpty tells that the site has no content yet, and how to start.
func sayEmpty(w io.Writer, source string) {
	here := ""
	if filepath.Clean(source) != "." {
		here = " --source " + source
	}
	fmt.Fprintf(w, `The site has no content yet: %s has no articles, actors, organizations or events.
To start, write a first article here:
  dossier new article my-first-article%s
or start a new dossier, with an example of each kind of content, in a new folder:
  dossier init my-dossier
`, filepath.Join(source, "content")+string(os.PathSeparator), here)
}
