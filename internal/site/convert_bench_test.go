package site

import (
	"bytes"
	"os"
	"testing"

	"github.com/dossier-dev/dossier/internal/benchcpu"
	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/markdown"
	"github.com/dossier-dev/dossier/internal/markdown/mention"
	"github.com/dossier-dev/dossier/internal/urls"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// convertJobs loads a generated dossier of n articles and lists its conversions
// as a build does.
func convertJobs(b *testing.B, n int) (*markdown.Converter, []conversion) {
	b.Helper()
	src := os.DirFS(corpus(b, n))
	site, _ := config.Load(src, config.FileName)
	set, _, err := New(Options{Source: src}).load(nil)
	if err != nil {
		b.Fatal(err)
	}
	d, _ := dossier.Resolve(site, set, false)
	u := urls.New(site.BaseURL)
	matcher, _ := mentionMatcher(d, u, names{})
	conv := markdown.New(markdown.Options{UnsafeHTML: site.Markdown.UnsafeHTML})
	return conv, conversions(d, u, matcher, mention.Mode(site.Markdown.Mentions))
}

// BenchmarkConvert1000 converts the bodies of a generated 1,000-article dossier
// as convertAll does (without its cache), next to the goldmark-only floor on the
// same article bodies: "all" is every body (articles, claim explanations, quote
// contexts, profiles, events), "articles" only the article bodies, "texts" only
// the claim explanations and quote contexts, "floor" the article bodies
// with plain goldmark (GFM, footnotes, typographer, heading ids).
func BenchmarkConvert1000(b *testing.B) {
	conv, jobs := convertJobs(b, 1000)
	var articles, texts []conversion
	for _, j := range jobs {
		switch {
		case j.key.Of.Kind == dossier.KindArticle:
			articles = append(articles, j)
		case j.key.Of.Kind == dossier.KindClaim && j.key.Update == 0, j.key.Of.Kind == dossier.KindQuote:
			texts = append(texts, j)
		}
	}
	run := func(b *testing.B, jobs []conversion, convert func(conversion) error) {
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
	dossierConvert := func(j conversion) error {
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
		run(b, articles, func(j conversion) error {
			var buf bytes.Buffer
			return md.Convert(j.in.Source, &buf)
		})
	})
}

// conversions lists every body of the dossier with what its conversion
// needs, as convertAll converts them when nothing is cached.
func conversions(d *dossier.Dossier, base urls.URLs, m names, mode mention.Mode) []conversion {
	var jobs []conversion
	for _, u := range units(d, base, m, mode, d.Site.Words()) {
		jobs = append(jobs, u.jobs()...)
	}
	return jobs
}
