package main

import (
	"os"
	"runtime/debug"
	"testing"
)

// gcPercentNow reads the collector's pace without changing it.
func gcPercentNow() int {
	p := debug.SetGCPercent(100)
	debug.SetGCPercent(p)
	return p
}

// TestLimitMemory checks that a one-shot build's memory limit is set from
// the live heap, never below minMemoryLimit, with the collector's pace at
// gcPercent unless GOGC is set, both restored afterwards, and both left
// alone when GOMEMLIMIT is set.
func TestLimitMemory(t *testing.T) {
	before, beforePercent := debug.SetMemoryLimit(-1), gcPercentNow()
	if os.Getenv("GOMEMLIMIT") == "" {
		restore := limitMemory()
		if got := debug.SetMemoryLimit(-1); got < minMemoryLimit || got == before {
			t.Errorf("limit while building = %d, want at least %d and not the limit before (%d)", got, minMemoryLimit, before)
		}
		if got := gcPercentNow(); os.Getenv("GOGC") == "" && got != gcPercent {
			t.Errorf("pace while building = %d, want %d", got, gcPercent)
		}
		restore()
		if got := debug.SetMemoryLimit(-1); got != before {
			t.Errorf("limit after restore = %d, want %d", got, before)
		}
		if got := gcPercentNow(); got != beforePercent {
			t.Errorf("pace after restore = %d, want %d", got, beforePercent)
		}
	}
	t.Setenv("GOGC", "100")
	restore := limitMemory()
	if got := gcPercentNow(); got != beforePercent {
		t.Errorf("with GOGC set, pace = %d, want it unchanged (%d)", got, beforePercent)
	}
	restore()
	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "off")
	restore = limitMemory()
	if got := debug.SetMemoryLimit(-1); got != before {
		t.Errorf("with GOMEMLIMIT set, limit = %d, want it unchanged (%d)", got, before)
	}
	if got := gcPercentNow(); got != beforePercent {
		t.Errorf("with GOMEMLIMIT set, pace = %d, want it unchanged (%d)", got, beforePercent)
	}
	restore()
}

// TestPaceServe checks that serve's pace is servePercent unless GOGC is
// set, and is restored afterwards.
func TestPaceServe(t *testing.T) {
	before := gcPercentNow()
	if os.Getenv("GOGC") == "" {
		restore := paceServe()
		if got := gcPercentNow(); got != servePercent {
			t.Errorf("pace while serving = %d, want %d", got, servePercent)
		}
		restore()
		if got := gcPercentNow(); got != before {
			t.Errorf("pace after restore = %d, want %d", got, before)
		}
	}
	t.Setenv("GOGC", "100")
	restore := paceServe()
	if got := gcPercentNow(); got != before {
		t.Errorf("pace with GOGC set = %d, want it left at %d", got, before)
	}
	restore()
}
