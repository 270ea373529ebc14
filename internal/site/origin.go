package site

import (
	"bytes"
	"io/fs"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"
	"text/template/parse"

	root "github.com/dossier-dev/dossier"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/linkcheck"
	"github.com/dossier-dev/dossier/internal/render"
)

// origins finds where the editor wrote what a link of the output came from:
// a Markdown body, a front-matter string (written as a link, or as data a
// template turns into one) or a template's own text. Positions come from
// the content's front-matter tree, the body's first line and the
// templates' parse trees.
type origins struct {
	sources []*content.Raw          // every content file that parses, by path
	pages   map[string]*content.Raw // "articles/x", "claims/c1" … → the file behind that page
	spots   []templateSpot          // the literal text and strings of the templates
}

// templateSpot is a piece of template text, or a string constant, and
// where it is written.
type templateSpot struct {
	file string // "templates/layout.html"
	line int
	text string
	str  bool // a string constant (an argument), not output text
}

// newOrigins reads the content files and templates of src.
func newOrigins(src fs.FS) *origins {
	o := &origins{pages: map[string]*content.Raw{}}
	paths, _ := content.Files(src)
	for _, p := range paths {
		b, err := fs.ReadFile(src, p)
		if err != nil {
			continue
		}
		if s := content.ReadRaw(p, b); s != nil {
			o.add(s)
		}
	}
	o.spots = templateSpots(subOrNil(src, "templates"))
	return o
}

// add indexes s under the pages it is behind: its own, and for an article
// those of its claims and quotes.
func (o *origins) add(s *content.Raw) {
	o.sources = append(o.sources, s)
	kind, _ := content.KindOf(s.Path)
	o.pages[string(kind)+"/"+strings.TrimSuffix(path.Base(s.Path), ".md")] = s
	if kind != content.KindArticle {
		return
	}
	for _, f := range s.Strings {
		for _, list := range []string{"claims", "quotes"} {
			if rest, ok := strings.CutPrefix(f.Key, list+"."); ok && strings.HasSuffix(rest, ".id") && strings.Count(rest, ".") == 1 {
				o.pages[list+"/"+f.Value] = s
			}
		}
	}
}

// locate returns where the link behind p was written: every place in the
// content file behind p's page, else in the templates, else in any content
// file. It returns nil when the link is found nowhere.
func (o *origins) locate(p linkcheck.Problem) []diag.Pos {
	page := strings.SplitN(p.Pos.File, "/", 3)
	own := (*content.Raw)(nil)
	if len(page) == 3 {
		own = o.pages[page[0]+"/"+page[1]]
	}
	if own != nil {
		if at := inSource(own, p); len(at) > 0 {
			return at
		}
	}
	if at := o.inTemplates(p); len(at) > 0 {
		return at
	}
	var all []diag.Pos
	for _, s := range o.sources {
		if s != own {
			all = append(all, inSource(s, p)...)
		}
	}
	return all
}

// inSource finds the link in a content file: in the body (at the URL's line
// and column), else in a front-matter string that is the URL, contains it
// (Markdown in a field) or names the target a template built it from (at
// that key).
func inSource(s *content.Raw, p linkcheck.Problem) []diag.Pos {
	var at []diag.Pos
	for _, u := range spellings(p.URL) {
		for i := 0; ; {
			j := bytes.Index(s.Body[i:], []byte(u))
			if j < 0 {
				break
			}
			i += j
			line := bytes.Count(s.Body[:i], []byte("\n"))
			col := i - (bytes.LastIndexByte(s.Body[:i], '\n') + 1) + 1
			at = append(at, diag.Pos{File: s.Path, Line: s.BodyLine + line, Col: col})
			i += len(u)
		}
		if len(at) > 0 {
			return at
		}
	}
	for _, f := range s.Strings {
		if writes(f.Value, p) {
			at = append(at, f.Pos)
		}
	}
	return at
}

// writes reports whether a front-matter or template string v is where the
// link came from: the URL itself, text containing it, or the site path of
// the file it names (as a template's URL function takes it).
func writes(v string, p linkcheck.Problem) bool {
	v = strings.TrimSpace(v)
	if v == "" {
		return false
	}
	for _, u := range spellings(p.URL) {
		if strings.Contains(v, u) {
			return true
		}
	}
	return p.Target != "" && namesFile(v, p.Target)
}

// namesFile reports whether v, a path as given to a template's URL function
// ("img/x.png", "/articles/y/"), is the output file target.
func namesFile(v, target string) bool {
	if strings.Contains(v, "://") || strings.ContainsAny(v, " \n") {
		return false
	}
	v = strings.TrimPrefix(v, "/")
	return v == target || v+"index.html" == target || v+"/index.html" == target
}

// spellings are the ways the URL of a link may be written in its source:
// as it is in the output, with its escapes undone, with its ampersands
// escaped.
func spellings(u string) []string {
	u = strings.TrimSpace(u)
	if u == "" {
		return nil
	}
	out := []string{u}
	if un, err := url.PathUnescape(u); err == nil && un != u {
		out = append(out, un)
	}
	if strings.Contains(u, "&") {
		out = append(out, strings.ReplaceAll(u, "&", "&amp;")) // as written in raw HTML
	}
	return out
}

// inTemplates finds the link in the templates: output text containing it,
// or a string constant naming it, at templates/NAME:LINE.
func (o *origins) inTemplates(p linkcheck.Problem) []diag.Pos {
	var at []diag.Pos
	for _, s := range o.spots {
		hit := false
		if s.str {
			hit = writes(s.text, p)
		} else {
			for _, u := range spellings(p.URL) {
				if i := strings.Index(s.text, u); i >= 0 {
					at = append(at, diag.Pos{File: s.file, Line: s.line + strings.Count(s.text[:i], "\n")})
					break
				}
			}
		}
		if hit {
			at = append(at, diag.Pos{File: s.file, Line: s.line})
		}
	}
	return slices.CompactFunc(at, func(a, b diag.Pos) bool { return a == b })
}

// templateSpots parses every template (the site's own, site, over the
// defaults) and lists its text and string constants with their lines.
func templateSpots(site fs.FS) []templateSpot {
	fsys := render.Overlay(site, root.Templates())
	var spots []templateSpot
	names := map[string]bool{}
	for _, layer := range []fs.FS{site, root.Templates()} {
		if layer == nil {
			continue
		}
		fs.WalkDir(layer, ".", func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() && strings.HasSuffix(p, ".html") {
				names[p] = true
			}
			return nil
		})
	}
	for _, name := range slices.Sorted(maps.Keys(names)) {
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue
		}
		spots = append(spots, spotsOf("templates/"+name, string(src))...)
	}
	return spots
}

// spotsOf parses one template file; a file that does not parse has no
// spots (its error is reported by the build).
func spotsOf(file, text string) []templateSpot {
	t := parse.New(file)
	t.Mode = parse.SkipFuncCheck
	trees := map[string]*parse.Tree{}
	if _, err := t.Parse(text, "", "", trees); err != nil {
		return nil
	}
	var spots []templateSpot
	lineOf := func(n parse.Node) int { return 1 + strings.Count(text[:min(int(n.Position()), len(text))], "\n") }
	for _, tree := range trees {
		walkNodes(tree.Root, func(n parse.Node) {
			switch n := n.(type) {
			case *parse.TextNode:
				spots = append(spots, templateSpot{file: file, line: lineOf(n), text: string(n.Text)})
			case *parse.StringNode:
				spots = append(spots, templateSpot{file: file, line: lineOf(n), text: n.Text, str: true})
			}
		})
	}
	slices.SortFunc(spots, func(a, b templateSpot) int { return a.line - b.line })
	return spots
}

// walkNodes calls f on n and every node under it.
func walkNodes(n parse.Node, f func(parse.Node)) {
	if n == nil {
		return
	}
	f(n)
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				walkNodes(c, f)
			}
		}
	case *parse.ActionNode:
		walkNodes(n.Pipe, f)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				walkNodes(c, f)
			}
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkNodes(a, f)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, f)
	case *parse.TemplateNode:
		walkNodes(n.Pipe, f)
	}
}

func walkBranch(b *parse.BranchNode, f func(parse.Node)) {
	walkNodes(b.Pipe, f)
	walkNodes(b.List, f)
	if b.ElseList != nil {
		walkNodes(b.ElseList, f)
	}
}
