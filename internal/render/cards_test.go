package render

import "testing"

// TestMemoryCards: the cache keeps the cards last put within its bytes,
// forgetting the oldest first, and always the last one.
func TestMemoryCards(t *testing.T) {
	m := NewMemoryCards(25)
	for _, k := range []string{"a", "b", "c"} {
		m.Put(k, make([]byte, 10))
	}
	for k, want := range map[string]bool{"a": false, "b": true, "c": true} {
		if _, ok := m.Get(k); ok != want {
			t.Errorf("%s kept: %v, want %v", k, ok, want)
		}
	}
	m.Put("big", make([]byte, 100))
	if _, ok := m.Get("big"); !ok || len(m.cards) != 1 {
		t.Errorf("a card larger than the cache: kept %v, %d cards", ok, len(m.cards))
	}
}
