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
// Path(v) as a slice of it: one allocation for both.
func pageFile(v any) (file, path string) {
	dir, id := pathOf(v)
	file = dir + id + "/index.html"
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
