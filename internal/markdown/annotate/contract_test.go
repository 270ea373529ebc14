package annotate

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

var tagRE = regexp.MustCompile(`<(/?)([a-zA-Z0-9]+)([^>]*)>`)

var voidTags = map[string]bool{"br": true, "img": true, "input": true, "hr": true}

// markedText returns the text content of all pieces of annotation (kind,
// id) in page, joined, and checks that every tag is properly nested.
func markedText(t testing.TB, page string, kind Kind, id string) (string, int) {
	t.Helper()
	attr := ` data-` + string(kind) + `="` + html.EscapeString(id) + `"`
	var stack []string
	var text strings.Builder
	depth, pieces, last := 0, 0, 0 // depth: open marks of this annotation
	for _, m := range tagRE.FindAllStringSubmatchIndex(page, -1) {
		if depth > 0 {
			text.WriteString(html.UnescapeString(page[last:m[0]]))
		}
		last = m[1]
		closing, name, attrs := page[m[2]:m[3]] == "/", page[m[4]:m[5]], page[m[6]:m[7]]
		switch {
		case voidTags[name]:
		case !closing:
			stack = append(stack, name)
			if name == "mark" && strings.Contains(attrs, attr) {
				if depth > 0 {
					t.Errorf("%s %s: a piece inside a piece", kind, id)
				}
				depth++
				pieces++
				stack[len(stack)-1] = "mark!"
			}
		default:
			if len(stack) == 0 || strings.TrimSuffix(stack[len(stack)-1], "!") != name {
				t.Fatalf("bad nesting: </%s> closes %v\n%s", name, stack, page)
			}
			if stack[len(stack)-1] == "mark!" {
				depth--
			}
			stack = stack[:len(stack)-1]
		}
	}
	if len(stack) > 0 {
		t.Fatalf("unclosed tags %v\n%s", stack, page)
	}
	return text.String(), pieces
}

// checkContract checks that an anchored annotation's pieces join to its text
// (folded alike), that the first piece carries the id, and that the page
// announces the annotation and has its badge.
func checkContract(t testing.TB, page string, a Annotation) {
	t.Helper()
	got, pieces := markedText(t, page, a.Kind, a.ID)
	if pieces == 0 {
		return // not anchored: the diagnostics say why
	}
	if g, w := normalizeNeedle(got), normalizeNeedle(a.Text); string(g) != string(w) {
		t.Errorf("%s %s: pieces join to %q, want %q", a.Kind, a.ID, got, a.Text)
	}
	id := ` id="` + string(a.Kind) + "-" + html.EscapeString(a.ID) + `"`
	if n := strings.Count(page, id); n != 1 {
		t.Errorf("%s %s: %d elements carry %s", a.Kind, a.ID, n, id)
	}
	if !strings.Contains(page, `<span class="sr-only">`+html.EscapeString(startText(&a))+`</span>`) {
		t.Errorf("%s %s: no start announcement", a.Kind, a.ID)
	}
}
