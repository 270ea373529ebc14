package markdown

import (
	"bytes"
	"fmt"
	"strings"
	"sync"

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
var formatter = chromahtml.New(chromahtml.WithClasses(true), chromahtml.ClassPrefix(classPrefix))

// classPrefix starts every CSS class of highlighted code.
const classPrefix = "hl-"

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
	lang := n.Language(source)
	h := highlighterFor(lang)
	it, err := h.lexer.Tokenise(nil, codeText(n, source))
	if err != nil {
		return ast.WalkStop, fmt.Errorf("highlight %s: %w", lang, err)
	}
	w.WriteString(h.open)
	if err := formatter.Format(w, styles.Fallback, it); err != nil {
		return ast.WalkStop, fmt.Errorf("highlight %s: %w", lang, err)
	}
	w.WriteString("</div>\n")
	return ast.WalkSkipChildren, nil
}

// codeText returns the text of a code block's lines.
func codeText(n ast.Node, source []byte) string {
	lines := n.Lines()
	size := 0
	for i := range lines.Len() {
		seg := lines.At(i)
		size += seg.Len()
	}
	var code strings.Builder
	code.Grow(size)
	for i := range lines.Len() {
		line := lines.At(i)
		code.Write(line.Value(source))
	}
	return code.String()
}

// highlighter is what highlighting code of one language needs.
type highlighter struct {
	lexer chroma.Lexer // coalescing
	open  string       // the wrapper's start tag
}

// highlighters caches a highlighter by language name (as written after the fence).
var highlighters = struct {
	sync.RWMutex
	m map[string]*highlighter
}{m: map[string]*highlighter{}}

// highlighterFor returns the highlighter of a language, the plain-text one if
// chroma does not know it.
func highlighterFor(lang []byte) *highlighter {
	highlighters.RLock()
	h, ok := highlighters.m[string(lang)]
	highlighters.RUnlock()
	if ok {
		return h
	}
	name := string(lang)
	lexer := lexers.Get(name)
	if lexer == nil {
		lexer = lexers.Fallback
	}
	h = &highlighter{lexer: chroma.Coalesce(lexer), open: `<div class="code">`}
	if name != "" {
		h.open = fmt.Sprintf(`<div class="code" data-lang="%s">`, util.EscapeHTML([]byte(strings.ToLower(name))))
	}
	if len(name) <= maxLangLen {
		highlighters.Lock()
		highlighters.m[name] = h
		highlighters.Unlock()
	}
	return h
}

// maxLangLen bounds the names cached, so odd info strings do not fill the cache.
const maxLangLen = 32

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
