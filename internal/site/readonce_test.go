package site

import (
	"bytes"
	"os"
	"sync"
	"testing"

	"github.com/dossier-dev/dossier/internal/dossier"
)

// TestReadOnceHandsBodiesToPages renders a generated dossier twice without
// keeping anything: once with the bodies left in Input.HTML, once handed to
// their pages (Input.ReadOnce). The files must be the same, and the second
// render must have taken every article, claim and quote body out of the map.
func TestReadOnceHandsBodiesToPages(t *testing.T) {
	dir := generated(t, 30, 5)
	render := func(readOnce bool) (map[string][]byte, []string) {
		b := New(Options{Source: os.DirFS(dir)})
		res, in, err := b.prepare(nil)
		if err != nil || in == nil {
			t.Fatal(err, res.Diags)
		}
		in.Versions, in.ReadOnce = nil, readOnce
		out, err := b.renderer.Render(*in)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		var mu sync.Mutex
		if _, err := readEach(out, func(name string, data []byte) {
			mu.Lock()
			defer mu.Unlock()
			files[name] = bytes.Clone(data)
		}); err != nil {
			t.Fatal(err)
		}
		var left []string
		for key := range in.HTML {
			if k := key.Of.Kind; key.Update == 0 && (k == dossier.KindArticle || k == dossier.KindClaim || k == dossier.KindQuote) {
				left = append(left, key.Of.String())
			}
		}
		return files, left
	}
	kept, keptKeys := render(false)
	handed, left := render(true)
	if len(keptKeys) == 0 {
		t.Fatal("the render without ReadOnce has no bodies left to compare with")
	}
	if len(left) > 0 {
		t.Errorf("ReadOnce left %d bodies in Input.HTML, such as %s", len(left), left[0])
	}
	if len(handed) != len(kept) {
		t.Errorf("ReadOnce made %d files, the plain render %d", len(handed), len(kept))
	}
	for name, want := range kept {
		if !bytes.Equal(handed[name], want) {
			t.Errorf("%s differs with ReadOnce", name)
		}
	}
}
