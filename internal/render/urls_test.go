package render

import (
	"testing"

	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// TestPageFile: a page's file is its path and index.html.
func TestPageFile(t *testing.T) {
	claim := &dossier.Claim{Claim: content.Claim{ID: "sco-offer"}}
	if file, path := pageFile(claim); file != "claims/sco-offer/index.html" || path != "claims/sco-offer/" {
		t.Errorf("pageFile(claim) = %q, %q", file, path)
	}
}
