package benchcorpus

import (
	"testing"

	"github.com/BurntSushi/toml"
)

// TestTOMLQuote round-trips awkward strings through tomlQuote and a TOML decoder.
func TestTOMLQuote(t *testing.T) {
	for _, s := range []string{"", "plain", `say "no"`, `back\slash`, "tab\tand\nnewline", "\x00\x1f\x7f", "curly “quotes” — dash"} {
		var v struct{ S string }
		if _, err := toml.Decode("s = "+tomlQuote(s), &v); err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		if v.S != s {
			t.Errorf("%q came back as %q", s, v.S)
		}
	}
}

func TestInitials(t *testing.T) {
	for name, want := range map[string]string{"Dorketbal": "DKB", "Quenvolsul": "QVS", "Xyz": "XYZ"} {
		if got := initials(name); got != want {
			t.Errorf("initials(%q) = %q, want %q", name, got, want)
		}
	}
}
