package render

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// resolveSite parses content files (path → source) and resolves them with
// the default site changed by edit first (when not nil), failing on any
// diagnostic; found stands for what parsing their Markdown found.
func resolveSite(t testing.TB, files map[string]string, edit func(*config.Site), found dossier.Finder) *dossier.Dossier {
	t.Helper()
	set := &content.Set{}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		item, diags := content.Parse(p, []byte(files[p]))
		if diags.HasErrors() {
			t.Fatalf("%s: %v", p, diags)
		}
		set.Add(item)
	}
	set.Sort()
	site := config.Default()
	site.BaseURL = "https://example.org/repo/"
	if edit != nil {
		edit(site)
	}
	d, diags := dossier.Resolve(site, set, false, found)
	if diags.HasErrors() {
		t.Fatalf("resolve: %v", diags)
	}
	return d
}

func front(lines ...string) string { return "+++\n" + strings.Join(lines, "\n") + "\n+++\n\nBody.\n" }

// smallDossier has one of each relation the network draws.
func smallDossier(t testing.TB) *dossier.Dossier {
	return resolveSite(t, map[string]string{
		"content/actors/zhang.md":        front(`name = "Zhang Ming"`, `organizations = ["sco"]`),
		"content/actors/wang.md":         front(`name = "Wang Wenbin"`),
		"content/actors/alone.md":        front(`name = "Alone"`),
		"content/organizations/sco.md":   front(`name = "Shanghai Cooperation Organisation"`, `short = "SCO"`, `members = ["china"]`),
		"content/organizations/china.md": front(`name = "China"`, `kind = "state"`),
		"content/organizations/tass.md":  front(`name = "TASS"`, `kind = "media"`),
		"content/events/meeting.md":      front(`title = "Meeting"`, `date = 2022-01-05`, `actors = ["wang"]`, `organizations = ["sco"]`),
		"content/articles/a.md": front(`title = "A"`, `date = 2022-01-08`,
			`[[quotes]]`, `id = "q"`, `speaker = "wang"`, `text = "Body"`, `via = "tass"`),
	}, nil, dossier.FoundIn{
		"content/articles/a.md": {Mentions: []dossier.Mentioned{
			{Kind: "actor", ID: "zhang", Sentence: "Zhang and Wang met."},
			{Kind: "actor", ID: "wang", Sentence: "Zhang and Wang met."},
			{Kind: "actor", ID: "wang", Sentence: "Wang spoke alone."},
		}},
		"content/actors/zhang.md": {Mentions: []dossier.Mentioned{{Kind: "organization", ID: "tass", Sentence: "He spoke to TASS."}}},
	})
}

func newSite(d *dossier.Dossier) *siteData { return newSiteData(Input{Dossier: d}, nil) }

// TestNetworkMentions: the network reads who names whom from the link
// index: a profile naming another entity, two entities named in one
// sentence of an article, and whom an event names.
func TestNetworkMentions(t *testing.T) {
	d := smallDossier(t)
	p := &Page{siteData: newSite(d)}
	for _, c := range []struct {
		e    dossier.Entity
		want string
	}{
		{d.Actor("zhang"), `TASS</a> <span class="kind">media</span>: named in a profile`},
		{d.Actor("zhang"), `Wang Wenbin</a> <span class="kind">actor</span>: named together once`},
		{d.Organization("sco"), `Wang Wenbin</a> <span class="kind">actor</span>: named together once`},
	} {
		if got := string(p.Neighbourhood(c.e)); !strings.Contains(got, c.want) {
			t.Errorf("neighbourhood of %s does not list %q:\n%s", c.e.EntityID(), c.want, got)
		}
	}
}

func TestGraphDeterministic(t *testing.T) {
	first, second := &Page{siteData: newSite(smallDossier(t))}, &Page{siteData: newSite(smallDossier(t))}
	if a, b := first.Graph(), second.Graph(); a != b || a == "" {
		t.Errorf("site graph differs between builds or is empty:\n%s\n---\n%s", a, b)
	}
	for _, id := range []string{"zhang", "wang"} {
		a := first.Neighbourhood(first.siteData.D.Actor(id))
		b := second.Neighbourhood(second.siteData.D.Actor(id))
		if a != b || a == "" {
			t.Errorf("neighbourhood of %s differs between builds or is empty", id)
		}
	}
	if got := first.Neighbourhood(first.siteData.D.Actor("alone")); got != "" {
		t.Errorf("neighbourhood of an unconnected actor: got %q, want nothing", got)
	}
	if got := first.Neighbourhood(first.siteData.D.Article("a")); got != "" {
		t.Errorf("neighbourhood of an article: got %q, want nothing", got)
	}
}

func TestOverallScore(t *testing.T) {
	s := newSite(smallDossier(t))
	if got := s.OverallScore(dossier.Tally{"true": 2, "false": 1}); got != nil {
		t.Errorf("three claims: got a score %+v, want none", got)
	}
	got := s.OverallScore(dossier.Tally{"true": 2, "false": 1, "unverified": 1})
	if got == nil || got.Rated != 3 || got.Checked != 4 || got.Mean != "3.7" {
		t.Errorf("four claims: got %+v, want 3 rated of 4, mean 3.7", got)
	}
	if got := s.OverallScore(dossier.Tally{"unverified": 4}); got != nil {
		t.Errorf("no rated verdict: got %+v, want none", got)
	}
}

// TestListURLRecordsItsEntity: whether an actor's claims have a page of
// their own is an input of the page that links there, named by the actor.
func TestListURLRecordsItsEntity(t *testing.T) {
	d := smallDossier(t)
	zhang := d.Actor("zhang")
	p := &Page{siteData: newSite(d), rec: newRecorder()}
	p.ListURL(Actor{zhang, p.rec}, "claims")
	if want := objectDep(depRel, zhang.Ref(), "claims"); !slices.Contains(slices.Collect(maps.Keys(p.rec.deps)), want) {
		t.Errorf("ListURL recorded %v, want %v among them", slices.Collect(maps.Keys(p.rec.deps)), want)
	}
}
