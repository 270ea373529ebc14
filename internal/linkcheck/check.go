package linkcheck

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/dossier-dev/dossier/internal/diag"
)

// Link is one external URL where it is written.
type Link struct {
	URL string
	Pos diag.Pos // the front-matter position of the URL
	// Quote is set for a source with a quote: its page must be HTML, for a
	// text fragment to point at the passage.
	Quote bool
}

// Resolver looks up a host's addresses; *net.Resolver is one.
type Resolver interface {
	LookupHost(ctx context.Context, host string) ([]string, error)
}

// UserAgent says who is asking, in every request.
const UserAgent = "dossier-linkcheck/1 (fact-check link checker; github.com/dossier-dev/dossier)"

// Options says how politely to check. Zero fields take the defaults.
type Options struct {
	Connections int           // requests under way at once, across hosts (default 4)
	Delay       time.Duration // between two requests to one host (default 1s)
	Timeout     time.Duration // for one request to answer (default 20s)
	MaxAge      time.Duration // how long a result is reused (default 24h)
	UserAgent   string        // default UserAgent
	// CacheFile is where results are kept; "" means
	// os.UserCacheDir()/dossier/linkcheck.json.
	CacheFile string
	// Resolver finds hosts' addresses; nil means net.DefaultResolver.
	Resolver Resolver
	// Now tells the time, for the cache's age; nil means time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() (Options, error) {
	if o.Connections <= 0 {
		o.Connections = 4
	}
	if o.Delay == 0 {
		o.Delay = time.Second
	}
	if o.Timeout <= 0 {
		o.Timeout = 20 * time.Second
	}
	if o.MaxAge <= 0 {
		o.MaxAge = 24 * time.Hour
	}
	if o.UserAgent == "" {
		o.UserAgent = UserAgent
	}
	if o.Resolver == nil {
		o.Resolver = net.DefaultResolver
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.CacheFile == "" {
		dir, err := os.UserCacheDir()
		if err != nil {
			return o, fmt.Errorf("find the cache folder: %w", err)
		}
		o.CacheFile = filepath.Join(dir, "dossier", "linkcheck.json")
	}
	return o, nil
}

// Check fetches every link's URL, each once, and reports what is wrong at
// the links' positions, sorted. The error is for the checker's own
// failures: the cache file cannot be written.
func Check(ctx context.Context, links []Link, opts Options) (diag.List, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	c := loadCache(opts.CacheFile, opts.Now(), opts.MaxAge)
	var todo []string
	for _, u := range uniqueURLs(links) {
		if _, ok := c.get(u); !ok {
			todo = append(todo, u)
		}
	}
	f := newFetcher(opts)
	defer f.client.CloseIdleConnections()
	var wg sync.WaitGroup
	for _, u := range todo {
		wg.Go(func() { c.put(u, f.fetch(ctx, u)) })
	}
	wg.Wait()
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	var diags diag.List
	for _, l := range links {
		r, _ := c.get(l.URL)
		report(&diags, l, r)
	}
	diags.Sort()
	if len(todo) > 0 {
		if err := c.save(); err != nil {
			return diags, err
		}
	}
	return diags, nil
}

// uniqueURLs lists the links' URLs once each, sorted.
func uniqueURLs(links []Link) []string {
	seen := map[string]bool{}
	var out []string
	for _, l := range links {
		if !seen[l.URL] {
			seen[l.URL] = true
			out = append(out, l.URL)
		}
	}
	sort.Strings(out)
	return out
}

// result is what fetching a URL found.
type result struct {
	Status  int       `json:"status,omitempty"`
	Final   string    `json:"final,omitempty"` // the URL redirects ended at, when it differs
	Type    string    `json:"type,omitempty"`  // the media type of the answer
	Err     string    `json:"error,omitempty"` // why there was no answer
	Checked time.Time `json:"checked"`
}

// fetcher makes the requests.
type fetcher struct {
	client *http.Client
	agent  string
	now    func() time.Time
}

func newFetcher(o Options) *fetcher {
	dialer := &net.Dialer{Timeout: o.Timeout}
	base := &http.Transport{
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			return dial(ctx, dialer, o.Resolver, network, addr)
		},
		TLSHandshakeTimeout:   o.Timeout,
		ResponseHeaderTimeout: o.Timeout,
		MaxIdleConnsPerHost:   1,
	}
	client := &http.Client{
		Transport: newPolite(base, o.Connections, o.Delay, o.Timeout),
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) >= 10 {
				return errors.New("more than 10 redirects")
			}
			return nil
		},
	}
	return &fetcher{client: client, agent: o.UserAgent, now: o.Now}
}

// lookupError is a host name that does not resolve.
type lookupError struct {
	host string
	err  error
}

func (e *lookupError) Error() string { return "the host name " + e.host + " does not resolve" }
func (e *lookupError) Unwrap() error { return e.err }

// dial connects to addr through the resolver.
func dial(ctx context.Context, d *net.Dialer, r Resolver, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if net.ParseIP(host) != nil {
		return d.DialContext(ctx, network, addr)
	}
	ips, err := r.LookupHost(ctx, host)
	if err != nil || len(ips) == 0 {
		return nil, &lookupError{host, err}
	}
	var last error
	for _, ip := range ips {
		conn, err := d.DialContext(ctx, network, net.JoinHostPort(ip, port))
		if err == nil {
			return conn, nil
		}
		last = err
	}
	return nil, last
}

// fetch GETs url, following redirects, and reads only the headers.
func (f *fetcher) fetch(ctx context.Context, url string) result {
	r := result{Checked: f.now()}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		r.Err = "not a URL that can be fetched"
		return r
	}
	req.Header.Set("User-Agent", f.agent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	resp, err := f.client.Do(req)
	if err != nil {
		r.Err = describe(err)
		return r
	}
	io.CopyN(io.Discard, resp.Body, 512)
	resp.Body.Close()
	r.Status = resp.StatusCode
	if final := resp.Request.URL.String(); final != url {
		r.Final = final
	}
	r.Type, _, _ = mime.ParseMediaType(resp.Header.Get("Content-Type"))
	return r
}

// describe says, for a reader, why a request got no answer.
func describe(err error) string {
	var le *lookupError
	var dns *net.DNSError
	var ne net.Error
	switch {
	case errors.As(err, &le):
		return le.Error()
	case errors.As(err, &dns):
		return "the host name " + dns.Name + " does not resolve"
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "no answer in time (timeout)"
	case errors.Is(err, syscall.ECONNRESET), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return "the server closed the connection without answering (reset)"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "the server refused the connection"
	}
	return err.Error()
}

// report adds what is wrong with link, as r found it, to diags.
func report(diags *diag.List, l Link, r result) {
	switch {
	case r.Err != "":
		diags.Errorf(l.Pos, diag.DeadLink, deadHint, "dead link %s: %s", l.URL, r.Err)
		return
	case r.Status >= 400:
		diags.Errorf(l.Pos, diag.DeadLink, deadHint, "dead link %s: %d %s", l.URL, r.Status, http.StatusText(r.Status))
		return
	}
	if r.Final != "" {
		diags.Warnf(l.Pos, diag.MovedLink, "write the new address", "%s moved to %s", l.URL, r.Final)
	}
	if l.Quote && r.Type != "text/html" && r.Type != "application/xhtml+xml" {
		typ := r.Type
		if typ == "" {
			typ = "of no stated type"
		}
		diags.Warnf(l.Pos, diag.NotHTML, "link to the HTML page that shows the passage, or remove quote",
			"%s is %s, not an HTML page: a text fragment cannot point at the quote", l.URL, strings.TrimSpace(typ))
	}
}

const deadHint = "find the page's new address, or link to an archived copy"
