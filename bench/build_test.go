// Package bench_test holds in-process benchmarks of a whole dossier build over a
// generated corpus, for profiling (-cpuprofile) what bench/build.sh times from the
// outside. See README.md.
package bench_test

import (
	"os"
	"testing"

	"github.com/dossier-dev/dossier/internal/benchcorpus"
	"github.com/dossier-dev/dossier/internal/build"
)

// benchmarkBuild builds a generated corpus of n articles in memory, once per op.
func benchmarkBuild(b *testing.B, n int) {
	dir := b.TempDir()
	if err := benchcorpus.Generate(benchcorpus.Options{Articles: n, Seed: 1}).WriteDossier(dir); err != nil {
		b.Fatal(err)
	}
	opts := build.Options{Source: os.DirFS(dir)}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := build.Build(opts)
		if err != nil {
			b.Fatal(err)
		}
		if len(res.Diags) > 0 {
			b.Fatalf("the generated corpus has problems, first: %v", res.Diags[0])
		}
	}
}

// BenchmarkBuild100 builds 100 articles (about 1,300 output files).
func BenchmarkBuild100(b *testing.B) { benchmarkBuild(b, 100) }

// BenchmarkBuild1000 builds 1,000 articles (about 10,000 output files).
func BenchmarkBuild1000(b *testing.B) { benchmarkBuild(b, 1000) }
