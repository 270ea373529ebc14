package content

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-dev/dossier/internal/diag"
)

// fuzzSeeds are half-typed files, the kind an editor saves while someone types.
var fuzzSeeds = []string{
	"",
	"\xef\xbb\xbf",
	"+++",
	"+++\n",
	"+++\ntitle = \"x",
	"+++\ntitle = \"x\"\n",
	"+++\ntit\n+++\n",
	"+++\ntitle =\n+++\n",
	"+++\n[[claims]\n+++\n",
	"+++\n[[claims]]\nid = \"a\"\n[[claims.sources]]\nurl = 'u'\n+++\nbody",
	"+++\nactors = [\"a\",\n+++\n",
	"+++\nactors = [\"a\", {x = [1, [2]]}]\n+++\n",
	"+++\ns = \"\"\"\nunterminated\n+++\n",
	"+++\ns = '''x'''\n[source]\nurl = \"\\u00e9\"\n+++\n",
	"+++\r\ntitle = \"x\"\r\ndate = 2022-01-08\r\n+++\r\nbody\r\n",
	"\xef\xbb\xbf+++\ntitle = \"x\"\n+++\n",
	"---",
	"---\ntitle: x\n\tdate: 2022-01-08\n---\n",
	"---\ntitle: [\n---\n",
	"---\nclaims:\n  - id: a\n    text: b\n  -\n---\n",
	"---\na: &x [1]\nb: *x\nc: *y\n---\n",
	"---\n? [a, b]\n: c\n---\n",
	"---\n- 1\n---\n",
	"---\nfounded: 2001\ntitle: 2022-01-08\n---\n",
	"---\r\ntitle: x\r\n---\r\n",
	articleTOML,
	articleYAML,
	fieldsTOML,
	fieldsYAML,
	"+++\n[[claims]]\nin = 1\n[[claims.updates]]\n[[claims.sources]]\nkind = \"other\"\n[source.original]\n+++\n",
}

var fuzzPaths = []string{
	"content/articles/x.md",
	"content/actors/x.md",
	"content/organizations/x.md",
	"content/events/x.md",
}

// FuzzParse checks that no input crashes the reader, that every diagnostic
// has a file, a severity and a hint, and that positions stay inside the file.
func FuzzParse(f *testing.F) {
	for i, s := range fuzzSeeds {
		f.Add(uint8(i), []byte(s))
	}
	f.Fuzz(func(t *testing.T, kind uint8, src []byte) {
		path := fuzzPaths[int(kind)%len(fuzzPaths)]
		item, diags := Parse(path, src)
		lines := strings.Count(string(src), "\n") + 1
		for _, d := range diags {
			checkDiag(t, d, path, lines)
		}
		if item == nil && !diags.HasErrors() {
			t.Errorf("nil item without an error")
		}
		scanTOML(string(src)) // the scanner alone must survive any input too
	})
}

func checkDiag(t *testing.T, d diag.Diagnostic, path string, lines int) {
	t.Helper()
	if d.Pos.File != path || d.Hint == "" || d.Code == "" || !utf8.ValidString(d.Hint) {
		t.Errorf("bad diagnostic %+v", d)
	}
	if d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 {
		t.Errorf("position %v outside the file's %d lines: %s", d.Pos, lines, d)
	}
}
