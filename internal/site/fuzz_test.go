package site

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/dossier-dev/dossier/internal/testfiles"
)

// FuzzBuild edits the golden site's article into anything at all: a whole
// build must never panic, and a build without errors must produce the page.
func FuzzBuild(f *testing.F) {
	site := loadSite(f, "testdata/golden/site.txtar")
	const name = "content/articles/sco-offer.md"
	f.Add(string(site[name].Data))
	f.Add("+++\ntitle = \"x\"\ndate = 2022-01-01\n[[claims]]\nid = \"c\"\ntext = \"SCO\"\nstatus = \"true\"\n+++\nThe SCO and the SCO.\n")
	f.Add("+++\ntitle = \"x\"\ndate = 2022-01-01\n[[quotes]]\nid = \"q\"\nspeaker = \"wang-wenbin\"\ntext = \"a\"\n+++\n> a\n\n| a | b |\n|---|---|\n| a | b |\n")
	f.Add("---\ntitle: x\ndate: 2022-01-01\nclaims:\n  - id: c\n    text: \"*x*\"\n    status: false\n---\n*x* and `x`\n")
	f.Add("+++\ntitle = \"")
	f.Fuzz(func(t *testing.T, article string) {
		fsys := fstest.MapFS{}
		for k, v := range site {
			fsys[k] = v
		}
		fsys[name] = &fstest.MapFile{Data: []byte(article)}
		type outcome struct {
			res *Result
			err error
		}
		done := make(chan outcome, 1)
		go func() {
			res, err := Build(Options{Source: fsys})
			done <- outcome{res, err}
		}()
		var res *Result
		var err error
		select {
		case o := <-done:
			res, err = o.res, o.err
		case <-time.After(10 * time.Second):
			t.Fatalf("the build did not finish in 10 s on %q", article)
		}
		if err != nil {
			t.Fatalf("tool error: %v", err)
		}
		if !res.Diags.HasErrors() {
			if testfiles.Read(t, res.Output)["index.html"] == nil {
				t.Fatal("a build without errors has no home page")
			}
		}
		for _, d := range res.Diags {
			if d.Pos.File == "" {
				t.Errorf("diagnostic without a file: %v", d)
			}
		}
	})
}
