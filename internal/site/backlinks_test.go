package site

import (
	"bufio"
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/render"
	"github.com/dossier-dev/dossier/internal/testfiles"
	"github.com/dossier-dev/dossier/internal/urls"
	"github.com/rogpeppe/go-internal/txtar"
	"golang.org/x/net/html"
)

// TestBacklinkFixtures builds each testdata/backlinks/*.txtar site and checks
// that back-links go both ways for every quote, claim, mention and declared
// name (checkBothWays), then the archive's own want.txt lines:
//
//	PAGE -> TARGET   PAGE links to TARGET (site paths, e.g. actors/x/)
//	PAGE !-> TARGET  it does not
//	PAGE ~ TEXT      PAGE's HTML contains TEXT
//	PAGE !~ TEXT     it does not
func TestBacklinkFixtures(t *testing.T) {
	names, err := filepath.Glob("testdata/backlinks/*.txtar")
	if err != nil || len(names) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, name := range names {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			fsys, want := loadFixture(t, name)
			s := buildGraph(t, fsys)
			checkBothWays(t, s)
			checkWant(t, s, want)
		})
	}
}

// TestBundledBacklinks builds the repository's own dossier: every actor and
// organization page has at least one back-link, each listed back-link is a
// link on the page, and back-links go both ways. Run with -v for the counts.
func TestBundledBacklinks(t *testing.T) {
	s := buildGraph(t, os.DirFS(filepath.Join("..", "..")))
	checkBothWays(t, s)
	for _, e := range entities(s.d) {
		targets := backlinkTargets(e)
		if len(targets) == 0 {
			t.Errorf("%s has no back-link", s.page(e))
		}
		for _, target := range targets {
			s.mustLink(t, e, target)
		}
		t.Logf("%-45s %3d back-links", s.page(e), len(targets))
	}
}

// site is a finished build with its graph and every page's links.
type site struct {
	d     *dossier.Dossier
	urls  urls.URLs
	files map[string][]byte
	hrefs map[string]map[string]bool // page file → root-relative link targets, fragments dropped
}

func buildGraph(t *testing.T, fsys fs.FS) *site {
	t.Helper()
	b := New(Options{Source: fsys})
	res, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		var buf bytes.Buffer
		res.Diags.WriteText(&buf)
		t.Fatalf("build failed:\n%s", buf.String())
	}
	return &site{d: b.last, urls: urls.New(res.Site.BaseURL), files: testfiles.Read(t, res.Output), hrefs: map[string]map[string]bool{}}
}

func loadFixture(t *testing.T, name string) (fstest.MapFS, []string) {
	t.Helper()
	ar, err := txtar.ParseFile(name)
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	var want []string
	for _, f := range ar.Files {
		if f.Name != "want.txt" {
			fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
			continue
		}
		sc := bufio.NewScanner(bytes.NewReader(f.Data))
		for sc.Scan() {
			if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
				want = append(want, line)
			}
		}
	}
	return fsys, want
}

// page is the site path of an article, actor, organization, claim, quote or event.
func (s *site) page(obj any) string {
	if e, ok := obj.(dossier.Entity); ok {
		return urls.Entity(e.EntityKind(), e.EntityID())
	}
	return render.Path(obj)
}

// links reports whether the page at site path from links to site path to.
// An actor's or organization's page shows the first entries of each list
// and continues the longer ones on pages of their own (its claims/,
// quotes/ and mentions/, paginated): their links count as the page's.
func (s *site) links(t *testing.T, from, to string) bool {
	t.Helper()
	file := from + "index.html"
	set, ok := s.hrefs[file]
	if !ok {
		src, found := s.files[file]
		if !found {
			t.Fatalf("no page %s in the output", file)
		}
		set = hrefsOf(t, src)
		for name, src := range s.files {
			for _, list := range []string{"claims/", "quotes/", "mentions/"} {
				if strings.HasPrefix(name, from+list) && strings.HasSuffix(name, "index.html") {
					maps.Copy(set, hrefsOf(t, src))
				}
			}
		}
		s.hrefs[file] = set
	}
	return set[s.urls.Rel(to)]
}

// mustLink fails unless from's page links to to's page.
func (s *site) mustLink(t *testing.T, from, to any) {
	t.Helper()
	if !s.links(t, s.page(from), s.page(to)) {
		t.Errorf("%s does not link to %s", s.page(from), s.page(to))
	}
}

// both fails unless the entity's page and the other page link to each other.
func (s *site) both(t *testing.T, e dossier.Entity, other any) {
	t.Helper()
	s.mustLink(t, e, other)
	s.mustLink(t, other, e)
}

// hrefsOf collects the href of every <a> in an HTML page (SVG links included), without fragments.
func hrefsOf(t *testing.T, src []byte) map[string]bool {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	set := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "a" {
			for _, a := range n.Attr {
				if a.Key == "href" {
					href, _, _ := strings.Cut(a.Val, "#")
					set[href] = true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return set
}

// checkBothWays checks that for every quote, claim, mention and declared name
// the entity's page links to the article (or event, or profile) and back.
func checkBothWays(t *testing.T, s *site) {
	t.Helper()
	for _, q := range s.d.Quotes {
		if q.Speaker != nil {
			s.both(t, q.Speaker, q.Article)
			s.mustLink(t, q.Speaker, q)
		}
		if q.Via != nil {
			s.both(t, q.Via, q.Article)
			s.mustLink(t, q.Via, q)
		}
	}
	for _, c := range s.d.Claims {
		if c.Claimant != nil {
			s.both(t, c.Claimant, c.Article)
			s.mustLink(t, c.Claimant, c)
		}
	}
	for _, a := range s.d.Articles {
		for _, e := range a.Actors {
			s.both(t, e, a)
		}
		for _, e := range a.Organizations {
			s.both(t, e, a)
		}
	}
	for _, ev := range s.d.Events {
		for _, e := range ev.Actors {
			s.both(t, e, ev)
		}
		for _, e := range ev.Organizations {
			s.both(t, e, ev)
		}
	}
	for _, e := range entities(s.d) {
		for _, m := range mentionsOf(e) {
			switch {
			case m.Article != nil:
				s.both(t, e, m.Article)
			case m.Event != nil:
				s.both(t, e, m.Event)
			case m.From != nil:
				s.both(t, e, m.From)
			}
		}
	}
}

func checkWant(t *testing.T, s *site, want []string) {
	t.Helper()
	for _, line := range want {
		page, op, arg, ok := parseWant(line)
		if !ok {
			t.Errorf("bad want line %q", line)
			continue
		}
		switch op {
		case "->", "!->":
			if got := s.links(t, page, arg); got != (op == "->") {
				t.Errorf("%s: got link %v", line, got)
			}
		case "~", "!~":
			if got := bytes.Contains(s.files[page+"index.html"], []byte(arg)); got != (op == "~") {
				t.Errorf("%s: got contains %v", line, got)
			}
		}
	}
}

// parseWant splits "PAGE OP ARG".
func parseWant(line string) (page, op, arg string, ok bool) {
	page, rest, ok1 := strings.Cut(line, " ")
	op, arg, ok2 := strings.Cut(rest, " ")
	switch op {
	case "->", "!->", "~", "!~":
		return page, op, arg, ok1 && ok2 && arg != ""
	}
	return "", "", "", false
}

func entities(d *dossier.Dossier) []dossier.Entity {
	var out []dossier.Entity
	for _, a := range d.Actors {
		out = append(out, a)
	}
	for _, o := range d.Organizations {
		out = append(out, o)
	}
	return out
}

func mentionsOf(e dossier.Entity) []dossier.Mention {
	switch e := e.(type) {
	case *dossier.Actor:
		return e.Mentions
	case *dossier.Organization:
		return e.Mentions
	}
	return nil
}

// backlinkTargets lists, once each, the pages an entity's page lists as
// back-links: articles and events naming it, profiles naming it, its quotes
// (an organization's statements) and its claims.
func backlinkTargets(e dossier.Entity) []any {
	seen := map[any]bool{}
	var out []any
	add := func(x any) {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	for _, m := range mentionsOf(e) {
		switch {
		case m.Article != nil:
			add(m.Article)
		case m.Event != nil:
			add(m.Event)
		case m.From != nil:
			add(m.From)
		}
	}
	switch e := e.(type) {
	case *dossier.Actor:
		addAll(add, e.Articles, e.Events, e.Quotes, e.Claims)
	case *dossier.Organization:
		addAll(add, e.Articles, e.Events, e.Statements, e.Claims)
	}
	return out
}

func addAll(add func(any), articles []*dossier.Article, events []*dossier.Event, quotes []*dossier.Quote, claims []*dossier.Claim) {
	for _, x := range articles {
		add(x)
	}
	for _, x := range events {
		add(x)
	}
	for _, x := range quotes {
		add(x)
	}
	for _, x := range claims {
		add(x)
	}
}
