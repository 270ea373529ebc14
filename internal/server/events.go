package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dossier-dev/dossier/internal/work"
)

// message is one Server-Sent Event: a name and a one-line JSON payload.
type message struct {
	event string
	data  []byte
}

// The events a page receives; doc.go describes them.
const (
	evReload = "reload"
	evCSS    = "css"
	evError  = "build-error"
	evOK     = "ok"
	evWarn   = "warnings"
)

// clientBuffer is how many messages may wait for a slow page before it is
// dropped; it reconnects and catches up from its hash.
const clientBuffer = 16

// heartbeat keeps idle streams open through proxies.
const heartbeat = 20 * time.Second

// client is one open page.
type client struct {
	page string // output path, e.g. "articles/x/index.html"
	hash string // hash of the output the page shows
	ch   chan message
}

// hub publishes builds to the open pages. It owns the swap of the served
// snapshot, so that a page loaded from a build is never told about an older one.
type hub struct {
	site *atomic.Pointer[snapshot]

	mu      sync.Mutex
	clients map[*client]struct{}
	failure []byte // the overlay payload while the latest build failed
	warned  []byte // the badge payload of the latest good build
	closed  bool
	done    chan struct{}

	subscribed func(page string) // tests: called after a page subscribed
}

func newHub(site *atomic.Pointer[snapshot]) *hub {
	return &hub{site: site, clients: map[*client]struct{}{}, done: make(chan struct{})}
}

// noWarnings is the "warnings" event that removes the badge.
var noWarnings = []byte(`{"html":"","count":0}`)

// warningsMessage is the "warnings" event for payload (nil: none).
func warningsMessage(payload []byte) message {
	if payload == nil {
		return message{evWarn, noWarnings}
	}
	return message{evWarn, payload}
}

// publish serves next and tells every page what to do about it; warnings
// is the badge payload of its warnings (see warningsPayload), nil for none.
func (h *hub) publish(next *snapshot, ch changes, warnings []byte) {
	h.prepare(next)
	h.mu.Lock()
	defer h.mu.Unlock()
	h.site.Store(next)
	wasFailing := h.failure != nil
	h.failure = nil
	newWarnings := !bytes.Equal(h.warned, warnings)
	h.warned = warnings
	css := cssMessage(ch.css)
	for c := range h.clients {
		reload := pageChanged(c, next, ch)
		switch {
		case reload:
			h.send(c, message{evReload, []byte("{}")})
		case wasFailing:
			h.send(c, message{evOK, []byte("{}")})
		}
		if css != nil && !reload {
			h.send(c, *css)
		}
		if !reload && newWarnings {
			h.send(c, warningsMessage(warnings))
		}
	}
}

// prepare renders, in parallel and before publish takes the lock, the lazy
// pages that open pages show: publish compares their bytes.
func (h *hub) prepare(next *snapshot) {
	h.mu.Lock()
	var pages []string
	for c := range h.clients {
		pages = append(pages, c.page)
	}
	h.mu.Unlock()
	work.Each(len(pages), func(i int) {
		if e := next.files[pages[i]]; e != nil {
			e.load(pages[i])
		}
	})
}

// pageChanged reports whether c must reload to show next, and records the
// hash it will show.
func pageChanged(c *client, next *snapshot, ch changes) bool {
	hash := next.hashOf(c.page)
	changed := hash != c.hash || ch.base
	if !changed && len(ch.assets) > 0 {
		if e := next.lookup(c.page); e != nil {
			e.load(c.page)
			for _, a := range ch.assets {
				changed = changed || e.refersTo(a)
			}
		}
	}
	if changed {
		c.hash = hash
	}
	return changed
}

// cssMessage is the "css" event for the changed stylesheets, or nil.
func cssMessage(paths []string) *message {
	if len(paths) == 0 {
		return nil
	}
	sort.Strings(paths)
	data, _ := json.Marshal(map[string]any{"paths": paths, "version": time.Now().UnixNano()})
	return &message{evCSS, data}
}

// hashOf returns the hash of the output at page, or "" when there is none.
func (s *snapshot) hashOf(page string) string {
	if e := s.files[page]; e != nil {
		return e.load(page).hash
	}
	return ""
}

// fail tells every page that the latest build failed; payload is the overlay.
func (h *hub) fail(payload []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.failure = payload
	for c := range h.clients {
		h.send(c, message{evError, payload})
	}
}

// subscribe registers a page showing the output with the given hash and
// queues what it needs to catch up: the overlay, a reload, or "ok".
func (h *hub) subscribe(page, hash string) (*client, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	c := &client{page: page, hash: hash, ch: make(chan message, clientBuffer)}
	h.clients[c] = struct{}{}
	snap := h.site.Load()
	switch {
	case h.failure != nil:
		h.send(c, message{evError, h.failure})
	case snap.hashOf(page) != hash:
		c.hash = snap.hashOf(page)
		h.send(c, message{evReload, []byte("{}")})
	default:
		h.send(c, message{evOK, []byte("{}")})
	}
	if h.warned != nil {
		h.send(c, message{evWarn, h.warned})
	}
	return c, true
}

// unsubscribe forgets c.
func (h *hub) unsubscribe(c *client) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.clients[c]; ok {
		delete(h.clients, c)
		close(c.ch)
	}
}

// send queues m for c without blocking; a page that cannot keep up is
// dropped, and catches up when it reconnects. h.mu must be held.
func (h *hub) send(c *client, m message) {
	if _, ok := h.clients[c]; !ok {
		return
	}
	select {
	case c.ch <- m:
	default:
		delete(h.clients, c)
		close(c.ch)
	}
}

// close ends every event stream, for shutdown.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.closed {
		h.closed = true
		close(h.done)
	}
}

// serveEvents streams the events for the page named in the query.
func (h *hub) serveEvents(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	q := r.URL.Query()
	c, ok := h.subscribe(q.Get("page"), q.Get("hash"))
	if !ok {
		http.Error(w, "503 shutting down", http.StatusServiceUnavailable)
		return
	}
	defer h.unsubscribe(c)
	if h.subscribed != nil {
		h.subscribed(c.page)
	}
	hd := w.Header()
	hd.Set("Content-Type", "text/event-stream")
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Accel-Buffering", "no")
	fmt.Fprint(w, "retry: 1000\n\n")
	flusher.Flush()
	tick := time.NewTicker(heartbeat)
	defer tick.Stop()
	for {
		select {
		case m, ok := <-c.ch:
			if !ok {
				return
			}
			if _, err := fmt.Fprintf(w, "event: %s\ndata: %s\n\n", m.event, m.data); err != nil {
				return
			}
		case <-tick.C:
			fmt.Fprint(w, ": ping\n\n")
		case <-r.Context().Done():
			return
		case <-h.done:
			return
		}
		flusher.Flush()
	}
}
