package site

import (
	"bytes"
	"os"
	"testing"

	"github.com/dossier-dev/dossier/internal/benchcpu"
	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/markdown"
	"github.com/dossier-dev/dossier/internal/markdown/mention"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// convertJobs loads a generated dossier of n articles and lists its conversions
// as a build does.
func convertJobs(b *testing.B, n int) (*markdown.Converter, []body) {
	b.Helper()
	src := os.DirFS(corpus(b, n))
	site, _ := config.Load(src, config.FileName)
	set, _, err := New(Options{Source: src}).load(nil)
	if err != nil {
		b.Fatal(err)
	}
	matcher, _ := mentionMatcher(set, false, names{})
	conv := markdown.New(markdown.Options{UnsafeHTML: site.Markdown.UnsafeHTML})
	return conv, conversions(set, matcher, mention.Mode(site.Markdown.Mentions))
}

// BenchmarkConvert1000 converts the bodies of a generated 1,000-article dossier
// as convertAll does (without its cache), next to the goldmark-only floor on the
// same article bodies: "all" is every body (articles, claim explanations, quote
// contexts, profiles, events), "articles" only the article bodies, "texts" only
// the claim explanations and quote contexts, "floor" the article bodies
// with plain goldmark (GFM, footnotes, typographer, heading ids).
func BenchmarkConvert1000(b *testing.B) {
	conv, jobs := convertJobs(b, 1000)
	var articles, texts []body
	for _, j := range jobs {
		switch {
		case j.key.Of.Kind == dossier.KindArticle:
			articles = append(articles, j)
		case j.key.Of.Kind == dossier.KindClaim && j.key.Update == 0, j.key.Of.Kind == dossier.KindQuote:
			texts = append(texts, j)
		}
	}
	run := func(b *testing.B, jobs []body, convert func(body) error) {
		var size int64
		for _, j := range jobs {
			size += int64(len(j.in.Source))
		}
		b.SetBytes(size)
		b.ReportAllocs()
		defer benchcpu.Report(b)()
		for b.Loop() {
			parallel(len(jobs), func(i int) {
				if err := convert(jobs[i]); err != nil {
					b.Error(err)
				}
			})
		}
	}
	dossierConvert := func(j body) error {
		_, err := conv.Convert(j.in)
		return err
	}
	b.Run("all", func(b *testing.B) { run(b, jobs, dossierConvert) })
	b.Run("articles", func(b *testing.B) { run(b, articles, dossierConvert) })
	b.Run("texts", func(b *testing.B) { run(b, texts, dossierConvert) })
	b.Run("floor", func(b *testing.B) {
		md := goldmark.New(
			goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer),
			goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		)
		run(b, articles, func(j body) error {
			var buf bytes.Buffer
			return md.Convert(j.in.Source, &buf)
		})
	})
}

// conversions lists every body of the dossier with what its parse needs,
// as parseAll parses them when nothing is cached.
func conversions(set *content.Set, m names, mode mention.Mode) []body {
	var jobs []body
	for _, u := range units(set, false, nil) {
		jobs = append(jobs, u.bodies(m, mode)...)
	}
	return jobs
}
