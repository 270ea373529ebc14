package site

import (
	"html"
	"os"
	"regexp"
	"testing"

	"github.com/dossier-dev/dossier/internal/testfiles"
)

// TestClaimPageTitles: every claim page's <h1> is its claim restated, or its
// words in quotation marks when it has no restatement; the bundled dossier
// restates every claim.
func TestClaimPageTitles(t *testing.T) {
	res, err := Build(Options{Source: os.DirFS(repoRoot)})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diags)
	}
	_, d := bundled(t)
	h1 := regexp.MustCompile(`<h1>([^<]*)</h1>`)
	for _, c := range d.Claims {
		page := string(testfiles.Read(t, res.Output)["claims/"+c.ID+"/index.html"])
		m := h1.FindStringSubmatch(page)
		if m == nil {
			t.Errorf("claims/%s/ has no <h1>", c.ID)
			continue
		}
		want := c.Restatement
		if want == "" {
			t.Errorf("%s: the bundled claim has no restatement", c.ID)
			want = "“" + c.Text + "”"
		}
		if got := html.UnescapeString(m[1]); got != want {
			t.Errorf("claims/%s/ <h1> is %q, want %q", c.ID, got, want)
		}
	}
	golden := loadSite(t, "testdata/golden/site.txtar")
	res, err = Build(Options{Source: golden})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("golden build: %v %v", err, res.Diags)
	}
	if m := h1.FindStringSubmatch(string(testfiles.Read(t, res.Output)["claims/sco-formed-by-china/index.html"])); m == nil || m[1] != "“formed by China in 2001”" {
		t.Errorf("a claim without a restatement: <h1> %v, want its words quoted", m)
	}
}
