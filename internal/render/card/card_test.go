package card

import (
	"bytes"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"golang.org/x/image/font"

	"github.com/dossier-dev/dossier/internal/benchcpu"
)

var (
	falseVerdict = Verdict{Label: "False", Icon: "cross", Color: mustColor("#c62828")}
	trueVerdict  = Verdict{Label: "True", Icon: "check", Color: mustColor("#1a7f37")}
)

func mustColor(s string) (c color.RGBA) {
	c, ok := ParseColor(s)
	if !ok {
		panic(s)
	}
	return c
}

// samples are cards of every kind: a 75-character claim, a 200-character
// one, a headline with two verdicts, an article with none.
var samples = map[string]Card{
	"claim75":  {Text: "The SCO was formed by China in 2001 to send troops into member countries.", Verdicts: []Verdict{falseVerdict}, Site: "Kazakhstan, January 2022"},
	"claim200": {Text: strings.Repeat("Protesters in Almaty were armed and trained abroad, the president said, and foreign fighters took part in the storming of the city hall. ", 2)[:200], Verdicts: []Verdict{{Label: "Misleading", Icon: "half", Color: mustColor("#b35900")}}, Site: "Kazakhstan, January 2022"},
	"headline": {Text: "China-led Central Asian alliance to intervene in Kazakhstan", Verdicts: []Verdict{falseVerdict, {Label: "Unverified", Icon: "question", Color: mustColor("#57606a")}}, Site: "Kazakhstan, January 2022"},
	"plain":    {Text: "Tokayev asks the CSTO for help", Site: "Kazakhstan, January 2022"},
	"icons":    {Text: "Icons", Verdicts: []Verdict{trueVerdict, {Label: "Mostly true", Icon: "check-half", Color: mustColor("#4d7c0f")}, {Label: "Disputed", Icon: "split", Color: mustColor("#6f42c1")}}, Site: "Site"},
}

// TestDraw: every card decodes as a Width × Height PNG, and drawing is
// deterministic. With CARD_DIR set, the cards are written there to look at.
func TestDraw(t *testing.T) {
	for name, c := range samples {
		b, err := Draw(c)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := img.Bounds().Size(); got.X != Width || got.Y != Height {
			t.Errorf("%s: %v, want %d×%d", name, got, Width, Height)
		}
		again, _ := Draw(c)
		if !bytes.Equal(b, again) {
			t.Errorf("%s: two draws differ", name)
		}
		if dir := os.Getenv("CARD_DIR"); dir != "" {
			os.WriteFile(filepath.Join(dir, name+".png"), b, 0o644)
		}
	}
}

// BenchmarkDraw is one card, drawn and encoded: a claim of 75 characters
// with one verdict. Run it briefly, on an idle machine:
//
//	go test -run '^$' -bench Draw -benchtime 200x ./internal/render/card
func BenchmarkDraw(b *testing.B) {
	defer benchcpu.Report(b)()
	for b.Loop() {
		if _, err := Draw(samples["claim75"]); err != nil {
			b.Fatal(err)
		}
	}
}

// TestTextFits: a 75-character claim, a 200-character one and a far longer
// one each fit the text area, line by line; only the longest is cut, with
// an ellipsis.
func TestTextFits(t *testing.T) {
	fs, err := fonts()
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("Protesters in Almaty were armed and trained abroad, the president said. ", 8)
	for _, tc := range []struct {
		text string
		cut  bool
	}{
		{samples["claim75"].Text, false},
		{samples["claim200"].Text, false},
		{long, true},
		{strings.Repeat("x", 300), true}, // one word wider than a line
	} {
		top, bottom := bandHeight+textGap, footRule-textGap
		f, lines, step := fit(func(size float64) font.Face { return face(fs["medium"], size) }, tc.text, textSizes, Width-2*margin, bottom-top, 1.25)
		if len(lines)*step > bottom-top {
			t.Errorf("%.20q: %d lines of %d px overflow %d px", tc.text, len(lines), step, bottom-top)
		}
		for _, l := range lines {
			if w := font.MeasureString(f, l).Ceil(); w > Width-2*margin {
				t.Errorf("%.20q: line %q is %d px wide", tc.text, l, w)
			}
		}
		if cut := strings.HasSuffix(lines[len(lines)-1], ellipsis); cut != tc.cut {
			t.Errorf("%.20q: cut %v, want %v (%q)", tc.text, cut, tc.cut, lines)
		}
	}
}

// TestKey: the key changes with everything drawn.
func TestKey(t *testing.T) {
	base := samples["claim75"]
	other := base
	other.Verdicts = []Verdict{trueVerdict}
	site := base
	site.Site = "Other"
	keys := map[string]bool{base.Key(): true, other.Key(): true, site.Key(): true}
	if len(keys) != 3 {
		t.Error("cards that differ share a key")
	}
}

// TestDrawParallel: cards drawn at once on several goroutines, sharing the
// faces' glyphs, come out as drawn one at a time.
func TestDrawParallel(t *testing.T) {
	want := map[string][]byte{}
	for name, c := range samples {
		b, err := Draw(c)
		if err != nil {
			t.Fatal(err)
		}
		want[name] = b
	}
	var wg sync.WaitGroup
	for range 4 {
		for name, c := range samples {
			wg.Go(func() {
				b, err := Draw(c)
				if err != nil || !bytes.Equal(b, want[name]) {
					t.Errorf("%s: drawn in parallel, differs (%v)", name, err)
				}
			})
		}
	}
	wg.Wait()
}
