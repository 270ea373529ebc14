package benchcorpus

import "testing"

// BenchmarkGenerate measures composing a corpus of 1,000 articles in memory.
func BenchmarkGenerate(b *testing.B) {
	for b.Loop() {
		Generate(Options{Articles: 1000, Seed: 1})
	}
}
