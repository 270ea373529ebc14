package linkcheck

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"

	"golang.org/x/net/html"

	"github.com/dossier-dev/dossier/internal/diag"
)

// Internal finds, in a built site, every internal link whose target file
// or fragment does not exist, and every root-relative URL that leaves the
// base path, in the order of the files' names. It reads the URLs of HTML
// pages (href, src, srcset, action, canonical and OpenGraph URLs) and of XML
// files (sitemap <loc>, feed links). baseURL is the site's base URL
// ("https://example.github.io/repo/") or only its path ("/repo/"); absolute
// URLs on its host and under its path are internal. Each problem is placed
// at the output file and line. 404.html is served at any depth, so a
// relative URL on it is an error too.
//
// The error is for a site whose files cannot be listed or read.
func Internal(site fs.FS, baseURL string) ([]Problem, error) {
	var names []string
	err := fs.WalkDir(site, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, name)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	c := newChecker(names, baseURL)
	refs := map[string][]ref{}
	for _, name := range names {
		html, xml := strings.HasSuffix(name, ".html"), strings.HasSuffix(name, ".xml")
		if !html && !xml {
			continue
		}
		b, err := fs.ReadFile(site, name)
		if err != nil {
			return nil, err
		}
		if html {
			c.ids[name], refs[name] = scanHTML(b)
		} else if refs[name], err = scanXML(b); err != nil {
			c.report(diag.Pos{File: name}, "", "", diag.BrokenLink, "fix the template or generator that wrote it",
				"%s is not well-formed XML: %v", name, err)
		}
	}
	for _, page := range slices.Sorted(maps.Keys(refs)) {
		for _, r := range refs[page] {
			c.check(page, r)
		}
	}
	return c.problems, nil
}

// Problem is one bad link of an output: the diagnostic at the output file
// and line, the URL as found there and, when it resolved to a path in the
// site, the output file it names (Target), by which a caller can find
// where the link was written.
type Problem struct {
	diag.Diagnostic
	URL    string
	Target string
}

// ref is one URL found in an output file, with its line.
type ref struct {
	url  string
	line int
}

type checker struct {
	files    map[string]bool            // every file of the site
	ids      map[string]map[string]bool // page → ids on it
	origin   string                     // scheme://host of the base URL, "" without one
	base     string                     // base path, starting and ending with "/"
	problems []Problem
}

func newChecker(names []string, baseURL string) *checker {
	files := make(map[string]bool, len(names))
	for _, name := range names {
		files[name] = true
	}
	c := &checker{files: files, ids: map[string]map[string]bool{}, base: "/"}
	u, err := url.Parse(baseURL)
	if err != nil {
		return c
	}
	if u.Scheme != "" && u.Host != "" {
		c.origin = strings.ToLower(u.Scheme + "://" + u.Host)
	}
	c.base = "/" + strings.Trim(u.Path, "/") + "/"
	if c.base == "//" {
		c.base = "/"
	}
	return c
}

// report records a problem with the link u (target: the output file it names).
func (c *checker) report(pos diag.Pos, u, target string, code diag.Code, hint, format string, args ...any) {
	c.problems = append(c.problems, Problem{
		Diagnostic: diag.Diagnostic{Pos: pos, Severity: diag.Error, Code: code, Msg: fmt.Sprintf(format, args...), Hint: hint},
		URL:        u, Target: target,
	})
}

func (c *checker) check(page string, r ref) {
	pos := diag.Pos{File: page, Line: r.line}
	u, err := url.Parse(strings.TrimSpace(r.url))
	if err != nil {
		c.report(pos, r.url, "", diag.BrokenLink, "fix the URL's syntax", "bad URL %q: %v", r.url, err)
		return
	}
	if u.Scheme != "" || u.Host != "" {
		if c.origin == "" || strings.ToLower(u.Scheme+"://"+u.Host) != c.origin || !c.under(u.Path) {
			return // another site, or another site on the same host
		}
	} else if page == "404.html" && u.Path != "" && !strings.HasPrefix(u.Path, "/") {
		c.report(pos, r.url, "", diag.BrokenLink, "the not-found page is shown at any address: start its links with the base path "+c.base,
			"relative link %q on the not-found page breaks below the top level", r.url)
		return
	}
	target := page
	if u.Path != "" {
		var ok bool
		if target, ok = c.resolve(page, u.Path); !ok {
			c.report(pos, r.url, "", diag.EscapingLink, "links must stay under the base path "+c.base+": write the link relative to the page, or start it with "+c.base,
				"link %q leaves the site's base path %s", r.url, c.base)
			return
		}
		if target, ok = c.exists(target); !ok {
			c.report(pos, r.url, target, diag.BrokenLink, "correct the link, or create the page or file it names",
				"broken link %q: no %s in the site", r.url, target)
			return
		}
	}
	if u.Fragment != "" && strings.HasSuffix(target, ".html") && !c.ids[target][u.Fragment] {
		c.report(pos, r.url, target, diag.BrokenLink, "correct the part after #, or add the anchor it names to that page",
			"broken fragment %q: %s has no id %q", r.url, target, u.Fragment)
	}
}

// under reports whether a root-relative path is inside the base path.
func (c *checker) under(p string) bool {
	return strings.HasPrefix(p, c.base) || p+"/" == c.base
}

// exists finds the output file a resolved path names; a folder path without
// its final slash is accepted when the folder has an index.html, as static
// hosts redirect it.
func (c *checker) exists(target string) (string, bool) {
	if c.files[target] {
		return target, true
	}
	if !strings.HasSuffix(target, "index.html") {
		if c.files[target+"/index.html"] {
			return target + "/index.html", true
		}
	}
	return target, false
}

// resolve turns a link's path, seen from page, into an output file name. It
// reports false when the path is outside the base path: a root-relative path
// elsewhere, or a relative one climbing above the site's top.
func (c *checker) resolve(page, p string) (string, bool) {
	var full string
	if strings.HasPrefix(p, "/") {
		if !c.under(p) {
			return "", false
		}
		full = strings.TrimPrefix(p, c.base)
		if p+"/" == c.base {
			full = "."
		}
	} else {
		full = path.Dir(page) + "/" + p
	}
	dir := strings.HasSuffix(full, "/") || full == "" || strings.HasSuffix(full, "/.") || full == "."
	clean := path.Clean(full)
	if clean == ".." || strings.HasPrefix(clean, "../") {
		return "", false
	}
	if clean == "." {
		return "index.html", true
	}
	if dir {
		return clean + "/index.html", true
	}
	return clean, true
}

// scanHTML returns the ids defined in a page and the URLs it references.
func scanHTML(b []byte) (map[string]bool, []ref) {
	ids := map[string]bool{}
	var refs []ref
	line := 1
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return ids, refs
		}
		raw := z.Raw()
		if tt == html.StartTagToken || tt == html.SelfClosingTagToken {
			refs = appendTagRefs(refs, ids, z, line)
		}
		line += bytes.Count(raw, []byte("\n"))
	}
}

// appendTagRefs reads the current tag's attributes: ids into ids, URLs into refs.
func appendTagRefs(refs []ref, ids map[string]bool, z *html.Tokenizer, line int) []ref {
	name, hasAttr := z.TagName()
	tag := string(name)
	attrs := map[string]string{}
	for hasAttr {
		var k, v []byte
		k, v, hasAttr = z.TagAttr()
		attrs[string(k)] = string(v)
	}
	if id, ok := attrs["id"]; ok {
		ids[id] = true
	}
	if n, ok := attrs["name"]; ok && tag == "a" {
		ids[n] = true
	}
	for _, key := range []string{"href", "src", "action", "poster", "xlink:href"} {
		if v, ok := attrs[key]; ok && tag != "base" {
			refs = append(refs, ref{v, line})
		}
	}
	if v, ok := attrs["srcset"]; ok {
		for _, cand := range strings.Split(v, ",") {
			if f := strings.Fields(cand); len(f) > 0 {
				refs = append(refs, ref{f[0], line})
			}
		}
	}
	if tag == "meta" && isURLMeta(attrs["property"]+attrs["name"]) {
		refs = append(refs, ref{attrs["content"], line})
	}
	return refs
}

func isURLMeta(name string) bool {
	switch name {
	case "og:url", "og:image", "twitter:image":
		return true
	}
	return false
}

// scanXML returns the URLs of an XML file: every href attribute and the text
// of sitemap <loc> elements. It fails when the file is not well-formed.
func scanXML(b []byte) ([]ref, error) {
	var refs []ref
	d := xml.NewDecoder(bytes.NewReader(b))
	inLoc := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return refs, nil
		}
		if err != nil {
			return refs, err
		}
		line, _ := d.InputPos()
		switch t := tok.(type) {
		case xml.StartElement:
			inLoc = t.Name.Local == "loc"
			for _, a := range t.Attr {
				if a.Name.Local == "href" {
					refs = append(refs, ref{a.Value, line})
				}
			}
		case xml.CharData:
			if inLoc {
				refs = append(refs, ref{strings.TrimSpace(string(t)), line})
			}
		case xml.EndElement:
			inLoc = false
		}
	}
}
