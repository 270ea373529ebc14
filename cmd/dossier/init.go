package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/dossier-dev/dossier/internal/buildinfo"
	"github.com/dossier-dev/dossier/internal/scaffold"
	"github.com/dossier-dev/dossier/internal/theme"
)

func initFlags(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) int {
	language := fs.String("language", "en", "the site's `language`: en or ru")
	withTheme := fs.Bool("with-theme", false, "also copy the default templates/ and static/ into the site, to edit")
	return func(_ context.Context, args []string, stdout, stderr io.Writer) int {
		if len(args) != 1 {
			fmt.Fprintln(stderr, "usage: dossier init DIR\n\thint: name a new or empty folder, such as: dossier init my-dossier")
			return exitUsage
		}
		if !slices.Contains(scaffold.Languages, *language) {
			fmt.Fprintf(stderr, "dossier init: unknown --language %q\n\thint: use %s\n", *language, strings.Join(scaffold.Languages, " or "))
			return exitUsage
		}
		dir, info := args[0], current()
		files, err := scaffold.Write(dir, scaffold.Options{Language: *language, Version: info.Release()})
		if err != nil {
			fmt.Fprintf(stderr, "dossier init: %v\n", err)
			if errors.Is(err, scaffold.ErrNotEmpty) {
				fmt.Fprintln(stderr, "\thint: init starts a new dossier in a new or empty folder; name another one")
			}
			return exitUsage
		}
		if *withTheme {
			copied, err := theme.Copy(dir, info.Version)
			if err != nil {
				fmt.Fprintf(stderr, "dossier init: %v\n", err)
				return exitContent
			}
			files = append(files, copied...)
		}
		printStarted(stdout, dir, len(files), info, *withTheme)
		return exitOK
	}
}

// printStarted tells what init wrote and what to do next.
func printStarted(w io.Writer, dir string, n int, info buildinfo.Info, withTheme bool) {
	fmt.Fprintf(w, "created a new dossier in %s (%d files)", dir, n)
	if withTheme {
		fmt.Fprint(w, ", with a copy of the default theme in templates/ and static/")
	}
	fmt.Fprint(w, `

The example files in content/ show a claim, a quote and a name mention; they
are marked EXAMPLE: replace or delete them before you publish.

Next:
`)
	if dir := filepath.Clean(dir); dir != "." {
		fmt.Fprintf(w, "  cd %s\n", dir)
	}
	fmt.Fprintf(w, `  dossier serve                         # preview at http://127.0.0.1:1313/
  dossier new article my-first-article  # write your first article
  dossier check                         # every problem, with a hint

To publish, push the folder to a GitHub repository and choose Settings → Pages
→ Source: GitHub Actions. .github/workflows/pages.yml installs dossier@%s.
`, info.Release())
	switch {
	case !info.Known():
		fmt.Fprintln(w, "(This dossier binary has no version information, so the workflow installs the\nlatest release; set DOSSIER_VERSION there to pin one.)")
	case info.Release() == "latest":
		fmt.Fprintf(w, "(This dossier, %s, is not a tagged release,\nso the workflow installs the latest one; set DOSSIER_VERSION there to pin one.)\n", info.Version)
	}
}
