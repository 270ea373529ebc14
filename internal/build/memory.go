package build

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// memoryFactor is how many times the live heap of a loaded, converted
// dossier a one-shot build may use while it renders. Rendering adds about
// half of that heap again in pages' shared pieces, the side files about as
// much; the rest is the collector's room.
const memoryFactor = 3

// limitMemory sets the process's soft memory limit to memoryFactor times
// the live heap, measured by a collection, unless GOMEMLIMIT is set, and
// returns the function that restores the limit before.
//
// Without a limit, the collector lets the heap grow to twice what is live
// and the runtime gives memory back to the system slowly: a 10,000-article
// build peaked at about 2 GB of resident memory for 0.8 GB live. With it,
// the collector runs more often as the heap nears the limit and unused
// memory goes back at once. The limit is soft: a site that needs more
// still builds, with the collector working harder.
func limitMemory() (restore func()) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return func() {}
	}
	runtime.GC()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	if live[0].Value.Kind() != metrics.KindUint64 {
		return func() {}
	}
	limit := max(int64(live[0].Value.Uint64())*memoryFactor, minMemoryLimit)
	prev := debug.SetMemoryLimit(limit)
	return func() { debug.SetMemoryLimit(prev) }
}

// minMemoryLimit keeps small sites clear of the limit: below it the
// collector's usual pacing costs little memory anyway.
const minMemoryLimit = 256 << 20
