package render

import (
	"html/template"
	"strings"
	"testing"
)

// TestHrefAttrMatchesHTMLTemplate checks that the precomputed link attributes
// are byte for byte what html/template prints for the same values.
func TestHrefAttrMatchesHTMLTemplate(t *testing.T) {
	urls := []string{"", "/", "/kz-dossier/articles/x/", "https://example.org/a?b=c&d=e#f",
		"javascript:alert(1)", "JavaScript:x", "mailto:a@b.c", "HTTP://X/", "/a b/ü/%41/%zz/%4",
		"/it's/\"q\"/<a>+1", "a\x00b", "//host/p;q=1,2[3]@x!$*", "data:text/html,x", "/~x/(y)/{z}|\\^`",
		"rel/ative:colon", "/bad\xffutf8"}
	ids := []string{"x", "a b", "ü", "50%", "a/b?c#d", "it's+<&>", "\x00"}
	page := template.Must(template.New("").Parse(`<a href="{{.}}">`))
	frag := template.Must(template.New("").Parse(`<a href="{{.U}}#claim-{{.ID}}">`))
	fragOnly := template.Must(template.New("").Parse(`<a href="#quote-{{.ID}}">`))
	for _, u := range urls {
		var want strings.Builder
		if err := page.Execute(&want, u); err != nil {
			t.Fatal(err)
		}
		if got := "<a " + string(hrefAttr(u)) + ">"; got != want.String() {
			t.Errorf("hrefAttr(%q) = %s, html/template %s", u, got, want.String())
		}
		for _, id := range ids {
			want.Reset()
			if err := frag.Execute(&want, map[string]string{"U": u, "ID": id}); err != nil {
				t.Fatal(err)
			}
			if u == "" {
				continue // the templates never print an empty URL before a fragment
			}
			if got := "<a " + string(fragHrefAttr(u, "claim-", id)) + ">"; got != want.String() {
				t.Errorf("fragHrefAttr(%q, %q) = %s, html/template %s", u, id, got, want.String())
			}
		}
	}
	for _, id := range ids {
		var want strings.Builder
		if err := fragOnly.Execute(&want, map[string]string{"ID": id}); err != nil {
			t.Fatal(err)
		}
		if got := "<a " + string(fragHrefAttr("", "quote-", id)) + ">"; got != want.String() {
			t.Errorf("fragHrefAttr(\"\", %q) = %s, html/template %s", id, got, want.String())
		}
	}
}
