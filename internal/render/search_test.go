package render_test

import (
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/render/search"
	"github.com/dossier-dev/dossier/internal/site"
	"github.com/dossier-dev/dossier/internal/testfiles"
)

// searchSite is a small dossier with every kind of indexed page.
func searchSite() fstest.MapFS {
	files := map[string]string{
		"site.toml": "title = \"T\"\nbaseURL = \"https://example.org/t/\"\n",
		"content/articles/alliance.md": "+++\ntitle = \"Alliance to intervene\"\ndate = 2022-01-08\nsummary = \"A re-posted story.\"\ntags = [\"peacekeeping\"]\n" +
			"actors = [\"zhang\"]\norganizations = [\"sco\"]\n" +
			"[[claims]]\nid = \"formed\"\ntext = \"formed by China in 2001\"\nclaimant = \"article\"\nstatus = \"misleading\"\nexplanation = \"Six states founded it.\"\nchecked = 2022-02-01\n" +
			"[[claims]]\nid = \"ready\"\ntext = \"ready to act\"\nclaim = \"The SCO pledged troops.\"\nclaimant = \"zhang\"\nstatus = \"false\"\nexplanation = \"No pledge.\"\nchecked = 2022-02-01\n" +
			"[[quotes]]\nid = \"request\"\nspeaker = \"zhang\"\ntext = \"a corresponding request\"\nvia = \"sco\"\n" +
			"+++\n\nThe SCO, formed by China in 2001, was ready to act upon a corresponding request. Zhang spoke of stabilization in Ürümqi.\n\n```\ncodeword\n```\n",
		"content/articles/other.md":    "+++\ntitle = \"Another text\"\ndate = 2022-01-09\n+++\n\nNothing about stabilization here.\n",
		"content/actors/zhang.md":      "+++\nname = \"Zhang Ming\"\nrole = \"Secretary-General\"\naliases = [\"Mr. Zhang\"]\norganizations = [\"sco\"]\n+++\n\nA diplomat.\n",
		"content/events/summit.md":     "+++\ntitle = \"Emergency summit\"\ndate = 2022-01-10\nactors = [\"zhang\"]\n+++\n\nLeaders met by &quot;video link&quot;.\n",
		"content/organizations/sco.md": "+++\nname = \"Shanghai Cooperation Organization\"\nshort = \"SCO\"\nkind = \"alliance\"\n+++\n\nAn organization.\n",
	}
	fsys := fstest.MapFS{}
	for name, text := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(text)}
	}
	return fsys
}

// index is the decoded search index of a built site.
type index struct {
	P        int        `json:"p"`
	C        int        `json:"c"`
	Kinds    []string   `json:"kinds"`
	Verdicts [][]string `json:"verdicts"`
	Actors   [][]string `json:"actors"`
	Orgs     [][]string `json:"orgs"`
	Shards   []string   `json:"shards"`
	CA       []int      `json:"ca"`
	CO       []int      `json:"co"`
	K        string     `json:"k"`
	VF       string     `json:"vf"`
	AF       [][]int
	OF       [][]int
	files    map[string][]byte
}

func loadIndex(t *testing.T) *index {
	t.Helper()
	res, err := site.Build(site.Options{Source: searchSite()})
	if err != nil {
		t.Fatal(err)
	}
	if res.Diags.HasErrors() {
		t.Fatalf("build: %v", res.Diags)
	}
	var x index
	if err := json.Unmarshal(testfiles.Read(t, res.Output)["search/index.json"], &x); err != nil {
		t.Fatal(err)
	}
	for name, to := range map[string]*[][]int{"search/f/a.json": &x.AF, "search/f/o.json": &x.OF} {
		if err := json.Unmarshal(testfiles.Read(t, res.Output)[name], to); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	x.files = testfiles.Read(t, res.Output)
	return &x
}

// lookup returns the documents ("kind:id") whose terms start with word (or
// equal it, when exact), reading the shard the way search.js does.
func (x *index) lookup(t *testing.T, word string, exact bool) []string {
	t.Helper()
	key := search.ShardKey(word, x.P)
	if !slices.Contains(x.Shards, key) {
		return nil
	}
	var shard map[string][]int
	if err := json.Unmarshal(x.files["search/t/"+key+".json"], &shard); err != nil {
		t.Fatal(err)
	}
	var docs []string
	for term, list := range shard {
		if term != word && (exact || !strings.HasPrefix(term, word)) {
			continue
		}
		doc := 0
		for i := 0; i < len(list); i += 2 {
			doc += list[i]
			if list[i+1] < 1 {
				t.Errorf("term %q: weight %d", term, list[i+1])
			}
			docs = append(docs, x.doc(t, doc))
		}
	}
	slices.Sort(docs)
	return slices.Compact(docs)
}

// doc names document n as "kind:id", from its chunk file.
func (x *index) doc(t *testing.T, n int) string {
	t.Helper()
	var chunk [][]any
	if err := json.Unmarshal(x.files["search/d/"+itoa(n/x.C)+".json"], &chunk); err != nil {
		t.Fatal(err)
	}
	d := chunk[n%x.C]
	return x.Kinds[int(d[0].(float64))] + ":" + d[1].(string)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestSearchIndexFindsEveryKind(t *testing.T) {
	x := loadIndex(t)
	for _, tc := range []struct {
		word  string
		exact bool
		want  []string
	}{
		{"alliance", true, []string{"article:alliance", "organization:sco"}},                         // title
		{"posted", true, []string{"article:alliance"}},                                               // summary
		{"stabilization", true, []string{"article:alliance", "article:other"}},                       // full text
		{"ürümqi", true, []string{"article:alliance"}},                                               // non-ASCII text
		{"codeword", true, []string{"article:alliance"}},                                             // code blocks are text
		{"2001", true, []string{"article:alliance", "claim:formed"}},                                 // claim text
		{"founded", true, []string{"claim:formed"}},                                                  // explanation
		{"corresponding", true, []string{"article:alliance", "quote:request"}},                       // quote
		{"secretary", true, []string{"actor:zhang"}},                                                 // role
		{"zhan", false, []string{"actor:zhang", "article:alliance", "claim:ready", "quote:request"}}, // prefix; speaker and claimant names
		{"sco", true, []string{"article:alliance", "claim:ready", "organization:sco"}},               // short name
		{"summit", true, []string{"event:summit"}},                                                   // event title
		{"video", true, []string{"event:summit"}},                                                    // event text
		{"peacekeeping", true, []string{"article:alliance"}},                                         // tag
		{"pledged", true, []string{"claim:ready"}},                                                   // restated claim
		{"act", true, []string{"article:alliance", "claim:ready"}},                                   // and its anchored words
		{"nothing-at-all", true, nil},
	} {
		got := x.lookup(t, tc.word, tc.exact)
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: got %v, want %v", tc.word, got, tc.want)
		}
	}
}

func TestSearchIndexFacets(t *testing.T) {
	x := loadIndex(t)
	facets := map[string][]string{}
	for n := range len(x.K) {
		var f []string
		if v := x.VF[n]; v != '-' {
			i, _ := strconv.ParseInt(string(v), 36, 0)
			f = append(f, "verdict="+x.Verdicts[i][0])
		}
		for _, a := range x.AF[n] {
			f = append(f, "actor="+x.Actors[a][0])
		}
		for _, o := range x.OF[n] {
			f = append(f, "org="+x.Orgs[o][0])
		}
		facets[x.doc(t, n)] = f
	}
	want := map[string][]string{
		"article:alliance": {"actor=zhang", "org=sco"}, // its claims' verdicts are theirs
		"article:other":    nil,
		"claim:formed":     {"verdict=misleading"},
		"claim:ready":      {"verdict=false", "actor=zhang"},
		"quote:request":    {"actor=zhang", "org=sco"},
		"actor:zhang":      {"actor=zhang", "org=sco"},
		"organization:sco": {"org=sco"},
		"event:summit":     {"actor=zhang"},
	}
	for doc, w := range want {
		got, ok := facets[doc]
		if !ok {
			t.Errorf("%s is not indexed", doc)
			continue
		}
		if !slices.Equal(got, w) {
			t.Errorf("%s facets: got %v, want %v", doc, got, w)
		}
	}
	if len(facets) != len(want) {
		t.Errorf("indexed %d documents, want %d", len(facets), len(want))
	}
	if !slices.Equal(x.CA, []int{0}) || !slices.Equal(x.CO, []int{}) {
		t.Errorf("claimants: actors %v, organizations %v", x.CA, x.CO)
	}
	if len(x.Orgs) != 1 || len(x.Orgs[0]) != 3 || x.Orgs[0][2] != "SCO" {
		t.Errorf("organizations %v: want [id, name, short name]", x.Orgs)
	}
}

// A claim's record carries what the claims filter shows of it.
func TestSearchClaimRecord(t *testing.T) {
	x := loadIndex(t)
	var chunk [][]any
	if err := json.Unmarshal(x.files["search/d/0.json"], &chunk); err != nil {
		t.Fatal(err)
	}
	for _, d := range chunk {
		if d[1] == "ready" {
			got, _ := json.Marshal(d)
			want := `[1,"ready","The SCO pledged troops.","In Alliance to intervene",[],0,"alliance","Alliance to intervene","actors/zhang/","Zhang Ming"]`
			if string(got) != want {
				t.Errorf("claim record %s, want %s", got, want)
			}
			return
		}
	}
	t.Error("no record of claim ready")
}

func TestShardKey(t *testing.T) {
	for _, tc := range []struct {
		term string
		n    int
		want string
	}{
		{"alliance", 1, "a"},
		{"alliance", 2, "al"},
		{"a", 2, "a"},
		{"2001", 2, "20"},
		{"ürümqi", 2, "xc3bc72"},
		{"中国", 1, "xe4b8ad"},
	} {
		if got := search.ShardKey(tc.term, tc.n); got != tc.want {
			t.Errorf("ShardKey(%q, %d) = %q, want %q", tc.term, tc.n, got, tc.want)
		}
	}
}

func TestNavigationMarksTheCurrentSection(t *testing.T) {
	res, err := site.Build(site.Options{Source: searchSite()})
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	for page, want := range map[string]string{
		"claims/index.html":         `href="/t/claims/" aria-current="page"`,
		"claims/false/index.html":   `href="/t/claims/" aria-current="true"`,
		"articles/other/index.html": `href="/t/articles/" aria-current="true"`,
		"search/index.html":         `href="/t/search/" aria-current="page"`,
	} {
		html := string(testfiles.Read(t, res.Output)[page])
		if !strings.Contains(html, want) {
			t.Errorf("%s: no %s", page, want)
		}
		if n := strings.Count(html, "aria-current"); n != 1 {
			t.Errorf("%s: aria-current %d times", page, n)
		}
	}
	if strings.Contains(string(testfiles.Read(t, res.Output)["index.html"]), "aria-current") {
		t.Error("home page: a section is marked current")
	}
}

// search/f/c.json names each claim's article, for the claims filter by
// actor: the runs cover every claim, in document order.
func TestSearchClaimArticles(t *testing.T) {
	x := loadIndex(t)
	var runs []int
	if err := json.Unmarshal(x.files["search/f/c.json"], &runs); err != nil {
		t.Fatal(err)
	}
	var got []string
	for i := 0; i+1 < len(runs); i += 2 {
		for range runs[i+1] {
			got = append(got, x.doc(t, runs[i]))
		}
	}
	claims := strings.Count(x.K, "1")
	if want := []string{"article:alliance", "article:alliance"}; len(runs)%2 != 0 || claims != len(want) || !slices.Equal(got, want) {
		t.Errorf("claims' articles %v (runs %v), want %v", got, runs, want)
	}
}
