package server

import (
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
	res, err := s.b.Build(changed)
	took := time.Since(start).Round(time.Millisecond)
	ok := false
	switch {
	case err != nil:
		fmt.Fprintf(s.opts.Log, "build failed: %v\n", err)
		s.hub.fail(overlayPayload(s.opts.Dir, diag.List{{Severity: diag.Error, Msg: err.Error()}}))
	case res == nil:
		fmt.Fprintln(s.opts.Log, "build failed: the builder returned nothing")
		s.hub.fail(overlayPayload(s.opts.Dir, diag.List{{Severity: diag.Error, Msg: "the builder returned nothing"}}))
	case res.Diags.HasErrors():
		diags := sorted(res.Diags)
		diags.WriteText(s.opts.Log)
		s.hub.fail(overlayPayload(s.opts.Dir, diags))
	default:
		sorted(res.Diags).WriteText(s.opts.Log)
		s.publish(res, bt, took)
		ok = true
	}
	if h := s.opts.hooks; h != nil && h.built != nil {
		h.built(changed, ok)
	}
}

// publish swaps in the new site and logs what changed.
func (s *server) publish(res *build.Result, bt batch, took time.Duration) {
	prev := s.site.Load()
	next, ch := newSnapshot(res.Files, s.basePath(res), prev)
	s.hub.publish(next, ch)
	switch {
	case prev.pending:
		fmt.Fprintf(s.opts.Log, "built %d files in %v\n", len(next.files), took)
	case len(ch.files) > 0:
		fmt.Fprintf(s.opts.Log, "rebuilt in %v: %d source(s) changed, %d output file(s) updated\n",
			took, len(bt.paths), len(ch.files))
	}
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
