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
	strict := fs.Bool("strict", false, "make the notes about sources without an archived copy errors")
	notes := fs.Bool("notes", false, "print notes too: information, such as sources without an archived copy")
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
		res, err := build.CheckWith(build.Options{Source: os.DirFS(*source), BaseURL: *baseURL, Drafts: *drafts},
			build.CheckOptions{Strict: *strict})
		if err != nil {
			fmt.Fprintf(stderr, "dossier check: %v\n", err)
			return exitContent
		}
		return report(res.Diags, *format, *notes, stdout)
	}
}

// report prints diagnostics in the chosen format, notes only when asked
// for, and returns the exit status: notes and warnings never fail.
func report(diags diag.List, format string, notes bool, stdout io.Writer) int {
	shown := diags
	if !notes {
		shown = diags.Without(diag.Note)
	}
	switch {
	case format == "json":
		shown.WriteJSON(stdout)
	case len(shown) > 0:
		shown.WriteText(stdout)
	case len(diags) > 0:
		fmt.Fprintf(stdout, "ok: no problems found (%d note(s); --notes shows them)\n", len(diags))
	default:
		fmt.Fprintln(stdout, "ok: no problems found")
	}
	if diags.HasErrors() {
		return exitContent
	}
	return exitOK
}
