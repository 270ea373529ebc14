package mention

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// fakeMark stands in for the annotate extension's marks: an inline container
// of the document's own text nodes, split at the span's ends.
type fakeMark struct{ ast.BaseInline }

var kindFakeMark = ast.NewNodeKind("FakeMark")

func (n *fakeMark) Kind() ast.NodeKind { return kindFakeMark }

func (n *fakeMark) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

// fakeAnnotate marks the first occurrence of span in each paragraph whose
// ends fall inside Text nodes that are children of the paragraph. Its
// priority is higher (a smaller number) than the mention transformer's, as
// annotate's must be.
type fakeAnnotate struct{ span string }

func (f fakeAnnotate) Extend(md goldmark.Markdown) {
	md.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(f, transformerPriority-100)))
	md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(f, rendererPriority)))
}

func (f fakeAnnotate) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindFakeMark, func(w util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<mark>")
		} else {
			_, _ = w.WriteString("</mark>")
		}
		return ast.WalkContinue, nil
	})
}

func (f fakeAnnotate) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering && n.Kind() == ast.KindParagraph {
			f.mark(n, source)
		}
		return ast.WalkContinue, nil
	})
}

func (f fakeAnnotate) mark(p ast.Node, source []byte) {
	lines := p.Lines()
	if lines.Len() == 0 {
		return
	}
	from := lines.At(0).Start
	i := bytes.Index(source[from:lines.At(lines.Len()-1).Stop], []byte(f.span))
	if i < 0 {
		return
	}
	start, end := from+i, from+i+len(f.span)
	first, last := textAt(p, start), textAt(p, end-1)
	if first == nil || last == nil {
		return
	}
	if start > first.Segment.Start {
		right := splitText(first, start)
		if last == first {
			last = right
		}
		first = right
	}
	if end < last.Segment.Stop {
		splitText(last, end)
	}
	mark := &fakeMark{}
	p.InsertBefore(p, first, mark)
	for n := ast.Node(first); n != nil; {
		next := n.NextSibling()
		mark.AppendChild(mark, n)
		if n == last {
			break
		}
		n = next
	}
}

// textAt returns the child Text of p whose segment holds source offset i.
func textAt(p ast.Node, i int) *ast.Text {
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok && t.Segment.Start <= i && i < t.Segment.Stop {
			return t
		}
	}
	return nil
}

func TestInsideMarks(t *testing.T) {
	m := mustMatcher(t, testEntities)
	tests := []struct {
		name, span, src, want string
	}{
		{"name inside a claim", "CSTO, led by Tokayev", "The CSTO, led by Tokayev's ally, sent troops.",
			"<p>The <mark>{CSTO|organization:csto}, led by {Tokayev|actor:tokayev}</mark>&rsquo;s ally, sent troops.</p>"},
		{"claim is the name", "Tokayev", "Tokayev spoke.",
			"<p><mark>{Tokayev|actor:tokayev}</mark> spoke.</p>"},
		{"claim inside the name: the longer name is skipped", "Jomart Tokayev said", "Kassym-Jomart Tokayev said so.",
			"<p>Kassym-<mark>Jomart {Tokayev|actor:tokayev} said</mark> so.</p>"},
		{"claim cuts a word", "Toka", "Tokayev spoke.",
			"<p><mark>Toka</mark>yev spoke.</p>"},
		{"claim across a line", "asked\nthe CSTO", "Tokayev asked\nthe CSTO.",
			"<p>{Tokayev|actor:tokayev} <mark>asked\nthe {CSTO|organization:csto}</mark>.</p>"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			md := newMarkdown(fakeAnnotate{span: tt.span})
			got, hits := convert(t, md, m, ModeAll, tt.src)
			if got := short(got); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			for _, h := range hits {
				if !h.Linked {
					t.Errorf("hit %+v not linked in mode all", h)
				}
			}
		})
	}
}
