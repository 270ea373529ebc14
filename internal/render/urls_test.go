package render

import (
	"testing"
	"unsafe"

	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// TestPageFileReusesTheLastPlans reuses the last plan's file name only when
// it is the page's own.
func TestPageFileReusesTheLastPlans(t *testing.T) {
	claim := &dossier.Claim{Claim: content.Claim{ID: "sco-offer"}}
	last := string([]byte("claims/sco-offer/index.html"))
	for _, tc := range []struct {
		last  string
		reuse bool
	}{
		{last, true},
		{"", false},
		{"quotes/sco-offer/index.html", false},
		{"claims/sco-offers/index.html", false},
		{"claims/sco-offe/index.html", false},
		{"claims/sco-offer/index.htm", false},
		{"claims/sco-offer/index.htmx", false},
	} {
		file, path := pageFile(claim, tc.last)
		if file != "claims/sco-offer/index.html" || path != "claims/sco-offer/" {
			t.Errorf("pageFile(claim, %q) = %q, %q", tc.last, file, path)
		}
		if reused := unsafe.StringData(file) == unsafe.StringData(tc.last); reused != tc.reuse {
			t.Errorf("pageFile(claim, %q) reused it: %t, want %t", tc.last, reused, tc.reuse)
		}
	}
}
