package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/linkcheck"
	"github.com/dossier-dev/dossier/internal/site"
	"github.com/dossier-dev/dossier/internal/theme"
)

func checkFlags(fs *flag.FlagSet) func(context.Context, []string, io.Writer, io.Writer) int {
	source := fs.String("source", ".", "the site's `folder`")
	baseURL := fs.String("base-url", "", "check links as published at this `URL`, overriding site.toml's baseURL")
	drafts := fs.Bool("drafts", false, "include content marked draft = true")
	format := fs.String("format", "text", "output `format`: text or json")
	strict := fs.Bool("strict", false, "make the notes about sources without an archived copy errors")
	notes := fs.Bool("notes", false, "print notes too: information that is not a problem, such as a source without an archived copy or a copied template behind its default")
	external := fs.Bool("external", false, "also fetch every external URL (sources, archived copies, profile links), politely, and report dead and moved ones")
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
		copts := site.CheckOptions{Strict: *strict}
		if *external {
			copts.External = &linkcheck.Options{}
		}
		res, err := site.CheckWith(ctx, site.Options{Source: os.DirFS(*source), BaseURL: *baseURL, Drafts: *drafts, CardDir: cardDir()}, copts)
		if err != nil {
			fmt.Fprintf(stderr, "dossier check: %v\n", err)
			return exitContent
		}
		diags := res.Diags
		diags.Append(theme.Notes(os.DirFS(*source), current().Version))
		diags.Sort()
		hidden := 0
		if !*notes {
			hidden = diags.Count(diag.Note)
			diags = diags.Without(diag.Note)
		}
		code := report(diags, *format, stdout)
		notesHidden(stdout, *format, hidden)
		if n := res.DraftsLeftOut; n > 0 && *format == "text" {
			fmt.Fprintf(stdout, "%s left out (draft = true), their references unchecked: `dossier check --drafts` checks them too\n", count(n, "draft", "drafts"))
		}
		if *format == "text" && noContent(*source) {
			sayEmpty(stdout, *source)
		}
		return code
	}
}

// notesHidden says, after a text report, how many notes --notes would show.
func notesHidden(w io.Writer, format string, n int) {
	if format == "text" && n > 0 {
		fmt.Fprintf(w, "%d note(s) not shown: see them with --notes\n", n)
	}
}

// report prints diagnostics in the chosen format and returns the exit status.
func report(diags diag.List, format string, stdout io.Writer) int {
	if format == "json" {
		diags.WriteJSON(stdout)
	} else if diags.Count(diag.Error)+diags.Count(diag.Warning) == 0 {
		for _, d := range diags {
			fmt.Fprintln(stdout, d)
		}
		fmt.Fprintln(stdout, "ok: no problems found")
	} else {
		diags.WriteText(stdout)
	}
	if diags.HasErrors() {
		return exitContent
	}
	return exitOK
}
