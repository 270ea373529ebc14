package build

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/markdown"
)

// methodology converts content/methodology.md, when the site has one, into
// the methodology page's text (render.Input.Methodology); without it the
// text is "" and the theme's default, in the site's language, stays. The
// file is plain Markdown. Its text is part of the build's global signature,
// so that an edit re-renders the pages: it is edited rarely, and the
// methodology page is the only one to read it.
func (b *Builder) methodology(site *config.Site) (template.HTML, diag.List, error) {
	src, err := fs.ReadFile(b.opts.Source, content.MethodologyFile)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil, nil
	}
	if err != nil {
		return "", nil, fmt.Errorf("read %s: %w", content.MethodologyFile, err)
	}
	conv := markdown.New(markdown.Options{UnsafeHTML: site.Markdown.UnsafeHTML})
	out, err := conv.Convert(markdown.Input{File: content.MethodologyFile, BodyLine: 1, Source: src})
	if err != nil {
		return "", nil, err
	}
	return template.HTML(out.HTML), out.Diags, nil
}
