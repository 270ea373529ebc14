package content

import (
	"testing"

	"github.com/dossier-dev/dossier/internal/diag"
)

// ReadRaw lists every string of the front matter at its key (list elements
// at their own position), in TOML and YAML, and keeps the body's first line.
func TestReadRaw(t *testing.T) {
	for _, tc := range []struct{ name, src string }{
		{"toml", "+++\ntitle = \"T\"\nactors = [\"a\", \"b\"]\n[[claims]]\nid = \"c\"\n  [[claims.sources]]\n  url = \"/x/\"\n+++\nBody.\n"},
		{"yaml", "---\ntitle: T\nactors: [a, b]\nclaims:\n  - id: c\n    sources:\n      - url: /x/\n---\nBody.\n"},
	} {
		r := ReadRaw("content/articles/x.md", []byte(tc.src))
		if r == nil {
			t.Fatalf("%s: nil", tc.name)
		}
		got := map[string]RawString{}
		for _, s := range r.Strings {
			got[s.Key] = s
		}
		want := map[string]int{"title": 2, "actors.0": 3, "actors.1": 3, "claims.0.id": 5, "claims.0.sources.0.url": 7}
		if tc.name == "yaml" {
			want["claims.0.id"] = 5
		}
		for key, line := range want {
			if s, ok := got[key]; !ok || s.Pos.Line != line || s.Pos.File != "content/articles/x.md" {
				t.Errorf("%s: %s = %+v, want line %d", tc.name, key, s, line)
			}
		}
		if got["claims.0.sources.0.url"].Value != "/x/" || string(r.Body) != "Body.\n" || r.BodyLine != 9 {
			t.Errorf("%s: %+v", tc.name, r)
		}
		if k := got["title"].Pos; k.Compare(diag.Pos{File: k.File, Line: 2, Col: 1}) != 0 {
			t.Errorf("%s: title at %v, want 2:1", tc.name, k)
		}
	}
	if ReadRaw("content/articles/x.md", []byte("+++\ntitle = \"T\n+++\n")) != nil {
		t.Error("a front matter that does not parse gave a Raw")
	}
}
