package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// formatter writes chroma tokens as spans with CSS classes; the colours come
// from the stylesheet CSS generates, so pages carry no inline styles.
var formatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.ClassPrefix("hl-"))

// codeRenderer renders fenced code blocks with chroma.
type codeRenderer struct{}

// RegisterFuncs implements renderer.NodeRenderer.
func (codeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, renderFencedCode)
}

func renderFencedCode(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.FencedCodeBlock)
	var code bytes.Buffer
	for i := 0; i < n.Lines().Len(); i++ {
		line := n.Lines().At(i)
		code.Write(line.Value(source))
	}
	lang := string(n.Language(source))
	lexer := lexers.Get(lang)
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code.String())
	if err != nil {
		return ast.WalkStop, fmt.Errorf("highlight %s: %w", lang, err)
	}
	if lang != "" {
		fmt.Fprintf(w, `<div class="code" data-lang="%s">`, util.EscapeHTML([]byte(strings.ToLower(lang))))
	} else {
		w.WriteString(`<div class="code">`)
	}
	if err := formatter.Format(w, styles.Fallback, it); err != nil {
		return ast.WalkStop, err
	}
	w.WriteString("</div>\n")
	return ast.WalkSkipChildren, nil
}

// CSS returns the stylesheet for highlighted code in the named chroma style,
// with a dark variant under prefers-color-scheme. An unknown style is an error.
func CSS(style string) ([]byte, error) {
	light := styles.Get(style)
	if light == nil || (light == styles.Fallback && style != styles.Fallback.Name) {
		return nil, fmt.Errorf("unknown highlight style %q (try github, monokai, dracula)", style)
	}
	var buf bytes.Buffer
	if err := formatter.WriteCSS(&buf, light); err != nil {
		return nil, fmt.Errorf("write %s stylesheet: %w", style, err)
	}
	buf.WriteString("@media (prefers-color-scheme: dark) {\n")
	if err := formatter.WriteCSS(&buf, styles.Get("github-dark")); err != nil {
		return nil, fmt.Errorf("write dark stylesheet: %w", err)
	}
	buf.WriteString("}\n")
	return buf.Bytes(), nil
}
