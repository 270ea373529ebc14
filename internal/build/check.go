package build

// Check builds the site in memory and also checks every internal link and
// fragment of the output (see CheckLinks). Result.Diags holds everything found.
func Check(opts Options) (*Result, error) {
	res, err := Build(opts)
	if err != nil || res.Diags.HasErrors() {
		return res, err
	}
	res.Diags.Append(CheckLinks(res.Files, res.Site.BaseURL))
	res.Diags.Sort()
	return res, nil
}
