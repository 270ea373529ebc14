package markdown

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/markdown/annotate"
	"github.com/dossier-dev/dossier/internal/markdown/mention"
)

var token = regexp.MustCompile(`<[^>]*>|[^<]+`)

// piecesOf joins the text inside every <mark> element carrying attr (e.g.
// data-claim="c1"), following the nesting of elements.
func piecesOf(html, attr string) string {
	var b strings.Builder
	var open []bool // for each open element: is it a mark with attr?
	inside := 0
	for _, tok := range token.FindAllString(html, -1) {
		switch {
		case strings.HasPrefix(tok, "</"):
			if n := len(open); n > 0 {
				if open[n-1] {
					inside--
				}
				open = open[:n-1]
			}
		case strings.HasPrefix(tok, "<"):
			match := strings.HasPrefix(tok, "<mark ") && strings.Contains(tok, attr)
			open = append(open, match)
			if match {
				inside++
			}
		case inside > 0:
			b.WriteString(tok)
		}
	}
	return strings.NewReplacer("&ldquo;", "“", "&rdquo;", "”", "&rsquo;", "’").Replace(b.String())
}

// TestMarksAndMentionsCoexist: a name inside a marked claim is still linked,
// and the claim's and quote's pieces still join to their exact spans.
func TestMarksAndMentionsCoexist(t *testing.T) {
	m, diags := mention.NewMatcher([]mention.Entity{
		{Kind: "actor", ID: "wang-wenbin", Names: []string{"Wang Wenbin", "Wang"}, Href: "/actors/wang-wenbin/"},
		{Kind: "organization", ID: "sco", Names: []string{"SCO"}, Href: "/organizations/sco/"},
	})
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	src := "Spokesman *Wang Wenbin* said the SCO was the result of \"certain outside forces\" today.\n"
	out, err := New(Options{}).Convert(Input{File: "a.md", BodyLine: 5, Source: []byte(src), Matcher: m, Mentions: mention.ModeAll,
		Annotations: []annotate.Annotation{
			{Kind: annotate.KindClaim, ID: "c1", Text: `Wang Wenbin said the SCO was the result of "certain outside forces"`, Pos: diag.Pos{File: "a.md", Line: 2}, Marking: annotate.Marking{Status: "false", Label: "False", Href: "/claims/c1/"}},
			{Kind: annotate.KindQuote, ID: "q1", Text: "certain outside forces", Pos: diag.Pos{File: "a.md", Line: 3}, Marking: annotate.Marking{Label: "Wang Wenbin", Href: "/quotes/q1/"}},
		}})
	if err != nil {
		t.Fatal(err)
	}
	html := string(out.HTML)
	if len(out.Diags) != 0 {
		t.Fatalf("diagnostics: %v", out.Diags)
	}
	for _, want := range []string{
		`<a class="mention" href="/actors/wang-wenbin/" data-entity="actor:wang-wenbin"`,
		`<a class="mention" href="/organizations/sco/" data-entity="organization:sco"`,
		`id="claim-c1"`, `id="quote-q1"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s in\n%s", want, html)
		}
	}
	if got := piecesOf(html, `data-claim="c1"`); got != "Wang Wenbin said the SCO was the result of “certain outside forces”" {
		t.Errorf("claim pieces join to %q\n%s", got, html)
	}
	if got := piecesOf(html, `data-quote="q1"`); got != "certain outside forces" {
		t.Errorf("quote pieces join to %q", got)
	}
	if len(out.Mentions) != 2 || len(out.Anchors) != 2 {
		t.Errorf("%d mentions, %d anchors", len(out.Mentions), len(out.Anchors))
	}
}

// TestProfileDoesNotLinkItself: on an entity's own profile its names stay text.
func TestProfileDoesNotLinkItself(t *testing.T) {
	m, _ := mention.NewMatcher([]mention.Entity{
		{Kind: "actor", ID: "wang-wenbin", Names: []string{"Wang Wenbin"}, Href: "/actors/wang-wenbin/"},
		{Kind: "organization", ID: "sco", Names: []string{"SCO"}, Href: "/organizations/sco/"},
	})
	out, err := New(Options{}).Convert(Input{File: "p.md", BodyLine: 4, Source: []byte("Wang Wenbin spoke for the SCO.\n"),
		Matcher: m, Mentions: mention.ModeFirst, SelfKind: "actor", SelfID: "wang-wenbin"})
	if err != nil {
		t.Fatal(err)
	}
	html := string(out.HTML)
	if strings.Contains(html, "/actors/wang-wenbin/") || !strings.Contains(html, "/organizations/sco/") {
		t.Errorf("profile links:\n%s", html)
	}
}

// marksAt and linksAt are resolvers that give every mark and link a fixed
// place, or fail.
type marksAt struct {
	label string
	err   error
}

func (m marksAt) ResolveAnnotation(kind annotate.Kind, id string) (annotate.Marking, error) {
	return annotate.Marking{Status: "s", Label: m.label, Href: "/" + m.label + "/" + id + "/"}, m.err
}

type linksAt string

func (l linksAt) ResolveMention(kind, id string) (string, error) {
	return string(l) + kind + "/" + id + "/", nil
}

// TestParseOnceRenderTwice: one parse renders as each set of resolvers
// says; a nil resolver keeps what was set before parsing; a resolver's
// error is the render's.
func TestParseOnceRenderTwice(t *testing.T) {
	m, _ := mention.NewMatcher([]mention.Entity{{Kind: "actor", ID: "wang", Names: []string{"Wang"}, Href: "/parsed/"}})
	c := New(Options{})
	doc := c.Parse(Input{File: "a.md", BodyLine: 1, Source: []byte("Wang said words.\n"), Matcher: m, Mentions: mention.ModeAll,
		Annotations: []annotate.Annotation{{Kind: annotate.KindClaim, ID: "c", Text: "said words", Marking: annotate.Marking{Label: "Parsed"}}}})
	if len(doc.Anchors) != 1 || len(doc.Mentions) != 1 {
		t.Fatalf("found %v and %v", doc.Anchors, doc.Mentions)
	}
	plain, err := c.Render(doc, Resolvers{})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`href="/parsed/"`, ">Parsed<"} {
		if !strings.Contains(string(plain), want) {
			t.Errorf("without resolvers: no %s in %s", want, plain)
		}
	}
	for _, base := range []string{"/one/", "/two/"} {
		html, err := c.Render(doc, Resolvers{Annotations: marksAt{label: strings.Trim(base, "/")}, Mentions: linksAt(base)})
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{`href="` + base + `actor/wang/"`, `href="` + base + `c/"`} {
			if !strings.Contains(string(html), want) {
				t.Errorf("no %s in %s", want, html)
			}
		}
	}
	if _, err := c.Render(doc, Resolvers{Annotations: marksAt{err: errors.New("no such claim")}}); err == nil || !strings.Contains(err.Error(), "no such claim") {
		t.Errorf("a resolver's error: got %v", err)
	}
}

// TestTableAlignmentByClass: an aligned column's cells carry a class, never
// the inline style that the pages' Content-Security-Policy forbids; a
// column with no alignment carries neither. Rendering the same parse twice
// gives the same HTML.
func TestTableAlignmentByClass(t *testing.T) {
	c := New(Options{})
	doc := c.Parse(Input{File: "a.md", BodyLine: 1, Source: []byte("| Place | Count | Note |\n|:--|--:|:-:|\n| Almaty | 12 | a |\n\n| Plain |\n|---|\n| x |\n")})
	first, err := c.Render(doc, Resolvers{})
	if err != nil {
		t.Fatal(err)
	}
	second, _ := c.Render(doc, Resolvers{})
	if string(first) != string(second) {
		t.Errorf("a second render differs:\n%s\n%s", first, second)
	}
	html := string(first)
	for _, want := range []string{`<th class="align-left">Place</th>`, `<th class="align-right">Count</th>`, `<td class="align-right">12</td>`, `<td class="align-center">a</td>`, "<th>Plain</th>", "<td>x</td>"} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s in\n%s", want, html)
		}
	}
	if strings.Contains(html, "style=") || strings.Contains(html, "align=") {
		t.Errorf("an inline style or align attribute in\n%s", html)
	}
	if n := strings.Count(html, "<div class=\"table-scroll\">\n<table>"); n != 2 {
		t.Errorf("%d tables in a scroll box, want 2:\n%s", n, html)
	}
}
