package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
)

// memoryFactor is how many times the live heap of a loaded, converted
// dossier a one-shot build may use while it renders. Rendering and the side
// files add up to half of that heap again; the rest is the collector's room.
// Two builds each of 10,000 generated articles on 2 cores took 21.4-21.6 s
// and 1.6 GB without a limit, 26.5-27.0 s and 1.19 GB at 3 times, and
// 21.7-25.1 s and 1.29-1.31 GB at 3.25 times (November 2026). On 6 December
// 2026, with each file's AST and source let go once converted, two
// alternated pairs took 48.8 and 74.4 s and peaked at 1,367 MiB at 3
// times, 54.3 and 81.5 s and 1,481 MiB at 3.25 (a loaded machine: 23-64 s
// of system time): 3 keeps the peak under 1.5 GB at no cost seen.
const memoryFactor = 3.0

// limitMemory sets the process's soft memory limit to memoryFactor times
// the live heap, measured by a collection, and the collector's pace to
// gcPercent, unless GOMEMLIMIT is set (GOMEMLIMIT=off turns both off; GOGC
// alone keeps its pace), and returns the function that restores both.
//
// Without a limit, the collector lets the heap grow to twice what is live
// and the runtime gives memory back to the system slowly: a 10,000-article
// build peaked at 1.6 GB of resident memory for about 0.6 GB live. With it,
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
	limit := max(int64(float64(live[0].Value.Uint64())*memoryFactor), minMemoryLimit)
	prev := debug.SetMemoryLimit(limit)
	setPace, prevPercent := os.Getenv("GOGC") == "", 0
	if setPace {
		prevPercent = debug.SetGCPercent(gcPercent)
	}
	return func() {
		debug.SetMemoryLimit(prev)
		if setPace {
			debug.SetGCPercent(prevPercent)
		}
	}
}

// gcPercent is the collector's pace (GOGC) under the limit, unless GOGC is
// set: the heap may grow to three times what is live before a collection,
// and the limit bounds it on large sites. Builds of 1,000 generated
// articles took 12 to 15 % less time than at Go's default of 100; at 400
// and with no pace (the limit alone) they spent the time saved in faults
// on fresh memory.
const gcPercent = 200

// minMemoryLimit keeps small sites clear of the limit: below it the
// collector's usual pacing costs little memory anyway.
const minMemoryLimit = 256 << 20

// servePercent is the collector's pace (GOGC) for `dossier serve`, unless
// GOGC is set: serve holds the whole dossier for as long as it runs, and at
// Go's default of 100 its heap grows to twice what is live before each
// collection. At 10,000 generated articles, serve peaked at 2,534 MiB at
// 100 and at 1,691 and 1,700 MiB in two runs at 50 (VmHWM after the first
// build, about 1.2 GB live), its first build taking 30.8 s, and 37.7 and
// 38.3 s. At 1,000 articles
// BenchmarkSaveToReload1000 took 41.9 and 40.8 ms at 100, 42.7 and 42.6 ms
// at 50, alternated on 2 cores.
const servePercent = 50

// paceServe sets the collector's pace for serve and returns the function
// that restores it.
func paceServe() (restore func()) {
	if os.Getenv("GOGC") != "" {
		return func() {}
	}
	prev := debug.SetGCPercent(servePercent)
	return func() { debug.SetGCPercent(prev) }
}
