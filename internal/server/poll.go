package server

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// poller finds changes by listing the sources every interval and comparing
// each file's size, modification time and mode with the previous listing.
type poller struct {
	root     string
	interval time.Duration
	out      chan<- change
	last     map[string]stamp
}

// stamp is what the poller compares.
type stamp struct {
	size int64
	mod  int64 // nanoseconds
	mode fs.FileMode
}

func newPoller(root string, interval time.Duration, out chan<- change) *poller {
	p := &poller{root: root, interval: interval, out: out}
	p.last = p.scan()
	return p
}

// run reports changes until ctx is done.
func (p *poller) run(ctx context.Context) {
	tick := time.NewTicker(p.interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			next := p.scan()
			for _, rel := range diffStamps(p.last, next) {
				send(ctx, p.out, change{path: rel})
			}
			p.last = next
		}
	}
}

// diffStamps lists the paths added, removed or changed from a to b.
func diffStamps(a, b map[string]stamp) []string {
	var out []string
	for rel, s := range b {
		if old, ok := a[rel]; !ok || old != s {
			out = append(out, rel)
		}
	}
	for rel := range a {
		if _, ok := b[rel]; !ok {
			out = append(out, rel)
		}
	}
	return out
}

// scan lists site.toml and every file below the watched folders.
func (p *poller) scan() map[string]stamp {
	files := map[string]stamp{}
	if fi, err := os.Stat(filepath.Join(p.root, siteConfig)); err == nil && !fi.IsDir() {
		files[siteConfig] = stampOf(fi)
	}
	for _, r := range watchedRoots {
		top := filepath.Join(p.root, r)
		filepath.WalkDir(top, func(name string, d fs.DirEntry, err error) error {
			if err != nil {
				return nil // vanished or unreadable: absent from this listing
			}
			if name != top && ignored(d.Name()) {
				return skip(d)
			}
			if d.IsDir() {
				return nil
			}
			fi, err := d.Info()
			if err != nil {
				return nil
			}
			rel, _ := filepath.Rel(p.root, name)
			files[filepath.ToSlash(rel)] = stampOf(fi)
			return nil
		})
	}
	return files
}

func stampOf(fi fs.FileInfo) stamp {
	return stamp{size: fi.Size(), mod: fi.ModTime().UnixNano(), mode: fi.Mode().Type()}
}
