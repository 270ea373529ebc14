package dossier

import (
	"strings"
	"testing"
)

func TestCompareFoldIsToLowerOrder(t *testing.T) {
	words := []string{"", "a", "A", "ab", "aB", "Ab", "b", "B", "zhang", "Zhang Ming", "Ärzte", "ärzte", "Éric", "eric", "Østergaard", "ő", "Σ", "σ", "ς", "İstanbul", "istanbul", "\xff", "a\xffb", "東京"}
	for _, a := range words {
		for _, b := range words {
			want := strings.Compare(strings.ToLower(a), strings.ToLower(b))
			if got := compareFold(a, b); got != want {
				t.Errorf("compareFold(%q, %q) = %d, want %d", a, b, got, want)
			}
		}
	}
}
