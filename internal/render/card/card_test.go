package card

import (
	"bytes"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
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

func BenchmarkDraw(b *testing.B) {
	for b.Loop() {
		if _, err := Draw(samples["claim75"]); err != nil {
			b.Fatal(err)
		}
	}
}
