package server

import (
	"path"
	"strings"
)

// watchedRoots are the site's folders watched recursively; site.toml is
// watched besides them.
var watchedRoots = []string{"content", "templates", "static"}

// siteConfig is the configuration file's name in the site's folder.
const siteConfig = "site.toml"

// watched reports whether the site-relative, slash-separated path rel is a
// source of the site: site.toml, or inside one of watchedRoots.
func watched(rel string) bool {
	if rel == siteConfig {
		return true
	}
	top, _, _ := strings.Cut(rel, "/")
	for _, r := range watchedRoots {
		if top == r {
			return true
		}
	}
	return false
}

// ignored reports whether a file name (no folder) is an editor's or a
// system's scratch file, whose changes never trigger a rebuild.
func ignored(name string) bool {
	switch {
	case name == "4913": // vim probes whether it may write in a folder
	case name == ".DS_Store", name == "Thumbs.db", name == "desktop.ini": // Finder, Explorer
	case strings.HasSuffix(name, "~"): // backups: vim, emacs, gedit, nano
	case strings.HasPrefix(name, ".#"): // emacs lock file
	case strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"): // emacs auto-save
	case strings.HasPrefix(name, ".goutputstream-"): // gedit and GNOME (GIO) atomic saves
	case strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"): // JetBrains safe write
	case strings.HasPrefix(name, "~$"): // office lock files
	case strings.HasPrefix(name, ".~lock.") && strings.HasSuffix(name, "#"): // LibreOffice lock files
	case vimSwap(name):
	default:
		return scratchExt[path.Ext(name)]
	}
	return true
}

// scratchExt are extensions of temporary files: VS Code's and other atomic
// writers' (.tmp), Kate's and Chromium's swap files, merge leftovers.
var scratchExt = map[string]bool{
	".tmp": true, ".temp": true, ".swp": true, ".swo": true, ".swx": true,
	".kate-swp": true, ".crswap": true, ".bak": true, ".orig": true, ".part": true,
}

// vimSwap matches vim's swap files beyond .swp: ".name.swa" … ".name.swp",
// and its undo files ".name.un~" (covered by the "~" rule).
func vimSwap(name string) bool {
	ext := path.Ext(name)
	return strings.HasPrefix(name, ".") && len(ext) == 4 && strings.HasPrefix(ext, ".sw") && ext[3] >= 'a' && ext[3] <= 'z'
}
