package config

import (
	"testing"
	"testing/fstest"
)

// FuzzLoad: no site.toml, however broken, makes Load panic, and every
// diagnostic names the file.
func FuzzLoad(f *testing.F) {
	for _, seed := range []string{
		"", "title = \"x\"", "title = \"x", "[markdown]\nmentions = \"all\"", "[[verdicts]]\nid = \"a\"",
		"[[verdicts]", "baseURL = \"::\"", "\ufeff", "title = 1\r\n", "[publisher]\nname = [",
		"[[staff]]\nid = \"a\"\n[[staff]]\nkind = 1", "[[verdicts]]\nid = \"a\"\nrated = false\nrating = 3", "pageSize = -1\n[strings]\nx = 1",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		site, diags := Load(fstest.MapFS{FileName: {Data: []byte(src)}}, FileName)
		if site == nil {
			t.Fatal("nil site")
		}
		for _, d := range diags {
			if d.Pos.File != FileName {
				t.Errorf("diagnostic without the file: %v", d)
			}
		}
		_ = site.BasePath()
		for i := range site.Staff {
			_ = site.EntryPos("staff", i, "url")
		}
	})
}
