package sentence

import (
	"strings"
	"testing"
)

func TestBounds(t *testing.T) {
	for _, tt := range []struct{ text, span, want string }{
		{"First one. Second one here. Third.", "one here", "Second one here."},
		{`“We count on it,” said said Mr. Zhang. in a report.`, "We count", `“We count on it,” said said Mr. Zhang. in a report.`},
		{"Gen. Serdyukov led it. Then it ended.", "led", "Gen. Serdyukov led it."},
		{"J. Smith came. Left.", "came", "J. Smith came."},
		{"Is it? Yes! It is… Done.", "Yes", "Yes!"},
		{`He said “go.” Then left.`, "go", `He said “go.”`},
		{"No end here", "end", "No end here"},
	} {
		start := strings.Index(tt.text, tt.span)
		from, to := Bounds([]byte(tt.text), start, start+len(tt.span))
		if got := tt.text[from:to]; strings.TrimSpace(got) != tt.want {
			t.Errorf("Bounds(%q, %q) = %q, want %q", tt.text, tt.span, got, tt.want)
		}
	}
}
