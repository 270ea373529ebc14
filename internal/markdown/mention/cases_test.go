package mention

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected output of testdata/cases")

// TestCases runs the case files in testdata/cases. Each is a txtar archive:
// a comment saying what it shows, input.md (converted with testEntities,
// body starting on line 1), an optional mode (default first), and the
// expected output.html and hits, one per line as
// "KIND:ID LINE linked|unlinked SENTENCE". With -update the expectations are
// rewritten from the current behaviour; review the diff before committing.
func TestCases(t *testing.T) {
	files, err := filepath.Glob("testdata/cases/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no case files: %v", err)
	}
	m := mustMatcher(t, testEntities)
	md := newMarkdown()
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			sections := map[string]*txtar.File{}
			for i := range ar.Files {
				sections[ar.Files[i].Name] = &ar.Files[i]
			}
			in := sections["input.md"]
			if in == nil {
				t.Fatal("no input.md")
			}
			mode := ModeFirst
			if f := sections["mode"]; f != nil {
				mode = Mode(strings.TrimSpace(string(f.Data)))
			}
			html, hits := convert(t, md, m, mode, string(in.Data))
			got := map[string]string{"output.html": html, "hits": formatHits(hits)}
			if *update {
				rewrite(t, file, ar, got)
				return
			}
			for _, name := range []string{"output.html", "hits"} {
				want := ""
				if f := sections[name]; f != nil {
					want = string(f.Data)
				}
				if got[name] != want {
					t.Errorf("%s:\n--- got\n%s--- want\n%s", name, got[name], want)
				}
			}
		})
	}
}

func formatHits(hits []Hit) string {
	var b strings.Builder
	for _, h := range hits {
		linked := "unlinked"
		if h.Linked {
			linked = "linked"
		}
		fmt.Fprintf(&b, "%s:%s %d %s %s\n", h.Kind, h.ID, h.Line, linked, h.Sentence)
	}
	return b.String()
}

// rewrite stores got as the expected sections of the case file.
func rewrite(t *testing.T, file string, ar *txtar.Archive, got map[string]string) {
	t.Helper()
	var files []txtar.File
	for _, f := range ar.Files {
		if f.Name != "output.html" && f.Name != "hits" {
			files = append(files, f)
		}
	}
	files = append(files, txtar.File{Name: "output.html", Data: []byte(got["output.html"])})
	files = append(files, txtar.File{Name: "hits", Data: []byte(got["hits"])})
	ar.Files = files
	if err := os.WriteFile(file, txtar.Format(ar), 0o666); err != nil {
		t.Fatal(err)
	}
}
