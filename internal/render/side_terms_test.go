package render

import "testing"

// TestPairChunks checks that pairs read back as they were added across the
// chunk boundaries, the first chunk grown by append included.
func TestPairChunks(t *testing.T) {
	var p pairChunks
	n := 2<<pairChunkBits + 10
	for i := 0; i < n; i += 2 {
		p.add(int32(i), int32(-i))
	}
	if p.len != n || len(p.chunks) != 3 {
		t.Fatalf("len %d in %d chunks, want %d in 3", p.len, len(p.chunks), n)
	}
	for i := 0; i < n; i += 2 {
		if a, b := p.at(i), p.at(i+1); a != int32(i) || b != int32(-i) {
			t.Fatalf("pair at %d = (%d, %d), want (%d, %d)", i, a, b, i, -i)
		}
	}
}
