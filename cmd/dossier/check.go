package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dossier-dev/dossier/internal/build"
	"github.com/dossier-dev/dossier/internal/diag"
)

func checkFlags(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) int {
	source := fs.String("source", ".", "the site's `folder`")
	baseURL := fs.String("base-url", "", "check links as published at this `URL`, overriding site.toml's baseURL")
	drafts := fs.Bool("drafts", false, "include content marked draft = true")
	format := fs.String("format", "text", "output `format`: text or json")
	return func(ctx context.Context, args []string, stdout, stderr io.Writer) int {
		if *format != "text" && *format != "json" {
			fmt.Fprintf(stderr, "dossier check: unknown --format %q\n\thint: use text or json\n", *format)
			return exitUsage
		}
		if len(args) > 0 {
			fmt.Fprintf(stderr, "dossier check: unexpected argument %q\n\thint: the site's folder goes in --source\n", args[0])
			return exitUsage
		}
		if code := checkSource(*source, stderr); code != exitOK {
			return code
		}
		res, err := build.Check(build.Options{Source: os.DirFS(*source), BaseURL: *baseURL, Drafts: *drafts})
		if err != nil {
			fmt.Fprintf(stderr, "dossier check: %v\n", err)
			return exitContent
		}
		return report(res.Diags, *format, stdout)
	}
}

// report prints diagnostics in the chosen format and returns the exit status.
func report(diags diag.List, format string, stdout io.Writer) int {
	if format == "json" {
		diags.WriteJSON(stdout)
	} else if len(diags) == 0 {
		fmt.Fprintln(stdout, "ok: no problems found")
	} else {
		diags.WriteText(stdout)
	}
	if diags.HasErrors() {
		return exitContent
	}
	return exitOK
}
