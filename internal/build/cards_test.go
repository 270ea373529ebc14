package build

import (
	"bytes"
	"image/png"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// ogImage finds a page's og:image.
var ogImage = regexp.MustCompile(`<meta property="og:image" content="([^"]*)">`)

// checkCards checks that every claim's and article's page of files names an
// og:image under base that is a file of files and a 1200×630 PNG. It
// returns the number of pages checked.
func checkCards(t *testing.T, files map[string][]byte, base string) int {
	t.Helper()
	n := 0
	for name, b := range files {
		dir, ok := strings.CutSuffix(name, "index.html")
		if !ok || strings.Count(name, "/") != 2 || !(strings.HasPrefix(name, "claims/") || strings.HasPrefix(name, "articles/")) {
			continue
		}
		if strings.HasPrefix(name, "claims/") && !bytes.Contains(b, []byte(`<meta property="og:type" content="article">`)) {
			continue // a verdict's list of claims
		}
		n++
		m := ogImage.FindSubmatch(b)
		if m == nil {
			t.Errorf("%s: no og:image", name)
			continue
		}
		if want := base + dir + "card.png"; string(m[1]) != want {
			t.Errorf("%s: og:image %s, want %s", name, m[1], want)
			continue
		}
		data, ok := files[dir+"card.png"]
		if !ok {
			t.Errorf("%s: its card %scard.png is not in the output", name, dir)
			continue
		}
		cfg, err := png.DecodeConfig(bytes.NewReader(data))
		if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
			t.Errorf("%scard.png: %v %dx%d, want a 1200×630 PNG", dir, err, cfg.Width, cfg.Height)
		}
		if _, err := png.Decode(bytes.NewReader(data)); err != nil {
			t.Errorf("%scard.png: %v", dir, err)
		}
	}
	return n
}

// TestShareCardsBundled: every claim's and article's page of the bundled
// dossier names its card, by an absolute URL, and the card is a PNG.
func TestShareCardsBundled(t *testing.T) {
	res, err := Build(Options{Source: os.DirFS(repoRoot), BaseURL: "https://example.github.io/kz-dossier/"})
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	if n := checkCards(t, res.Files, "https://example.github.io/kz-dossier/"); n < 20 {
		t.Errorf("checked %d pages, want every claim's and article's", n)
	}
}

// TestShareCardsRelative: without a host in the base URL, og:image is the
// card's path, as og:url is.
func TestShareCardsRelative(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	fsys["site.toml"] = &fstest.MapFile{Data: []byte("title = \"Golden dossier\"\nbaseURL = \"/sub/\"\n")}
	res, err := Build(Options{Source: fsys})
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	if n := checkCards(t, res.Files, "/sub/"); n == 0 {
		t.Error("no claim or article page")
	}
}

// cardNames lists the share cards among output paths.
func cardNames[V any](files map[string]V) []string {
	var out []string
	for name := range files {
		if strings.HasSuffix(name, "/card.png") {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// editClaim restates the golden site's first claim.
func editClaim(t *testing.T, fsys fstest.MapFS) string {
	t.Helper()
	name := "content/articles/sco-offer.md"
	if !replaceIn(fsys, name, `status = "misleading"`, `status = "false"`) {
		t.Fatal("the golden site's claim is not where the test expects it")
	}
	return name
}

// TestEditOneClaimDrawsOneCard: `dossier build` run again after one claim
// was edited draws that claim's card only; the others come from the cache.
func TestEditOneClaimDrawsOneCard(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	dir := t.TempDir()
	first := New(Options{Source: fsys, CardDir: dir})
	res, err := first.Build(nil)
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	cards := cardNames(res.Files)
	if n := first.CardsDrawn(); n != int64(len(cards)) || n == 0 {
		t.Fatalf("the first build drew %d cards, want %d", n, len(cards))
	}
	editClaim(t, fsys)
	second := New(Options{Source: fsys, CardDir: dir})
	again, err := second.Build(nil)
	if err != nil || again.Diags.HasErrors() {
		t.Fatal(err, again.Diags)
	}
	if n := second.CardsDrawn(); n != 1 {
		t.Errorf("the build after one claim's edit drew %d cards, want 1", n)
	}
	var changed []string
	for _, name := range cards {
		if !bytes.Equal(res.Files[name], again.Files[name]) {
			changed = append(changed, name)
		}
	}
	if want := []string{"claims/sco-formed-by-china/card.png"}; !slices.Equal(changed, want) {
		t.Errorf("changed cards %v, want %v", changed, want)
	}
}

// TestServeEditOneClaimDrawsOneCard: the preview server's rebuild after one
// claim was edited makes that claim's card again and no other, and serves
// what a fresh build makes.
func TestServeEditOneClaimDrawsOneCard(t *testing.T) {
	fsys := loadSite(t, "testdata/golden/site.txtar")
	b := New(Options{Source: fsys, Preview: true, Lazy: true})
	first, err := b.Build(nil)
	if err != nil || first.Diags.HasErrors() {
		t.Fatal(err, first.Diags)
	}
	cards := cardNames(first.Plan.Pages)
	for _, name := range cards {
		if _, err := first.Plan.Pages[name].Bytes(); err != nil {
			t.Fatal(err)
		}
	}
	drawn := b.CardsDrawn()
	changed := editClaim(t, fsys)
	second, err := b.Build([]string{changed})
	if err != nil || second.Diags.HasErrors() {
		t.Fatal(err, second.Diags)
	}
	var again []string
	for _, name := range cards {
		if second.Plan.Pages[name] != first.Plan.Pages[name] {
			again = append(again, name)
		}
		if _, err := second.Plan.Pages[name].Bytes(); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{"claims/sco-formed-by-china/card.png"}; !slices.Equal(again, want) {
		t.Errorf("cards made again %v, want %v", again, want)
	}
	if n := b.CardsDrawn() - drawn; n != 1 {
		t.Errorf("the rebuild drew %d cards, want 1", n)
	}
	compareLazy(t, "claim edit", second, fsys, true, nil)
}
