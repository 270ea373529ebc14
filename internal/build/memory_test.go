package build

import (
	"os"
	"runtime/debug"
	"testing"
)

// TestLimitMemory checks that a one-shot build's memory limit is set from
// the live heap, never below minMemoryLimit, restored afterwards, and left
// alone when GOMEMLIMIT is set.
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	if os.Getenv("GOMEMLIMIT") == "" {
		restore := limitMemory()
		if got := debug.SetMemoryLimit(-1); got < minMemoryLimit || got == before {
			t.Errorf("limit while building = %d, want at least %d and not the limit before (%d)", got, minMemoryLimit, before)
		}
		restore()
		if got := debug.SetMemoryLimit(-1); got != before {
			t.Errorf("limit after restore = %d, want %d", got, before)
		}
	}
	t.Setenv("GOMEMLIMIT", "off")
	restore := limitMemory()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set, limit = %d, want it unchanged (%d)", got, before)
	}
	restore()
}
