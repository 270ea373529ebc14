package mention

import (
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/diag"
)

// anchor matches a rendered mention; short rewrites it as {NAME|KIND:ID} so
// that the tables below stay readable. TestRender checks the full markup.
var anchor = regexp.MustCompile(`<a class="mention" href="[^"]*" data-entity="([^"]*)">((?s:.*?))</a>`)

func short(html string) string {
	return strings.TrimSpace(anchor.ReplaceAllString(html, "{$2|$1}"))
}

func TestDetect(t *testing.T) {
	m := mustMatcher(t, testEntities)
	md := newMarkdown()
	tests := []struct {
		name, src, want string
	}{
		{"plain", "Tokayev spoke.", "<p>{Tokayev|actor:tokayev} spoke.</p>"},
		{"possessive typographer", "Tokayev's speech", "<p>{Tokayev|actor:tokayev}&rsquo;s speech</p>"},
		{"possessive curly", "Tokayev’s speech", "<p>{Tokayev|actor:tokayev}’s speech</p>"},
		{"possessive entity", "Tokayev&rsquo;s speech", "<p>{Tokayev|actor:tokayev}’s speech</p>"},
		{"possessive end of sentence", "It was Tokayev's.", "<p>It was {Tokayev|actor:tokayev}&rsquo;s.</p>"},
		{"plural possessive", "the CSTO' troops", "<p>the {CSTO|organization:csto}&rsquo; troops</p>"},
		{"contraction is not possessive", "Tokayev'd go", "<p>Tokayev&rsquo;d go</p>"},
		{"longest wins", "Kassym-Jomart Tokayev said", "<p>{Kassym-Jomart Tokayev|actor:tokayev} said</p>"},
		{"longest across line break", "Kassym-Jomart\nTokayev said", "<p>{Kassym-Jomart\nTokayev|actor:tokayev} said</p>"},
		{"longest then leftmost", "The New York Times in New York", "<p>{The New York Times|organization:nyt} in {New York|organization:new-york}</p>"},
		{"case sensitive", "TOKAYEV and tokayev and Csto", "<p>TOKAYEV and tokayev and Csto</p>"},
		{"inside a word", "Tokayevich, preTokayev, CSTOs, PLA2", "<p>Tokayevich, preTokayev, CSTOs, PLA2</p>"},
		{"punctuation", "(Tokayev), \"CSTO\"; PLA! CSTO-led Elbasy/Tokayev",
			"<p>({Tokayev|actor:tokayev}), &ldquo;{CSTO|organization:csto}&rdquo;; {PLA|organization:pla}! {CSTO|organization:csto}-led {Elbasy|actor:nazarbayev}/{Tokayev|actor:tokayev}</p>"},
		{"alias", "Elbasy and Nursultan Nazarbayev", "<p>{Elbasy|actor:nazarbayev} and {Nursultan Nazarbayev|actor:nazarbayev}</p>"},
		{"apostrophe in name", "The People's Liberation Army", "<p>The {People&rsquo;s Liberation Army|organization:pla}</p>"},
		{"apostrophe in name curly", "The People’s Liberation Army", "<p>The {People’s Liberation Army|organization:pla}</p>"},
		{"apostrophe before name", "O'Brien met Brien", "<p>O&rsquo;Brien met {Brien|actor:brien}</p>"},
		{"shared alias", "Wang said", "<p>Wang said</p>"},
		{"shared alias beside full name", "Wang Yi and Wang Wenbin", "<p>{Wang Yi|actor:wang-yi} and {Wang Wenbin|actor:wang-wenbin}</p>"},
		{"link", "[Tokayev](https://example.com) and [the CSTO](x)", `<p><a href="https://example.com">Tokayev</a> and <a href="x">the CSTO</a></p>`},
		{"next to a link", "[Big](x)Tokayev", `<p><a href="x">Big</a>Tokayev</p>`},
		{"autolink", "<https://example.com/Tokayev> https://example.com/CSTO",
			`<p><a href="https://example.com/Tokayev">https://example.com/Tokayev</a> <a href="https://example.com/CSTO">https://example.com/CSTO</a></p>`},
		{"image", "![Tokayev](t.png)", `<p><img src="t.png" alt="Tokayev"></p>`},
		{"code span", "`Tokayev` and `CSTO`s", "<p><code>Tokayev</code> and <code>CSTO</code>s</p>"},
		{"code block", "```\nTokayev\n```", "<pre><code>Tokayev\n</code></pre>"},
		{"heading", "# Tokayev\n\nCSTO\n---", "<h1 id=\"tokayev\">Tokayev</h1>\n<h2 id=\"csto\">CSTO</h2>"},
		{"raw html around", "<b>Tokayev</b>", "<p><!-- raw HTML omitted -->{Tokayev|actor:tokayev}<!-- raw HTML omitted --></p>"},
		{"raw html joins words", "Kassym-Jomart<br>Tokayev", "<p>Kassym-Jomart<!-- raw HTML omitted -->Tokayev</p>"},
		{"emphasis inside", "*Tokayev* and **CSTO**", "<p><em>{Tokayev|actor:tokayev}</em> and <strong>{CSTO|organization:csto}</strong></p>"},
		{"emphasis around part", "**Kassym-Jomart** Tokayev", "<p><strong>Kassym-Jomart</strong> {Tokayev|actor:tokayev}</p>"},
		{"emphasis splits a word", "*Toka*yev", "<p><em>Toka</em>yev</p>"},
		{"strikethrough", "~~Tokayev~~", "<p><del>{Tokayev|actor:tokayev}</del></p>"},
		{"list and quote", "- Tokayev\n\n> CSTO", "<ul>\n<li>{Tokayev|actor:tokayev}</li>\n</ul>\n<blockquote>\n<p>{CSTO|organization:csto}</p>\n</blockquote>"},
		{"table", "| Tokayev |\n|---|\n| CSTO |", "<table>\n<thead>\n<tr>\n<th>{Tokayev|actor:tokayev}</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>{CSTO|organization:csto}</td>\n</tr>\n</tbody>\n</table>"},
		{"escaped apostrophe", `Tokayev\'s`, "<p>{Tokayev|actor:tokayev}'s</p>"},
		{"non-latin neighbours", "ТокаевTokayev Tokayevé éCSTO", "<p>ТокаевTokayev Tokayevé éCSTO</p>"},
		{"hard break", "Kassym-Jomart\\\nTokayev", "<p>{Kassym-Jomart<br>\nTokayev|actor:tokayev}</p>"},
		{"name with ampersand", "AT&T and Ak Orda", "<p>{AT&amp;T|organization:att} and {Ak Orda|organization:att}</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := convert(t, md, m, ModeAll, tt.src)
			if got := short(got); got != tt.want {
				t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
			}
		})
	}
}

func TestRender(t *testing.T) {
	m := mustMatcher(t, testEntities)
	got, _ := convert(t, newMarkdown(), m, ModeAll, "Tokayev's aide and AT&T")
	want := `<p><a class="mention" href="/actors/tokayev/" data-entity="actor:tokayev">Tokayev</a>&rsquo;s aide and ` +
		`<a class="mention" href="/organizations/att/?a=1&amp;b=2" data-entity="organization:att">AT&amp;T</a></p>` + "\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestModes(t *testing.T) {
	m := mustMatcher(t, testEntities)
	md := newMarkdown()
	const src = "# Tokayev\n\nCSTO and `Tokayev`. Tokayev met Kassym-Jomart Tokayev.\n\n- Tokayev, CSTO"
	tests := []struct {
		mode       Mode
		want       string
		wantLinked []bool
	}{
		{ModeFirst, "CSTO| Tokayev| Kassym-Jomart Tokayev Tokayev CSTO", []bool{true, true, false, false, false}},
		{"", "CSTO| Tokayev| Kassym-Jomart Tokayev Tokayev CSTO", []bool{true, true, false, false, false}},
		{ModeAll, "CSTO| Tokayev| Kassym-Jomart Tokayev| Tokayev| CSTO|", []bool{true, true, true, true, true}},
		{ModeNone, "CSTO Tokayev Kassym-Jomart Tokayev Tokayev CSTO", []bool{false, false, false, false, false}},
	}
	for _, tt := range tests {
		t.Run(string(tt.mode), func(t *testing.T) {
			html, hits := convert(t, md, m, tt.mode, src)
			if got := linkedNames(html); got != tt.want {
				t.Errorf("linked: got %q, want %q\n%s", got, tt.want, html)
			}
			var linked []bool
			for _, h := range hits {
				linked = append(linked, h.Linked)
			}
			if !equalBools(linked, tt.wantLinked) {
				t.Errorf("hits linked: got %v, want %v", linked, tt.wantLinked)
			}
		})
	}
}

// linkedNames lists the names in html outside headings and code, each
// followed by "|" when linked.
func linkedNames(html string) string {
	html = regexp.MustCompile(`<h1.*</h1>|<code>.*?</code>`).ReplaceAllString(html, "")
	var names []string
	for _, w := range regexp.MustCompile(`\{[^}|]*\|[^}]*\}|Kassym-Jomart Tokayev|Tokayev|CSTO`).FindAllString(short(html), -1) {
		if strings.HasPrefix(w, "{") {
			w = strings.SplitN(w[1:], "|", 2)[0] + "|"
		}
		names = append(names, w)
	}
	return strings.Join(names, " ")
}

func equalBools(a, b []bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestHits(t *testing.T) {
	m := mustMatcher(t, testEntities)
	md := newMarkdown()
	src := "Intro line.\n\nOn 5 January Tokayev asked the CSTO for help. Gen. Nazarbayev's\nrole, per Mr. Tokayev, ended! Wang agreed.\n\n* Elbasy (i.e. *Nazarbayev*) left [see\nTokayev](x).\n\n[^n]: Said \\*PLA\\* &amp; co.\n\nNote[^n]"
	pc := newContext(m, ModeFirst, 10)
	doc := md.Parser().Parse(textReader(src), withContext(pc))
	_ = doc
	got := Hits(pc)
	want := []Hit{
		{"actor", "tokayev", 12, "On 5 January Tokayev asked the CSTO for help.", true},
		{"organization", "csto", 12, "On 5 January Tokayev asked the CSTO for help.", true},
		{"actor", "nazarbayev", 12, "Gen. Nazarbayev’s role, per Mr. Tokayev, ended!", true},
		{"actor", "tokayev", 13, "Gen. Nazarbayev’s role, per Mr. Tokayev, ended!", false},
		{"actor", "nazarbayev", 15, "Elbasy (i.e. Nazarbayev) left see Tokayev.", false},
		{"actor", "nazarbayev", 15, "Elbasy (i.e. Nazarbayev) left see Tokayev.", false},
		{"organization", "pla", 18, "Said *PLA* & co.", true},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d hits, want %d:\n%+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("hit %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

func TestClash(t *testing.T) {
	ents := []Entity{
		{Kind: "actor", ID: "a", Names: []string{"Alpha", "Al", " Al "}, Pos: diag.Pos{File: "content/actors/a.md", Line: 2, Col: 1}},
		{Kind: "organization", ID: "b", Names: []string{"Beta", "Al"}, Pos: diag.Pos{File: "content/organizations/b.md", Line: 3, Col: 1}},
		{Kind: "actor", ID: "c", Names: []string{"Gamma", "Al", "People's"}, Pos: diag.Pos{File: "content/actors/c.md", Line: 4, Col: 1}},
		{Kind: "actor", ID: "d", Names: []string{"People’s", "", "  "}, Pos: diag.Pos{File: "content/actors/d.md", Line: 5, Col: 1}},
	}
	m, diags := NewMatcher(ents)
	want := map[string]string{
		"content/actors/a.md:2:1":        `actor "a": name "Al" is also a name of organization b, actor c, so it links to neither`,
		"content/organizations/b.md:3:1": `organization "b": name "Al" is also a name of actor a, actor c, so it links to neither`,
		"content/actors/c.md:4:1 Al":     `actor "c": name "Al" is also a name of actor a, organization b, so it links to neither`,
		"content/actors/c.md:4:1 P":      `actor "c": name "People's" is also a name of actor d, so it links to neither`,
		"content/actors/d.md:5:1":        `actor "d": name "People's" is also a name of actor c, so it links to neither`,
	}
	if len(diags) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%v", len(diags), len(want), diags)
	}
	for _, d := range diags {
		if d.Severity != diag.Warning || d.Code != diag.MentionClash || d.Hint == "" {
			t.Errorf("%v: want a mention-clash warning with a hint", d)
		}
		found := false
		for _, msg := range want {
			found = found || msg == d.Msg
		}
		if !found || !strings.HasPrefix(d.Pos.String(), "content/") {
			t.Errorf("unexpected diagnostic %s: %s", d.Pos, d.Msg)
		}
	}
	html, hits := convert(t, newMarkdown(), m, ModeAll, "Al met Alpha, Beta's People’s and Gamma.")
	if got, want := short(html), "<p>Al met {Alpha|actor:a}, {Beta|organization:b}&rsquo;s People’s and {Gamma|actor:c}.</p>"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	if len(hits) != 3 {
		t.Errorf("got %d hits, want 3 (shared names count for no one): %+v", len(hits), hits)
	}
}

func TestSelf(t *testing.T) {
	m := mustMatcher(t, testEntities)
	pc := newContext(m, ModeAll, 1)
	SetSelf(pc, "actor", "tokayev")
	newMarkdown().Parser().Parse(textReader("Tokayev met Elbasy."), withContext(pc))
	hits := Hits(pc)
	if len(hits) != 1 || hits[0].ID != "nazarbayev" {
		t.Errorf("got %+v, want only nazarbayev", hits)
	}
}

func TestNoSet(t *testing.T) {
	md := newMarkdown()
	pc := newContext(nil, ModeAll, 1)
	md.Parser().Parse(textReader("Tokayev"), withContext(pc))
	if hits := Hits(pc); hits != nil {
		t.Errorf("got %+v without Set", hits)
	}
	m, diags := NewMatcher(nil)
	if len(diags) != 0 || m.Len() != 0 {
		t.Errorf("empty matcher: %v %d", diags, m.Len())
	}
	got, hits := convert(t, md, m, ModeAll, "Tokayev")
	if got != "<p>Tokayev</p>\n" || len(hits) != 0 {
		t.Errorf("empty matcher: %q %v", got, hits)
	}
}

// TestFootnoteOrder checks that mentions are found in reading order: footnote
// definitions render at the end wherever they are written.
func TestFootnoteOrder(t *testing.T) {
	m := mustMatcher(t, testEntities)
	html, hits := convert(t, newMarkdown(), m, ModeFirst, "Intro.[^1]\n\n[^1]: Tokayev in a note.\n\nTokayev in the text.")
	if len(hits) != 2 || hits[0].Line != 5 || !hits[0].Linked || hits[1].Line != 3 || hits[1].Linked {
		t.Errorf("got %+v, want the text's mention (line 5) first and linked", hits)
	}
	if !strings.Contains(short(html), "<p>{Tokayev|actor:tokayev} in the text.</p>") {
		t.Errorf("text mention not linked:\n%s", html)
	}
}
