// Package deps holds the test that keeps the packages' imports flowing one way,
// in the manner of go/build/deps_test.go.
package deps

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

const module = "github.com/dossier-dev/dossier"

// allowed lists, for each package of the module, the module packages and
// outside modules it may import. The standard library is always allowed.
var allowed = map[string][]string{
	"":                           {},
	"cmd/dossier":                {"", "internal/site", "internal/buildinfo", "internal/scaffold", "internal/theme", "internal/server", "internal/linkcheck", "internal/content", "internal/diag"},
	"cmd/benchcorpus":            {"internal/benchcorpus"},
	"internal/server":            {"internal/site", "internal/diag", "internal/work", "github.com/fsnotify/fsnotify", "github.com/alecthomas/chroma/v2"},
	"internal/site":              {"", "internal/config", "internal/content", "internal/diag", "internal/dossier", "internal/markdown", "internal/markdown/annotate", "internal/markdown/mention", "internal/render", "internal/linkcheck", "internal/urls", "internal/work"},
	"internal/linkcheck":         {"internal/diag", "internal/urls", "golang.org/x/net/html"},
	"internal/render":            {"internal/dossier", "internal/urls", "internal/config", "internal/diag", "internal/work", "internal/render/card", "internal/render/export", "internal/render/feeds", "internal/render/network", "internal/render/search"},
	"internal/render/search":     {"internal/dossier", "internal/urls", "internal/config"},
	"internal/render/export":     {"internal/dossier", "internal/urls", "internal/config"},
	"internal/render/feeds":      {"internal/dossier", "internal/urls", "internal/config"},
	"internal/render/network":    {"internal/dossier", "internal/urls", "internal/config"},
	"internal/render/card":       {"golang.org/x/image"},
	"internal/urls":              {},
	"internal/work":              {},
	"internal/benchcpu":          {}, // for benchmarks only: cpu-ms/op
	"internal/dossier":           {"internal/content", "internal/config", "internal/diag", "internal/work"},
	"internal/markdown":          {"internal/markdown/annotate", "internal/markdown/mention", "internal/diag", "github.com/yuin/goldmark", "github.com/alecthomas/chroma/v2"},
	"internal/markdown/annotate": {"internal/diag", "internal/markdown/sentence", "github.com/yuin/goldmark"},
	"internal/markdown/mention":  {"internal/diag", "internal/markdown/sentence", "github.com/yuin/goldmark"},
	"internal/markdown/sentence": {},
	"internal/content":           {"internal/diag", "github.com/BurntSushi/toml", "go.yaml.in/yaml"},
	"internal/config":            {"internal/diag", "github.com/BurntSushi/toml"},
	"internal/diag":              {},
	"internal/buildinfo":         {"golang.org/x/mod"},
	"internal/scaffold":          {},
	"internal/theme":             {"", "internal/diag", "golang.org/x/mod"},
	"internal/benchcorpus":       {},
	"internal/deps":              {},
	"internal/testfiles":         {}, // for tests only: reads an output
	"internal/browsertest":       {}, // tests only: a doc.go and _test.go files
}

func TestImportsFlowOneWay(t *testing.T) {
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") || d.Name() == "testdata" || d.Name() == "content" || d.Name() == "node_modules") && p != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		rel, _ := filepath.Rel(root, filepath.Dir(p))
		pkg := filepath.ToSlash(rel)
		if pkg == "." {
			pkg = ""
		}
		checkFile(t, p, pkg)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func checkFile(t *testing.T, file, pkg string) {
	t.Helper()
	rules, known := allowed[pkg]
	if !known {
		t.Errorf("%s: package %q has no entry in the allowed imports table", file, pkg)
		return
	}
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	for _, spec := range f.Imports {
		imp := strings.Trim(spec.Path.Value, `"`)
		if !isAllowed(imp, rules) {
			t.Errorf("%s: package %q may not import %q", file, pkg, imp)
		}
	}
}

func isAllowed(imp string, rules []string) bool {
	first, _, _ := strings.Cut(imp, "/")
	if !strings.Contains(first, ".") {
		return true // the standard library
	}
	if imp == module {
		return slices.Contains(rules, "")
	}
	if rest, ok := strings.CutPrefix(imp, module+"/"); ok {
		return slices.Contains(rules, rest)
	}
	for _, r := range rules {
		if strings.Contains(r, ".") && (imp == r || strings.HasPrefix(imp, r+"/") || strings.HasPrefix(imp, r)) {
			return true
		}
	}
	return false
}
