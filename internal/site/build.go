// Package site runs one build of a site: load the content, resolve the dossier,
// render every page in memory, and (only through Write) put it on disk.
package site

import (
	"io/fs"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/render"
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
	// Lazy renders pages only when they are asked for (see Builder.Build).
	Lazy bool
	// BeforeRender, when set, is called by a one-shot build (BuildTo,
	// Publish) once the content is loaded and converted and only the render
	// is left; what it returns is called when the render is done. It is
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
	// Files maps slash-separated output paths ("index.html",
	// "articles/x/index.html", "style.css") to their bytes.
	Files map[string][]byte
	// Plan, in a lazy build, holds the site instead of Files: the pages
	// render when asked for.
	Plan *render.Plan
	// Count is the number of files built (in Files, or handed to BuildTo's put).
	Count int
	// Diags holds every problem found; when Diags.HasErrors(), Files and Plan are nil.
	Diags diag.List
	// Site is the configuration the build used.
	Site *config.Site
}
