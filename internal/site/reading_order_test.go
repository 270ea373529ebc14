package site

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/testfiles"
)

var (
	bodyAnchor = regexp.MustCompile(`id="(claim|quote)-([a-z0-9-]+)"`)
	listAnchor = regexp.MustCompile(`href="#(claim|quote)-([a-z0-9-]+)"`)
)

// anchorOrders returns, for an article page, the claims and quotes in the
// order their marks open in the title and body, and in the order the lists under the
// article give them.
func anchorOrders(page string) (body, lists []string) {
	start, end := strings.Index(page, `<h1`), strings.Index(page, `<aside class="article-facts"`)
	if start < 0 || end < start {
		return nil, nil
	}
	for _, m := range bodyAnchor.FindAllStringSubmatch(page[start:end], -1) {
		body = append(body, m[1]+" "+m[2])
	}
	for _, m := range listAnchor.FindAllStringSubmatch(page[end:], -1) {
		lists = append(lists, m[1]+" "+m[2])
	}
	return body, lists
}

// byKind keeps the entries of one kind ("claim" or "quote").
func byKind(list []string, kind string) []string {
	return slices.DeleteFunc(slices.Clone(list), func(s string) bool { return !strings.HasPrefix(s, kind+" ") })
}

// TestArticleListsInReadingOrder: the claims and quotes listed under an
// article follow the order of their words in its body, whatever the order
// of the front matter.
func TestArticleListsInReadingOrder(t *testing.T) {
	fixture := fstest.MapFS{
		"site.toml": {Data: []byte("title = \"T\"\n")},
		"content/articles/a.md": {Data: []byte(`+++
title = "A"
date = 2022-01-08
[[claims]]
id = "second"
text = "second claim"
status = "false"
explanation = "x"
[[claims]]
id = "first"
text = "first claim"
status = "true"
explanation = "x"
[[quotes]]
id = "q-second"
speaker = "s"
text = "later words"
[[quotes]]
id = "q-first"
speaker = "s"
text = "early words"
+++

The first claim, then early words.

Then later words, and the second claim.
`)},
		"content/actors/s.md": {Data: []byte("+++\nname = \"S\"\n+++\n")},
	}
	res, err := Build(Options{Source: fixture})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diags)
	}
	body, lists := anchorOrders(string(testfiles.Read(t, res.Output)["articles/a/index.html"]))
	want := []string{"claim first", "quote q-first", "quote q-second", "claim second"}
	if !slices.Equal(body, want) {
		t.Fatalf("body anchors %v, want %v", body, want)
	}
	if got := byKind(lists, "claim"); !slices.Equal(got, []string{"claim first", "claim second"}) {
		t.Errorf("claims list %v, want reading order", got)
	}
	if got := byKind(lists, "quote"); !slices.Equal(got, []string{"quote q-first", "quote q-second"}) {
		t.Errorf("quotes list %v, want reading order", got)
	}

	res, err = Build(Options{Source: os.DirFS(repoRoot)})
	if err != nil || res.Diags.HasErrors() {
		t.Fatalf("build: %v %v", err, res.Diags)
	}
	for p, b := range testfiles.Read(t, res.Output) {
		if !strings.HasPrefix(p, "articles/") || !strings.HasSuffix(p, "/index.html") || strings.Count(p, "/") != 2 {
			continue
		}
		body, lists := anchorOrders(string(b))
		for _, kind := range []string{"claim", "quote"} {
			if b, l := byKind(body, kind), byKind(lists, kind); !slices.Equal(b, l) {
				t.Errorf("%s: %ss listed %v, body order %v", p, kind, l, b)
			}
		}
	}
}
