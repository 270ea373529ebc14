// Package dossier holds the default theme embedded in the binary: the templates
// and static files every site gets unless it overrides them with its own.
package dossier

import (
	"embed"
	"io/fs"
)

//go:embed all:templates all:static
var theme embed.FS

// Templates returns the default templates, rooted at the templates folder.
func Templates() fs.FS { return sub("templates") }

// Static returns the default static files, rooted at the static folder.
func Static() fs.FS { return sub("static") }

func sub(dir string) fs.FS {
	f, err := fs.Sub(theme, dir)
	if err != nil {
		panic(err) // the folder is embedded above, so this cannot happen
	}
	return f
}
