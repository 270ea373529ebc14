package render

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/dossier-dev/dossier/internal/config"
)

// encodeExport is how data/dossier.json was written before side_export.go.
func encodeExport(t *testing.T, e *export) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(e); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func writeExport(t *testing.T, e *export) []byte {
	t.Helper()
	w := jsonWriter{}
	if err := e.writeJSON(&w); err != nil {
		t.Fatal(err)
	}
	return append(w.b, '\n')
}

func TestExportWriterMatchesEncodingJSON(t *testing.T) {
	odd := trickyStrings[len(trickyStrings)/2]
	src := exportSource{Title: `<T> & "x"`, URL: "https://e.org/?a=1&b=2", Note: odd}
	full := &export{
		Schema: ExportSchema,
		Site: exportSite{Title: "Ti\u2028tle", Description: "D <b>", BaseURL: "/", Language: "en",
			Publisher: config.Publisher{Name: "P & Q", URL: "u"}},
		Verdicts: []config.Verdict{{ID: "false", Label: "False", Color: "#f00", Rating: 1}, {ID: "x"}},
		Articles: []exportArticle{
			{ID: "a", Title: odd, Tags: []string{}, Draft: true, Source: src, Claims: []string{"c"}, Quotes: []string{},
				Tally: map[string]int{"z": 1, "a": 2, "É": 3}},
			{ID: "b", Summary: "s", Tags: []string{"t1", "t2"}, Tally: map[string]int{}},
		},
		Claims: []exportClaim{
			{ID: "c", Claimant: &exportRef{Kind: "actor", ID: "x"}, Sources: []exportSource{src, {}}, Checked: "2020-01-01"},
			{ID: "d", Sentence: "s\x00\x1f\t", Sources: []exportSource{}},
		},
		Quotes: []exportQuote{{ID: "q"}, {ID: "r", Sentence: "s", Speaker: "x", Said: "d", Via: "v", Context: "c"}},
		Actors: []exportActor{
			{ID: "x", Aliases: []string{"X"}, Role: "r", Country: "c", Wikidata: "Q1",
				exportInvolvement: exportInvolvement{
					Mentions: []exportMention{{Article: "a", Sentence: "s"}, {Event: "e", Profile: &exportRef{"organization", "o"}}},
					Tally:    map[string]int{"false": 3}, Sources: []exportSource{src}}},
			{ID: "y"},
		},
		Organizations: []exportOrg{
			{ID: "o", Short: "O", Kind: "k", Founded: "1", Headquarters: "h", Wikidata: "w",
				Members: []exportRef{{"actor", "x"}}, MemberOf: []string{"p"},
				exportInvolvement: exportInvolvement{Mentions: []exportMention{{}}}},
			{ID: "p", Members: []exportRef{}},
		},
		Events: []exportEvent{{ID: "e", End: "2020", Actors: []string{"x"}, Sources: []exportSource{{Date: "d"}}}, {}},
	}
	for name, e := range map[string]*export{
		"full":   full,
		"zero":   {},
		"empty":  {Verdicts: []config.Verdict{}, Articles: []exportArticle{}, Claims: []exportClaim{}},
		"export": newSite(exportDossier(t)).export(),
		"graph":  newSite(smallDossier(t)).export(),
	} {
		want := encodeExport(t, e)
		if got := writeExport(t, e); !bytes.Equal(got, want) {
			t.Errorf("%s: the writer's export differs from encoding/json's:\n%s\nwant\n%s", name, got, want)
		}
	}
}
