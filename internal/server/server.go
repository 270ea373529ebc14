package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dossier-dev/dossier/internal/site"
)

// Builder rebuilds the site. Serve calls it from one goroutine at a time.
type Builder interface {
	// Build rebuilds after the given source-relative, slash-separated paths
	// changed (nil: everything). It returns the complete new site; content
	// problems are in Result.Diags (then Result.Output is nil and the last good
	// site stays served). The error is the tool's own failure.
	Build(changed []string) (*site.Result, error)
}

// The command's defaults for Options.Bind and Options.Port.
const (
	DefaultBind = "127.0.0.1"
	DefaultPort = 1313
)

// DefaultPollInterval is how often the sources are scanned when polling.
const DefaultPollInterval = 500 * time.Millisecond

// Options configures Serve.
type Options struct {
	// Dir is the site's folder on disk: site.toml, content/, templates/, static/.
	Dir string
	// Bind is the address to listen on; empty means DefaultBind.
	Bind string
	// Port is the TCP port; 0 picks a free one (see Ready).
	Port int
	// Poll scans the sources every PollInterval instead of using the
	// platform's file notifications.
	Poll bool
	// PollInterval is the polling period; zero means DefaultPollInterval.
	PollInterval time.Duration
	// BasePath is the path the site is served under, e.g. "/repo/"; empty
	// means the base path of the built site's baseURL.
	BasePath string
	// Log receives the server's messages and the diagnostics; nil means os.Stderr.
	Log io.Writer
	// Ready, when set, is called once the server listens, with the site's URL
	// (e.g. "http://127.0.0.1:1313/repo/").
	Ready func(url string)

	// quiet is the batching window; zero means defaultQuiet. Tests widen it.
	quiet time.Duration
	// hooks lets tests observe the server; nil outside tests.
	hooks *hooks
}

// hooks are called by the server at points tests wait for.
type hooks struct {
	watching   func()                          // the watches are in place
	built      func(changed []string, ok bool) // a build was published (or failed)
	subscribed func(page string)               // a page opened its event stream
}

// defaultQuiet is how long the sources must be still before a rebuild starts.
const defaultQuiet = 25 * time.Millisecond

// maxHold bounds how long a steady stream of events can postpone a rebuild.
const maxHold = time.Second

func (o Options) withDefaults() Options {
	if o.Dir == "" {
		o.Dir = "."
	}
	if o.Bind == "" {
		o.Bind = DefaultBind
	}
	if o.PollInterval <= 0 {
		o.PollInterval = DefaultPollInterval
	}
	if o.Log == nil {
		o.Log = os.Stderr
	}
	if o.quiet <= 0 {
		o.quiet = defaultQuiet
	}
	if o.BasePath != "" {
		o.BasePath = cleanBase(o.BasePath)
	}
	return o
}

// cleanBase makes p start and end with "/".
func cleanBase(p string) string {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// Serve builds the site, serves it and rebuilds on every change until ctx is
// done; then it shuts down and returns nil. It returns an error only when it
// cannot listen or read the site's folder.
func Serve(ctx context.Context, b Builder, opts Options) error {
	opts = opts.withDefaults()
	if _, err := os.Stat(opts.Dir); err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	addr := net.JoinHostPort(opts.Bind, strconv.Itoa(opts.Port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen %s: %w", addr, err)
	}
	s := newServer(b, opts)

	// Watch before the first build, so that no save made during it is lost.
	var wg sync.WaitGroup
	watchCtx, stopWatching := context.WithCancel(ctx)
	changes := make(chan change, 1024)
	batches := make(chan batch)
	wg.Go(func() { s.watch(watchCtx, changes, opts.hooks) })
	wg.Go(func() { collect(watchCtx, changes, batches, opts.quiet, maxHold) })
	s.rebuild(batch{all: true})

	// Requests that arrived during the first build wait in the listener's queue.
	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          log.New(io.Discard, "", 0),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	url := "http://" + ln.Addr().String() + s.site.Load().base
	fmt.Fprintf(opts.Log, "Serving %s at %s (Ctrl-C to stop)\n", opts.Dir, url)
	if opts.Ready != nil {
		opts.Ready(url)
	}

	err = s.loop(ctx, batches, served)
	stopWatching()
	s.hub.close()
	shutdown(srv)
	wg.Wait()
	return err
}

// shutdownGrace is how long requests in flight may take to finish on shutdown.
const shutdownGrace = time.Second

// shutdown stops the HTTP server: requests in flight get shutdownGrace to
// finish, then every connection is closed. Browsers keep idle and
// speculative connections open, which Shutdown alone would wait for.
func shutdown(srv *http.Server) {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if srv.Shutdown(ctx) != nil {
		srv.Close()
	}
}

// loop rebuilds for each batch until ctx is done or the HTTP server fails.
func (s *server) loop(ctx context.Context, batches <-chan batch, served <-chan error) error {
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-served:
			if errors.Is(err, http.ErrServerClosed) {
				return nil
			}
			return fmt.Errorf("serve: %w", err)
		case bt := <-batches:
			s.rebuild(bt)
		}
	}
}
