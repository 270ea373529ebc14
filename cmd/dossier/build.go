package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/site"
)

func buildFlags(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) int {
	source := fs.String("source", ".", "the site's `folder` (site.toml, content/, templates/, static/)")
	out := fs.String("out", "", "the output `folder` (default: public inside the source folder)")
	baseURL := fs.String("base-url", "", "the published `URL`, overriding site.toml's baseURL")
	drafts := fs.Bool("drafts", false, "include content marked draft = true")
	quiet := fs.Bool("quiet", false, "print only problems")
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		if len(args) > 0 {
			fmt.Fprintf(stderr, "dossier build: unexpected argument %q\n\thint: the site's folder goes in --source\n", args[0])
			return exitUsage
		}
		if *out == "" {
			*out = filepath.Join(*source, "public")
		}
		start := time.Now()
		if code := checkSource(*source, stderr); code != exitOK {
			return code
		}
		opts := site.Options{Source: os.DirFS(*source), BaseURL: *baseURL, Drafts: *drafts, BeforeRender: limitMemory, CardDir: cardDir()}
		res, err := site.Publish(opts, *out, *source)
		if err != nil {
			fmt.Fprintf(stderr, "dossier build: %v\n", err)
			if errors.Is(err, site.ErrUnsafeOutput) {
				return exitUsage
			}
			return exitContent
		}
		res.Diags.Without(diag.Note).WriteText(stderr) // notes are for check --notes
		if res.Diags.HasErrors() {
			fmt.Fprintln(stderr, "build failed: nothing was written")
			return exitContent
		}
		if !*quiet {
			fmt.Fprintf(stdout, "built %d files into %s in %s\n", res.Count, *out, time.Since(start).Round(time.Millisecond))
			if n := res.DraftsLeftOut; n > 0 {
				fmt.Fprintf(stdout, "%s left out (draft = true): `dossier serve` shows them, `dossier build --drafts` includes them\n", count(n, "draft", "drafts"))
			}
			if noContent(*source) {
				sayEmpty(stdout, *source)
			}
		}
		return exitOK
	}
}

// cardDir is where `dossier build` and `dossier check` keep the share cards
// they drew, for the next build: dossier/cards in the user's cache folder;
// "" (no cache kept) when the system has none.
func cardDir() string {
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "dossier", "cards")
}

// checkSource makes sure the source folder exists.
func checkSource(source string, stderr io.Writer) int {
	fi, err := os.Stat(source)
	if err != nil || !fi.IsDir() {
		fmt.Fprintf(stderr, "dossier: source folder %s does not exist\n\thint: run dossier in the site's folder, or name it with --source\n", source)
		return exitUsage
	}
	return exitOK
}

// count is n with the noun's singular or plural form: "1 draft", "2 drafts".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
