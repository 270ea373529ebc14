package diag

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

func TestPosString(t *testing.T) {
	for _, tc := range []struct {
		pos  Pos
		want string
	}{
		{Pos{File: "a.md"}, "a.md"},
		{Pos{File: "a.md", Line: 3}, "a.md:3"},
		{Pos{File: "a.md", Line: 3, Col: 7}, "a.md:3:7"},
	} {
		if got := tc.pos.String(); got != tc.want {
			t.Errorf("%#v: got %q, want %q", tc.pos, got, tc.want)
		}
	}
}

func TestListSortsAndCounts(t *testing.T) {
	var l List
	l.Errorf(Pos{File: "b.md", Line: 2, Col: 1}, Missing, "add it", "missing %q", "title")
	l.Warnf(Pos{File: "a.md", Line: 9}, UnknownKey, "", "unknown key")
	l.Errorf(Pos{File: "a.md", Line: 2, Col: 5}, Syntax, "", "bad")
	l.Errorf(Pos{File: "a.md", Line: 2, Col: 5}, Syntax, "", "bad") // an exact duplicate
	l.Sort()
	var got []string
	for _, d := range l {
		got = append(got, d.Pos.String())
	}
	if want := "a.md:2:5 a.md:9 b.md:2:1"; strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
	if !l.HasErrors() || l.Count(Error) != 2 || l.Count(Warning) != 1 {
		t.Errorf("counts: %d errors, %d warnings", l.Count(Error), l.Count(Warning))
	}
}

func TestWriteText(t *testing.T) {
	var l List
	l.Errorf(Pos{File: "x.md", Line: 14, Col: 3}, UnknownRef, `did you mean "y"?`, `claim "c": unknown status "z"`)
	var b bytes.Buffer
	l.WriteText(&b)
	want := "x.md:14:3: error: claim \"c\": unknown status \"z\"\n\thint: did you mean \"y\"?\n1 error(s), 0 warning(s)\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWriteTextCountsNotes(t *testing.T) {
	var l List
	l.Notef(Pos{File: "x.md", Line: 2, Col: 9}, NoArchive, "archive it", "source u has no archived copy")
	var b bytes.Buffer
	l.WriteText(&b)
	want := "x.md:2:9: note: source u has no archived copy\n\thint: archive it\n0 error(s), 0 warning(s), 1 note(s)\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWriteJSON(t *testing.T) {
	var b bytes.Buffer
	List(nil).WriteJSON(&b)
	if strings.TrimSpace(b.String()) != "[]" {
		t.Errorf("empty list: %q", b.String())
	}
	b.Reset()
	l := List{{Pos: Pos{File: "x.md", Line: 1, Col: 2}, Severity: Warning, Code: UnknownKey, Msg: "m", Hint: "h"}}
	l.WriteJSON(&b)
	var got []map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got[0]["severity"] != "warning" || got[0]["code"] != "unknown-key" || got[0]["pos"].(map[string]any)["line"] != 1.0 {
		t.Errorf("json: %s", b.String())
	}
}

func TestSuggest(t *testing.T) {
	ids := []string{"zhang-ming", "wang-wenbin", "misleading", "mostly-true"}
	for _, tc := range []struct{ in, want string }{
		{"zhang-mign", "zhang-ming"},
		{"mislead", "misleading"},
		{"Wang-Wenbin", "wang-wenbin"},
		{"putin", ""},
		{"", ""},
	} {
		if got := Suggest(tc.in, ids); got != tc.want {
			t.Errorf("Suggest(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := DidYouMean("mislead", ids); got != `did you mean "misleading"?` {
		t.Errorf("DidYouMean: %q", got)
	}
}

func TestNoteIsNotAProblem(t *testing.T) {
	var l List
	l.Notef(Pos{File: "a.md", Line: 1}, "x", "", "n")
	l.Warnf(Pos{File: "a.md", Line: 2}, "x", "", "w")
	if l.HasErrors() || l[0].Severity.String() != "note" {
		t.Fatalf("note: %v", l)
	}
	if got := l.Without(Note); len(got) != 1 || got[0].Severity != Warning {
		t.Fatalf("Without(Note) = %v", got)
	}
}
