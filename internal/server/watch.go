package server

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/fsnotify/fsnotify"
)

// watch reports every change to the site's sources on out until ctx is done,
// through the platform's notifications, or by polling when asked to or when
// notifications fail.
func (s *server) watch(ctx context.Context, out chan<- change, h *hooks) {
	ready := func() {
		if h != nil && h.watching != nil {
			h.watching()
		}
	}
	if !s.opts.Poll {
		nw, err := startNotify(s.opts.Dir, out)
		if err == nil {
			ready()
			err = nw.run(ctx)
		}
		if err == nil || ctx.Err() != nil {
			return
		}
		fmt.Fprintf(s.opts.Log, "file notifications failed (%v); polling every %v instead\n", err, s.opts.PollInterval)
		send(ctx, out, change{all: true}) // events may have been lost
	}
	p := newPoller(s.opts.Dir, s.opts.PollInterval, out)
	ready()
	p.run(ctx)
}

// send delivers c unless ctx is done first.
func send(ctx context.Context, out chan<- change, c change) {
	select {
	case out <- c:
	case <-ctx.Done():
	}
}

// startNotify starts the platform watcher; tests replace it to make it fail.
var startNotify = newNotifyWatcher

// notifyWatcher turns fsnotify's events on the site's folders into changes
// of site-relative paths. It watches every folder itself (inotify is not
// recursive), adding folders as they appear.
type notifyWatcher struct {
	w     *fsnotify.Watcher
	root  string
	out   chan<- change
	ctx   context.Context
	dirs  map[string]bool // watched folders, site-relative ("" is the site's folder)
	files map[string]bool // known files, to report a removed folder's contents
}

func newNotifyWatcher(root string, out chan<- change) (*notifyWatcher, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("start watcher: %w", err)
	}
	nw := &notifyWatcher{w: w, root: root, out: out, dirs: map[string]bool{}, files: map[string]bool{}}
	if err := nw.addDir(""); err != nil {
		w.Close()
		return nil, err
	}
	for _, r := range watchedRoots {
		if err := nw.addTree(r, false); err != nil {
			w.Close()
			return nil, err
		}
	}
	return nw, nil
}

// run handles events until ctx is done (nil) or the watcher fails (its error).
func (nw *notifyWatcher) run(ctx context.Context) error {
	nw.ctx = ctx
	defer nw.w.Close()
	for {
		select {
		case <-ctx.Done():
			return nil
		case ev, ok := <-nw.w.Events:
			if !ok {
				return errors.New("watcher closed")
			}
			if err := nw.handle(ev); err != nil {
				return err
			}
		case err, ok := <-nw.w.Errors:
			if !ok {
				return errors.New("watcher closed")
			}
			if !errors.Is(err, fsnotify.ErrEventOverflow) {
				return err
			}
			if err := nw.rescan(); err != nil {
				return err
			}
		}
	}
}

// handle turns one event into changes; an error means watching cannot go on.
func (nw *notifyWatcher) handle(ev fsnotify.Event) error {
	rel, ok := nw.rel(ev.Name)
	if !ok || !watched(rel) || ignored(path.Base(rel)) || ev.Op == fsnotify.Chmod {
		return nil
	}
	switch {
	case ev.Has(fsnotify.Create):
		fi, err := os.Lstat(ev.Name)
		if err == nil && fi.IsDir() {
			return nw.addTree(rel, true)
		}
		nw.files[rel] = true
	case ev.Has(fsnotify.Remove), ev.Has(fsnotify.Rename):
		wasDir := nw.dirs[rel]
		nw.forget(rel)
		if wasDir {
			return nil // its files were reported
		}
	}
	nw.emit(rel)
	return nil
}

// rel is name relative to the site's folder, slash-separated.
func (nw *notifyWatcher) rel(name string) (string, bool) {
	r, err := filepath.Rel(nw.root, name)
	if err != nil || r == "." || strings.HasPrefix(r, "..") {
		return "", false
	}
	return filepath.ToSlash(r), true
}

func (nw *notifyWatcher) emit(rel string) {
	if nw.ctx == nil { // still starting: nothing to report
		return
	}
	send(nw.ctx, nw.out, change{path: rel})
}

// addDir watches one folder.
func (nw *notifyWatcher) addDir(rel string) error {
	if err := nw.w.Add(filepath.Join(nw.root, filepath.FromSlash(rel))); err != nil {
		return fmt.Errorf("watch %s: %w", rel, err)
	}
	nw.dirs[rel] = true
	return nil
}

// addTree watches rel and every folder below it, and records its files,
// reporting them as changed when report is set (a folder that appeared,
// maybe with files written before its watch was in place). Each folder is
// watched before it is listed, so no file can slip in between.
func (nw *notifyWatcher) addTree(rel string, report bool) error {
	top := filepath.Join(nw.root, filepath.FromSlash(rel))
	err := filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil // gone meanwhile: its removal is reported by its parent
			}
			return err
		}
		r, _ := nw.rel(p)
		if p != top && ignored(d.Name()) {
			return skip(d)
		}
		if d.IsDir() {
			return nw.addDir(r)
		}
		nw.files[r] = true
		if report {
			nw.emit(r)
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

func skip(d fs.DirEntry) error {
	if d.IsDir() {
		return filepath.SkipDir
	}
	return nil
}

// forget drops rel and, when it was a folder, everything below it, reporting
// the files it held as changed (they are gone).
func (nw *notifyWatcher) forget(rel string) {
	delete(nw.files, rel)
	prefix := rel + "/"
	for d := range nw.dirs {
		if d == rel || strings.HasPrefix(d, prefix) {
			delete(nw.dirs, d)
			nw.w.Remove(filepath.Join(nw.root, filepath.FromSlash(d))) // already gone when deleted; harmless
		}
	}
	for f := range nw.files {
		if strings.HasPrefix(f, prefix) {
			delete(nw.files, f)
			nw.emit(f)
		}
	}
}

// rescan re-watches everything after the kernel dropped events, and asks
// for a full rebuild.
func (nw *notifyWatcher) rescan() error {
	for _, r := range watchedRoots {
		if err := nw.addTree(r, false); err != nil {
			return err
		}
	}
	send(nw.ctx, nw.out, change{all: true})
	return nil
}
