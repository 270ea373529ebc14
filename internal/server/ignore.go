package server

import (
	"path"
	"strings"

	"github.com/dossier-dev/dossier/internal/site"
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
// system's scratch file, whose changes never trigger a rebuild. It is the
// builder's own rule (site.IsTempFile), so that the watcher never skips a
// file the build reads, plus hidden scratch files, which no build reads.
func ignored(name string) bool {
	return site.IsTempFile(name) || hiddenScratch(name)
}

// hiddenScratch matches hidden scratch files the builder's rule leaves out:
// vim's other swap names (".x.swa" … ".x.swz"), Kate's and Chromium's swap
// files, macOS resource forks.
func hiddenScratch(name string) bool {
	if !strings.HasPrefix(name, ".") {
		return false
	}
	ext := path.Ext(name)
	switch {
	case len(ext) == 4 && strings.HasPrefix(ext, ".sw") && ext[3] >= 'a' && ext[3] <= 'z':
	case ext == ".kate-swp", ext == ".crswap":
	case strings.HasPrefix(name, "._"):
	default:
		return false
	}
	return true
}
