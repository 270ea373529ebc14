package server

import (
	"context"
	"slices"
	"time"
)

// change is one source path that changed; all means "anything may have
// changed" (lost events, a switch of watcher).
type change struct {
	path string
	all  bool
}

// batch is what one rebuild gets: sorted, distinct paths, or all.
type batch struct {
	paths []string
	all   bool
}

// collect groups changes into batches: a batch is ready once no change has
// arrived for quiet (or maxHold after its first change), and is handed to
// out when the builder takes it; changes arriving meanwhile join it.
func collect(ctx context.Context, in <-chan change, out chan<- batch, quiet, maxHold time.Duration) {
	var (
		pending = map[string]bool{}
		all     bool
		first   time.Time
		timer   = time.NewTimer(time.Hour)
		ready   bool
	)
	timer.Stop()
	defer timer.Stop()
	for {
		var send chan<- batch
		var next batch
		if ready {
			send, next = out, makeBatch(pending, all)
		}
		select {
		case <-ctx.Done():
			return
		case c := <-in:
			if len(pending) == 0 && !all {
				first = time.Now()
			}
			all = all || c.all
			if !c.all {
				pending[c.path] = true
			}
			ready = false
			if wait := min(quiet, maxHold-time.Since(first)); wait > 0 {
				timer.Reset(wait)
			} else {
				ready = true
			}
		case <-timer.C:
			ready = true
		case send <- next:
			pending, all, ready = map[string]bool{}, false, false
		}
	}
}

// makeBatch freezes the pending set.
func makeBatch(pending map[string]bool, all bool) batch {
	if all {
		return batch{all: true}
	}
	paths := make([]string, 0, len(pending))
	for p := range pending {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	return batch{paths: paths}
}
