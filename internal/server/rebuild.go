package server

import (
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/site"
)

// server is one running `dossier serve`.
type server struct {
	b    Builder
	opts Options
	site atomic.Pointer[snapshot] // the latest good build, as served
	hub  *hub
	// failing is true while the latest build failed (the rebuild loop's only).
	failing bool
	report  *terminal
	// badge is the warnings payload of the latest good build, and
	// badgeKey the warnings it was made for (see warnings).
	badge    []byte
	badgeKey string
}

func newServer(b Builder, opts Options) *server {
	s := &server{b: b, opts: opts, report: &terminal{w: opts.Log, dir: opts.Dir, now: time.Now}}
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
		s.failed(bt, diag.List{{Severity: diag.Error, Msg: "build: " + err.Error()}})
	case res.Diags.HasErrors():
		s.failed(bt, sorted(res.Diags))
	default:
		s.publish(res, bt, took)
		ok = true
	}
	if h := s.opts.hooks; h != nil && h.built != nil {
		h.built(changed, ok)
	}
}

// build calls the builder, turning a nil result or a panic into an error:
// a bug in the builder, say on a half-typed file, must not end the server.
func (s *server) build(changed []string) (res *site.Result, err error) {
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

// failed prints the errors and shows them, with the warnings, on every page.
func (s *server) failed(bt batch, diags diag.List) {
	s.report.failed(bt, diags, s.site.Load().pending)
	s.failing = true
	s.hub.fail(overlayPayload(s.opts.Dir, diags, s.site.Load().pending))
}

// publish swaps in the new site and says in the terminal what changed.
func (s *server) publish(res *site.Result, bt batch, took time.Duration) {
	prev := s.site.Load()
	next, ch := newSnapshot(res.Output, s.basePath(res), prev)
	diags := sorted(res.Diags)
	s.hub.publish(next, ch, s.warnings(diags, bt))
	notePages(&ch, next, prev)
	if prev.pending {
		s.report.first(next.files, took, diags)
	} else {
		s.report.rebuilt(bt, ch, took, diags, s.failing)
	}
	s.failing = false
}

// warnings returns the badge payload for diags. It is made again only
// when the warnings changed or a file they point into was saved: a save
// that leaves them as they were costs nothing more.
func (s *server) warnings(diags diag.List, bt batch) []byte {
	var key strings.Builder
	files := map[string]bool{}
	for _, d := range diags {
		if d.Severity == diag.Warning {
			key.WriteString(d.String() + "\n")
			files[d.Pos.File] = true
		}
	}
	fresh := bt.all || key.String() != s.badgeKey
	for _, p := range bt.paths {
		fresh = fresh || files[p]
	}
	if fresh {
		s.badge, s.badgeKey = warningsPayload(s.opts.Dir, diags), key.String()
	}
	return s.badge
}

// basePath is Options.BasePath, else the built site's.
func (s *server) basePath(res *site.Result) string {
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
