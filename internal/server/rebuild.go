package server

import (
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/dossier-dev/dossier/internal/build"
	"github.com/dossier-dev/dossier/internal/diag"
)

// server is one running `dossier serve`.
type server struct {
	b    Builder
	opts Options
	site atomic.Pointer[snapshot] // the latest good build, as served
	hub  *hub
	// failing is true while the latest build failed (the rebuild loop's only).
	failing bool
}

func newServer(b Builder, opts Options) *server {
	s := &server{b: b, opts: opts}
	base := opts.BasePath
	if base == "" {
		base = "/"
	}
	s.site.Store(pendingSnapshot(base))
	s.hub = newHub(&s.site)
	if opts.hooks != nil {
		s.hub.subscribed = opts.hooks.subscribed
	}
	return s
}

// rebuild runs one build for bt and publishes its result: the new site, or
// the overlay while the last good site stays served.
func (s *server) rebuild(bt batch) {
	var changed []string
	if !bt.all {
		changed = bt.paths
	}
	start := time.Now()
	res, err := s.build(changed)
	took := time.Since(start).Round(time.Millisecond)
	ok := false
	switch {
	case err != nil:
		s.failed(diag.List{{Severity: diag.Error, Msg: "build: " + err.Error()}})
	case res.Diags.HasErrors():
		s.failed(sorted(res.Diags))
	default:
		sorted(res.Diags).WriteText(s.opts.Log)
		s.publish(res, bt, took)
		ok = true
	}
	if h := s.opts.hooks; h != nil && h.built != nil {
		h.built(changed, ok)
	}
}

// build calls the builder, turning a nil result or a panic into an error:
// a bug in the builder, say on a half-typed file, must not end the server.
func (s *server) build(changed []string) (res *build.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("the builder crashed: %v", p)
		}
	}()
	res, err = s.b.Build(changed)
	if err == nil && res == nil {
		err = errors.New("the builder returned no result")
	}
	return res, err
}

// failed prints the diagnostics and shows them on every page.
func (s *server) failed(diags diag.List) {
	diags.WriteText(s.opts.Log)
	s.failing = true
	s.hub.fail(overlayPayload(s.opts.Dir, diags, s.site.Load().pending))
}

// publish swaps in the new site and logs what changed.
func (s *server) publish(res *build.Result, bt batch, took time.Duration) {
	prev := s.site.Load()
	var next *snapshot
	var ch changes
	if res.Plan != nil {
		next, ch = newPlanSnapshot(res.Plan, s.basePath(res), prev)
	} else {
		next, ch = newSnapshot(res.Files, s.basePath(res), prev)
	}
	s.hub.publish(next, ch, warningsPayload(s.opts.Dir, sorted(res.Diags)))
	switch {
	case prev.pending:
		fmt.Fprintf(s.opts.Log, "built %d files in %v\n", len(next.files), took)
	case len(ch.files) > 0:
		fmt.Fprintf(s.opts.Log, "rebuilt in %v: %d source(s) changed, %d output file(s) updated\n",
			took, len(bt.paths), len(ch.files))
	case s.failing:
		fmt.Fprintf(s.opts.Log, "rebuilt in %v: the site builds again, unchanged\n", took)
	}
	s.failing = false
}

// basePath is Options.BasePath, else the built site's.
func (s *server) basePath(res *build.Result) string {
	switch {
	case s.opts.BasePath != "":
		return s.opts.BasePath
	case res.Site != nil:
		return cleanBase(res.Site.BasePath())
	}
	return "/"
}

// sorted returns a sorted copy of list, for the terminal (printed as
// `dossier build` prints it) and the overlay.
func sorted(list diag.List) diag.List {
	out := append(diag.List(nil), list...)
	out.Sort()
	return out
}
