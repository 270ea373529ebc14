package annotate

import (
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/diag"
)

func TestAnchorTitle(t *testing.T) {
	title := "China’s “alliance” -- to intervene in Kazakhstan, and Kazakhstan agrees"
	pos := diag.Pos{File: "content/articles/x.md", Line: 9, Col: 1}
	anns := []Annotation{
		{Kind: KindClaim, ID: "whole", Text: "China's \"alliance\" – to intervene  in Kazakhstan, and Kazakhstan agrees", Pos: pos},
		{Kind: KindClaim, ID: "part", Text: "to intervene", Pos: pos},
		{Kind: KindClaim, ID: "second", Text: "Kazakhstan", Prefix: "and", Pos: pos},
		{Kind: KindClaim, ID: "twice", Text: "Kazakhstan", Pos: pos},
		{Kind: KindClaim, ID: "missing", Text: "to invade Kazakhstan", Pos: pos},
		{Kind: KindClaim, ID: "empty", Text: " ", Pos: pos},
		{Kind: KindClaim, ID: "badprefix", Text: "to intervene", Prefix: "not", Pos: pos},
	}
	spans, diags := AnchorTitle("content/articles/x.md", title, anns)
	got := map[string]string{}
	for _, s := range spans {
		got[s.ID] = title[s.Start:s.End]
	}
	want := map[string]string{"whole": title, "part": "to intervene", "second": "Kazakhstan"}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: got %q, want %q", id, got[id], w)
		}
	}
	if s := spans[2]; s.Start != strings.LastIndex(title, "Kazakhstan") {
		t.Errorf("second: anchored at %d, want the second occurrence", s.Start)
	}
	codes := map[string]diag.Code{}
	for _, d := range diags {
		for _, id := range []string{"twice", "missing", "empty", "badprefix"} {
			if strings.Contains(d.Msg, `"`+id+`"`) {
				codes[id] = d.Code
				if d.Pos != pos {
					t.Errorf("%s: at %v, want %v", id, d.Pos, pos)
				}
			}
		}
	}
	wantCodes := map[string]diag.Code{"twice": diag.Ambiguous, "missing": diag.NotFound, "empty": diag.Empty, "badprefix": diag.NotFound}
	for id, c := range wantCodes {
		if codes[id] != c {
			t.Errorf("%s: code %q, want %q (%v)", id, codes[id], c, diags)
		}
	}
	for _, d := range diags {
		if strings.Contains(d.Msg, `"missing"`) && !strings.Contains(d.Hint, "closest passage of the title: \"intervene in Kazakhstan") {
			t.Errorf("missing: hint %q names no close passage", d.Hint)
		}
	}
}
