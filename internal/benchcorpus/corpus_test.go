package benchcorpus

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/BurntSushi/toml"
)

// The front matter of the content model (DESIGN.md), decoded strictly: a key the
// model lacks shows up as undecoded and fails the test.
type (
	fmSource struct {
		Title, URL, Publisher string
	}
	fmClaim struct {
		ID, Text, Claimant, Status, Explanation string
		Checked                                 time.Time
		Sources                                 []fmSource
	}
	fmQuote struct {
		ID, Speaker, Text, Via string
		Said                   time.Time
	}
	fmArticle struct {
		Title, Summary        string
		Date                  time.Time
		Actors, Organizations []string
		Tags                  []string
		Source                fmSource
		Claims                []fmClaim
		Quotes                []fmQuote
	}
	fmActor struct {
		Name, Role, Country    string
		Aliases, Organizations []string
	}
	fmOrganization struct {
		Name, Short, Kind, Headquarters string
		Founded                         any // a year or a date
		Members                         []string
	}
	fmEvent struct {
		Title                 string
		Date                  time.Time
		Actors, Organizations []string
		Sources               []fmSource
	}
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// readDoc splits a content file and decodes its front matter into v, failing on
// keys v does not have.
func readDoc(t *testing.T, path string, v any) string {
	t.Helper()
	return decodeDoc(t, path, v, true)
}

// readDocLoose is readDoc that allows keys v does not have.
func readDocLoose(t *testing.T, path string, v any) string {
	t.Helper()
	return decodeDoc(t, path, v, false)
}

func decodeDoc(t *testing.T, path string, v any, strict bool) string {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rest, ok := bytes.CutPrefix(src, []byte("+++\n"))
	fm, body, ok2 := bytes.Cut(rest, []byte("\n+++\n"))
	if !ok || !ok2 {
		t.Fatalf("%s: no +++ front matter", path)
	}
	md, err := toml.Decode(string(fm), v)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if u := md.Undecoded(); strict && len(u) > 0 {
		t.Errorf("%s: keys outside the content model: %v", path, u)
	}
	return string(body)
}

// loaded is a corpus read back from disk.
type loaded struct {
	articles map[string]*fmArticle
	bodies   map[string]string
	actors   map[string]*fmActor
	orgs     map[string]*fmOrganization
	events   map[string]*fmEvent
}

func load(t *testing.T, dir string) *loaded {
	t.Helper()
	l := &loaded{map[string]*fmArticle{}, map[string]string{}, map[string]*fmActor{},
		map[string]*fmOrganization{}, map[string]*fmEvent{}}
	each := func(kind string, f func(id, path string)) {
		paths, _ := filepath.Glob(filepath.Join(dir, "content", kind, "*.md"))
		for _, p := range paths {
			f(strings.TrimSuffix(filepath.Base(p), ".md"), p)
		}
	}
	each("articles", func(id, p string) { l.articles[id] = &fmArticle{}; l.bodies[id] = readDoc(t, p, l.articles[id]) })
	each("actors", func(id, p string) { l.actors[id] = &fmActor{}; readDoc(t, p, l.actors[id]) })
	each("organizations", func(id, p string) { l.orgs[id] = &fmOrganization{}; readDoc(t, p, l.orgs[id]) })
	each("events", func(id, p string) { l.events[id] = &fmEvent{}; readDoc(t, p, l.events[id]) })
	return l
}

func writeCorpus(t *testing.T, n int) (*Corpus, *loaded) {
	t.Helper()
	c := Generate(Options{Articles: n, Seed: 7})
	dir := t.TempDir()
	if err := c.WriteDossier(dir); err != nil {
		t.Fatal(err)
	}
	var site map[string]any
	if _, err := toml.DecodeFile(filepath.Join(dir, "site.toml"), &site); err != nil {
		t.Fatal(err)
	}
	return c, load(t, dir)
}

func TestDeterministic(t *testing.T) {
	a := Generate(Options{Articles: 40, Seed: 3})
	b := Generate(Options{Articles: 40, Seed: 3})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two corpora from one seed differ")
	}
	c := Generate(Options{Articles: 40, Seed: 4})
	if a.Articles[0].Body == c.Articles[0].Body {
		t.Fatal("different seeds gave the same first article")
	}
}

func TestCounts(t *testing.T) {
	c, l := writeCorpus(t, 400)
	if len(l.articles) != 400 || len(l.actors) != 80 || len(l.orgs) != 20 || len(l.events) != 4 {
		t.Fatalf("read %d articles, %d actors, %d organizations, %d events",
			len(l.articles), len(l.actors), len(l.orgs), len(l.events))
	}
	if len(c.Actors) != 80 {
		t.Fatalf("generated %d actors", len(c.Actors))
	}
}

// TestIDsAndReferences checks ids, references, verdicts and source URLs.
func TestIDsAndReferences(t *testing.T) {
	_, l := writeCorpus(t, 300)
	seen := map[string]string{}
	unique := func(id, what string) {
		if !idPattern.MatchString(id) {
			t.Errorf("%s id %q is not valid", what, id)
		}
		if prev, ok := seen[id]; ok {
			t.Errorf("id %q used by a %s and a %s", id, prev, what)
		}
		seen[id] = what
	}
	for id := range l.actors {
		unique(id, "actor")
	}
	for id := range l.orgs {
		unique(id, "organization")
	}
	for id := range l.events {
		unique(id, "event")
	}
	verdicts := strings.Join(Verdicts, " ")
	for slug, a := range l.articles {
		unique(slug, "article")
		for _, c := range a.Claims {
			unique(c.ID, "claim")
			if !strings.Contains(" "+verdicts+" ", " "+c.Status+" ") {
				t.Errorf("%s: status %q", c.ID, c.Status)
			}
			if _, ok := l.actors[c.Claimant]; !ok && c.Claimant != "article" && l.orgs[c.Claimant] == nil {
				t.Errorf("%s: claimant %q unknown", c.ID, c.Claimant)
			}
			if len(c.Sources) == 0 || c.Explanation == "" || c.Checked.IsZero() {
				t.Errorf("%s: sources, explanation or checked missing", c.ID)
			}
			for _, s := range c.Sources {
				if s.Title == "" || !strings.HasPrefix(s.URL, "https://example.org/") {
					t.Errorf("%s: source %+v", c.ID, s)
				}
			}
		}
		for _, q := range a.Quotes {
			unique(q.ID, "quote")
			if l.actors[q.Speaker] == nil || l.orgs[q.Via] == nil || q.Said.IsZero() {
				t.Errorf("%s: speaker %q, via %q, said %v", q.ID, q.Speaker, q.Via, q.Said)
			}
		}
		for _, id := range a.Actors {
			if l.actors[id] == nil {
				t.Errorf("%s: actor %q unknown", slug, id)
			}
		}
		for _, id := range a.Organizations {
			if l.orgs[id] == nil {
				t.Errorf("%s: organization %q unknown", slug, id)
			}
		}
		if len(a.Claims) != claimsPerArticle || len(a.Quotes) != quotesPerArticle {
			t.Errorf("%s: %d claims, %d quotes", slug, len(a.Claims), len(a.Quotes))
		}
	}
	for id, a := range l.actors {
		for _, o := range a.Organizations {
			if l.orgs[o] == nil {
				t.Errorf("actor %s: organization %q unknown", id, o)
			}
		}
		if a.Country != "" && (l.orgs[a.Country] == nil || l.orgs[a.Country].Kind != "state") {
			t.Errorf("actor %s: country %q is not a state", id, a.Country)
		}
	}
}

// TestNames checks that names are unique, never hidden in other words or names,
// and that every article names its actors and organizations in its body.
func TestNames(t *testing.T) {
	_, l := writeCorpus(t, 300)
	owner := map[string]string{} // name or alias -> entity id
	claim := func(name, id string) {
		if prev, ok := owner[name]; ok && prev != id {
			t.Errorf("%q names both %s and %s", name, prev, id)
		}
		owner[name] = id
		if inVocabulary(name) {
			t.Errorf("%q occurs inside a word of the prose", name)
		}
	}
	for id, a := range l.actors {
		claim(a.Name, id)
		for _, al := range a.Aliases {
			claim(al, id)
		}
	}
	for id, o := range l.orgs {
		claim(o.Name, id)
		claim(o.Short, id)
	}
	for name, id := range owner {
		for other, oid := range owner {
			if id != oid && wordIn(other, name) {
				t.Errorf("%q (%s) occurs as a word in %q (%s)", name, id, other, oid)
			}
		}
	}
	for slug, a := range l.articles {
		body := l.bodies[slug]
		for _, id := range a.Actors {
			if !strings.Contains(body, l.actors[id].Name) {
				t.Errorf("%s: actor %s not named in the body", slug, l.actors[id].Name)
			}
		}
		for _, id := range a.Organizations {
			if !strings.Contains(body, l.orgs[id].Name) {
				t.Errorf("%s: organization %s not named in the body", slug, l.orgs[id].Name)
			}
		}
	}
}

// wordIn reports whether name occurs in s delimited by non-letters.
func wordIn(s, name string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], name)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(name)
		if (j == 0 || !isLetter(s[j-1])) && (end == len(s) || !isLetter(s[end])) {
			return true
		}
		i = j + 1
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// TestCardsOffByDefault: the corpus's dossier draws no share cards unless
// asked (the Hugo site makes no images), and draws them with Cards.
func TestCardsOffByDefault(t *testing.T) {
	for _, cards := range []bool{false, true} {
		dir := t.TempDir()
		if err := Generate(Options{Articles: 2, Seed: 1, Cards: cards}).WriteDossier(dir); err != nil {
			t.Fatal(err)
		}
		var site struct {
			Cards *struct{ Enabled bool } `toml:"cards"`
		}
		if _, err := toml.DecodeFile(filepath.Join(dir, "site.toml"), &site); err != nil {
			t.Fatal(err)
		}
		if on := site.Cards == nil || site.Cards.Enabled; on != cards {
			t.Errorf("Cards %v: site.toml draws cards: %v", cards, on)
		}
	}
}
