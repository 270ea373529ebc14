package site

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/linkcheck"
)

// loopback maps the test host names to the loopback addresses; other names
// do not resolve.
type loopback map[string]string

func (l loopback) LookupHost(_ context.Context, host string) ([]string, error) {
	if ip, ok := l[host]; ok {
		return []string{ip}, nil
	}
	return nil, &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}
}

// externalSite is a site whose external URLs point at a local server on
// port, under the host names of loopback.
func externalSite(port string) fstest.MapFS {
	u := func(host, path string) string { return "http://" + host + ":" + port + path }
	files := map[string]string{
		"site.toml": fmt.Sprintf("baseURL = \"https://example.org/\"\n[publisher]\nname = \"Desk\"\nurl = %q\n[[staff]]\nid = \"ed\"\nname = \"Ed\"\nurl = %q\n",
			u("a.test", "/ok"), u("a.test", "/gone")),
		"content/articles/first.md": fmt.Sprintf(`+++
title = "First"
date = 2022-01-08
[source]
url = %q
archived = %q

[[claims]]
id = "c"
text = "formed in 2001"
claim = "The alliance was formed in 2001."
status = "false"
  [[claims.sources]]
  url = %q
  quote = "formed"
  archived = %q
+++
The alliance was formed in 2001.
`, u("a.test", "/ok"), u("a.test", "/old"), u("a.test", "/pdf"), u("a.test", "/ok")),
		"content/actors/b.md": fmt.Sprintf("+++\nname = \"B\"\n[[sources]]\nurl = %q\narchived = %q\n+++\n",
			"http://gone.test/b", u("a.test", "/ok")),
	}
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

func TestCheckExternal(t *testing.T) {
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		switch r.URL.Path {
		case "/ok":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<p>ok</p>")
		case "/old":
			http.Redirect(w, r, "/ok", http.StatusFound)
		case "/pdf":
			w.Header().Set("Content-Type", "application/pdf")
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	_, port, _ := net.SplitHostPort(srv.Listener.Addr().String())
	fsys := externalSite(port)

	// Without External, check never touches the network.
	res, err := CheckWith(context.Background(), Options{Source: fsys}, CheckOptions{})
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	if n := requests.Load(); n != 0 {
		t.Fatalf("check without --external made %d requests", n)
	}

	opts := &linkcheck.Options{Delay: time.Millisecond, Timeout: 2 * time.Second,
		CacheFile: filepath.Join(t.TempDir(), "links.json"), Resolver: loopback{"a.test": "127.0.0.1"}}
	res, err = CheckWith(context.Background(), Options{Source: fsys}, CheckOptions{External: opts})
	if err != nil {
		t.Fatal(err)
	}
	u := func(path string) string { return "http://a.test:" + port + path }
	want := []string{
		"content/actors/b.md:4:7: error: [dead-link] dead link http://gone.test/b: the host name gone.test does not resolve",
		"content/articles/first.md:6:12: warning: [moved-link] " + u("/old") + " moved to " + u("/ok"),
		"content/articles/first.md:14:9: warning: [not-html] " + u("/pdf") + " is application/pdf, not an HTML page: a text fragment cannot point at the quote",
		"site.toml:8:1: error: [dead-link] dead link " + u("/gone") + ": 404 Not Found",
	}
	var got []string
	for _, d := range res.Diags {
		if d.Code == diag.DeadLink || d.Code == diag.MovedLink || d.Code == diag.NotHTML {
			got = append(got, fmt.Sprintf("%v: %v: [%s] %s", d.Pos, d.Severity, d.Code, d.Msg))
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n\t%s\nwant\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}
