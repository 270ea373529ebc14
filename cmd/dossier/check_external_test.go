package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestCheckExternal runs `dossier check --external` against a local server:
// a dead source fails the check at its front-matter line, and the results
// go to the user's cache folder.
func TestCheckExternal(t *testing.T) {
	var requests atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if r.URL.Path == "/ok" {
			w.Header().Set("Content-Type", "text/html")
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	t.Setenv("HOME", cache)
	dir := t.TempDir()
	article := "+++\ntitle = \"First\"\ndate = 2022-01-08\n[source]\nurl = \"" + srv.URL + "/gone\"\narchived = \"" + srv.URL + "/ok\"\n+++\nText.\n"
	if err := os.MkdirAll(filepath.Join(dir, "content", "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "content", "articles", "first.md"), []byte(article), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(context.Background(), []string{"check", "--source", dir}, &stdout, &stderr); code != exitOK || requests.Load() != 0 {
		t.Fatalf("check without --external: exit %d, %d requests\n%s%s", code, requests.Load(), stdout.String(), stderr.String())
	}
	stdout.Reset()
	code := run(context.Background(), []string{"check", "--external", "--source", dir}, &stdout, &stderr)
	want := "content/articles/first.md:5:7: error: dead link " + srv.URL + "/gone: 404 Not Found"
	if code != exitContent || !strings.Contains(stdout.String(), want) {
		t.Errorf("exit %d, want %d; stdout:\n%s\nwant a line %q\nstderr: %s", code, exitContent, stdout.String(), want, stderr.String())
	}
	if n := requests.Load(); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
	if _, err := os.Stat(filepath.Join(cache, "dossier", "linkcheck.json")); err != nil {
		t.Errorf("no cache file: %v", err)
	}
}
