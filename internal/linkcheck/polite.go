package linkcheck

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// polite is a RoundTripper that holds each request until it may go: a
// connection is free, no other request to its host is under way, and the
// delay since the last one to that host has passed. A request holds its
// host until its response body is closed.
type polite struct {
	next    http.RoundTripper
	conns   chan struct{} // one token per request under way
	delay   time.Duration
	timeout time.Duration

	mu    sync.Mutex
	hosts map[string]*hostGate
}

// hostGate lets one request at a time go to a host.
type hostGate struct {
	turn chan struct{} // holds a token while a request is under way
	last time.Time     // when the last request ended
}

func newPolite(next http.RoundTripper, conns int, delay, timeout time.Duration) *polite {
	return &polite{next: next, conns: make(chan struct{}, conns), delay: delay, timeout: timeout,
		hosts: map[string]*hostGate{}}
}

func (p *polite) gate(host string) *hostGate {
	p.mu.Lock()
	defer p.mu.Unlock()
	g, ok := p.hosts[host]
	if !ok {
		g = &hostGate{turn: make(chan struct{}, 1)}
		p.hosts[host] = g
	}
	return g
}

// RoundTrip waits for the request's turn, then sends it with its own
// timeout. The host's turn, and the connection, are given back when the
// body is closed or the request fails. A host's turn is taken before a
// connection, and a connection is only ever waited for by one holding no
// other, so the two never wait for each other.
func (p *polite) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	g := p.gate(strings.ToLower(req.URL.Hostname()))
	select {
	case g.turn <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	if wait := time.Until(g.last.Add(p.delay)); wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
			<-g.turn
			return nil, ctx.Err()
		}
	}
	select {
	case p.conns <- struct{}{}:
	case <-ctx.Done():
		<-g.turn
		return nil, ctx.Err()
	}
	hop, cancel := context.WithTimeout(ctx, p.timeout)
	done := func() {
		cancel()
		g.last = time.Now()
		<-p.conns
		<-g.turn
	}
	resp, err := p.next.RoundTrip(req.WithContext(hop))
	if err != nil {
		done()
		return nil, err
	}
	resp.Body = &releasingBody{ReadCloser: resp.Body, release: done}
	return resp, nil
}

// releasingBody calls release once, when it is closed.
type releasingBody struct {
	io.ReadCloser
	once    sync.Once
	release func()
}

func (b *releasingBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.release)
	return err
}
