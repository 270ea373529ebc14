package build

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// repoRoot is the bundled dossier: the repository is also a site.
const repoRoot = "../.."

// bundled resolves the bundled dossier the way a build does.
func bundled(t *testing.T) (*Result, *dossier.Dossier) {
	t.Helper()
	src := os.DirFS(repoRoot)
	res, err := Check(Options{Source: src})
	if err != nil {
		t.Fatal(err)
	}
	// Notes (sources without an archived copy, the relative base URL) are
	// information; claims without a restatement, and the long claimReviewed
	// their anchored words make, are warnings the content still has.
	var problems diag.List
	for _, d := range res.Diags {
		if d.Severity == diag.Error || (d.Severity == diag.Warning && d.Code != diag.NoRestatement && d.Code != diag.LongClaim) {
			problems.Add(d)
		}
	}
	if len(problems) > 0 {
		var b bytes.Buffer
		problems.WriteText(&b)
		t.Fatalf("dossier check on the bundled dossier is not clean:\n%s", b.String())
	}
	site, _ := config.Load(src, config.FileName)
	set, _ := content.Load(src)
	d, _ := dossier.Resolve(site, set, false)
	return res, d
}

// TestBundledDossier checks the editorial bar of the bundled dossier: every
// claim rated, reasoned and sourced; every quote attributed and dated; every
// actor and organization profiled and linked from somewhere.
func TestBundledDossier(t *testing.T) {
	res, d := bundled(t)
	if len(d.Claims) < 21 {
		t.Errorf("%d claims, want at least the 21 of the research file", len(d.Claims))
	}
	for _, c := range d.Claims {
		if c.Verdict.ID == "" {
			t.Errorf("claim %s has no verdict", c.ID)
		}
		if strings.TrimSpace(c.Explanation) == "" {
			t.Errorf("claim %s has no reasoning", c.ID)
		}
		if !hasWebSource(c.Sources) {
			t.Errorf("claim %s has no source with an http(s) URL", c.ID)
		}
		if _, ok := res.Files["claims/"+c.ID+"/index.html"]; !ok {
			t.Errorf("claim %s has no page", c.ID)
		}
	}
	for _, q := range d.Quotes {
		if q.Speaker == nil || q.Said.IsZero() {
			t.Errorf("quote %s lacks a speaker or a date", q.ID)
		}
		if _, ok := res.Files["quotes/"+q.ID+"/index.html"]; !ok {
			t.Errorf("quote %s has no page", q.ID)
		}
	}
	d = finished(t, res)
	for _, a := range d.Actors {
		checkEntity(t, res, "actors/"+a.ID, a.Body, backLinks(a.Mentions, a.Articles, a.Quotes, a.Claims, a.Events))
	}
	for _, o := range d.Organizations {
		n := backLinks(o.Mentions, o.Articles, o.Statements, o.Claims, o.Events) + len(o.Members) + len(o.MemberOf)
		checkEntity(t, res, "organizations/"+o.ID, o.Body, n)
	}
}

// finished rebuilds the graph with mentions through a real build.
func finished(t *testing.T, res *Result) *dossier.Dossier {
	t.Helper()
	b := New(Options{Source: os.DirFS(repoRoot)})
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	if b.last == nil {
		t.Fatal("the builder kept no dossier")
	}
	return b.last
}

func backLinks[A, B, C, D, E any](a []A, b []B, c []C, d []D, e []E) int {
	return len(a) + len(b) + len(c) + len(d) + len(e)
}

func checkEntity(t *testing.T, res *Result, path string, body []byte, links int) {
	t.Helper()
	if len(bytes.TrimSpace(body)) == 0 {
		t.Errorf("%s has no profile", path)
	}
	if links == 0 {
		t.Errorf("%s has no back-link", path)
	}
	if _, ok := res.Files[path+"/index.html"]; !ok {
		t.Errorf("%s has no page", path)
	}
}

func hasWebSource(sources []content.Source) bool {
	for _, s := range sources {
		if strings.HasPrefix(s.URL, "https://") || strings.HasPrefix(s.URL, "http://") {
			return true
		}
	}
	return false
}
