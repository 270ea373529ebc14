package server

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/dossier-dev/dossier/internal/site"
)

// stampedBuilder stamps every output file with its build's number and keeps
// every build's output, so a response can be checked against the build it
// claims to come from.
type stampedBuilder struct {
	inner *fakeBuilder
	mu    sync.Mutex
	gens  map[int]map[string][]byte
	n     int
}

func (s *stampedBuilder) Build(changed []string) (*site.Result, error) {
	res, err := s.inner.Build(changed)
	if err != nil || res.Output == nil {
		return res, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.n++
	stamp := fmt.Sprintf("build-%d;", s.n)
	built := res.Output.(mapOutput).files()
	files := make(map[string][]byte, len(built))
	for name, data := range built {
		files[name] = append([]byte(stamp), data...)
	}
	s.gens[s.n] = files
	res.Output = outputOf(files)
	return res, nil
}

// output returns what build gen held at name.
func (s *stampedBuilder) output(gen int, name string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.gens[gen][name]
	return b, ok
}

var stampRE = regexp.MustCompile(`^build-(\d+);`)

// Under hundreds of concurrent clients and a stream of rebuilds, every
// request succeeds and every body is exactly one build's file.
func TestServeUnderLoadDuringRebuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	dir := newSite(t)
	for i := range 50 {
		writeFile(t, dir, fmt.Sprintf("content/articles/a%02d.md", i), strings.Repeat("words ", 500))
	}
	sb := &stampedBuilder{inner: newFakeBuilder(dir), gens: map[int]map[string][]byte{}}
	ts := startServer(t, dir, sb, Options{})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 300, MaxConnsPerHost: 300}}
	defer client.CloseIdleConnections()

	paths := map[string]string{"": "index.html", "style.css": "style.css"}
	for i := range 50 {
		paths[fmt.Sprintf("articles/a%02d/", i)] = fmt.Sprintf("articles/a%02d/index.html", i)
	}
	var stop atomic.Bool
	var requests, failures atomic.Int64
	var wg sync.WaitGroup
	var firstErr sync.Once
	report := func(format string, args ...any) {
		failures.Add(1)
		firstErr.Do(func() { t.Errorf(format, args...) })
	}
	for c := range 300 {
		wg.Go(func() {
			for i := c; !stop.Load(); i++ {
				rel := fmt.Sprintf("articles/a%02d/", i%50)
				if i%7 == 0 {
					rel = "style.css"
				}
				requests.Add(1)
				if err := checkResponse(client, ts.url, rel, paths[rel], sb); err != nil {
					report("%v", err)
				}
			}
		})
	}
	for i := range 30 {
		writeFile(t, dir, fmt.Sprintf("content/articles/a%02d.md", i%50), fmt.Sprintf("edit %d ", i)+strings.Repeat("words ", 500))
		ts.nextBuild(t)
	}
	stop.Store(true)
	wg.Wait()
	t.Logf("%d requests during 30 rebuilds, %d failed", requests.Load(), failures.Load())
}

// checkResponse fetches rel and checks that its body is the file name of the
// build its stamp names (with the reload script when HTML).
func checkResponse(client *http.Client, siteURL, rel, name string, sb *stampedBuilder) error {
	resp, err := client.Get(siteURL + rel)
	if err != nil {
		return fmt.Errorf("GET %s: %w", rel, err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %d %v", rel, resp.StatusCode, err)
	}
	m := stampRE.FindSubmatch(body)
	if m == nil {
		return fmt.Errorf("GET %s: no build stamp in %.80q", rel, body)
	}
	gen, _ := strconv.Atoi(string(m[1]))
	raw, ok := sb.output(gen, name)
	if !ok {
		return fmt.Errorf("GET %s: build %d has no %s", rel, gen, name)
	}
	want := raw
	if isHTMLName(name) {
		want = inject(raw, reloadTag(strings.Count(name, "/"), name, hashOf(raw)))
	}
	if !bytes.Equal(body, want) {
		return fmt.Errorf("GET %s: body is not build %d's %s", rel, gen, name)
	}
	return nil
}
