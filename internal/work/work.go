// Package work runs independent tasks on every processor.
package work

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(0) … f(n-1) on GOMAXPROCS goroutines, taking the indexes in
// order, and returns when every call has returned.
func Each(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}
