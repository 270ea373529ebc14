package server

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/diag"
)

func TestOverlayHTML(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "content/articles/x.md", "+++\ntitle = \"X\"\ndate = yesterday\nsummary = \"s\"\n+++\nBody <script>alert(1)</script> text.\n")
	os.WriteFile(filepath.Join(filepath.Dir(dir), "secret.txt"), []byte("SECRET"), 0o644)
	list := diag.List{
		{Pos: diag.Pos{File: "content/articles/x.md", Line: 3, Col: 8}, Severity: diag.Error, Code: diag.BadValue,
			Msg: "date: <not> a date", Hint: "a date is 2022-01-08"},
		{Pos: diag.Pos{File: "content/articles/x.md", Line: 6, Col: 6}, Severity: diag.Warning, Code: diag.UnknownKey, Msg: "in the body"},
		{Pos: diag.Pos{File: "../secret.txt", Line: 1}, Severity: diag.Error, Msg: "outside"},
		{Severity: diag.Error, Msg: "no position"},
	}
	html := overlayHTML(dir, list)
	for _, want := range []string{
		`role="alertdialog"`, `aria-modal="true"`, `data-close`, `aria-label="Close this report"`,
		"Build failed: 3 errors, 1 warning",
		"content/articles/x.md:3:8: error: date: &lt;not&gt; a date", "[bad-value]", "hint: a date is 2022-01-08",
		"content/articles/x.md:6:6: warning: in the body",
		"yesterday",      // the source line itself
		"&lt;script&gt;", // body text escaped in the source view
		"<li><p class=\"where severity-error\">error: no position",
	} {
		if !strings.Contains(html, want) {
			t.Errorf("overlay lacks %q", want)
		}
	}
	for _, bad := range []string{"<not>", "<script>alert", "SECRET"} {
		if strings.Contains(html, bad) {
			t.Errorf("overlay contains %q", bad)
		}
	}
	// the diagnostic's own line is highlighted (chroma marks it with a background)
	if strings.Count(html, "background-color") == 0 {
		t.Errorf("no highlighted line in\n%s", html)
	}
}

func TestSnippetLexer(t *testing.T) {
	lines := strings.Split("+++\ntitle = 1\n+++\n# Body\n", "\n")
	for line, want := range map[int]string{2: "TOML", 4: "markdown"} {
		if got := lexerFor("content/a.md", lines, line).Config().Name; !strings.EqualFold(got, want) {
			t.Errorf("line %d: lexer %s, want %s", line, got, want)
		}
	}
	yaml := strings.Split("---\ntitle: 1\n---\nbody\n", "\n")
	if got := lexerFor("content/a.md", yaml, 2).Config().Name; got != "YAML" {
		t.Errorf("YAML front matter: lexer %s", got)
	}
}
