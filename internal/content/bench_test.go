package content

import (
	"fmt"
	"testing"
	"testing/fstest"
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
