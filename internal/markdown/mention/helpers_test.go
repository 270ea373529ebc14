package mention

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// testEntities is the cast of the tests.
var testEntities = []Entity{
	{Kind: "actor", ID: "tokayev", Names: []string{"Kassym-Jomart Tokayev", "Tokayev"}, Href: "/actors/tokayev/"},
	{Kind: "actor", ID: "nazarbayev", Names: []string{"Nursultan Nazarbayev", "Nazarbayev", "Elbasy"}, Href: "/actors/nazarbayev/"},
	{Kind: "organization", ID: "csto", Names: []string{"Collective Security Treaty Organization", "CSTO"}, Href: "/organizations/csto/"},
	{Kind: "organization", ID: "pla", Names: []string{"People's Liberation Army", "PLA"}, Href: "/organizations/pla/"},
	{Kind: "actor", ID: "brien", Names: []string{"Brien"}, Href: "/actors/brien/"},
	{Kind: "actor", ID: "wang-wenbin", Names: []string{"Wang Wenbin", "Wang"}, Href: "/actors/wang-wenbin/"},
	{Kind: "actor", ID: "wang-yi", Names: []string{"Wang Yi", "Wang"}, Href: "/actors/wang-yi/"},
	{Kind: "organization", ID: "nyt", Names: []string{"The New York Times"}, Href: "/organizations/nyt/"},
	{Kind: "organization", ID: "new-york", Names: []string{"New York"}, Href: "/organizations/new-york/"},
	{Kind: "organization", ID: "att", Names: []string{"AT&T", "Ak Orda"}, Href: "/organizations/att/?a=1&b=2"},
}

// newMarkdown returns goldmark configured as the site configures it, plus
// the extensions given.
func newMarkdown(more ...goldmark.Extender) goldmark.Markdown {
	exts := append([]goldmark.Extender{extension.GFM, extension.Footnote, extension.Typographer, New()}, more...)
	return goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// convert renders src with mentions of m in the given mode.
func convert(t testing.TB, md goldmark.Markdown, m *Matcher, mode Mode, src string) (string, []Hit) {
	t.Helper()
	pc := parser.NewContext()
	Set(pc, m, mode, "content/articles/x.md", 1)
	source := []byte(src)
	doc := md.Parser().Parse(text.NewReader(source), parser.WithContext(pc))
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, source, doc); err != nil {
		t.Fatalf("render: %v", err)
	}
	return out.String(), Hits(pc)
}

func mustMatcher(t testing.TB, ents []Entity) *Matcher {
	t.Helper()
	m, _ := NewMatcher(ents)
	return m
}

func newContext(m *Matcher, mode Mode, bodyLine int) parser.Context {
	pc := parser.NewContext()
	Set(pc, m, mode, "content/articles/x.md", bodyLine)
	return pc
}

func textReader(src string) text.Reader { return text.NewReader([]byte(src)) }

func withContext(pc parser.Context) parser.ParseOption { return parser.WithContext(pc) }
