package markdown

import (
	"strings"
	"testing"
)

// highlight converts a fenced block of code in lang.
func highlight(t testing.TB, lang, code string) string {
	t.Helper()
	src := "```" + lang + "\n" + code + "\n```\n"
	out, err := New(Options{}).Convert(Input{File: "a.md", BodyLine: 1, Source: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	return string(out.HTML)
}

// TestFencedCodeIsHighlighted: a fenced block is chroma's spans with
// classes (the colours come from code.css) in the code wrapper, which names
// the language, and its text is escaped.
func TestFencedCodeIsHighlighted(t *testing.T) {
	got := highlight(t, "Go", `func main() { x := "<b>" }`)
	for _, want := range []string{
		`<div class="code" data-lang="go"><pre class="hl-chroma"><code>`,
		`<span class="hl-kd">func</span>`,
		`&lt;b&gt;`,
		"</code></pre></div>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %s in\n%s", want, got)
		}
	}
	if strings.Contains(got, "<b>") || strings.Contains(got, "style=") {
		t.Errorf("unescaped text or inline style in\n%s", got)
	}
	if got := highlight(t, "nosuchlang", "a < b"); !strings.Contains(got, `data-lang="nosuchlang"`) || !strings.Contains(got, "a &lt; b") {
		t.Errorf("an unknown language is not written as plain text:\n%s", got)
	}
}

// FuzzHighlight: code of any language, under any info string, is written
// inert: no element but the highlighter's own.
func FuzzHighlight(f *testing.F) {
	for _, c := range []struct{ lang, code string }{
		{"json", "{\n  \"place\": \"Kyiv\",\n  \"count\": 4211\n}"},
		{"sh", "curl -s https://example.org/api | jq '.items[] | .title'"},
		{"html", "<script>alert(1)</script>"},
		{"text", "2024-03-01 06:12 <b> & \"x\"\n"},
		{"", "plain"},
		{`x" onmouseover="alert(1)`, "a < b"},
	} {
		f.Add(c.lang, c.code)
	}
	f.Fuzz(func(t *testing.T, lang, code string) {
		got := highlight(t, lang, code)
		if strings.Contains(got, "<script") || strings.Contains(got, " onmouseover=") {
			t.Errorf("%q %q: not inert:\n%s", lang, code, got)
		}
	})
}
