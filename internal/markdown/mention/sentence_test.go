package mention

import (
	"strings"
	"testing"
)

func TestSentence(t *testing.T) {
	tests := []struct{ text, want string }{
		{"First one. Then [X] spoke. Last.", "Then X spoke."},
		{"[X] spoke", "X spoke"},
		{"Gen. [X] and Mr. Y met J. Doe. Next.", "Gen. X and Mr. Y met J. Doe."},
		{"[X] met Z. Next.", "X met Z. Next."}, // a one-letter word reads as an initial
		{"He said \"no.\" [X] left! Why?", "X left!"},
		{"Wait… [X] came… back. Done", "X came… back."},
		{"A (see B.) [X]? Yes.", "A (see B.) X?"},
		{"Stop.\n\n  [X]\tran  far.  ", "X ran far."},
		{`Said \*[X]\* &amp; co. Next.`, "Said *X* & co."},
		{"1.5 million [X] 2.0.", "1.5 million X 2.0."},
	}
	for _, tt := range tests {
		start := strings.Index(tt.text, "[")
		flat := strings.Replace(strings.Replace(tt.text, "[", "", 1), "]", "", 1)
		end := start + 1
		if got := sentenceOf([]byte(flat), start, end); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.text, got, tt.want)
		}
	}
}
