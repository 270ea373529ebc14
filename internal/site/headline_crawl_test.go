package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"maps"
	"path"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The crawler of TestHeadlineVerdictsCrawl: it finds every occurrence of a
// rated title (an article title holding claims) in a built site's HTML,
// feeds and JSON, and checks that its verdicts go with it.

// ratedTitle is an article title with the verdicts of the claims anchored
// in it, as data/dossier.json gives them.
type ratedTitle struct {
	title  string
	ids    []string // verdict ids
	labels []string
}

// ratedTitles reads the rated titles of a built site from its data export.
func ratedTitles(t *testing.T, files map[string][]byte) []ratedTitle {
	t.Helper()
	var articles []struct {
		Title    string
		Verdicts []struct{ Verdict, Label string }
	}
	if err := json.Unmarshal(files["data/articles.json"], &articles); err != nil {
		t.Fatal(err)
	}
	var out []ratedTitle
	for _, a := range articles {
		if len(a.Verdicts) == 0 {
			continue
		}
		r := ratedTitle{title: a.Title}
		for _, v := range a.Verdicts {
			r.ids, r.labels = append(r.ids, v.Verdict), append(r.labels, v.Label)
		}
		out = append(out, r)
	}
	if len(out) == 0 {
		t.Fatal("no article has claims in its title")
	}
	return out
}

// crawlHeadlines checks every file of a built site and returns the number
// of occurrences of rated titles it checked.
func crawlHeadlines(t *testing.T, files map[string][]byte, titles []ratedTitle) int {
	t.Helper()
	var verdictIndex []string // the search manifest's verdict ids
	if b, ok := files["search/index.json"]; ok {
		var man struct{ Verdicts [][]string }
		if err := json.Unmarshal(b, &man); err != nil {
			t.Fatal(err)
		}
		for _, v := range man.Verdicts {
			verdictIndex = append(verdictIndex, v[0])
		}
	}
	n := 0
	for _, name := range slices.Sorted(maps.Keys(files)) {
		data := files[name]
		if !slices.ContainsFunc(titles, func(r ratedTitle) bool { return bytes.Contains(data, []byte(r.title)) }) {
			continue
		}
		c := &crawler{t: t, file: name, titles: titles, verdictIndex: verdictIndex}
		switch path.Ext(name) {
		case ".html":
			c.html(data)
		case ".xml":
			c.xml(data)
		case ".json":
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Errorf("%s: %v", name, err)
				continue
			}
			c.json(v, nil)
		default:
			t.Errorf("%s holds a rated title, and nothing checks it", name)
		}
		n += c.n
	}
	return n
}

type crawler struct {
	t            *testing.T
	file         string
	titles       []ratedTitle
	verdictIndex []string
	n            int
}

// in returns the rated titles that s holds.
func (c *crawler) in(s string) []ratedTitle {
	s = strings.Join(strings.Fields(s), " ")
	var out []ratedTitle
	for _, r := range c.titles {
		if strings.Contains(s, r.title) {
			out = append(out, r)
		}
	}
	return out
}

// labelled checks that a text holding rated titles names their verdicts.
func (c *crawler) labelled(where, s string) {
	for _, r := range c.in(s) {
		c.n++
		for _, l := range r.labels {
			if !strings.Contains(s, l) {
				c.t.Errorf("%s: %s holds %q without its verdict %q: %q", c.file, where, r.title, l, s)
			}
		}
	}
}

// containers are the elements whose content must hold a title's badges
// along with the title.
var containers = map[string]bool{"li": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"dd": true, "dt": true, "p": true, "td": true, "th": true, "figcaption": true, "caption": true, "summary": true}

func (c *crawler) html(data []byte) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		c.t.Fatalf("%s: %v", c.file, err)
	}
	c.node(doc)
}

// node checks n's attributes, and n itself when it is the smallest element
// holding a rated title; it returns n's text.
func (c *crawler) node(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	for _, a := range n.Attr {
		c.labelled("attribute "+a.Key+" of <"+n.Data+">", a.Val)
	}
	if n.Type == html.ElementNode && n.Data == "script" {
		text := textOf(n)
		if len(c.in(text)) > 0 {
			var v any
			if err := json.Unmarshal([]byte(text), &v); err != nil {
				c.t.Errorf("%s: a script holds a rated title and is no JSON: %v", c.file, err)
			}
			c.json(v, nil)
		}
		return ""
	}
	var text strings.Builder
	inChild := false
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		s := c.node(ch)
		inChild = inChild || (ch.Type == html.ElementNode && len(c.in(s)) > 0)
		text.WriteString(s)
	}
	if n.Type == html.ElementNode && !inChild {
		if rs := c.in(text.String()); len(rs) > 0 {
			c.badged(n, rs)
		}
	}
	return text.String()
}

// badged checks that the container around n holds a badge of every verdict
// of the titles in it (the <title> names them in words).
func (c *crawler) badged(n *html.Node, rs []ratedTitle) {
	box := n
	for box != nil && !containers[box.Data] && box.Data != "title" {
		box = box.Parent
	}
	if box == nil {
		c.n += len(rs)
		c.t.Errorf("%s: <%s> holds %q outside any list item, heading or paragraph", c.file, n.Data, rs[0].title)
		return
	}
	if box.Data == "title" {
		c.labelled("<title>", textOf(box))
		return
	}
	badges := map[string]bool{}
	var walk func(*html.Node)
	walk = func(x *html.Node) {
		if x.Type == html.ElementNode && strings.Contains(" "+attrVal(x, "class")+" ", " badge ") {
			badges[attrVal(x, "data-status")] = true
		}
		for ch := x.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(box)
	for _, r := range rs {
		c.n++
		for _, id := range r.ids {
			if !badges[id] {
				c.t.Errorf("%s: <%s> holds %q without a %q badge: %q", c.file, box.Data, r.title, id, textOf(box))
			}
		}
	}
}

// attrVal is n's attribute key, "" when it has none.
func attrVal(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// xml checks that each feed element holding a rated title names its verdicts.
func (c *crawler) xml(data []byte) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var name []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			c.t.Fatalf("%s: %v", c.file, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			name = append(name, tok.Name.Local)
			for _, a := range tok.Attr {
				c.labelled("attribute "+a.Name.Local, a.Value)
			}
		case xml.EndElement:
			name = name[:len(name)-1]
		case xml.CharData:
			c.labelled("<"+strings.Join(name, "/")+">", string(tok))
		}
	}
}

// json checks every string holding a rated title: the object holding it,
// or the one holding that (an article's source), carries the verdicts; a
// search document ([kind, id, title, snippet, verdicts, paraphrase?]) lists
// them.
func (c *crawler) json(v any, up []any) {
	switch v := v.(type) {
	case map[string]any:
		for _, k := range slices.Sorted(maps.Keys(v)) {
			c.json(v[k], append(up, v))
		}
	case []any:
		for _, x := range v {
			c.json(x, append(up, v))
		}
	case string:
		for _, r := range c.in(v) {
			c.n++
			if !c.carries(r, up) {
				c.t.Errorf("%s: %q is in JSON without its verdicts %v", c.file, v, r.ids)
			}
		}
	}
}

func (c *crawler) carries(r ratedTitle, up []any) bool {
	if len(up) == 0 {
		return false
	}
	if doc, ok := up[len(up)-1].([]any); ok && strings.HasPrefix(c.file, "search/d/") && len(doc) >= 5 {
		list, _ := doc[4].([]any)
		for _, id := range r.ids {
			if !slices.ContainsFunc(list, func(x any) bool {
				i, ok := x.(float64)
				return ok && int(i) < len(c.verdictIndex) && c.verdictIndex[int(i)] == id
			}) {
				return false
			}
		}
		return true
	}
	for i := len(up) - 1; i >= 0 && i >= len(up)-2; i-- {
		obj, ok := up[i].(map[string]any)
		if !ok {
			continue
		}
		b, _ := json.Marshal(obj)
		if !slices.ContainsFunc(r.ids, func(id string) bool { return !bytes.Contains(b, []byte(`"`+id+`"`)) }) ||
			!slices.ContainsFunc(r.labels, func(l string) bool { return !bytes.Contains(b, []byte(`"`+l+`"`)) }) {
			return true
		}
	}
	return false
}
