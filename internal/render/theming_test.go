package render

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// themingTypes are the values templates receive, each documented in
// docs/theming.md under a heading of its name.
var themingTypes = []any{
	(*Page)(nil), (*ClaimView)(nil), (*InContext)(nil), (*QuoteView)(nil), (*ArticleView)(nil), (*SourceView)(nil),
	(*VerdictView)(nil), (*Link)(nil), (*DateView)(nil), (*TallyView)(nil), (*TallyCount)(nil), (*Bar)(nil),
	(*Score)(nil), (*EntityView)(nil), (*ArticleEntry)(nil), (*Backlink)(nil), (*Day)(nil), (*Entry)(nil),
	(*DatedEntry)(nil), (*EntityCount)(nil), (*Pager)(nil), (*Month)(nil), (*TagView)(nil),
	(*UpdateView)(nil), (*StaffView)(nil), (*OriginView)(nil),
	(*SourceKindView)(nil), (*CardView)(nil),
	(*Dossier)(nil), (*Article)(nil), (*Claim)(nil), (*Quote)(nil), (*Actor)(nil), (*Organization)(nil),
	(*Event)(nil), (*Mention)(nil),
}

// member is a field or method a template can reach.
type member struct{ name, typ string }

// packagePath strips package paths from type names.
var packagePath = regexp.MustCompile(`[\w./-]*/(\w+)\.`)

func typeName(t reflect.Type) string {
	return strings.ReplaceAll(packagePath.ReplaceAllString(t.String(), "$1."), "render.", "")
}

// members lists what templates reach on a value of type *T: its methods
// (a template calls them as .Name), then its exported fields not hidden by
// a method, in the order they are declared.
func members(ptr reflect.Type) []member {
	var out []member
	methods := map[string]bool{}
	for i := range ptr.NumMethod() {
		m := ptr.Method(i)
		methods[m.Name] = true
		var args []string
		for j := 1; j < m.Type.NumIn(); j++ {
			args = append(args, typeName(m.Type.In(j)))
		}
		res := ""
		if m.Type.NumOut() > 0 {
			res = typeName(m.Type.Out(0))
		}
		sig := res
		if len(args) > 0 {
			sig = "(" + strings.Join(args, ", ") + ") " + res
		}
		out = append(out, member{m.Name, sig})
	}
	for _, f := range reflect.VisibleFields(ptr.Elem()) {
		if !f.IsExported() || f.Anonymous || methods[f.Name] {
			continue
		}
		out = append(out, member{f.Name, typeName(f.Type)})
	}
	return out
}

// documented reads docs/theming.md: for each "### Type" heading, the
// names in the first column of its table.
func documented(t *testing.T) map[string][]string {
	b, err := os.ReadFile("../../docs/theming.md")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	row := regexp.MustCompile("^\\| `([A-Za-z]+)` \\|")
	current := ""
	for _, line := range strings.Split(string(b), "\n") {
		if name, ok := strings.CutPrefix(line, "### "); ok {
			current = strings.TrimSpace(name)
			out[current] = []string{}
			continue
		}
		if m := row.FindStringSubmatch(line); m != nil && current != "" {
			out[current] = append(out[current], m[1])
		}
	}
	return out
}

// TestThemingDocIsTrue: docs/theming.md documents every field and method
// of every value templates receive, and nothing that is not there.
func TestThemingDocIsTrue(t *testing.T) {
	doc := documented(t)
	for _, v := range themingTypes {
		typ := reflect.TypeOf(v)
		name := typ.Elem().Name()
		rows, ok := doc[name]
		if !ok {
			t.Errorf("docs/theming.md has no section ### %s", name)
			continue
		}
		var have []string
		for _, m := range members(typ) {
			have = append(have, m.name)
			if !slices.Contains(rows, m.name) {
				t.Errorf("docs/theming.md, ### %s: %s (%s) is not documented", name, m.name, m.typ)
			}
		}
		for _, r := range rows {
			if !slices.Contains(have, r) {
				t.Errorf("docs/theming.md, ### %s: %s is documented but %s has no such field or method", name, r, name)
			}
		}
	}
}
