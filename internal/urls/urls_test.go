package urls

import "testing"

// TestRelAndAbs: links work at a domain's root and under a sub-path, with
// or without a host in the base URL.
func TestRelAndAbs(t *testing.T) {
	for _, tc := range []struct{ base, rel, abs string }{
		{"/", "/articles/x/", "/articles/x/"},
		{"https://example.org/kz-dossier/", "/kz-dossier/articles/x/", "https://example.org/kz-dossier/articles/x/"},
		{"https://example.org/kz-dossier", "/kz-dossier/articles/x/", "https://example.org/kz-dossier/articles/x/"},
		{"kz", "/kz/articles/x/", "/kz/articles/x/"},
	} {
		u := New(tc.base)
		if got := u.Rel(Article("x")); got != tc.rel {
			t.Errorf("New(%q).Rel = %q, want %q", tc.base, got, tc.rel)
		}
		if got := u.Abs(Article("x")); got != tc.abs {
			t.Errorf("New(%q).Abs = %q, want %q", tc.base, got, tc.abs)
		}
	}
}

// TestPage: a list's first page is the list; the others continue at page/N/.
func TestPage(t *testing.T) {
	for n, want := range map[int]string{0: Claims, 1: Claims, 2: "claims/page/2/", 12: "claims/page/12/"} {
		if got := Page(Claims, n); got != want {
			t.Errorf("Page(%q, %d) = %q, want %q", Claims, n, got, want)
		}
	}
}

// TestTagSlug: tags spelt alike share a page, and no slug is empty or a
// list's page/ folder.
func TestTagSlug(t *testing.T) {
	for tag, want := range map[string]string{
		"sco":           "sco",
		"Death toll":    "death-toll",
		"death-toll":    "death-toll",
		"  CSTO / SCO ": "csto-sco",
		"Россия":        "россия",
		"2022":          "2022",
		"page":          "tag-page",
		"!!":            "x-2121",
	} {
		if got := TagSlug(tag); got != want {
			t.Errorf("TagSlug(%q) = %q, want %q", tag, got, want)
		}
		if got := TagSlug(TagSlug(tag)); got != TagSlug(tag) {
			t.Errorf("TagSlug is not idempotent on %q: %q", tag, got)
		}
	}
}
