package linkcheck_test

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/linkcheck"
)

// TestInternal runs the link checker over small hand-written sites, one
// problem (or none) per case.
func TestInternal(t *testing.T) {
	page := func(body string) []byte {
		return []byte(`<!DOCTYPE html><html><body><main id="main"><h2 id="h">x</h2>` + "\n" + body + "</main></body></html>")
	}
	base := map[string][]byte{
		"index.html":                 page(""),
		"claims/c1/index.html":       page(`<p id="claim-c1">c</p>`),
		"articles/a/index.html":      page(`<mark id="quote-q1">q</mark>`),
		"style.css":                  []byte("body{}"),
		"img/a.png":                  {},
		"404.html":                   page(""),
		"articles/a/feed.xml":        []byte(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><link href="https://x.example/r/articles/a/"/></feed>`),
		"sitemap.xml":                []byte(`<?xml version="1.0"?><urlset><url><loc>https://x.example/r/claims/c1/</loc></url></urlset>`),
		"organizations/o/index.html": page(""),
	}
	cases := []struct {
		name, page, body string
		want             string // a substring of the only diagnostic, "" for none
	}{
		{"root-relative page", "index.html", `<a href="/r/claims/c1/">`, ""},
		{"the base itself", "index.html", `<a href="/r/">`, ""},
		{"the base without its slash", "index.html", `<a href="/r">`, ""},
		{"folder without its slash", "index.html", `<a href="/r/claims/c1">`, ""},
		{"relative page", "claims/c1/index.html", `<a href="../../articles/a/">`, ""},
		{"relative up to the top", "claims/c1/index.html", `<a href="../../">`, ""},
		{"claim fragment", "index.html", `<a href="/r/claims/c1/#claim-c1">`, ""},
		{"quote fragment", "index.html", `<a href="articles/a/#quote-q1">`, ""},
		{"heading fragment on the same page", "index.html", `<a href="#h">`, ""},
		{"same-origin absolute", "index.html", `<link rel="canonical" href="https://x.example/r/claims/c1/">`, ""},
		{"external", "index.html", `<a href="https://elsewhere.example/x">`, ""},
		{"same host, other site", "index.html", `<a href="https://x.example/other/">`, ""},
		{"mailto", "index.html", `<a href="mailto:a@b.example">`, ""},
		{"srcset", "index.html", `<img srcset="/r/img/a.png 1x, /r/img/b.png 2x">`, `no img/b.png`},
		{"broken page", "index.html", `<a href="/r/claims/c2/">`, `broken link "/r/claims/c2/": no claims/c2/index.html`},
		{"broken relative", "claims/c1/index.html", `<a href="../c2/">`, `no claims/c2/index.html`},
		{"missing fragment", "index.html", `<a href="/r/claims/c1/#claim-c2">`, `broken fragment "/r/claims/c1/#claim-c2": claims/c1/index.html has no id "claim-c2"`},
		{"missing fragment on the same page", "index.html", `<a href="#nowhere">`, `index.html has no id "nowhere"`},
		{"escaping root-relative", "index.html", `<a href="/claims/c1/">`, `link "/claims/c1/" leaves the site's base path /r/`},
		{"escaping relative", "claims/c1/index.html", `<a href="../../../x/">`, `leaves the site's base path`},
		{"broken same-origin absolute", "index.html", `<meta property="og:url" content="https://x.example/r/nope/">`, `no nope/index.html`},
		{"relative on the not-found page", "404.html", `<a href="claims/c1/">`, `relative link "claims/c1/" on the not-found page`},
		{"broken stylesheet", "index.html", `<link rel="stylesheet" href="/r/style2.css">`, `no style2.css`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string][]byte{}
			for k, v := range base {
				files[k] = v
			}
			files[tc.page] = page(tc.body)
			diags := internal(files)
			switch {
			case tc.want == "" && len(diags) > 0:
				t.Errorf("unexpected: %v", diags)
			case tc.want != "" && (len(diags) != 1 || !strings.Contains(diags[0].Msg, tc.want)):
				t.Errorf("got %v\nwant one diagnostic containing %q", diags, tc.want)
			case tc.want != "" && (diags[0].Pos.File != tc.page || diags[0].Pos.Line != 2):
				t.Errorf("at %s, want %s:2", diags[0].Pos, tc.page)
			}
		})
	}
}

// TestInternalXML checks the URLs of feeds and sitemaps, and that they are well-formed.
func TestInternalXML(t *testing.T) {
	files := map[string][]byte{
		"index.html":  []byte("<p>home</p>"),
		"feed.xml":    []byte("<?xml version=\"1.0\"?>\n<feed>\n<link href=\"https://x.example/r/gone/\"/></feed>"),
		"sitemap.xml": []byte("<?xml version=\"1.0\"?>\n<urlset><url><loc>https://x.example/r/</loc></url>\n<url><loc>/elsewhere/</loc></url></urlset>"),
		"bad.xml":     []byte("<?xml version=\"1.0\"?>\n<feed><entry></feed>"),
	}
	var got []string
	for _, d := range internal(files) {
		got = append(got, d.String())
	}
	want := []string{
		"bad.xml: error: bad.xml is not well-formed XML",
		"feed.xml:3: error: broken link \"https://x.example/r/gone/\"",
		"sitemap.xml:3: error: link \"/elsewhere/\" leaves the site's base path /r/",
	}
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics:\n%s", len(got), strings.Join(got, "\n"))
	}
	for _, w := range want {
		found := false
		for _, g := range got {
			found = found || strings.HasPrefix(g, w)
		}
		if !found {
			t.Errorf("no diagnostic starting %q in:\n%s", w, strings.Join(got, "\n"))
		}
	}
}

// internal is linkcheck.Internal's problems under https://x.example/r/,
// as diagnostics.
func internal(files map[string][]byte) diag.List {
	site := fstest.MapFS{}
	for name, data := range files {
		site[name] = &fstest.MapFile{Data: data}
	}
	problems, err := linkcheck.Internal(site, "https://x.example/r/")
	if err != nil {
		return diag.List{{Severity: diag.Error, Msg: err.Error()}}
	}
	var diags diag.List
	for _, p := range problems {
		diags.Add(p.Diagnostic)
	}
	return diags
}
