package site

import "github.com/dossier-dev/dossier/internal/content"

// IsTempFile reports whether a file name is an editor's temporary, swap or
// backup file. It is content.IsTempFile, the one rule that content loading,
// static files and the preview's watcher share.
func IsTempFile(name string) bool { return content.IsTempFile(name) }
