package render

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/dossier-dev/dossier/internal/config"
)

// TestTemplatesUseKnownWords: every word the default templates print
// through t, tn or words is a key of the built-in sets, so that no page
// shows a bare key.
func TestTemplatesUseKnownWords(t *testing.T) {
	keys := config.Keys()
	call := regexp.MustCompile(`\{\{-?\s*(?:t|tn)\s+"([^"]+)"|\(\s*(?:t|tn)\s+"([^"]+)"|words((?:\s+"[^"]+")+)`)
	quoted := regexp.MustCompile(`"([^"]+)"`)
	files, err := filepath.Glob("../../templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatal(files, err)
	}
	seen := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			used := []string{m[1] + m[2]}
			if m[3] != "" {
				used = nil
				for _, q := range quoted.FindAllStringSubmatch(m[3], -1) {
					used = append(used, q[1])
				}
			}
			for _, k := range used {
				seen++
				if !slices.Contains(keys, k) {
					t.Errorf("%s: word %q is not a key of the built-in words", filepath.Base(f), k)
				}
			}
		}
	}
	if seen < 100 {
		t.Errorf("only %d words found: is the pattern stale?", seen)
	}
	for _, kind := range []string{"event", "article", "quote"} { // timeline entries: t (print "entry-" .Kind)
		if !slices.Contains(keys, "entry-"+kind) {
			t.Errorf("no word entry-%s", kind)
		}
	}
}
