package mention

import (
	"sync"
	"testing"
)

// TestConcurrent converts documents in parallel with one Matcher and one
// goldmark instance, as the build does; run with -race.
func TestConcurrent(t *testing.T) {
	m := mustMatcher(t, testEntities)
	md := newMarkdown()
	docs := []string{"Tokayev and Tokayev.", "CSTO, then the CSTO.", "Elbasy's PLA. Wang Yi."}
	want := make([]string, len(docs))
	wantHits := make([]int, len(docs))
	for i, d := range docs {
		var hits []Hit
		want[i], hits = convert(t, md, m, ModeFirst, d)
		wantHits[i] = len(hits)
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 20 {
				k := (g + i) % len(docs)
				got, hits := convert(t, md, m, ModeFirst, docs[k])
				if got != want[k] || len(hits) != wantHits[k] {
					t.Errorf("doc %d: got %q (%d hits), want %q", k, got, len(hits), want[k])
				}
			}
		})
	}
	wg.Wait()
}
