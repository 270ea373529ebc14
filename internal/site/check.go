package site

import (
	"context"
	"fmt"
	"slices"

	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/linkcheck"
)

// CheckOptions says what `dossier check` does beyond building.
type CheckOptions struct {
	// Strict makes the notes about sources without an archived copy
	// (diag.NoArchive) errors.
	Strict bool
	// External, when not nil, also fetches every external URL of the
	// dossier with these options (see package linkcheck). When nil, the
	// check never touches the network.
	External *linkcheck.Options
}

// Check builds the site in memory and also checks every internal link and
// fragment of the output (see linkcheck.Internal). Result.Diags holds everything
// found. A bad link is reported where the editor wrote it: in a Markdown
// body at its line and column, in front matter at the key whose value it
// is or was built from, in a template at templates/NAME:LINE; only a link
// found nowhere is reported at the output file and line.
func Check(opts Options) (*Result, error) {
	return CheckWith(context.Background(), opts, CheckOptions{})
}

// CheckWith is Check with check's own options. Once the build has no error,
// it adds the dossier's lint (dossier.Lint: warnings and notes), the
// internal links' problems, and with copts.External the external links'.
// The error is for the tool's own failures, such as a link cache that
// cannot be written.
func CheckWith(ctx context.Context, opts Options, copts CheckOptions) (*Result, error) {
	b := New(opts)
	res, err := b.Build(nil)
	if err != nil || res.Diags.HasErrors() {
		return res, err
	}
	res.Diags.Append(lint(b.last.Lint(), copts.Strict))
	problems, err := linkcheck.Internal(res.Output, res.Site.BaseURL)
	if err != nil {
		return nil, fmt.Errorf("check the links: %w", err)
	}
	if len(problems) > 0 {
		res.Diags.Append(placeLinks(problems, newOrigins(opts.Source)))
	}
	if copts.External != nil {
		ext, err := linkcheck.Check(ctx, externalLinks(b.last), *copts.External)
		res.Diags.Append(ext)
		if err != nil {
			res.Diags.Sort()
			return res, err
		}
	}
	res.Diags.Sort()
	return res, nil
}

// lint returns diags, with the notes about missing archived copies made
// errors when strict is set.
func lint(diags diag.List, strict bool) diag.List {
	if !strict {
		return diags
	}
	for i := range diags {
		if diags[i].Code == diag.NoArchive {
			diags[i].Severity = diag.Error
		}
	}
	return diags
}

// placeLinks moves each problem to where its link was written, once per
// place: a link written once and shown on several pages is one problem.
func placeLinks(problems []linkcheck.Problem, o *origins) diag.List {
	var out diag.List
	seen := map[diag.Diagnostic]bool{}
	for _, p := range problems {
		at := o.locate(p)
		if len(at) == 0 {
			at = []diag.Pos{p.Pos}
		}
		for _, pos := range at {
			d := p.Diagnostic
			d.Pos = pos
			if !seen[d] {
				seen[d] = true
				out.Add(d)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b diag.Diagnostic) int { return a.Pos.Compare(b.Pos) })
	return out
}
