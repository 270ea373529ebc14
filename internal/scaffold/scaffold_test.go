package scaffold

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestFiles(t *testing.T) {
	files, err := Files(Options{Language: "ru", Version: "v1.2.0"})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"site.toml", ".gitignore", "README.md", ".github/workflows/pages.yml",
		"content/articles/example-bridge-promise.md", "content/actors/anna-primerova.md",
		"content/organizations/rechnoe-council.md", "content/events/rechnoe-bridge-opens.md",
	} {
		if _, ok := files[name]; !ok {
			t.Errorf("no %s among %v", name, slices.Sorted(maps.Keys(files)))
		}
	}
	for name, data := range files {
		if strings.Contains(name, "dot-") || strings.Contains(string(data), "@LANGUAGE@") || strings.Contains(string(data), "@VERSION@") {
			t.Errorf("%s: a placeholder or dot- name is left", name)
		}
	}
	if !strings.Contains(string(files["site.toml"]), `language    = "ru"`) {
		t.Errorf("site.toml does not set the language:\n%s", files["site.toml"])
	}
	if !strings.Contains(string(files[".github/workflows/pages.yml"]), "DOSSIER_VERSION: v1.2.0") {
		t.Errorf("the workflow does not install v1.2.0")
	}
	if len(files) != 8 {
		t.Errorf("%d files, want 8 (the Russian examples replace the English ones): %v", len(files), slices.Sorted(maps.Keys(files)))
	}
	en, err := Files(Options{Language: "en", Version: "latest"})
	if _, ok := en["content/actors/jane-example.md"]; err != nil || !ok || len(en) != 8 {
		t.Errorf("English site: %v, %v", err, slices.Sorted(maps.Keys(en)))
	}
	if _, err := Files(Options{Language: "de", Version: "latest"}); err == nil {
		t.Errorf("Files accepted the language de")
	}
}

func TestWriteRefusesAFolderWithFiles(t *testing.T) {
	dir := t.TempDir()
	opts := Options{Language: "en", Version: "latest"}
	if _, err := Write(dir, opts); err != nil {
		t.Fatalf("Write into an empty folder: %v", err)
	}
	names, err := Write(dir, opts)
	if !errors.Is(err, ErrNotEmpty) || names != nil {
		t.Errorf("Write into a site = %v, %v; want ErrNotEmpty", names, err)
	}
	// Even a single dot file makes a folder not empty.
	dir = t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".keep"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(dir, opts); !errors.Is(err, ErrNotEmpty) || !strings.Contains(err.Error(), ".keep") {
		t.Errorf("Write into a folder with .keep: %v", err)
	}
	// A new folder, with its parents, is made.
	if _, err := Write(filepath.Join(t.TempDir(), "a", "b"), opts); err != nil {
		t.Errorf("Write into a new folder: %v", err)
	}
}
