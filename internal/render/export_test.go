package render

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/render/export"
	"github.com/dossier-dev/dossier/internal/urls"
)

// exportFields is data/dossier.json's schema as the README documents it
// ("The dossier as data"): every field's path, "?" after the ones left out
// when empty. Changing it means changing the README and, if a field goes or
// changes meaning, export.Schema.
var exportFields = strings.Fields(`
schema files files[].kind files[].url files[].count site site.title site.description? site.baseURL site.language
site.publisher site.publisher.name site.publisher.url site.publisher.corrections?
site.staff site.staff[].id site.staff[].name site.staff[].role? site.staff[].kind site.staff[].url?
verdicts verdicts[].id verdicts[].label verdicts[].color? verdicts[].icon? verdicts[].description verdicts[].rating? verdicts[].rated
articles articles[].id articles[].url articles[].title articles[].verdicts? articles[].verdicts[].claim?
articles[].verdicts[].words? articles[].verdicts[].verdict? articles[].verdicts[].label? articles[].date articles[].summary? articles[].tags
articles[].draft? articles[].source articles[].source.title? articles[].source.url? articles[].source.publisher?
articles[].source.date? articles[].source.kind? articles[].source.quote? articles[].source.original? articles[].source.original.publisher? articles[].source.original.url? articles[].source.original.date? articles[].source.archived? articles[].source.note? articles[].source.verdicts? articles[].source.verdicts[].claim? articles[].source.verdicts[].words? articles[].source.verdicts[].verdict? articles[].source.verdicts[].label?
articles[].claims articles[].quotes articles[].actors articles[].organizations articles[].tally
claims claims[].id claims[].url claims[].article claims[].text claims[].claim? claims[].in claims[].sentence? claims[].verdicts? claims[].verdicts[].claim? claims[].verdicts[].words? claims[].verdicts[].verdict? claims[].verdicts[].label? claims[].claimant
claims[].claimant.kind? claims[].claimant.id? claims[].status claims[].explanation claims[].checked?
claims[].checkedBy claims[].modified? claims[].updates claims[].updates[].date claims[].updates[].note claims[].updates[].from?
claims[].sources claims[].sources[].title? claims[].sources[].url? claims[].sources[].publisher?
claims[].sources[].date? claims[].sources[].kind? claims[].sources[].quote? claims[].sources[].archived? claims[].sources[].note? claims[].sources[].verdicts? claims[].sources[].verdicts[].claim? claims[].sources[].verdicts[].words? claims[].sources[].verdicts[].verdict? claims[].sources[].verdicts[].label?
quotes quotes[].id quotes[].url quotes[].article quotes[].text quotes[].sentence? quotes[].speaker quotes[].paraphrase? quotes[].original? quotes[].language?
quotes[].said? quotes[].via? quotes[].context?
actors actors[].id actors[].url actors[].name actors[].aliases actors[].role? actors[].country? actors[].wikidata?
actors[].organizations actors[].quotes actors[].claims actors[].articles actors[].events
actors[].mentions actors[].mentions[].article? actors[].mentions[].event? actors[].mentions[].profile?
actors[].mentions[].profile.kind? actors[].mentions[].profile.id? actors[].mentions[].sentence
actors[].tally actors[].sources actors[].sources[].title? actors[].sources[].url? actors[].sources[].publisher?
actors[].sources[].date? actors[].sources[].kind? actors[].sources[].quote? actors[].sources[].archived? actors[].sources[].note? actors[].sources[].verdicts? actors[].sources[].verdicts[].claim? actors[].sources[].verdicts[].words? actors[].sources[].verdicts[].verdict? actors[].sources[].verdicts[].label?
organizations organizations[].id organizations[].url organizations[].name organizations[].short?
organizations[].aliases organizations[].kind? organizations[].founded? organizations[].headquarters?
organizations[].wikidata? organizations[].members organizations[].members[].kind organizations[].members[].id
organizations[].memberOf organizations[].statements organizations[].claims organizations[].articles
organizations[].events organizations[].mentions organizations[].mentions[].article?
organizations[].mentions[].event? organizations[].mentions[].profile? organizations[].mentions[].profile.kind?
organizations[].mentions[].profile.id? organizations[].mentions[].sentence organizations[].tally
organizations[].sources organizations[].sources[].title? organizations[].sources[].url?
organizations[].sources[].publisher? organizations[].sources[].date? organizations[].sources[].kind? organizations[].sources[].quote? organizations[].sources[].archived?
organizations[].sources[].note? organizations[].sources[].verdicts? organizations[].sources[].verdicts[].claim? organizations[].sources[].verdicts[].words? organizations[].sources[].verdicts[].verdict? organizations[].sources[].verdicts[].label?
events events[].id events[].url events[].title events[].date events[].end? events[].actors
events[].organizations events[].sources events[].sources[].title? events[].sources[].url?
events[].sources[].publisher? events[].sources[].date? events[].sources[].kind? events[].sources[].quote? events[].sources[].archived? events[].sources[].note? events[].sources[].verdicts? events[].sources[].verdicts[].claim? events[].sources[].verdicts[].words? events[].sources[].verdicts[].verdict? events[].sources[].verdicts[].label?
`)

// exported is the data export read back whole: the index's fields, and
// each kind's objects under the kind's name, as version 1 had them.
type exported struct {
	Articles      []export.Article      `json:"articles"`
	Claims        []export.Claim        `json:"claims"`
	Quotes        []export.Quote        `json:"quotes"`
	Actors        []export.Actor        `json:"actors"`
	Organizations []export.Organization `json:"organizations"`
	Events        []export.Event        `json:"events"`
}

// exportAll renders the export of d and joins its files into one JSON
// object: the index, with each kind's list added under the kind's name. It
// checks that the index names every file with its count.
func exportAll(t testing.TB, d *dossier.Dossier) []byte {
	t.Helper()
	files, err := export.Files(d, urls.New(d.Site.BaseURL))
	if err != nil {
		t.Fatal(err)
	}
	var whole map[string]any
	if err := json.Unmarshal(files["data/dossier.json"], &whole); err != nil {
		t.Fatal(err)
	}
	var index struct {
		Files []struct {
			Kind, URL string
			Count     int
		}
	}
	if err := json.Unmarshal(files["data/dossier.json"], &index); err != nil {
		t.Fatal(err)
	}
	if len(index.Files) != 6 || len(files) != 7 {
		t.Fatalf("the index names %d files, the export wrote %d", len(index.Files), len(files))
	}
	for _, f := range index.Files {
		name := "data/" + f.Kind + ".json"
		if !strings.HasSuffix(f.URL, "/"+name) {
			t.Errorf("%s: url %q", f.Kind, f.URL)
		}
		var list []any
		if err := json.Unmarshal(files[name], &list); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(list) != f.Count {
			t.Errorf("%s: the index counts %d objects, the file holds %d", name, f.Count, len(list))
		}
		if lines := bytes.Count(files[name], []byte("\n")); lines != len(list)+2 {
			t.Errorf("%s: %d lines for %d objects, want one object a line", name, lines, len(list))
		}
		whole[f.Kind] = list
	}
	b, err := json.MarshalIndent(whole, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// exportDossier fills most of the schema's fields.
func exportDossier(t testing.TB) *dossier.Dossier {
	return resolveSite(t, map[string]string{
		"content/actors/zhang.md": front(`name = "Zhang Ming"`, `aliases = ["Mr. Zhang"]`, `role = "Secretary-General"`,
			`organizations = ["sco"]`, `country = "china"`, `wikidata = "Q1"`, `[[sources]]`, `title = "Profile"`, `url = "https://example.org/p"`),
		"content/organizations/sco.md": front(`name = "Shanghai Cooperation Organisation"`, `short = "SCO"`, `kind = "alliance"`,
			`founded = 2001`, `headquarters = "Beijing"`, `members = ["china"]`),
		"content/organizations/china.md": front(`name = "China"`, `kind = "state"`),
		"content/events/summit.md": front(`title = "Summit"`, `date = 2022-01-05`, `end = 2022-01-06`, `actors = ["zhang"]`,
			`[[sources]]`, `title = "Report"`, `date = 2022-01-06`),
		"content/articles/a.md": front(`title = "A"`, `date = 2022-01-08`, `summary = "S."`, `tags = ["sco"]`,
			`[source]`, `publisher = "News"`, `url = "https://news.example.org/a"`, `kind = "aggregator"`,
			`[source.original]`, `publisher = "Origin"`, `url = "https://origin.example.org/a"`, `date = 2022-01-07`,
			`[[claims]]`, `id = "c1"`, `text = "Body"`, `claim = "Zhang said the body."`, `claimant = "zhang"`, `status = "false"`,
			`explanation = "No."`, `checked = 2026-01-01`, `checked_by = ["ed"]`,
			`[[claims.sources]]`, `title = "Charter"`, `url = "https://example.org/c"`, `note = "official"`, `kind = "official"`,
			`quote = "the charter says"`, `archived = "https://archive.example.org/c"`,
			`[[claims.updates]]`, `date = 2026-02-01`, `note = "Rated false, not mostly true."`, `from = "mostly-true"`,
			`[[quotes]]`, `id = "q1"`, `speaker = "zhang"`, `text = "Body"`, `said = 2022-01-07`, `via = "sco"`, `context = "Said at a briefing."`,
			`paraphrase = true`, `original = "正文"`, `language = "zh"`),
	}, func(site *config.Site) {
		site.Staff = []config.Staff{{ID: "ed", Name: "An Editor", Role: "Editor", Kind: config.StaffPerson, URL: "https://example.org/ed"}}
		site.Publisher.Corrections = "mailto:corrections@example.org"
	}, dossier.FoundIn{
		"content/articles/a.md": {
			Anchors:  []dossier.Anchor{{Kind: "claim", ID: "c1", Sentence: "Body.", Line: 5}},
			Mentions: []dossier.Mentioned{{Kind: "actor", ID: "zhang", Sentence: "Body."}},
		},
		"content/actors/zhang.md":  {Mentions: []dossier.Mentioned{{Kind: "organization", ID: "china", Sentence: "From China."}}},
		"content/events/summit.md": {Mentions: []dossier.Mentioned{{Kind: "organization", ID: "sco", Sentence: "The SCO met."}}},
	})
}

func TestExportSchema(t *testing.T) {
	out := exportAll(t, exportDossier(t))
	var v any
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	fieldPaths(v, "", seen)
	documented := map[string]bool{}
	for _, f := range exportFields {
		path, optional := strings.CutSuffix(f, "?")
		documented[path] = true
		if !optional && !seen[path] {
			t.Errorf("documented field %s is missing", path)
		}
	}
	var extra []string
	for p := range seen {
		if !documented[p] {
			extra = append(extra, p)
		}
	}
	sort.Strings(extra)
	if len(extra) > 0 {
		t.Errorf("fields not in the documented schema (add them to the README and exportFields): %v", extra)
	}
	if !bytes.Contains(out, []byte(`"schema": "`+export.Schema+`"`)) {
		t.Errorf("no schema version %q", export.Schema)
	}
}

// fieldPaths records the path of every object field under v: "a.b" for
// fields, "a[]" for array elements. A tally's keys are verdict ids, not fields.
func fieldPaths(v any, path string, seen map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		if strings.HasSuffix(path, "tally") {
			return
		}
		for k, x := range v {
			p := k
			if path != "" {
				p = path + "." + k
			}
			seen[p] = true
			fieldPaths(x, p, seen)
		}
	case []any:
		for _, x := range v {
			fieldPaths(x, path+"[]", seen)
		}
	}
}

// TestExportReferences checks that every id the export refers to is defined,
// that lists are [] rather than null, and that two exports are the same bytes.
func TestExportReferences(t *testing.T) {
	out := exportAll(t, exportDossier(t))
	again := exportAll(t, exportDossier(t))
	if !bytes.Equal(out, again) {
		t.Error("two exports of the same dossier differ")
	}
	if bytes.Contains(out, []byte(": null")) && bytes.Count(out, []byte(": null")) != bytes.Count(out, []byte(`"claimant": null`)) {
		t.Error("a null other than an article's own claimant")
	}
	var e exported
	if err := json.Unmarshal(out, &e); err != nil {
		t.Fatal(err)
	}
	ids := map[string][]string{}
	for _, a := range e.Articles {
		ids["article"] = append(ids["article"], a.ID)
	}
	for _, a := range e.Actors {
		ids["actor"] = append(ids["actor"], a.ID)
	}
	for _, o := range e.Organizations {
		ids["organization"] = append(ids["organization"], o.ID)
	}
	for _, c := range e.Claims {
		ids["claim"] = append(ids["claim"], c.ID)
	}
	for _, q := range e.Quotes {
		ids["quote"] = append(ids["quote"], q.ID)
	}
	for _, ev := range e.Events {
		ids["event"] = append(ids["event"], ev.ID)
	}
	ref := func(kind, id, where string) {
		if id != "" && !slices.Contains(ids[kind], id) {
			t.Errorf("%s: unknown %s %q", where, kind, id)
		}
	}
	for _, a := range e.Articles {
		refs(ref, "claim", a.Claims, "article "+a.ID)
		refs(ref, "quote", a.Quotes, "article "+a.ID)
		refs(ref, "actor", a.Actors, "article "+a.ID)
		refs(ref, "organization", a.Organizations, "article "+a.ID)
	}
	for _, c := range e.Claims {
		ref("article", c.Article, "claim "+c.ID)
		if c.Claimant != nil {
			ref(c.Claimant.Kind, c.Claimant.ID, "claim "+c.ID)
		}
	}
	for _, q := range e.Quotes {
		ref("article", q.Article, "quote "+q.ID)
		ref("actor", q.Speaker, "quote "+q.ID)
		ref("organization", q.Via, "quote "+q.ID)
	}
	for _, a := range e.Actors {
		refs(ref, "organization", a.Organizations, "actor "+a.ID)
		refs(ref, "quote", a.Quotes, "actor "+a.ID)
		refs(ref, "claim", a.Claims, "actor "+a.ID)
		refs(ref, "article", a.Articles, "actor "+a.ID)
		refs(ref, "event", a.Events, "actor "+a.ID)
		ref("organization", a.Country, "actor "+a.ID)
	}
	for _, o := range e.Organizations {
		for _, m := range o.Members {
			ref(m.Kind, m.ID, "organization "+o.ID)
		}
		refs(ref, "organization", o.MemberOf, "organization "+o.ID)
		refs(ref, "quote", o.Statements, "organization "+o.ID)
		refs(ref, "article", o.Articles, "organization "+o.ID)
		refs(ref, "event", o.Events, "organization "+o.ID)
	}
	if got := e.Actors[0]; got.ID != "zhang" || len(got.Mentions) != 1 || got.Mentions[0].Article != "a" || got.Tally["false"] != 1 {
		t.Errorf("actor zhang: got %+v", got)
	}
}

func refs(ref func(kind, id, where string), kind string, list []string, where string) {
	for _, id := range list {
		ref(kind, id, where)
	}
}

// TestExportFactCheckFields checks that the fact-checking fields reach the
// export with their values: a claim's restatement, staff, corrections log,
// a source's kind, passage, archive copy and original, a quote's
// paraphrase and original words, and which verdicts are ratings.
func TestExportFactCheckFields(t *testing.T) {
	out := exportAll(t, exportDossier(t))
	var e struct {
		exported
		Site     export.Site      `json:"site"`
		Verdicts []export.Verdict `json:"verdicts"`
	}
	if err := json.Unmarshal(out, &e); err != nil {
		t.Fatal(err)
	}
	c := e.Claims[0]
	if c.Claim != "Zhang said the body." || !slices.Equal(c.CheckedBy, []string{"ed"}) || c.Modified != "2026-02-01" {
		t.Errorf("claim: claim %q, checkedBy %v, modified %q", c.Claim, c.CheckedBy, c.Modified)
	}
	if len(c.Updates) != 1 || c.Updates[0] != (export.Update{Date: "2026-02-01", Note: "Rated false, not mostly true.", From: "mostly-true"}) {
		t.Errorf("claim updates: %+v", c.Updates)
	}
	if src := c.Sources[0]; src.Kind != "official" || src.Quote != "the charter says" || src.Archived != "https://archive.example.org/c" {
		t.Errorf("claim source: %+v", src)
	}
	src := e.Articles[0].Source
	if src.Kind != "aggregator" || src.Original == nil ||
		*src.Original != (export.Origin{Publisher: "Origin", URL: "https://origin.example.org/a", Date: "2022-01-07"}) {
		t.Errorf("article source: %+v (original %+v)", src, src.Original)
	}
	if q := e.Quotes[0]; !q.Paraphrase || q.Original != "正文" || q.Language != "zh" {
		t.Errorf("quote: %+v", q)
	}
	if len(e.Site.Staff) != 1 || e.Site.Staff[0].Name != "An Editor" || e.Site.Publisher.Corrections != "mailto:corrections@example.org" {
		t.Errorf("site: %+v", e.Site)
	}
	rated := map[string]bool{}
	for _, v := range e.Verdicts {
		rated[v.ID] = v.Rated
	}
	if !rated["false"] || rated["not-rated"] {
		t.Errorf("rated: %v", rated)
	}
}
