package render

import (
	"testing"

	"github.com/dossier-dev/dossier/internal/config"
)

func TestReportURL(t *testing.T) {
	const claim, page = "The SCO was formed by China & Russia.", "https://example.org/claims/x/"
	tests := []struct{ name, address, want string }{
		{"none", "", ""},
		{"mailto", "mailto:fix@example.org",
			"mailto:fix@example.org?subject=Correction%20request%3A%20The%20SCO%20was%20formed%20by%20China%20%26%20Russia." +
				"&body=Claim%3A%20The%20SCO%20was%20formed%20by%20China%20%26%20Russia.%0D%0APage%3A%20https%3A%2F%2Fexample.org%2Fclaims%2Fx%2F" +
				"%0D%0A%0D%0AWhat%20is%20wrong%2C%20and%20the%20source%20that%20shows%20it%3A%0D%0A"},
		{"form", "https://example.org/form", "https://example.org/form?claim=The+SCO+was+formed+by+China+%26+Russia.&url=https%3A%2F%2Fexample.org%2Fclaims%2Fx%2F"},
		{"form with a query", "https://example.org/form?lang=en",
			"https://example.org/form?claim=The+SCO+was+formed+by+China+%26+Russia.&lang=en&url=https%3A%2F%2Fexample.org%2Fclaims%2Fx%2F"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := reportURL(config.NewWords("en", nil), tt.address, claim, page); got != tt.want {
				t.Errorf("reportURL(%q)\n got %s\nwant %s", tt.address, got, tt.want)
			}
		})
	}
	if got := reportURL(config.NewWords("en", nil), "mailto:fix@example.org?cc=desk@example.org", "x", "y"); got[:46] != "mailto:fix@example.org?cc=desk@example.org&sub" {
		t.Errorf("a mailto with headers: %s", got)
	}
}
