package site_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"maps"
	"mime"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/net/html"

	"github.com/dossier-dev/dossier/internal/site"
	"github.com/dossier-dev/dossier/internal/testfiles"
)

// repoRoot is the repository, which is also the bundled dossier's site folder.
const repoRoot = "../.."

// pendingTargets are files other work items add; until they exist, links to
// them are logged, not failed.
var pendingTargets = []string{"data/dossier.json"}

var (
	bundledMu    sync.Mutex
	bundledCache = map[string]*site.Result{}
)

// buildBundled builds the repository's dossier in memory at baseURL, once per
// base URL for the whole test binary.
func buildBundled(t *testing.T, baseURL string) *site.Result {
	t.Helper()
	bundledMu.Lock()
	defer bundledMu.Unlock()
	if res := bundledCache[baseURL]; res != nil {
		return res
	}
	res, err := site.Build(site.Options{Source: os.DirFS(repoRoot), BaseURL: baseURL})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		var b bytes.Buffer
		res.Diags.WriteText(&b)
		t.Fatalf("the bundled dossier does not build:\n%s", b.String())
	}
	bundledCache[baseURL] = res
	return res
}

// TestPublishedSiteHasNoBrokenLinks serves the bundled dossier the way GitHub
// Pages does, under a project sub-path and at a domain's root, and crawls it
// from the home page, the sitemap, robots.txt and a deep not-found URL.
func TestPublishedSiteHasNoBrokenLinks(t *testing.T) {
	for _, baseURL := range []string{"https://example.github.io/kz-dossier/", "https://dossier.example.org/"} {
		t.Run(baseURL, func(t *testing.T) {
			res := buildBundled(t, baseURL)
			c := newCrawler(t, testfiles.Read(t, res.Output), baseURL)
			c.crawl()
			for _, p := range c.problems {
				t.Error(p)
			}
			t.Logf("%d URLs fetched, %d problems", len(c.seen), len(c.problems))
			for _, name := range c.unreached() {
				t.Errorf("%s is in the output but nothing links to it", name)
			}
		})
	}
}

// pagesServer serves files under base like a static host: a folder URL
// serves its index.html, a folder without its final slash redirects, and
// anything missing gets 404.html with status 404.
func pagesServer(files map[string][]byte, base string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name, ok := strings.CutPrefix(r.URL.Path, base)
		if name == "" || strings.HasSuffix(name, "/") {
			name += "index.html"
		}
		b, found := files[name]
		if !ok || !found {
			if _, dir := files[name+"/index.html"]; ok && dir {
				http.Redirect(w, r, r.URL.Path+"/", http.StatusMovedPermanently)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(files["404.html"])
			return
		}
		if ct := mime.TypeByExtension(path.Ext(name)); ct != "" {
			w.Header().Set("Content-Type", ct)
		}
		w.Write(b)
	})
}

type crawler struct {
	t        *testing.T
	files    map[string][]byte
	srv      *httptest.Server
	server   *url.URL            // the test server's root
	origin   string              // the published scheme://host
	base     string              // the published base path
	seen     map[string]*fetched // by URL, once fetched
	queued   map[string]bool     // by URL, once queued for crawling
	queue    []*url.URL
	problems []string
}

type fetched struct {
	status int
	ctype  string
	body   []byte
	ids    map[string]bool
}

func newCrawler(t *testing.T, files map[string][]byte, baseURL string) *crawler {
	pub, err := url.Parse(baseURL)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(pagesServer(files, pub.Path))
	t.Cleanup(srv.Close)
	server, _ := url.Parse(srv.URL)
	return &crawler{t: t, files: files, srv: srv, server: server,
		origin: pub.Scheme + "://" + pub.Host, base: pub.Path, seen: map[string]*fetched{}, queued: map[string]bool{}}
}

// crawl follows every internal URL reachable from the seeds.
func (c *crawler) crawl() {
	home := c.local(c.base)
	c.enqueue(home)
	c.enqueue(c.local(c.base + "robots.txt"))
	c.enqueue(c.local(c.base + "sitemap.xml"))
	deep := c.local(c.base + "no/such/deep/page/")
	if f := c.fetch(deep); f.status != http.StatusNotFound || !bytes.Equal(f.body, c.files["404.html"]) {
		c.problems = append(c.problems, "a missing page does not get 404.html with status 404")
	}
	c.enqueue(deep)
	for len(c.queue) > 0 {
		page := c.queue[0]
		c.queue = c.queue[1:]
		f := c.fetch(page)
		for _, ref := range extract(f) {
			c.follow(page, ref)
		}
	}
}

// local maps a path on the published site to the test server.
func (c *crawler) local(p string) *url.URL {
	return c.server.ResolveReference(&url.URL{Path: p})
}

func (c *crawler) enqueue(u *url.URL) {
	if key := u.String(); !c.queued[key] {
		c.queued[key] = true
		c.queue = append(c.queue, u)
	}
}

// follow checks one URL found on page and queues it when it is internal.
func (c *crawler) follow(page *url.URL, ref string) {
	ref = strings.TrimSpace(ref)
	r, err := url.Parse(ref)
	if err != nil {
		c.problem(page, ref, "bad URL: "+err.Error())
		return
	}
	if r.Scheme == "data" || r.Scheme == "mailto" {
		return
	}
	if r.Scheme == "" && r.Host == "" && r.Path == "" && r.RawQuery == "" {
		// Same document, whatever its status (the not-found page has its own ids).
		if f := c.seen[page.String()]; r.Fragment != "" && f.ids != nil && !f.ids[r.Fragment] {
			c.problem(page, ref, "no element with id "+r.Fragment)
		}
		return
	}
	target := page.ResolveReference(r)
	if target.Scheme+"://"+target.Host == c.origin {
		target.Scheme, target.Host = c.server.Scheme, c.server.Host
	}
	if target.Host != c.server.Host {
		return // external
	}
	if !strings.HasPrefix(target.Path, c.base) {
		c.problem(page, ref, "outside the base path "+c.base)
		return
	}
	frag := target.Fragment
	target.Fragment, target.RawFragment = "", ""
	f := c.fetch(target)
	if f.status != http.StatusOK {
		if c.pending(target) {
			c.t.Logf("pending target %s (linked from %s)", target.Path, page.Path)
			return
		}
		c.problem(page, ref, http.StatusText(f.status))
		return
	}
	if frag != "" && f.ids != nil && !f.ids[frag] {
		c.problem(page, ref, "no element with id "+frag)
	}
	c.enqueue(target)
}

func (c *crawler) pending(u *url.URL) bool {
	name := strings.TrimPrefix(u.Path, c.base)
	_, built := c.files[name]
	return !built && slices.Contains(pendingTargets, name)
}

func (c *crawler) problem(page *url.URL, ref, what string) {
	c.problems = append(c.problems, page.Path+": "+ref+": "+what)
}

// fetch GETs u once (without following redirects) and keeps what came back.
func (c *crawler) fetch(u *url.URL) *fetched {
	if f := c.seen[u.String()]; f != nil {
		return f
	}
	client := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	f := &fetched{}
	resp, err := client.Get(u.String())
	if err != nil {
		c.t.Fatalf("GET %s: %v", u, err)
	}
	defer resp.Body.Close()
	f.status, f.ctype = resp.StatusCode, resp.Header.Get("Content-Type")
	if f.body, err = io.ReadAll(resp.Body); err != nil {
		c.t.Fatalf("GET %s: %v", u, err)
	}
	if strings.HasPrefix(f.ctype, "text/html") {
		f.ids = htmlIDs(f.body)
	}
	c.seen[u.String()] = f
	return f
}

// unreached lists the pages and feeds the crawl never fetched, but for
// 404.html, which the host serves by name. (Data that scripts load, such as
// the search index, needs no link.)
func (c *crawler) unreached() []string {
	var out []string
	for name := range c.files {
		if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".xml") {
			continue
		}
		p := c.base + strings.TrimSuffix(name, "index.html")
		if _, ok := c.seen[c.local(p).String()]; !ok && !hostFiles[name] {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

var hostFiles = map[string]bool{"404.html": true}

// extract lists the URLs a response refers to, by its content type.
func extract(f *fetched) []string {
	switch ct := f.ctype; {
	case strings.HasPrefix(ct, "text/html"):
		return htmlRefs(f.body)
	case strings.Contains(ct, "xml"):
		return xmlRefs(f.body)
	case strings.HasPrefix(ct, "text/css"):
		return cssRefs(f.body)
	case strings.HasPrefix(ct, "text/plain"):
		return robotsRefs(f.body)
	}
	return nil
}

// walkHTML calls fn for every element of a parsed page.
func walkHTML(b []byte, fn func(n *html.Node)) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			fn(n)
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func htmlIDs(b []byte) map[string]bool {
	ids := map[string]bool{}
	walkHTML(b, func(n *html.Node) {
		if v, ok := attr(n, "id"); ok {
			ids[v] = true
		}
		if v, ok := attr(n, "name"); ok && n.Data == "a" {
			ids[v] = true
		}
	})
	return ids
}

func htmlRefs(b []byte) []string {
	var refs []string
	walkHTML(b, func(n *html.Node) {
		for _, key := range []string{"href", "src", "action", "poster"} {
			if v, ok := attr(n, key); ok {
				refs = append(refs, v)
			}
		}
		if v, ok := attr(n, "srcset"); ok {
			for _, cand := range strings.Split(v, ",") {
				if f := strings.Fields(cand); len(f) > 0 {
					refs = append(refs, f[0])
				}
			}
		}
		prop, _ := attr(n, "property")
		if n.Data == "meta" && (prop == "og:url" || prop == "og:image") {
			v, _ := attr(n, "content")
			refs = append(refs, v)
		}
	})
	return refs
}

// xmlRefs lists href attributes and the text of <loc> and Atom <id> elements.
func xmlRefs(b []byte) []string {
	var refs []string
	d := xml.NewDecoder(bytes.NewReader(b))
	var elem string
	for {
		tok, err := d.Token()
		if err != nil {
			return refs
		}
		switch t := tok.(type) {
		case xml.StartElement:
			elem = t.Name.Local
			for _, a := range t.Attr {
				if a.Name.Local == "href" {
					refs = append(refs, a.Value)
				}
			}
		case xml.CharData:
			if s := strings.TrimSpace(string(t)); s != "" && (elem == "loc" || (elem == "id" && strings.Contains(s, "://"))) {
				refs = append(refs, s)
			}
		case xml.EndElement:
			elem = ""
		}
	}
}

var cssURL = regexp.MustCompile(`url\(\s*['"]?([^'")]+)`)

func cssRefs(b []byte) []string {
	var refs []string
	for _, m := range cssURL.FindAllSubmatch(b, -1) {
		refs = append(refs, string(m[1]))
	}
	return refs
}

func robotsRefs(b []byte) []string {
	var refs []string
	for line := range strings.Lines(string(b)) {
		if v, ok := strings.CutPrefix(line, "Sitemap:"); ok {
			refs = append(refs, strings.TrimSpace(v))
		}
	}
	return refs
}

// TestCrawlerCatchesBrokenSite makes sure the crawl above can fail: a broken
// link, a missing fragment and a URL outside the base path, slipped into the
// methodology page, are each reported.
func TestCrawlerCatchesBrokenSite(t *testing.T) {
	res := buildBundled(t, "https://example.github.io/kz-dossier/")
	files := maps.Clone(testfiles.Read(t, res.Output))
	const bad = `<a href="/kz-dossier/claims/no-such-claim/">x</a><a href="../claims/#no-such-id">y</a><a href="/elsewhere/">z</a></main>`
	page := "methodology/index.html"
	files[page] = bytes.Replace(files[page], []byte("</main>"), []byte(bad), 1)
	c := newCrawler(t, files, "https://example.github.io/kz-dossier/")
	c.crawl()
	want := []string{
		"/kz-dossier/methodology/: /kz-dossier/claims/no-such-claim/: Not Found",
		"/kz-dossier/methodology/: ../claims/#no-such-id: no element with id no-such-id",
		"/kz-dossier/methodology/: /elsewhere/: outside the base path /kz-dossier/",
	}
	slices.Sort(want)
	slices.Sort(c.problems)
	if !slices.Equal(c.problems, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(c.problems, "\n"), strings.Join(want, "\n"))
	}
}
