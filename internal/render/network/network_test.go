package network

import (
	"encoding/xml"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// resolve parses content files (path → source) and resolves them, failing on
// any diagnostic.
func resolve(t testing.TB, files map[string]string) *dossier.Dossier {
	t.Helper()
	set := &content.Set{}
	for _, p := range slices.Sorted(maps.Keys(files)) {
		item, diags := content.Parse(p, []byte(files[p]))
		if diags.HasErrors() {
			t.Fatalf("%s: %v", p, diags)
		}
		set.Add(item)
	}
	set.Sort()
	site := config.Default()
	site.BaseURL = "https://example.org/repo/"
	d, diags := dossier.Resolve(site, set, false, nil)
	if diags.HasErrors() {
		t.Fatalf("resolve: %v", diags)
	}
	return d
}

func front(lines ...string) string { return "+++\n" + strings.Join(lines, "\n") + "\n+++\n\nBody.\n" }

var (
	english = config.NewWords("en", nil)
	base    = urls.New("https://example.org/repo/")
)

// smallNetwork has one of each relation the network draws: memberships and
// reported speech from the dossier, a profile and two groups named
// together from the mentions.
func smallNetwork(t testing.TB) (*dossier.Dossier, *Network) {
	d := resolve(t, map[string]string{
		"content/actors/zhang.md":        front(`name = "Zhang Ming"`, `organizations = ["sco"]`),
		"content/actors/wang.md":         front(`name = "Wang Wenbin"`),
		"content/actors/alone.md":        front(`name = "Alone"`),
		"content/organizations/sco.md":   front(`name = "Shanghai Cooperation Organisation"`, `short = "SCO"`, `members = ["china"]`),
		"content/organizations/china.md": front(`name = "China"`, `kind = "state"`),
		"content/organizations/tass.md":  front(`name = "TASS"`, `kind = "media"`),
		"content/articles/a.md": front(`title = "A"`, `date = 2022-01-08`,
			`[[quotes]]`, `id = "q"`, `speaker = "wang"`, `text = "Body"`, `via = "tass"`),
	})
	zhang, wang, sco, tass := d.Actor("zhang"), d.Actor("wang"), d.Organization("sco"), d.Organization("tass")
	return d, New(d, Mentions{
		Profiles: map[dossier.Entity][]dossier.Entity{tass: {zhang}},
		Together: [][]dossier.Entity{{zhang, wang}, {wang}, {wang, sco}},
	})
}

func TestNetworkRelations(t *testing.T) {
	d, n := smallNetwork(t)
	words := func(x, y dossier.Entity) string {
		if e := n.edge(n.at[x], n.at[y]); e != nil {
			return e.words(english)
		}
		return ""
	}
	zhang, wang, alone := d.Actor("zhang"), d.Actor("wang"), d.Actor("alone")
	sco, china, tass := d.Organization("sco"), d.Organization("china"), d.Organization("tass")
	for _, c := range []struct {
		x, y dossier.Entity
		want string
	}{
		{zhang, sco, "membership"},
		{sco, china, "membership"},
		{wang, tass, "reported speech"},
		{zhang, tass, "named in a profile"},
		{zhang, wang, "named together once"},
		{wang, sco, "named together once"},
		{zhang, china, ""},
		{alone, wang, ""},
	} {
		if got := words(c.x, c.y); got != c.want {
			t.Errorf("%s–%s: got %q, want %q", c.x.EntityID(), c.y.EntityID(), got, c.want)
		}
		if got := words(c.y, c.x); got != c.want {
			t.Errorf("%s–%s (reversed): got %q, want %q", c.y.EntityID(), c.x.EntityID(), got, c.want)
		}
	}
	if picked, connected := n.mostConnected(10); connected != 5 || len(picked) != 5 {
		t.Errorf("mostConnected: %d of %d, want 5 of 5 (alone has no edge)", len(picked), connected)
	}
}

func TestGraphDeterministic(t *testing.T) {
	d1, first := smallNetwork(t)
	d2, second := smallNetwork(t)
	if a, b := first.Site(base, english), second.Site(base, english); a != b || a == "" {
		t.Errorf("site graph differs between builds or is empty:\n%s\n---\n%s", a, b)
	}
	for _, id := range []string{"zhang", "wang"} {
		a := first.Around(d1.Actor(id), base, english)
		b := second.Around(d2.Actor(id), base, english)
		if a != b || a == "" {
			t.Errorf("neighbourhood of %s differs between builds or is empty", id)
		}
	}
	if got := first.Around(d1.Actor("alone"), base, english); got != "" {
		t.Errorf("neighbourhood of an unconnected actor: got %q, want nothing", got)
	}
}

// number matches an attribute holding a coordinate or length.
var number = regexp.MustCompile(`\b(?:x|y|x1|y1|x2|y2|cx|cy|r|width|height|stroke-width)="([^"]*)"`)

func TestGraphMarkup(t *testing.T) {
	d, n := smallNetwork(t)
	for name, out := range map[string]string{"site": n.Site(base, english), "neighbourhood": n.Around(d.Actor("wang"), base, english)} {
		t.Run(name, func(t *testing.T) {
			checkSVG(t, out)
			if strings.Contains(out, " style=") {
				t.Error("a style attribute: the page's CSP forbids them")
			}
			for _, m := range number.FindAllStringSubmatch(out, -1) {
				if !regexp.MustCompile(`^-?\d+\.\d$`).MatchString(m[1]) {
					t.Errorf("%s: not printed with one decimal", m[0])
				}
			}
			if !strings.Contains(out, `<details class="network-list">`) || !strings.Contains(out, `<figcaption id=`) {
				t.Error("no caption or list fallback")
			}
		})
	}
	if out := n.Around(d.Actor("wang"), base, english); !strings.Contains(out, `aria-current="page"><title>Wang Wenbin (actor, 3 connections)</title>`) {
		t.Errorf("the page's own node is not marked current:\n%s", out)
	}
}

// checkSVG parses the figure as XML: every node is an <a href> whose first
// child is a <title>, and every <a> lies inside the picture's nodes group.
func checkSVG(t *testing.T, out string) {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader("<root>" + out + "</root>"))
	var stack []string
	links, titled := 0, 0
	lastOpened := ""
	for {
		tok, err := dec.Token()
		if err != nil {
			if err.Error() == "EOF" {
				break
			}
			t.Fatalf("not well-formed: %v\n%s", err, out)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "title" && lastOpened == "a" && len(stack) > 0 && stack[len(stack)-1] == "a" {
				titled++
			}
			if tok.Name.Local == "a" && slicesContains(stack, "svg") {
				links++
				if attr(tok, "href") == "" {
					t.Error("an SVG node without href")
				}
			}
			stack = append(stack, tok.Name.Local)
			lastOpened = tok.Name.Local
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			lastOpened = ""
		}
	}
	if links == 0 || links != titled {
		t.Errorf("%d SVG links, %d with a <title> first", links, titled)
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func slicesContains(s []string, x string) bool {
	for _, v := range s {
		if v == x {
			return true
		}
	}
	return false
}

// bigNetwork has actors members of orgs organizations each (actor i of
// organization i mod orgs), named in pairs in the sentences of an article.
func bigNetwork(t testing.TB, actors, orgs int) (*dossier.Dossier, Mentions) {
	files := map[string]string{}
	for i := range orgs {
		files[fmt.Sprintf("content/organizations/org-%04d.md", i)] = front(fmt.Sprintf(`name = "Organization %04d"`, i))
	}
	for i := range actors {
		files[fmt.Sprintf("content/actors/actor-%04d.md", i)] = front(fmt.Sprintf(`name = "Actor %04d"`, i),
			fmt.Sprintf(`organizations = ["org-%04d"]`, i%orgs))
	}
	d := resolve(t, files)
	var m Mentions
	for i := 0; i+1 < actors; i += 2 {
		m.Together = append(m.Together, []dossier.Entity{d.Actor(fmt.Sprintf("actor-%04d", i)), d.Actor(fmt.Sprintf("actor-%04d", i+1))})
	}
	return d, m
}

func TestGraphCaps(t *testing.T) {
	d, m := bigNetwork(t, 2000, 40)
	n := New(d, m)
	g := n.Site(base, english)
	if got := strings.Count(g, `<a class="node `); got != siteGraphMax {
		t.Errorf("site graph draws %d nodes, want %d", got, siteGraphMax)
	}
	if !strings.Contains(g, "Only the 60 most connected of 2040 are drawn.") {
		t.Errorf("the caption does not say the graph is capped:\n%s", g[strings.Index(g, "<figcaption"):])
	}
	nb := n.Around(d.Organization("org-0000"), base, english)
	wide, narrow, ok := strings.Cut(nb, `<svg class="network-graph network-narrow"`)
	if !ok {
		t.Fatal("the neighbourhood has no narrow drawing")
	}
	for _, d := range []string{wide, narrow} {
		if got := strings.Count(d, `<a class="node `); got != neighbourhoodMax+1 {
			t.Errorf("neighbourhood draws %d nodes, want %d and the organization", got, neighbourhoodMax)
		}
	}
	if !strings.Contains(nb, "The 24 closest of 50 connections are drawn.") {
		t.Error("the neighbourhood's caption does not say it is capped")
	}
}

// TestGraphEdgesCapped: when the most connected are all connected to each
// other (seventy actors named in one sentence), the site-wide picture draws
// its siteGraphEdges strongest lines, one at least to every node, lists the
// same connections and no others, and says so; it stays far from the 150 kB
// that no page may exceed.
func TestGraphEdgesCapped(t *testing.T) {
	files := map[string]string{}
	for i := range 70 {
		files[fmt.Sprintf("content/actors/actor-%04d.md", i)] = front(fmt.Sprintf(`name = "Actor %04d"`, i))
	}
	d := resolve(t, files)
	m := Mentions{Together: [][]dossier.Entity{{}}} // the first sentence names all seventy
	for i := range 70 {
		m.Together[0] = append(m.Together[0], d.Actor(fmt.Sprintf("actor-%04d", i)))
		if i%3 == 0 && i+1 < 70 { // a stronger tie for some pairs
			m.Together = append(m.Together, []dossier.Entity{d.Actor(fmt.Sprintf("actor-%04d", i)), d.Actor(fmt.Sprintf("actor-%04d", i+1))})
		}
	}
	g := New(d, m).Site(base, english)
	lines := regexp.MustCompile(`<line class="[^"]*" x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"`).FindAllStringSubmatch(g, -1)
	if len(lines) != siteGraphEdges {
		t.Errorf("the picture draws %d lines, want %d", len(lines), siteGraphEdges)
	}
	ends := map[string]bool{}
	for _, l := range lines {
		ends[l[1]+","+l[2]], ends[l[3]+","+l[4]] = true, true
	}
	for _, m := range regexp.MustCompile(`<circle cx="([\d.]+)" cy="([\d.]+)"`).FindAllStringSubmatch(g, -1) {
		if !ends[m[1]+","+m[2]] {
			t.Errorf("the node at %s,%s has no line", m[1], m[2])
		}
	}
	if listed := strings.Count(g, " (named together"); listed != 2*siteGraphEdges {
		t.Errorf("the list names %d connections, want each drawn line twice (%d)", listed, 2*siteGraphEdges)
	}
	if want := fmt.Sprintf("Only the %d strongest of their %d connections are drawn.", siteGraphEdges, siteGraphMax*(siteGraphMax-1)/2); !strings.Contains(g, want) {
		t.Errorf("the caption does not say %q:\n%s", want, g[strings.Index(g, "<figcaption"):strings.Index(g, "</figcaption>")])
	}
	if len(g) > 100_000 {
		t.Errorf("the picture and its list weigh %d bytes", len(g))
	}
}

func BenchmarkNetwork(b *testing.B) {
	d, m := bigNetwork(b, 2000, 40)
	for b.Loop() {
		n := New(d, m)
		n.Site(base, english)
		for _, a := range d.Actors {
			n.Around(a, base, english)
		}
		for _, o := range d.Organizations {
			n.Around(o, base, english)
		}
	}
}
