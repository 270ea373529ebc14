package render

import (
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// Path returns the site path of a page's object (see package urls):
// articles/x/, actors/y/, …; "" for a value with no page.
func Path(v any) string {
	if dir, id := pathOf(v); dir != "" {
		return dir + id + "/"
	}
	return ""
}

// pageFile returns the file of v's page, Path(v) + "index.html", and
// Path(v) as a slice of it: one allocation for both. When last (the file
// the last render listed at the same place) is that file, it is reused: a
// preview rebuild lists every page again, and mostly the same ones.
func pageFile(v any, last string) (file, path string) {
	const index = "/index.html"
	dir, id := pathOf(v)
	if len(last) == len(dir)+len(id)+len(index) && last[:len(dir)] == dir &&
		last[len(dir):len(dir)+len(id)] == id && last[len(dir)+len(id):] == index {
		file = last
	} else {
		file = dir + id + index
	}
	return file, file[:len(file)-len("index.html")]
}

// pathOf returns the folder of v's kind and v's id; "" for a value with no page.
func pathOf(v any) (dir, id string) {
	switch v := v.(type) {
	case *dossier.Article:
		return urls.Articles, v.ID
	case *dossier.Actor:
		return urls.Actors, v.ID
	case *dossier.Organization:
		return urls.Organizations, v.ID
	case *dossier.Claim:
		return urls.Claims, v.ID
	case *dossier.Quote:
		return urls.Quotes, v.ID
	case *dossier.Event:
		return urls.Events, v.ID
	}
	return "", ""
}
