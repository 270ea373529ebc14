// Package markdown turns Markdown bodies into HTML for the site: goldmark with
// GFM, footnotes, typographer and heading ids, chroma highlighting with CSS
// classes, and the annotate and mention extensions. Parsing and rendering are
// separate steps, and a Converter is safe for concurrent use.
package markdown

import (
	"bytes"
	"fmt"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/markdown/annotate"
	"github.com/dossier-dev/dossier/internal/markdown/mention"
)

// Options configure a Converter.
type Options struct {
	// UnsafeHTML lets raw HTML in bodies through; off, it is replaced by a comment.
	UnsafeHTML bool
}

// Converter converts bodies. It is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
}

// New returns a Converter with the site's extensions.
func New(opts Options) *Converter {
	rendererOpts := []renderer.Option{
		// Priority 100 puts the highlighter before goldmark's own code block
		// renderer (priority 1000), so it renders fenced code blocks.
		renderer.WithNodeRenderers(util.Prioritized(codeRenderer{}, 100)),
	}
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithExtensions(gfm, extension.Footnote, extension.Typographer,
			annotate.New(), mention.New()),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
		goldmark.WithRendererOptions(rendererOpts...),
	)
	return &Converter{md: md}
}

// Input is one body to convert, with what its extensions need.
type Input struct {
	File        string // for diagnostics, e.g. content/articles/x.md
	BodyLine    int    // the file's line on which Source starts
	Source      []byte
	Annotations []annotate.Annotation // claims and quotes to mark
	Matcher     *mention.Matcher      // names to detect; nil for none
	Mentions    mention.Mode          // which detected names become links
	// SelfKind and SelfID name the entity whose own profile the body is,
	// when it is one: its own names there are neither linked nor reported
	// as mentions.
	SelfKind, SelfID string
}

// Doc is a parsed body, ready to render, and what the extensions found in
// it. It reads nothing but its Input: the same Input parses into the same
// Doc, so a host may keep a Doc while the body's file and the names do not
// change, and render it again with other Resolvers.
type Doc struct {
	in   Input
	root ast.Node
	// Anchors are the annotations anchored, in the order of Input.Annotations.
	Anchors []annotate.Anchor
	// Mentions are the names found, linked or not, in reading order.
	Mentions []mention.Hit
	// Diags are the problems anchoring found, sorted.
	Diags diag.List
}

// Resolvers give a parsed body what it shows besides its own text when it is
// rendered: how the marks of its annotations look and where its mentions
// link. A nil one leaves what was set before parsing (the Marking of each
// Input.Annotations, the Href of each mention.Entity).
type Resolvers struct {
	Annotations annotate.Resolver
	Mentions    mention.Resolver
}

// Output is a rendered body and what the extensions found in it.
type Output struct {
	HTML     []byte
	Anchors  []annotate.Anchor
	Mentions []mention.Hit
	Diags    diag.List
	// Text is the body's plain text (see PlainText), for the search index.
	Text string
}

// Parse parses in, anchoring its annotations and detecting its mentions.
func (c *Converter) Parse(in Input) *Doc {
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	annotate.Set(pc, annotate.Document{File: in.File, BodyLine: in.BodyLine, Annotations: in.Annotations})
	if in.Matcher != nil {
		mention.Set(pc, in.Matcher, in.Mentions, in.File, in.BodyLine)
		if in.SelfID != "" {
			mention.SetSelf(pc, in.SelfKind, in.SelfID)
		}
	}
	root := c.md.Parser().Parse(text.NewReader(in.Source), parser.WithContext(pc))
	doc := &Doc{in: in, root: root, Anchors: annotate.Anchors(pc), Diags: annotate.Diagnostics(pc)}
	if in.Matcher != nil {
		doc.Mentions = mention.Hits(pc)
	}
	return doc
}

// Render renders a parsed body into HTML, its marks and links as r says
// (see annotate.Bind and mention.Bind). An error of r's is returned, with
// the body's file. A Doc is rendered by one goroutine at a time.
func (c *Converter) Render(doc *Doc, r Resolvers) ([]byte, error) {
	if len(doc.Anchors) > 0 {
		if err := annotate.Bind(doc.root, r.Annotations); err != nil {
			return nil, fmt.Errorf("render %s: %w", doc.in.File, err)
		}
	}
	if len(doc.Mentions) > 0 {
		if err := mention.Bind(doc.root, r.Mentions); err != nil {
			return nil, fmt.Errorf("render %s: %w", doc.in.File, err)
		}
	}
	var buf bytes.Buffer
	buf.Grow(2 * len(doc.in.Source))
	if err := c.md.Renderer().Render(&buf, doc.in.Source, doc.root); err != nil {
		return nil, fmt.Errorf("render %s: %w", doc.in.File, err)
	}
	return buf.Bytes(), nil
}

// Convert parses and renders in one step, without resolvers.
func (c *Converter) Convert(in Input) (Output, error) {
	doc := c.Parse(in)
	html, err := c.Render(doc, Resolvers{})
	if err != nil {
		return Output{}, err
	}
	return Output{HTML: html, Anchors: doc.Anchors, Mentions: doc.Mentions, Diags: doc.Diags, Text: PlainText(doc)}, nil
}
