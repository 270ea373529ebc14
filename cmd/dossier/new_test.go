package main

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/content"
)

// commented matches a commented key or table of a skeleton: "# key = …",
// "#   [[claims.sources]]".
var commented = regexp.MustCompile(`(?m)^#( *)(\[|[a-z_]+ +=)`)

// TestArticleSkeletonFields uncomments every key of the article skeleton
// and reads it: each commented field is one the content model knows, with
// a value of the right kind.
func TestArticleSkeletonFields(t *testing.T) {
	src := strings.NewReplacer("{{DATE}}", "2026-01-01", "{{TITLE}}", "T").Replace(skeletons["article"])
	src = commented.ReplaceAllString(src, "$1$2")
	src = strings.Replace(src, "The article's text", "the exact words and the exact words quoted", 1)
	a, diags := content.ParseArticle("content/articles/t.md", []byte(src))
	for _, d := range diags {
		t.Errorf("%s", d)
	}
	if a == nil || len(a.Claims) != 1 || len(a.Quotes) != 1 {
		t.Fatalf("parsed %+v", a)
	}
	c := a.Claims[0]
	s := c.Sources[0]
	if c.In != content.InBody || c.Restatement == "" || len(c.CheckedBy) != 1 || len(c.Updates) != 1 ||
		c.Updates[0].From.ID != "unverified" || s.Kind != content.SourceNews || a.Source.Original == nil ||
		a.Language != "ru" || a.Quotes[0].Language != "zh" {
		t.Errorf("the skeleton's fields were not all read: %+v", a)
	}
}
