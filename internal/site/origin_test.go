package site

import (
	"testing"

	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/linkcheck"
)

// A template's literal links are found at their line, in its text or as a
// string constant naming the file.
func TestTemplateSpots(t *testing.T) {
	spots := spotsOf("templates/x.html", "{{define \"a\"}}\n<p>\n<a href=\"/r/gone/\">x</a></p>{{end}}\n{{if .X}}\n<link href=\"{{.URL \"missing.css\"}}\">{{end}}\n")
	o := &origins{spots: spots}
	for _, tc := range []struct {
		p    linkcheck.Problem
		line int
	}{
		{linkcheck.Problem{URL: "/r/gone/", Target: "gone/index.html"}, 3},
		{linkcheck.Problem{URL: "../missing.css", Target: "missing.css"}, 5},
	} {
		at := o.inTemplates(tc.p)
		if len(at) != 1 || at[0] != (diag.Pos{File: "templates/x.html", Line: tc.line}) {
			t.Errorf("%s: at %v, want templates/x.html:%d", tc.p.URL, at, tc.line)
		}
	}
	if at := o.inTemplates(linkcheck.Problem{URL: "/r/other/", Target: "other/index.html"}); len(at) != 0 {
		t.Errorf("a link the template does not write found at %v", at)
	}
}
