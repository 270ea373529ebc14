package content

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/benchcorpus"
)

func BenchmarkParseArticleTOML(b *testing.B) { benchParse(b, articleTOML) }

func BenchmarkParseArticleYAML(b *testing.B) { benchParse(b, articleYAML) }

func benchParse(b *testing.B, src string) {
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, diags := ParseArticle("content/articles/x.md", []byte(src)); len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}

// BenchmarkLoad500 loads 500 articles, half TOML and half YAML.
func BenchmarkLoad500(b *testing.B) {
	fsys := fstest.MapFS{}
	for i := range 500 {
		src := articleTOML
		if i%2 == 1 {
			src = articleYAML
		}
		fsys[fmt.Sprintf("content/articles/a%03d.md", i)] = &fstest.MapFile{Data: []byte(src)}
	}
	for b.Loop() {
		if set, diags := Load(fsys); len(set.Articles) != 500 || len(diags) > 0 {
			b.Fatal(len(set.Articles), diags)
		}
	}
}

// BenchmarkParseArticle parses the articles of a generated 200-article
// dossier; one iteration parses one article, cycling through them.
func BenchmarkParseArticle(b *testing.B) {
	files := corpusArticles(b)
	var size int64
	for _, f := range files {
		size += int64(len(f.src))
	}
	b.SetBytes(size / int64(len(files)))
	i := 0
	for b.Loop() {
		f := files[i%len(files)]
		if a, diags := ParseArticle(f.path, f.src); a == nil || len(diags) > 0 {
			b.Fatal(f.path, diags)
		}
		i++
	}
}

type corpusFile struct {
	path string
	src  []byte
}

// corpusArticles writes a generated dossier to a temporary folder and reads
// its articles back.
func corpusArticles(b *testing.B) []corpusFile {
	b.Helper()
	dir := b.TempDir()
	if err := benchcorpus.Generate(benchcorpus.Options{Articles: 200, Seed: 1}).WriteDossier(dir); err != nil {
		b.Fatal(err)
	}
	paths, err := filepath.Glob(filepath.Join(dir, "content", "articles", "*.md"))
	if err != nil || len(paths) == 0 {
		b.Fatal("no articles", err)
	}
	var files []corpusFile
	for _, p := range paths {
		src, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, corpusFile{"content/articles/" + filepath.Base(p), src})
	}
	return files
}
