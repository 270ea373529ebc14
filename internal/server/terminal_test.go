package server

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// What an editor sees in the terminal over a scripted run: the build time
// and the number of warnings at start, the address; then one line per save
// (the file, the time, how many pages changed); the errors of the save that
// breaks the site; a warning only when a save brings a new one. The
// warning the site started with is never printed, notes never.
func TestTerminalOutput(t *testing.T) {
	dir := newSite(t)
	writeFile(t, dir, "content/actors/zhang.md", "A person. WARN, and a NOTE.\n")
	ts := startServer(t, dir, newFakeBuilder(dir), Options{})
	save := func(text string, ok bool) {
		t.Helper()
		writeFile(t, dir, "content/articles/first.md", text)
		if ev := ts.nextBuild(t); ev.ok != ok {
			t.Fatalf("build after saving %q: ok = %v", text, ev.ok)
		}
	}
	save("Edited.\n", true)
	save("Edited, then\nBROKEN.\n", false)
	save("Fixed.\n", true)
	save("Fixed, with a WARN.\n", true)

	want := `Built 4 pages (6 files) in DUR, 1 warning: the page's corner badge and ` + "`dossier check`" + ` list them
Serving DIR at URL (Ctrl-C to stop)
TIME content/articles/first.md: 1 page changed (DUR)
TIME content/articles/first.md: build failed, 1 error; the last good build is still served:
content/articles/first.md:2:1: error: the file is broken
	hint: remove "BROKEN"
TIME content/articles/first.md: fixed, 1 page changed (DUR)
TIME content/articles/first.md: 1 page changed (DUR); 1 new warning, 2 in all:
content/articles/first.md:1: warning: the file has a warning
`
	got := ts.log.String()
	got = strings.ReplaceAll(got, dir, "DIR")
	got = strings.ReplaceAll(got, ts.url, "URL")
	got = regexp.MustCompile(`(?m)^\d\d:\d\d:\d\d `).ReplaceAllString(got, "TIME ")
	got = regexp.MustCompile(`\d+(\.\d+)?(ns|µs|ms|s)\b`).ReplaceAllString(got, "DUR")
	if got != want {
		t.Errorf("terminal:\n%s\nwant:\n%s", got, want)
	}
}

// A save's line names the saved file, not an editor's temporary file gone
// since; the echo of a save (a second build that changes nothing) prints
// nothing; a lazy build counts the pages that may have changed.
func TestTerminalLines(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "content/a.md", "a")
	var b strings.Builder
	clock := time.Date(2026, 1, 2, 10, 0, 0, 0, time.UTC)
	term := &terminal{w: &b, dir: dir, now: func() time.Time { return clock }}
	saved := batch{paths: []string{"content/a.md", "content/sed7Qx2a"}}
	two := changes{files: map[string]bool{"a/index.html": true, "b/index.html": true, "search.json": true}}
	term.rebuilt(saved, two, time.Millisecond, nil, false)
	clock = clock.Add(time.Second)
	term.rebuilt(saved, changes{}, time.Millisecond, nil, false)
	clock = clock.Add(3 * time.Second)
	term.rebuilt(saved, changes{}, time.Millisecond, nil, false)
	two.inputs = true
	term.rebuilt(batch{all: true}, two, time.Millisecond, nil, false)
	want := `10:00:00 content/a.md: 2 pages changed, 1 other file (1ms)
10:00:04 content/a.md: no page changed (1ms)
10:00:04 everything: up to 2 pages changed, 1 other file (1ms)
`
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}
