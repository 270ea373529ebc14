package build

import "github.com/dossier-dev/dossier/internal/diag"

// CheckOptions says what `dossier check` does beyond building.
type CheckOptions struct {
	// Strict makes the notes about sources without an archived copy
	// (diag.NoArchive) errors.
	Strict bool
}

// Check builds the site in memory and also checks every internal link and
// fragment of the output (see CheckLinks). Result.Diags holds everything found.
func Check(opts Options) (*Result, error) { return CheckWith(opts, CheckOptions{}) }

// CheckWith is Check with check's own options. Once the build has no error,
// it adds the dossier's lint (dossier.Lint: warnings and notes) and the
// internal links' problems.
func CheckWith(opts Options, copts CheckOptions) (*Result, error) {
	b := New(opts)
	res, err := b.Build(nil)
	if err != nil || res.Diags.HasErrors() {
		return res, err
	}
	res.Diags.Append(lint(b.last.Lint(), copts.Strict))
	res.Diags.Append(CheckLinks(res.Files, res.Site.BaseURL))
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
