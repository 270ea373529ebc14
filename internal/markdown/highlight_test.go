package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/alecthomas/chroma/v2"
	"github.com/alecthomas/chroma/v2/styles"
)

// goldmarkQuotes turns the quotes html.EscapeString escapes, as chroma's
// formatter does, into those of util.EscapeHTML, which the package uses
// everywhere: " as &quot; and ' as it is.
var goldmarkQuotes = strings.NewReplacer("&#34;", "&quot;", "&#39;", "'")

// chromaHTML is what chroma's own formatter writes for tokens, but for the
// escaping of quotes (see goldmarkQuotes).
func chromaHTML(t testing.TB, tokens []chroma.Token) string {
	t.Helper()
	var b bytes.Buffer
	if err := formatter.Format(&b, styles.Fallback, chroma.Literator(tokens...)); err != nil {
		t.Fatal(err)
	}
	return goldmarkQuotes.Replace(b.String())
}

func ourHTML(tokens []chroma.Token) string {
	w := getHTMLBuffer()
	defer putHTMLBuffer(w)
	writeTokens(w, tokens)
	return string(w.b)
}

// TestWriteTokensLikeChroma: every token type, its subtypes and odd values
// (empty, line feeds, characters to escape) are written as chroma writes them.
func TestWriteTokensLikeChroma(t *testing.T) {
	values := []string{"", "x", "\n", "a\nb", "<&>\"'", "a\n\n", "\n\nb", "tab\there\r\n"}
	var types []chroma.TokenType
	for tt := range chroma.StandardTypes {
		types = append(types, tt, tt+1, tt+11, tt+99)
	}
	for _, tt := range types {
		for _, v := range values {
			tokens := []chroma.Token{{Type: tt, Value: v}}
			if got, want := ourHTML(tokens), chromaHTML(t, tokens); got != want {
				t.Errorf("%v %q:\n got %s\nwant %s", tt, v, got, want)
			}
		}
	}
	if got, want := ourHTML(nil), chromaHTML(t, nil); got != want {
		t.Errorf("no tokens:\n got %s\nwant %s", got, want)
	}
}

// FuzzHighlight: lexing code of a language and writing it gives what chroma's
// formatter writes.
func FuzzHighlight(f *testing.F) {
	for _, c := range []struct{ lang, code string }{
		{"json", "{\n  \"place\": \"Kyiv\",\n  \"count\": 4211\n}\n"},
		{"sh", "curl -s https://example.org/api | jq '.items[] | .title'\n"},
		{"yaml", "place: Kyiv\ncount: 4211\n"},
		{"text", "2024-03-01 06:12 <b> & \"x\"\n\n"},
		{"go", "func main() {\n\tfmt.Println(\"hi\")\n}\n"},
		{"", "plain\n"},
		{"nosuchlang", "a < b\n"},
	} {
		f.Add(c.lang, c.code)
	}
	f.Fuzz(func(t *testing.T, lang, code string) {
		h := highlighterFor([]byte(lang))
		it, err := h.lexer.Tokenise(nil, code)
		if err != nil {
			t.Skip(err)
		}
		tokens := it.Tokens()
		if got, want := ourHTML(tokens), chromaHTML(t, tokens); got != want {
			t.Errorf("%s %q:\n got %s\nwant %s", lang, code, got, want)
		}
	})
}
