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

	"github.com/dossier-dev/dossier/internal/build"
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
		res, code := buildSite(*source, build.Options{BaseURL: *baseURL, Drafts: *drafts}, stderr)
		if res == nil {
			return code
		}
		if err := build.Write(res.Files, *out, *source); err != nil {
			fmt.Fprintf(stderr, "dossier build: %v\n", err)
			if errors.Is(err, build.ErrUnsafeOutput) {
				return exitUsage
			}
			return exitContent
		}
		if !*quiet {
			fmt.Fprintf(stdout, "built %d files into %s in %s\n", len(res.Files), *out, time.Since(start).Round(time.Millisecond))
		}
		return exitOK
	}
}

// buildSite builds the site in memory, printing its diagnostics. It returns a
// nil result and the exit status when the build failed.
func buildSite(source string, opts build.Options, stderr io.Writer) (*build.Result, int) {
	if code := checkSource(source, stderr); code != exitOK {
		return nil, code
	}
	opts.Source = os.DirFS(source)
	res, err := build.Build(opts)
	if err != nil {
		fmt.Fprintf(stderr, "dossier: %v\n", err)
		return nil, exitContent
	}
	res.Diags.WriteText(stderr)
	if res.Diags.HasErrors() {
		fmt.Fprintln(stderr, "build failed: nothing was written")
		return nil, exitContent
	}
	return res, exitOK
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
