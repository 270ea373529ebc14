package linkcheck

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/internal/diag"
)

// server is a local test server that records its requests.
type server struct {
	*httptest.Server
	mu       sync.Mutex
	requests int
	inFlight int
	maxIn    int
	spans    [][2]time.Time // each request's start and end
	agents   []string
	paths    map[string]int
	hold     time.Duration // how long each /page takes
}

// newServer starts a server on ip (127.0.0.1 or 127.0.0.2).
func newServer(t *testing.T, ip string) *server {
	t.Helper()
	s := &server{}
	l, err := net.Listen("tcp", ip+":0")
	if err != nil {
		t.Skipf("cannot listen on %s: %v", ip, err)
	}
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(s.serve))
	s.Listener.Close()
	s.Listener = l
	s.Start()
	t.Cleanup(s.Close)
	return s
}

func (s *server) serve(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	s.mu.Lock()
	s.requests++
	s.inFlight++
	s.maxIn = max(s.maxIn, s.inFlight)
	s.agents = append(s.agents, r.UserAgent())
	if s.paths == nil {
		s.paths = map[string]int{}
	}
	s.paths[r.URL.Path]++
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		s.inFlight--
		s.spans = append(s.spans, [2]time.Time{start, time.Now()})
		s.mu.Unlock()
	}()
	switch {
	case r.URL.Path == "/ok" || strings.HasPrefix(r.URL.Path, "/page"):
		if s.hold > 0 {
			time.Sleep(s.hold)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, "<!doctype html><p>founded on 15 June 2001</p>")
	case r.URL.Path == "/old":
		http.Redirect(w, r, "/ok", http.StatusMovedPermanently)
	case r.URL.Path == "/pdf":
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprint(w, "%PDF-1.4")
	case r.URL.Path == "/error":
		http.Error(w, "broken", http.StatusInternalServerError)
	case r.URL.Path == "/slow":
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	case r.URL.Path == "/reset":
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.(*net.TCPConn).SetLinger(0)
			conn.Close()
		}
	default:
		http.NotFound(w, r)
	}
}

func (s *server) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

// resolver maps test host names to the loopback addresses.
type resolver map[string]string

func (r resolver) LookupHost(_ context.Context, host string) ([]string, error) {
	if ip, ok := r[host]; ok {
		return []string{ip}, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

var testResolver = resolver{"a.test": "127.0.0.1", "b.test": "127.0.0.2"}

// at is a front-matter position on line n.
func at(n int) diag.Pos { return diag.Pos{File: "content/articles/x.md", Line: n, Col: 9} }

// hostURL is the server's address under the test host name.
func hostURL(s *server, host, path string) string {
	_, port, _ := net.SplitHostPort(s.Listener.Addr().String())
	return "http://" + host + ":" + port + path
}

func testOptions(t *testing.T) Options {
	return Options{Connections: 4, Delay: 30 * time.Millisecond, Timeout: time.Second,
		CacheFile: filepath.Join(t.TempDir(), "links.json"), Resolver: testResolver}
}

func lines(diags diag.List) []string {
	var out []string
	for _, d := range diags {
		out = append(out, fmt.Sprintf("%d: %s: [%s] %s", d.Pos.Line, d.Severity, d.Code, d.Msg))
	}
	return out
}

// TestReports checks every kind of failure, each at its link's position.
func TestReports(t *testing.T) {
	a := newServer(t, "127.0.0.1")
	u := func(path string) string { return hostURL(a, "a.test", path) }
	links := []Link{
		{URL: u("/ok"), Pos: at(1), Quote: true},
		{URL: u("/old"), Pos: at(2)},
		{URL: u("/missing"), Pos: at(3)},
		{URL: u("/error"), Pos: at(4)},
		{URL: u("/slow"), Pos: at(5)},
		{URL: u("/reset"), Pos: at(6)},
		{URL: "http://gone.test/page", Pos: at(7)},
		{URL: u("/pdf"), Pos: at(8), Quote: true},
		{URL: u("/pdf"), Pos: at(9)},
		{URL: u("/missing"), Pos: at(10)},
	}
	diags, err := Check(context.Background(), links, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"2: warning: [moved-link] " + u("/old") + " moved to " + u("/ok"),
		"3: error: [dead-link] dead link " + u("/missing") + ": 404 Not Found",
		"4: error: [dead-link] dead link " + u("/error") + ": 500 Internal Server Error",
		"5: error: [dead-link] dead link " + u("/slow") + ": no answer in time (timeout)",
		"6: error: [dead-link] dead link " + u("/reset") + ": the server closed the connection without answering (reset)",
		"7: error: [dead-link] dead link http://gone.test/page: the host name gone.test does not resolve",
		"8: warning: [not-html] " + u("/pdf") + " is application/pdf, not an HTML page: a text fragment cannot point at the quote",
		"10: error: [dead-link] dead link " + u("/missing") + ": 404 Not Found",
	}
	if got := lines(diags); !slices.Equal(got, want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
	// /missing and /pdf are written twice but fetched once each.
	if a.paths["/missing"] != 1 || a.paths["/pdf"] != 1 || a.paths["/ok"] != 2 {
		t.Errorf("requests by path: %v", a.paths)
	}
	for _, agent := range a.agents {
		if agent != UserAgent {
			t.Errorf("User-Agent %q", agent)
		}
	}
}

// TestPerHostLimit checks that no two requests to one host overlap, that
// requests to one host are spaced by the delay, and that two hosts are
// served at once within the connection limit.
func TestPerHostLimit(t *testing.T) {
	a, b := newServer(t, "127.0.0.1"), newServer(t, "127.0.0.2")
	a.hold, b.hold = 40*time.Millisecond, 40*time.Millisecond
	var links []Link
	for i := range 4 {
		links = append(links, Link{URL: hostURL(a, "a.test", fmt.Sprintf("/page%d", i)), Pos: at(i + 1)},
			Link{URL: hostURL(b, "b.test", fmt.Sprintf("/page%d", i)), Pos: at(i + 10)})
	}
	start := time.Now()
	opts := testOptions(t)
	diags, err := Check(context.Background(), links, opts)
	if err != nil || len(diags) > 0 {
		t.Fatal(err, diags)
	}
	for name, s := range map[string]*server{"127.0.0.1": a, "127.0.0.2": b} {
		if s.maxIn != 1 {
			t.Errorf("%s: %d requests at once, want 1", name, s.maxIn)
		}
		slices.SortFunc(s.spans, func(x, y [2]time.Time) int { return x[0].Compare(y[0]) })
		for i := 1; i < len(s.spans); i++ {
			if gap := s.spans[i][0].Sub(s.spans[i-1][1]); gap < opts.Delay-5*time.Millisecond {
				t.Errorf("%s: request %d began %v after the one before ended, want at least %v", name, i, gap, opts.Delay)
			}
		}
	}
	// The two hosts are served at once: some request to one overlaps some
	// request to the other.
	overlap := false
	for _, x := range a.spans {
		for _, y := range b.spans {
			overlap = overlap || (x[0].Before(y[1]) && y[0].Before(x[1]))
		}
	}
	if !overlap {
		t.Errorf("no request to 127.0.0.1 overlapped one to 127.0.0.2 (took %v)", time.Since(start))
	}
}

// TestConnectionLimit checks that no more requests than Connections are
// under way at once, across hosts.
func TestConnectionLimit(t *testing.T) {
	a, b := newServer(t, "127.0.0.1"), newServer(t, "127.0.0.2")
	a.hold, b.hold = 30*time.Millisecond, 30*time.Millisecond
	var mu sync.Mutex
	inFlight, most := 0, 0
	count := func(s *server) {
		old := s.Config.Handler
		s.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			inFlight++
			most = max(most, inFlight)
			mu.Unlock()
			old.ServeHTTP(w, r)
			mu.Lock()
			inFlight--
			mu.Unlock()
		})
	}
	count(a)
	count(b)
	links := []Link{{URL: hostURL(a, "a.test", "/page1")}, {URL: hostURL(b, "b.test", "/page1")},
		{URL: hostURL(a, "a.test", "/page2")}, {URL: hostURL(b, "b.test", "/page2")}}
	opts := testOptions(t)
	opts.Connections = 1
	if diags, err := Check(context.Background(), links, opts); err != nil || len(diags) > 0 {
		t.Fatal(err, diags)
	}
	if most != 1 {
		t.Errorf("%d requests at once with Connections = 1", most)
	}
}

// TestCache checks that a second run the same day makes no request, and
// that a day later the links are fetched again.
func TestCache(t *testing.T) {
	a := newServer(t, "127.0.0.1")
	links := []Link{{URL: hostURL(a, "a.test", "/ok"), Pos: at(1)}, {URL: hostURL(a, "a.test", "/missing"), Pos: at(2)}}
	opts := testOptions(t)
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	opts.Now = func() time.Time { return now }
	first, err := Check(context.Background(), links, opts)
	if err != nil {
		t.Fatal(err)
	}
	if a.count() != 2 {
		t.Fatalf("%d requests on the first run", a.count())
	}
	now = now.Add(23 * time.Hour)
	second, err := Check(context.Background(), links, opts)
	if err != nil {
		t.Fatal(err)
	}
	if a.count() != 2 {
		t.Errorf("the second run made %d requests", a.count()-2)
	}
	if !slices.Equal(lines(first), lines(second)) || len(second) != 1 {
		t.Errorf("cached run reports %v, first %v", lines(second), lines(first))
	}
	now = now.Add(2 * time.Hour)
	if _, err := Check(context.Background(), links, opts); err != nil {
		t.Fatal(err)
	}
	if a.count() != 4 {
		t.Errorf("a day later: %d requests in all, want 4", a.count())
	}
}
