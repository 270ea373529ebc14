package build

import (
	"slices"

	"github.com/dossier-dev/dossier/internal/diag"
)

// Check builds the site in memory and also checks every internal link and
// fragment of the output (see CheckLinks). Result.Diags holds everything
// found. A bad link is reported where the editor wrote it: in a Markdown
// body at its line and column, in front matter at the key whose value it
// is or was built from, in a template at templates/NAME:LINE; only a link
// found nowhere is reported at the output file and line.
func Check(opts Options) (*Result, error) {
	res, err := Build(opts)
	if err != nil || res.Diags.HasErrors() {
		return res, err
	}
	problems := checkLinks(res.Files, res.Site.BaseURL)
	if len(problems) > 0 {
		res.Diags.Append(placeLinks(problems, newOrigins(opts.Source)))
	}
	res.Diags.Sort()
	return res, nil
}

// placeLinks moves each problem to where its link was written, once per
// place: a link written once and shown on several pages is one problem.
func placeLinks(problems []linkProblem, o *origins) diag.List {
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
