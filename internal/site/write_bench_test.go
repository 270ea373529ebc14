package site

import (
	"path/filepath"
	"strconv"
	"testing"

	"github.com/dossier-dev/dossier/internal/benchcpu"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/testfiles"
)

// BenchmarkWrite1000 times Write alone: the rendered files of a generated
// 1,000-article dossier (10,022 of them, most in a folder of its own) written from
// memory into a new output folder, as `dossier build` writes them. It is the
// disk's floor for a build: no rendering can make the build faster than
// this. Each op writes into a folder that did not exist; the folders are
// removed after the benchmark, outside the timing.
func BenchmarkWrite1000(b *testing.B) {
	r, in := renderInput(b, 1000)
	in.Versions = map[dossier.Ref]uint64{} // a kept render, whose files can be read again
	out, err := r.Render(in)
	if err != nil {
		b.Fatal(err)
	}
	if diags := out.Check(); diags.HasErrors() {
		b.Fatal(diags)
	}
	files := testfiles.Read(b, out)
	var size int64
	for _, data := range files {
		size += int64(len(data))
	}
	dir := b.TempDir()
	b.SetBytes(size)
	defer benchcpu.Report(b)()
	i := 0
	for b.Loop() {
		i++
		if _, err := Write(out, filepath.Join(dir, "public-"+strconv.Itoa(i)), dir); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(files)), "files/op")
}
