package server

import "testing"

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		// vim
		".first.md.swp": true, ".first.md.swo": true, ".first.md.swn": true, "first.md~": true, "4913": true, ".first.md.un~": true,
		// emacs
		"#first.md#": true, ".#first.md": true,
		// JetBrains
		"first.md___jb_tmp___": true, "first.md___jb_old___": true,
		// VS Code and other atomic writers, gedit/GNOME, Kate, macOS
		"first.md.tmp": true, ".goutputstream-4V1TQ2": true, ".first.md.kate-swp": true, ".DS_Store": true, "._first.md": true,
		// real sources
		"first.md": false, "style.css": false, "site.toml": false, "swap.md": false, ".well-known": false,
		"base.html": false, "#hash": false, "4914": false, ".nojekyll": false, ".sw": false,
	} {
		if got := ignored(name); got != want {
			t.Errorf("ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestWatched(t *testing.T) {
	for rel, want := range map[string]bool{
		"site.toml": true, "content": true, "content/articles/x.md": true, "templates/base.html": true,
		"static/style.css": true, "public/index.html": false, "site.toml.bak": false, "contents/x.md": false,
		"README.md": false, ".git/index": false,
	} {
		if got := watched(rel); got != want {
			t.Errorf("watched(%q) = %v, want %v", rel, got, want)
		}
	}
}
