package server

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/internal/site"
)

// Cancelling the context (Ctrl-C in the command) closes open event streams
// and returns nil.
func TestShutdownWithOpenStreams(t *testing.T) {
	dir := newSite(t)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Serve(ctx, newFakeBuilder(dir), Options{Dir: dir, Log: &syncBuffer{}, Ready: func(u string) { ready <- u }})
	}()
	url := <-ready
	streams := []*sse{openEvents(t, url, "index.html", ""), openEvents(t, url, "articles/first/index.html", "")}
	for _, s := range streams {
		s.next(t)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Serve: %v", err)
		}
	case <-time.After(waitLimit):
		t.Fatal("Serve did not return after cancel")
	}
	for _, s := range streams {
		if _, ok := <-s.events; ok {
			t.Error("event stream still open after shutdown")
		}
	}
}

// When the platform's watcher cannot start, the server polls instead.
func TestFallbackToPolling(t *testing.T) {
	saved := startNotify
	startNotify = func(string, chan<- change) (*notifyWatcher, error) { return nil, errors.New("no inotify here") }
	t.Cleanup(func() { startNotify = saved })
	dir := newSite(t)
	ts := startServer(t, dir, newFakeBuilder(dir), Options{PollInterval: 20 * time.Millisecond, quiet: 100 * time.Millisecond})
	if !strings.Contains(ts.log.String(), "no inotify here") || !strings.Contains(ts.log.String(), "polling every 20ms") {
		t.Errorf("log does not say it polls:\n%s", ts.log)
	}
	ts.nextBuild(t) // the full rebuild after switching
	writeFile(t, dir, "content/articles/polled.md", "Found by polling.\n")
	ts.expectBuild(t, "content/articles/polled.md")
	ts.expectPage(t, "articles/polled/", "Found by polling.")
}

// A listen failure is an error, not a hang.
func TestListenError(t *testing.T) {
	dir := newSite(t)
	err := Serve(context.Background(), newFakeBuilder(dir), Options{Dir: dir, Bind: "256.0.0.1", Log: &syncBuffer{}})
	if err == nil || !strings.Contains(err.Error(), "listen") {
		t.Fatalf("Serve on a bad address: %v", err)
	}
}

// panicky panics on its second build.
type panicky struct {
	*fakeBuilder
	n int
}

func (p *panicky) Build(changed []string) (*site.Result, error) {
	p.n++
	if p.n == 2 {
		panic("half-typed file")
	}
	return p.fakeBuilder.Build(changed)
}

// A builder that crashes shows as a failed build; the server goes on.
func TestBuilderPanicKeepsServing(t *testing.T) {
	dir := newSite(t)
	ts := startServer(t, dir, &panicky{fakeBuilder: newFakeBuilder(dir)}, Options{})
	page := openEvents(t, ts.url, "articles/first/index.html", ts.pageHash(t, "articles/first/"))
	page.expect(t, evOK)
	writeFile(t, dir, "content/articles/first.md", "one\n")
	if ts.nextBuild(t).ok {
		t.Fatal("a crashed build counted as good")
	}
	if ev := page.expect(t, evError); !strings.Contains(ev.data, "the builder crashed: half-typed file") {
		t.Errorf("overlay: %s", ev.data)
	}
	ts.expectPage(t, "articles/first/", "The first article.")
	writeFile(t, dir, "content/articles/first.md", "two\n")
	ts.nextBuild(t)
	page.expect(t, evReload)
	ts.expectPage(t, "articles/first/", "two")
}
