package site

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-dev/dossier/internal/render/card"
	"github.com/dossier-dev/dossier/internal/testfiles"
)

// ogImage finds a page's og:image.
var ogImage = regexp.MustCompile(`<meta property="og:image" content="([^"]*)">`)

// checkCards checks that every claim's and article's page of files names an
// og:image under base that is a file of files and a PNG of the size
// CardView declares (card.Width × card.Height), and that no other file is a
// card. It returns the number of
// pages checked.
func checkCards(t *testing.T, files map[string][]byte, base string) int {
	t.Helper()
	n := 0
	for name, b := range files {
		dir, ok := strings.CutSuffix(name, "index.html")
		if !ok || strings.Count(name, "/") != 2 || !(strings.HasPrefix(name, "claims/") || strings.HasPrefix(name, "articles/")) {
			if ogImage.Match(b) {
				t.Errorf("%s: og:image on a page that is no claim's or article's", name)
			}
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
		if err != nil || cfg.Width != card.Width || cfg.Height != card.Height {
			t.Errorf("%scard.png: %v %dx%d, want a %d×%d PNG", dir, err, cfg.Width, cfg.Height, card.Width, card.Height)
		}
		if _, err := png.Decode(bytes.NewReader(data)); err != nil {
			t.Errorf("%scard.png: %v", dir, err)
		}
	}
	if cards := cardNames(files); len(cards) != n {
		t.Errorf("%d cards for %d claim and article pages", len(cards), n)
	}
	return n
}

// TestShareCardsBundled: every claim's and article's page of the bundled
// dossier names its card, by an absolute URL, and the card is a PNG.
func TestShareCardsBundled(t *testing.T) {
	b := New(Options{Source: os.DirFS(repoRoot), BaseURL: "https://example.github.io/kz-dossier/"})
	res, err := b.Build(nil)
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	want := 0
	for _, a := range b.last.Articles {
		if !a.Draft {
			want += 1 + len(a.Claims)
		}
	}
	if n := checkCards(t, testfiles.Read(t, res.Output), "https://example.github.io/kz-dossier/"); n != want || n < 20 {
		t.Errorf("checked %d pages, want every claim's and article's (%d)", n, want)
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
	if n := checkCards(t, testfiles.Read(t, res.Output), "/sub/"); n == 0 {
		t.Error("no claim or article page")
	}
	// The golden article has no headline claim: below a thin band, paper.
	if got := cardPixel(t, testfiles.Read(t, res.Output)["articles/sco-offer/card.png"], 10, 60); got != "#fdfcfa" {
		t.Errorf("the card of an article without a headline claim is %s under its band, want the paper #fdfcfa", got)
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
	firstFiles := testfiles.Read(t, res.Output) // a card is drawn when read
	cards := cardNames(firstFiles)
	if n := first.CardsDrawn(); n != int64(len(cards)) || n == 0 {
		t.Fatalf("the first build drew %d cards, want %d", n, len(cards))
	}
	editClaim(t, fsys)
	second := New(Options{Source: fsys, CardDir: dir})
	again, err := second.Build(nil)
	if err != nil || again.Diags.HasErrors() {
		t.Fatal(err, again.Diags)
	}
	againFiles := testfiles.Read(t, again.Output) // a card is drawn when read
	if n := second.CardsDrawn(); n != 1 {
		t.Errorf("the build after one claim's edit drew %d cards, want 1", n)
	}
	var changed []string
	for _, name := range cards {
		if !bytes.Equal(firstFiles[name], againFiles[name]) {
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
	cards := cardNames(pageSet(first.Output))
	for _, name := range cards {
		if _, err := first.Output.ReadFile(name); err != nil {
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
		if !kept(first.Output, second.Output, name) {
			again = append(again, name)
		}
		if _, err := second.Output.ReadFile(name); err != nil {
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

// cardPixel is the colour of a card's pixel at (x, y), as "#rrggbb".
func cardPixel(t *testing.T, data []byte, x, y int) string {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	r, g, b, _ := img.At(x, y).RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}

// TestShareCardVerdicts: a claim's card is banded in its verdict's colour;
// an article's card in the colours of its headline claims' verdicts, in the
// title's order (the bridge article's title claims are rated Pants on fire,
// #cf222e, then Half true, #9a6700), whatever the verdicts are. An article
// without a headline claim has no verdict band (TestShareCardsRelative).
func TestShareCardVerdicts(t *testing.T) {
	res := buildSite(t, loadSite(t, "testdata/headline/site.txtar"), Options{})
	checkCards(t, testfiles.Read(t, res.Output), "https://example.org/bridge/")
	for _, tc := range []struct {
		card  string
		x, y  int
		color string
	}{
		{"articles/bridge-opens/card.png", 10, 10, "#cf222e"},
		{"articles/bridge-opens/card.png", 1190, 10, "#9a6700"},
		{"claims/tolls-waived/card.png", 10, 10, "#9a6700"},
		{"claims/cost/card.png", 1190, 10, "#1a7f37"},
		{"articles/ferry-ends/card.png", 10, 10, "#57606a"}, // Opinion, not rated, is shown too
	} {
		data, ok := testfiles.Read(t, res.Output)[tc.card]
		if !ok {
			t.Errorf("no %s", tc.card)
			continue
		}
		if got := cardPixel(t, data, tc.x, tc.y); got != tc.color {
			t.Errorf("%s at (%d, %d): %s, want %s", tc.card, tc.x, tc.y, got, tc.color)
		}
	}
}

// TestShareCardsOff: with [cards] enabled = false no card is made and no
// page names one.
func TestShareCardsOff(t *testing.T) {
	fsys := loadSite(t, "testdata/headline/site.txtar")
	if !replaceIn(fsys, "site.toml", "[publisher]", "[cards]\nenabled = false\n\n[publisher]") {
		t.Fatal("site.toml has no [publisher] table")
	}
	res := buildSite(t, fsys, Options{})
	if cards := cardNames(testfiles.Read(t, res.Output)); len(cards) != 0 {
		t.Errorf("cards made though turned off: %v", cards)
	}
	for name, b := range testfiles.Read(t, res.Output) {
		if bytes.Contains(b, []byte("og:image")) || bytes.Contains(b, []byte("summary_large_image")) {
			t.Errorf("%s names a card", name)
		}
	}
	if !bytes.Contains(testfiles.Read(t, res.Output)["claims/cost/index.html"], []byte(`<meta name="twitter:card" content="summary">`)) {
		t.Error("a claim's page without a card is no summary card")
	}
}
