package theme

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	root "github.com/dossier-dev/dossier"
	"github.com/dossier-dev/dossier/internal/diag"
)

func TestOlder(t *testing.T) {
	tests := []struct {
		recorded, current string
		want              bool
	}{
		{"v1.0.0", "v1.2.0", true},
		{"v1.2.0", "v1.2.0", false},
		{"v1.3.0", "v1.2.0", false},
		{"v0.0.0-20260101000000-abcdefabcdef", "v0.1.0", true},
		{"v1.2.0", "v1.2.0+dirty", false},
		{Unknown, "v1.2.0", true},
		{"v1.0.0", "", false},
		{Unknown, "", false},
	}
	for _, tt := range tests {
		if got := Older(tt.recorded, tt.current); got != tt.want {
			t.Errorf("Older(%q, %q) = %v, want %v", tt.recorded, tt.current, got, tt.want)
		}
	}
}

// copied returns a site folder holding a fresh copy of the theme recorded
// as version.
func copied(t *testing.T, version string) string {
	t.Helper()
	dir := t.TempDir()
	written, err := Copy(dir, version)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) < 3 {
		t.Fatalf("Copy wrote only %v", written)
	}
	return dir
}

func TestCopyRecordsTheVersion(t *testing.T) {
	dir := copied(t, "v1.0.0")
	got, ok := Recorded(os.DirFS(dir))
	if !ok || got != "v1.0.0" {
		t.Errorf("Recorded = %q, %v; want v1.0.0", got, ok)
	}
	if _, err := Copy(dir, "v1.0.0"); err == nil {
		t.Errorf("a second Copy into the same folder overwrote the first")
	}
	dir = copied(t, "")
	if got, _ := Recorded(os.DirFS(dir)); got != Unknown {
		t.Errorf("a copy by a build without a version recorded %q, want %q", got, Unknown)
	}
}

func TestNotes(t *testing.T) {
	dir := copied(t, "v1.0.0")
	// An unchanged copy has nothing to merge, whatever the versions.
	if notes := Notes(os.DirFS(dir), "v1.2.0"); len(notes) != 0 {
		t.Errorf("an unchanged copy has notes: %v", notes)
	}
	// One file that differs from today's default (here because the newsroom
	// edited it; after an upgrade, because the default changed) is noted.
	name := firstTemplate(t)
	edited := filepath.Join(dir, "templates", name)
	if err := os.WriteFile(edited, []byte("<!-- edited -->\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	notes := Notes(os.DirFS(dir), "v1.2.0")
	if len(notes) != 1 {
		t.Fatalf("got %d notes, want 1: %v", len(notes), notes)
	}
	n := notes[0]
	if n.Severity != diag.Note || n.Code != diag.ThemeBehind || n.Pos.File != "templates/"+name ||
		!strings.Contains(n.Msg, "v1.0.0") || !strings.Contains(n.Msg, "v1.2.0") || !strings.Contains(n.Hint, VersionFile) {
		t.Errorf("note = %+v", n)
	}
	// Not when the copy is as new as the running dossier, nor when the
	// running dossier knows no version.
	for _, current := range []string{"v1.0.0", ""} {
		if notes := Notes(os.DirFS(dir), current); len(notes) != 0 {
			t.Errorf("Notes(%q) = %v, want none", current, notes)
		}
	}
	// Nor for templates the newsroom wrote itself, without a copy.
	if err := os.Remove(filepath.Join(dir, filepath.FromSlash(VersionFile))); err != nil {
		t.Fatal(err)
	}
	if notes := Notes(os.DirFS(dir), "v1.2.0"); len(notes) != 0 {
		t.Errorf("a site without %s has notes: %v", VersionFile, notes)
	}
}

func firstTemplate(t *testing.T) string {
	t.Helper()
	names, err := fs.Glob(root.Templates(), "*.html")
	if err != nil || len(names) == 0 {
		t.Fatalf("no default templates: %v", err)
	}
	return names[0]
}
