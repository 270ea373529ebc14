package server

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-dev/dossier/internal/benchcorpus"
	"github.com/dossier-dev/dossier/internal/site"
)

// BenchmarkSaveToReload measures the time from a file written to the reload
// message sent to the page showing it, on a small site with the real watcher
// (target: under 100 ms). It reports the mean as ms/reload.
func BenchmarkSaveToReload(b *testing.B) {
	for _, mode := range []struct {
		name string
		poll bool
	}{{"notify", false}, {"poll-100ms", true}} {
		b.Run(mode.name, func(b *testing.B) {
			dir := newSite(b)
			for i := range 20 {
				writeFile(b, dir, fmt.Sprintf("content/articles/a%02d.md", i), strings.Repeat("words ", 300))
			}
			ts := startServer(b, dir, newFakeBuilder(dir), Options{Poll: mode.poll, PollInterval: 100 * time.Millisecond})
			page := "articles/first/index.html"
			events := openEvents(b, ts.url, page, ts.pageHash(b, "articles/first/"))
			events.expect(b, evOK)
			var total time.Duration
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				start := time.Now()
				writeFile(b, dir, "content/articles/first.md", fmt.Sprintf("edit %d\n", i))
				events.expect(b, evReload)
				total += time.Since(start)
				ts.nextBuild(b)
			}
			b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/reload")
		})
	}
}

// BenchmarkSaveToReloadBundled is BenchmarkSaveToReload on the bundled
// dossier through the real, incremental builder.
func BenchmarkSaveToReloadBundled(b *testing.B) {
	dir := copyBundledSite(b)
	ts := startServer(b, dir, site.New(servedOptions(dir)), Options{})
	measureReloads(b, ts, dir, "content/events/massimov-detained.md", "events/massimov-detained/")
}

// BenchmarkSaveToReload1000 is BenchmarkSaveToReloadBundled on a generated
// dossier of 1,000 articles (10,022 files): save one article, wait for the
// reload message to the page showing it. It includes the watcher's 25 ms
// quiet period, which a burst of saves needs.
func BenchmarkSaveToReload1000(b *testing.B) { benchmarkSaveToReload(b, 1000) }

// BenchmarkSaveToReload10000 is the same at 10,000 articles (about 110,000
// files); it runs only with DOSSIER_BENCH_10K=1, since the first build takes
// minutes. It also reports the process's peak resident memory (VmHWM).
func BenchmarkSaveToReload10000(b *testing.B) {
	if os.Getenv("DOSSIER_BENCH_10K") == "" {
		b.Skip("set DOSSIER_BENCH_10K=1 to run the 10,000-article save-to-reload")
	}
	benchmarkSaveToReload(b, 10000)
	if status, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if kb, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				var n float64
				fmt.Sscan(strings.TrimSuffix(strings.TrimSpace(kb), " kB"), &n)
				b.ReportMetric(n/1024, "MiB-peak")
			}
		}
	}
}

// benchmarkSaveToReload times saves of one article of a generated dossier
// of n articles, as BenchmarkSaveToReload1000 describes.
func benchmarkSaveToReload(b *testing.B, n int) {
	dir := b.TempDir()
	if err := benchcorpus.Generate(benchcorpus.Options{Articles: n, Seed: 1}).WriteDossier(dir); err != nil {
		b.Fatal(err)
	}
	ts := startServer(b, dir, site.New(servedOptions(dir)), Options{})
	entries, err := os.ReadDir(filepath.Join(dir, "content", "articles"))
	if err != nil {
		b.Fatal(err)
	}
	name := entries[len(entries)/2].Name()
	measureReloads(b, ts, dir, "content/articles/"+name, "articles/"+strings.TrimSuffix(name, ".md")+"/")
}

// measureReloads edits file again and again, each time waiting for the
// reload message to the page at rel (its site path), and reports the mean
// time from the save to the message as ms/reload.
func measureReloads(b *testing.B, ts *testServer, dir, file, rel string) {
	orig, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		b.Fatal(err)
	}
	events := openEvents(b, ts.url, rel+"index.html", ts.pageHash(b, rel))
	events.expect(b, evOK)
	var total time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		writeFile(b, dir, file, string(orig)+fmt.Sprintf("\nEdit %d.\n", i))
		events.expect(b, evReload)
		total += time.Since(start)
		ts.nextBuild(b)
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms/reload")
}

// BenchmarkServePage measures answering a page request from memory
// (in-process, no network).
func BenchmarkServePage(b *testing.B) {
	files := map[string][]byte{}
	for i := range 500 {
		files[fmt.Sprintf("articles/a%03d/index.html", i)] = []byte("<html><body>" + strings.Repeat("words ", 1000) + "</body></html>")
	}
	s := testSnapshotServer("/repo/", files)
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			rec := httptest.NewRecorder()
			s.ServeHTTP(rec, httptest.NewRequest("GET", fmt.Sprintf("/repo/articles/a%03d/", i%500), nil))
			if rec.Code != 200 {
				b.Fatal(rec.Code)
			}
			i++
		}
	})
}

// BenchmarkServeLoopback measures page requests over loopback with keep-alive
// connections from parallel clients.
func BenchmarkServeLoopback(b *testing.B) {
	dir := newSite(b)
	ts := startServer(b, dir, newFakeBuilder(dir), Options{})
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	defer client.CloseIdleConnections()
	b.SetParallelism(32)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			resp, err := client.Get(ts.url + "articles/first/")
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				b.Fatal(resp.StatusCode)
			}
		}
	})
}

// BenchmarkSnapshot measures making the served snapshot of a 2000-file build
// in which one page changed (hashing every file is the part that grows with
// the site).
func BenchmarkSnapshot(b *testing.B) {
	files := map[string][]byte{}
	for i := range 2000 {
		files[fmt.Sprintf("p%04d/index.html", i)] = []byte("<html><body>" + strings.Repeat("words ", 2000) + "</body></html>")
	}
	prev, _ := newSnapshot(outputOf(files), "/", pendingSnapshot("/"))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		files["p0000/index.html"] = fmt.Appendf(nil, "<html><body>%d</body></html>", i)
		prev, _ = newSnapshot(outputOf(files), "/", prev)
	}
}
