package server

import (
	"bufio"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// sse is one open event stream, as a page's script would hold it.
type sse struct {
	events chan sseEvent
	cancel context.CancelFunc
}

type sseEvent struct{ name, data string }

// openEvents connects to the event stream for page as served with hash.
func openEvents(t testing.TB, siteURL, page, hash string) *sse {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	q := url.Values{"page": {page}, "hash": {hash}}
	req, _ := http.NewRequestWithContext(ctx, "GET", siteURL+"_dossier/events?"+q.Encode(), nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatalf("events: %v", err)
	}
	if ct := resp.Header.Get("Content-Type"); resp.StatusCode != 200 || ct != "text/event-stream" {
		cancel()
		t.Fatalf("events: %d %s", resp.StatusCode, ct)
	}
	s := &sse{events: make(chan sseEvent, 100), cancel: cancel}
	go func() {
		defer resp.Body.Close()
		defer close(s.events)
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(nil, 1<<20)
		var ev sseEvent
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev.name = line[len("event: "):]
			case strings.HasPrefix(line, "data: "):
				ev.data = line[len("data: "):]
			case line == "" && ev.name != "":
				s.events <- ev
				ev = sseEvent{}
			}
		}
	}()
	t.Cleanup(cancel)
	return s
}

// next returns the next event.
func (s *sse) next(t testing.TB) sseEvent {
	t.Helper()
	select {
	case ev, ok := <-s.events:
		if !ok {
			t.Fatal("event stream closed")
		}
		return ev
	case <-time.After(waitLimit):
		t.Fatal("no event")
	}
	return sseEvent{}
}

// expect checks that the next event is name.
func (s *sse) expect(t testing.TB, name string) sseEvent {
	t.Helper()
	ev := s.next(t)
	if ev.name != name {
		t.Fatalf("event %q (%.200s), want %q", ev.name, ev.data, name)
	}
	return ev
}

var hashAttr = regexp.MustCompile(`data-hash="([^"]*)"`)

// pageHash fetches rel and returns the hash its reload script reports.
func (ts *testServer) pageHash(t testing.TB, rel string) string {
	t.Helper()
	_, body := ts.get(t, rel)
	m := hashAttr.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("%s has no reload script:\n%s", rel, body)
	}
	return m[1]
}

func TestLiveReloadEvents(t *testing.T) {
	dir := newSite(t)
	writeFile(t, dir, "content/articles/second.md", "The second article.\n")
	ts := startServer(t, dir, newFakeBuilder(dir), Options{})
	first := openEvents(t, ts.url, "articles/first/index.html", ts.pageHash(t, "articles/first/"))
	second := openEvents(t, ts.url, "articles/second/index.html", ts.pageHash(t, "articles/second/"))
	first.expect(t, evOK)
	second.expect(t, evOK)

	// Only the edited page reloads; the other hears nothing.
	writeFile(t, dir, "content/articles/first.md", "The first article, edited.\n")
	ts.nextBuild(t)
	first.expect(t, evReload)

	// A stylesheet-only change swaps styles in both pages.
	writeFile(t, dir, "static/style.css", "body { color: navy; }\n")
	ts.nextBuild(t)
	for _, s := range []*sse{first, second} {
		ev := s.expect(t, evCSS)
		var msg struct{ Paths []string }
		if err := json.Unmarshal([]byte(ev.data), &msg); err != nil || len(msg.Paths) != 1 || msg.Paths[0] != "style.css" {
			t.Fatalf("css event %s: %v", ev.data, err)
		}
	}

	// A broken file shows the overlay everywhere, with the file and line.
	writeFile(t, dir, "content/articles/second.md", "line one\nline two BROKEN\nline three\n")
	if ev := ts.nextBuild(t); ev.ok {
		t.Fatal("build of a broken file succeeded")
	}
	for _, s := range []*sse{first, second} {
		ev := s.expect(t, evError)
		var msg struct{ HTML string }
		json.Unmarshal([]byte(ev.data), &msg)
		for _, want := range []string{"content/articles/second.md:2:10", "the file is broken", `hint: remove &#34;BROKEN&#34;`, `role="alertdialog"`, "line two"} {
			if !strings.Contains(msg.HTML, want) {
				t.Errorf("overlay lacks %q:\n%s", want, msg.HTML)
			}
		}
	}
	// The last good site stays served, and a page opened now gets the overlay too.
	ts.expectPage(t, "articles/first/", "The first article, edited.")
	openEvents(t, ts.url, "index.html", ts.pageHash(t, "")).expect(t, evError)
	if !strings.Contains(ts.log.String(), "content/articles/second.md:2:10: error: the file is broken") {
		t.Errorf("terminal lacks the diagnostic:\n%s", ts.log)
	}

	// Fixing it clears the overlay; the fixed page reloads.
	writeFile(t, dir, "content/articles/second.md", "The second article, fixed.\n")
	ts.nextBuild(t)
	first.expect(t, evOK)
	second.expect(t, evReload)
}

// A page that reconnects (say after a server restart) with an old hash reloads;
// one that is up to date is told "ok".
func TestReconnectCatchesUp(t *testing.T) {
	dir := newSite(t)
	ts := startServer(t, dir, newFakeBuilder(dir), Options{BasePath: "/repo/"})
	if !strings.HasSuffix(ts.url, "/repo/") {
		t.Fatalf("site URL %s, want it under /repo/", ts.url)
	}
	openEvents(t, ts.url, "articles/first/index.html", "stale").expect(t, evReload)
	openEvents(t, ts.url, "articles/first/index.html", ts.pageHash(t, "articles/first/")).expect(t, evOK)
	// a missing page that appears later
	gone := openEvents(t, ts.url, "articles/later/index.html", "")
	gone.expect(t, evOK)
	writeFile(t, dir, "content/articles/later.md", "Later.\n")
	ts.nextBuild(t)
	gone.expect(t, evReload)
}

// A page that cannot keep up is dropped rather than blocking the server.
func TestSlowClientDropped(t *testing.T) {
	var site atomic.Pointer[snapshot]
	site.Store(pendingSnapshot("/"))
	h := newHub(&site)
	c, _ := h.subscribe("index.html", "x")
	for range clientBuffer * 2 {
		h.fail([]byte(`{}`))
	}
	n := 0
	for range c.ch {
		n++
	}
	if n != clientBuffer {
		t.Fatalf("%d messages queued, want %d", n, clientBuffer)
	}
	h.unsubscribe(c) // no double close
}

// A change to an image reloads the pages that show it, and only those.
func TestAssetChangeReloadsReferrers(t *testing.T) {
	files := map[string][]byte{
		"a/index.html": []byte(`<img src="/img/x.png">`),
		"b/index.html": []byte(`<p>no image</p>`),
		"img/x.png":    []byte("png1"),
	}
	var site atomic.Pointer[snapshot]
	prev, _ := newSnapshot(outputOf(files), "/", pendingSnapshot("/"))
	site.Store(prev)
	h := newHub(&site)
	a, _ := h.subscribe("a/index.html", prev.hashOf("a/index.html"))
	b, _ := h.subscribe("b/index.html", prev.hashOf("b/index.html"))
	<-a.ch
	<-b.ch
	files["img/x.png"] = []byte("png2")
	next, ch := newSnapshot(outputOf(files), "/", prev)
	h.publish(next, ch, nil)
	if m := <-a.ch; m.event != evReload {
		t.Errorf("page with the image got %q, want reload", m.event)
	}
	if len(b.ch) != 0 {
		t.Errorf("page without the image got %q", (<-b.ch).event)
	}
}

// When the very first build fails, pages get a placeholder with the overlay,
// and reload once the site builds.
func TestFirstBuildFails(t *testing.T) {
	dir := newSite(t)
	writeFile(t, dir, "content/articles/first.md", "BROKEN\n")
	ts := startServer(t, dir, newFakeBuilder(dir), Options{})
	code, body := ts.get(t, "articles/first/")
	if code != http.StatusServiceUnavailable || !strings.Contains(body, `data-hash="pending"`) {
		t.Fatalf("before any good build: %d\n%s", code, body)
	}
	page := openEvents(t, ts.url, "articles/first/index.html", "pending")
	if ev := page.expect(t, evError); !strings.Contains(ev.data, "content/articles/first.md:1:1") {
		t.Errorf("overlay: %s", ev.data)
	}
	writeFile(t, dir, "content/articles/first.md", "Fixed.\n")
	ts.nextBuild(t)
	page.expect(t, evReload)
	ts.expectPage(t, "articles/first/", "Fixed.")
}
