package render

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
)

// addData adds the files that are not HTML pages: robots.txt, the sitemap.
func addData(files Files, s *siteData) error {
	files["robots.txt"] = []byte("User-agent: *\nAllow: /\nSitemap: " + s.URLs.Abs("sitemap.xml") + "\n")
	files["sitemap.xml"] = sitemap(files, s)
	return nil
}

// sitemap lists every HTML page but the 404 page, sorted.
func sitemap(files Files, s *siteData) []byte {
	var paths []string
	for p := range files {
		if strings.HasSuffix(p, "index.html") {
			paths = append(paths, strings.TrimSuffix(p, "index.html"))
		}
	}
	slices.Sort(paths)
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, p := range paths {
		fmt.Fprintf(&b, "  <url><loc>%s</loc></url>\n", xmlEscape(s.URLs.Abs(p)))
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
