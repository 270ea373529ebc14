// Package site runs one build of a site: load the content, parse its
// Markdown, resolve the dossier, convert the Markdown, and plan the render as
// one in-memory output whose pages render when read; only Write (and
// Publish, through it) puts a site on disk.
package site

import (
	"io/fs"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/diag"
)

// Options says what to build.
type Options struct {
	// Source is the site's folder: site.toml, content/, templates/, static/.
	Source fs.FS
	// BaseURL, when set, overrides site.toml's baseURL.
	BaseURL string
	// Drafts includes draft = true content (serve always does, and marks it).
	Drafts bool
	// Preview marks the build as one for `dossier serve`.
	Preview bool
	// Lazy leaves a build's pages to render when they are read, except
	// when the templates or the configuration changed (see Builder.Build).
	Lazy bool
	// BeforeRender, when set, is called by Publish once the content is
	// loaded and converted and only the render is left, before the render
	// is planned; what it returns is called when the site is written. It is
	// where the process's owner tunes the runtime for the render: `dossier
	// build` sets a memory limit from the live heap.
	BeforeRender func() (after func())
	// CardDir, when set, is the folder where drawn share cards are kept
	// between builds, named by their content (`dossier build` uses the
	// user's cache folder). Without it, a Preview Builder keeps them in
	// memory, for its next build, and other builds keep none.
	CardDir string
}

// Result is one finished build.
type Result struct {
	// Output is the site, as files ("index.html", "articles/x/index.html",
	// "style.css"); a page renders when it is first read (a
	// *render.Output). It is nil when Diags.HasErrors().
	Output Output
	// Count is the number of files Publish wrote.
	Count int
	// Diags holds every problem found.
	Diags diag.List
	// Site is the configuration the build used.
	Site *config.Site
	// DraftsLeftOut counts the content files marked draft = true that a
	// build without Options.Drafts left out.
	DraftsLeftOut int
}

// Output is a built site's files, as a file system, with what the preview
// server needs to serve a rebuild lazily: which files are pages (rendered
// when first read) and which static, and a version of each, the same from
// one build to the next while the file's bytes are. *render.Output is one.
type Output interface {
	fs.ReadFileFS
	// Pages lists the pages (and share cards), in a stable order.
	Pages() []string
	// Static lists the static files, ready at once.
	Static() []string
	// Version is the same in two builds' outputs for a page or static
	// file whose bytes are the same in both.
	Version(name string) uint64
}
