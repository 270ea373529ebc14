package site

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/benchcorpus"
	"github.com/dossier-dev/dossier/internal/benchcpu"
)

// corpus writes the benchmarks' generated dossier of n articles (seed 1) to
// a temporary folder. Like the Hugo comparison's, it draws no share cards.
func corpus(b *testing.B, n int) string { return generated(b, n, 1) }

// generated writes a generated dossier of n articles, without share cards,
// to a temporary folder.
func generated(tb testing.TB, n int, seed uint64) string {
	return generatedWith(tb, benchcorpus.Options{Articles: n, Seed: seed})
}

// generatedWith writes a generated dossier to a temporary folder.
func generatedWith(tb testing.TB, opts benchcorpus.Options) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := benchcorpus.Generate(opts).WriteDossier(dir); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// benchmarkBuild times what `dossier build` does but for the disk and the
// command's memory limit (cmd/dossier's limitMemory): a one-shot build
// whose files are handed over and dropped. bench/build.sh times the whole
// command.
func benchmarkBuild(b *testing.B, n int) {
	benchmarkBuildOf(b, n, corpus(b, n), "")
}

// benchmarkBuildOf times one-shot builds of the dossier in dir, keeping
// share cards in cardDir when it is set.
func benchmarkBuildOf(b *testing.B, n int, dir, cardDir string) {
	src := os.DirFS(dir)
	b.ResetTimer()
	defer benchcpu.Report(b)()
	for b.Loop() {
		res, err := New(Options{Source: src, CardDir: cardDir}).buildOnce()
		if err != nil || res.Diags.HasErrors() {
			b.Fatal(err, res.Diags)
		}
		count, err := readEach(res.Output, func(string, []byte) {})
		if err != nil {
			b.Fatal(err)
		}
		if count < 9*n {
			b.Fatalf("built %d files, want at least %d", count, 9*n)
		}
	}
}

// readEach reads every file of a one-shot output once, as Write does but
// without the disk: the pages first, on every processor, then the rest.
// It hands each file to use, from several goroutines at once, and returns
// the number of files read.
func readEach(out Output, use func(name string, data []byte)) (int, error) {
	pages := out.Pages()
	errs := make([]error, len(pages))
	parallel(len(pages), func(i int) {
		data, err := out.ReadFile(pages[i])
		if err == nil {
			use(pages[i], data)
		}
		errs[i] = err
	})
	if err := errors.Join(errs...); err != nil {
		return 0, err
	}
	done := pageSet(out)
	var rest []string
	err := fs.WalkDir(out, ".", func(name string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !done[name] {
			rest = append(rest, name)
		}
		return err
	})
	if err != nil {
		return 0, err
	}
	errs = make([]error, len(rest))
	parallel(len(rest), func(i int) {
		data, err := out.ReadFile(rest[i])
		if err == nil {
			use(rest[i], data)
		}
		errs[i] = err
	})
	if err := errors.Join(errs...); err != nil {
		return 0, err
	}
	return len(pages) + len(rest), nil
}

// BenchmarkBuild1000 is a full build of a generated 1,000-article dossier.
func BenchmarkBuild1000(b *testing.B) { benchmarkBuild(b, 1000) }

// BenchmarkBuild1000Cards is BenchmarkBuild1000 with share cards (6,000:
// 5,000 claims and 1,000 articles), every one drawn: a cold build, as on a
// CI runner without a cache.
func BenchmarkBuild1000Cards(b *testing.B) {
	benchmarkBuildOf(b, 1000, generatedWith(b, benchcorpus.Options{Articles: 1000, Seed: 1, Cards: true}), "")
}

// BenchmarkBuild1000CardsCached is the same with every card already in the
// card folder (drawn by a build before the timer starts): what a build
// after an edit of a body costs with cards.
func BenchmarkBuild1000CardsCached(b *testing.B) {
	dir, cards := generatedWith(b, benchcorpus.Options{Articles: 1000, Seed: 1, Cards: true}), b.TempDir()
	if _, err := New(Options{Source: os.DirFS(dir), CardDir: cards}).Build(nil); err != nil {
		b.Fatal(err)
	}
	benchmarkBuildOf(b, 1000, dir, cards)
}

// BenchmarkBuild10000 is the same at 10,000 articles; it runs only with
// DOSSIER_BENCH_10K=1, since generating and building take a while.
func BenchmarkBuild10000(b *testing.B) {
	if os.Getenv("DOSSIER_BENCH_10K") == "" {
		b.Skip("set DOSSIER_BENCH_10K=1 to run the 10,000-article build")
	}
	benchmarkBuild(b, 10000)
}

// BenchmarkRebuildOneArticle1000 is `dossier serve`'s rebuild after one
// article of a 1,000-article dossier was edited, up to the edited article's
// page rendered: what the editor's browser reloads. serve renders other
// pages when they are asked for (Options.Lazy).
func BenchmarkRebuildOneArticle1000(b *testing.B) { benchmarkRebuildOneArticle(b, 1000) }

// BenchmarkRebuildOneArticle10000 is the same at 10,000 articles; it runs
// only with DOSSIER_BENCH_10K=1.
func BenchmarkRebuildOneArticle10000(b *testing.B) {
	if os.Getenv("DOSSIER_BENCH_10K") == "" {
		b.Skip("set DOSSIER_BENCH_10K=1 to run the 10,000-article rebuild")
	}
	benchmarkRebuildOneArticle(b, 10000)
}

// benchmarkRebuildOneArticle times serve's rebuild after an edit of one
// article of a generated dossier of n articles.
func benchmarkRebuildOneArticle(b *testing.B, n int) {
	dir := corpus(b, n)
	builder := New(Options{Source: os.DirFS(dir), Preview: true, Lazy: true})
	if _, err := builder.Build(nil); err != nil {
		b.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "content", "articles"))
	if err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(dir, "content", "articles", entries[len(entries)/2].Name())
	orig, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	rel := "content/articles/" + entries[len(entries)/2].Name()
	i := 0
	b.ResetTimer()
	for b.Loop() {
		i++
		edited := append(bytes.Clone(orig), []byte("\nAn added sentence, edit "+strconv.Itoa(i)+".\n")...)
		if err := os.WriteFile(path, edited, 0o644); err != nil {
			b.Fatal(err)
		}
		res, err := builder.Build([]string{rel})
		if err != nil || res.Diags.HasErrors() {
			b.Fatal(err, res.Diags)
		}
		if _, err := res.Output.ReadFile("articles/" + strings.TrimSuffix(entries[len(entries)/2].Name(), ".md") + "/index.html"); err != nil {
			b.Fatal(err)
		}
	}
}
