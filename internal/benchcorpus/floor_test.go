package benchcorpus

import (
	"bytes"
	"os"
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// floorMarkdown is goldmark as a dossier build sets it up for bodies, minus the
// dossier's own extensions: GFM, footnotes, typographer, automatic heading ids.
func floorMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// convertAll converts every body with md on GOMAXPROCS goroutines and returns the
// total size of the HTML.
func convertAll(b *testing.B, md goldmark.Markdown, bodies [][]byte) int64 {
	var total atomic.Int64
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(bodies) {
					return
				}
				buf.Reset()
				if err := md.Convert(bodies[i], &buf); err != nil {
					b.Error(err)
					return
				}
				total.Add(int64(buf.Len()))
			}
		})
	}
	wg.Wait()
	return total.Load()
}

// benchmarkFloor measures the goldmark-only floor of a build: one op converts all
// n bodies of a generated corpus. SetBytes reports Markdown throughput.
func benchmarkFloor(b *testing.B, n int) {
	c := Generate(Options{Articles: n, Seed: 1})
	bodies := make([][]byte, len(c.Articles))
	var size int64
	for i, a := range c.Articles {
		bodies[i] = []byte(a.Body)
		size += int64(len(bodies[i]))
	}
	md := floorMarkdown()
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		convertAll(b, md, bodies)
	}
}

// BenchmarkGoldmarkFloor1000 is the floor for 1,000 articles.
func BenchmarkGoldmarkFloor1000(b *testing.B) { benchmarkFloor(b, 1000) }

// BenchmarkGoldmarkFloor10000 is the floor for 10,000 articles. It is skipped
// unless DOSSIER_BENCH_10K=1, since one op takes seconds:
//
//	DOSSIER_BENCH_10K=1 go test -run '^$' -bench Floor10000 -benchtime 5x ./internal/benchcorpus
func BenchmarkGoldmarkFloor10000(b *testing.B) {
	if os.Getenv("DOSSIER_BENCH_10K") == "" {
		b.Skip("set DOSSIER_BENCH_10K=1 to run")
	}
	benchmarkFloor(b, 10000)
}
