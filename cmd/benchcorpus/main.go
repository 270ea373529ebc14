// Command benchcorpus writes a generated dossier for benchmarks:
//
//	benchcorpus -n 10000 -seed 1 -out DIR          a dossier source folder
//	benchcorpus -n 10000 -seed 1 -hugo DIR         the same corpus as a Hugo site
//
// The same -n and -seed always give the same files. The dossier's share
// cards are off ([cards] enabled = false in its site.toml), since Hugo's
// site makes no images; -cards turns them on.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dossier-dev/dossier/internal/benchcorpus"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("benchcorpus", flag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of articles")
	seed := fs.Uint64("seed", 1, "random seed")
	out := fs.String("out", "", "write a dossier source folder here")
	hugo := fs.String("hugo", "", "write the corpus as a Hugo site here")
	cards := fs.Bool("cards", false, "have the dossier draw its share cards")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if (*out == "" && *hugo == "") || *n < 1 || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: benchcorpus [-n N] [-seed S] [-cards] [-out DIR] [-hugo DIR]")
		return 2
	}
	start := time.Now()
	c := benchcorpus.Generate(benchcorpus.Options{Articles: *n, Seed: *seed, Cards: *cards})
	if *out != "" {
		if err := c.WriteDossier(*out); err != nil {
			fmt.Fprintln(stderr, "benchcorpus:", err)
			return 1
		}
	}
	if *hugo != "" {
		if err := c.WriteHugo(*hugo); err != nil {
			fmt.Fprintln(stderr, "benchcorpus:", err)
			return 1
		}
	}
	fmt.Fprintf(stderr, "benchcorpus: %d articles, %d actors, %d organizations, %d events in %v\n",
		len(c.Articles), len(c.Actors), len(c.Organizations), len(c.Events), time.Since(start).Round(time.Millisecond))
	return 0
}
