package build

import (
	"bytes"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"

	"golang.org/x/net/html"

	"github.com/dossier-dev/dossier/internal/diag"
)

// CheckLinks finds, in the HTML files of a built site, every internal link
// whose target page or fragment does not exist, and every root-relative URL
// that leaves the base path. Diagnostics are placed at the output page.
func CheckLinks(files map[string][]byte, basePath string) diag.List {
	ids := map[string]map[string]bool{} // page path → ids on it
	links := map[string][]string{}      // page path → URLs it references
	for name, b := range files {
		if strings.HasSuffix(name, ".html") {
			ids[name], links[name] = scanHTML(b)
		}
	}
	var diags diag.List
	for _, page := range slices.Sorted(maps.Keys(links)) {
		for _, ref := range links[page] {
			checkLink(&diags, files, ids, page, ref, basePath)
		}
	}
	return diags
}

func checkLink(diags *diag.List, files map[string][]byte, ids map[string]map[string]bool, page, ref, base string) {
	u, err := url.Parse(ref)
	if err != nil {
		diags.Errorf(diag.Pos{File: page}, diag.BrokenLink, "fix the URL's syntax", "bad URL %q: %v", ref, err)
		return
	}
	if u.Scheme != "" || u.Host != "" || strings.HasPrefix(ref, "//") {
		return // external
	}
	target := page
	if u.Path != "" {
		var ok bool
		if target, ok = resolve(page, u.Path, base); !ok {
			diags.Errorf(diag.Pos{File: page}, diag.EscapingLink, "links must stay under the base path "+base+"; use the URL builder or a relative link",
				"link %q leaves the site's base path %s", ref, base)
			return
		}
		if _, exists := files[target]; !exists {
			diags.Errorf(diag.Pos{File: page}, diag.BrokenLink, "correct the link or create the page",
				"broken link %q: no %s in the site", ref, target)
			return
		}
	}
	if u.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][u.Fragment] {
		diags.Errorf(diag.Pos{File: page}, diag.BrokenLink, "correct the fragment or add the anchor",
			"broken fragment %q: %s has no id %q", ref, target, u.Fragment)
	}
}

// resolve turns a link's path, seen from page, into an output file name.
// It reports false when a root-relative path is outside the base path.
func resolve(page, p, base string) (string, bool) {
	var full string
	if strings.HasPrefix(p, "/") {
		if !strings.HasPrefix(p, base) && p+"/" != base {
			return "", false
		}
		full = strings.TrimPrefix(p, base)
	} else {
		full = path.Join(path.Dir(page), p)
		if strings.HasSuffix(p, "/") {
			full += "/"
		}
	}
	full = strings.TrimPrefix(path.Clean("/"+full), "/")
	if strings.HasSuffix(p, "/") || full == "" || full == "." {
		full = strings.TrimSuffix(full, "/")
		if full == "" || full == "." {
			return "index.html", true
		}
		return full + "/index.html", true
	}
	return full, true
}

// scanHTML returns the ids defined in a page and the URLs it references.
func scanHTML(b []byte) (map[string]bool, []string) {
	ids := map[string]bool{}
	var refs []string
	z := html.NewTokenizer(bytes.NewReader(b))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return ids, refs
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tag, hasAttr := z.TagName()
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = z.TagAttr()
			switch key := string(k); {
			case key == "id" || (key == "name" && string(tag) == "a"):
				ids[string(v)] = true
			case key == "href" || key == "src":
				if string(tag) != "base" {
					refs = append(refs, string(v))
				}
			}
		}
	}
}
