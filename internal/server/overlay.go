package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/alecthomas/chroma/v2"
	chromahtml "github.com/alecthomas/chroma/v2/formatters/html"
	"github.com/alecthomas/chroma/v2/lexers"
	"github.com/alecthomas/chroma/v2/styles"

	"github.com/dossier-dev/dossier/internal/diag"
)

// contextLines is how many source lines are shown before and after a diagnostic's line.
const contextLines = 3

// maxLineLen cuts very long source lines (paragraphs) in the overlay.
const maxLineLen = 400

// overlayPayload is the "build-error" event's data: the overlay's HTML.
func overlayPayload(dir string, list diag.List) []byte {
	data, err := json.Marshal(map[string]any{"html": overlayHTML(dir, list), "count": len(list)})
	if err != nil { // cannot happen: strings and ints only
		return []byte(`{"html":"build failed","count":0}`)
	}
	return data
}

// overlayItem is one diagnostic, ready for the template.
type overlayItem struct {
	diag.Diagnostic
	Where  string
	Source template.HTML
}

// overlayHTML renders the diagnostics as the overlay panel; the source lines
// around each position are read from dir and highlighted.
func overlayHTML(dir string, list diag.List) string {
	src := sourceReader(dir)
	items := make([]overlayItem, len(list))
	for i, d := range list {
		items[i] = overlayItem{Diagnostic: d, Where: d.Pos.String(), Source: snippet(src, d.Pos)}
	}
	var b strings.Builder
	err := overlayTemplate.Execute(&b, map[string]any{
		"Items": items, "Errors": list.Count(diag.Error), "Warnings": list.Count(diag.Warning),
	})
	if err != nil {
		return template.HTMLEscapeString(fmt.Sprintf("build failed; the overlay failed too: %v", err))
	}
	return b.String()
}

// sourceReader returns a function reading site files inside dir only
// (through os.Root, so a diagnostic's file name cannot leave it).
func sourceReader(dir string) func(name string) []byte {
	cache := map[string][]byte{}
	root, err := os.OpenRoot(dir)
	return func(name string) []byte {
		if err != nil || name == "" {
			return nil
		}
		if b, ok := cache[name]; ok {
			return b
		}
		b, rerr := root.ReadFile(filepath.FromSlash(name))
		if rerr != nil {
			b = nil
		}
		cache[name] = b
		return b
	}
}

// snippet highlights the lines around pos, pos's own line marked; "" when the
// file or line is unknown.
func snippet(read func(string) []byte, pos diag.Pos) template.HTML {
	if pos.Line <= 0 {
		return ""
	}
	lines := strings.Split(string(read(pos.File)), "\n")
	if pos.Line > len(lines) {
		return ""
	}
	first := max(1, pos.Line-contextLines)
	last := min(len(lines), pos.Line+contextLines)
	shown := make([]string, 0, last-first+1)
	for _, l := range lines[first-1 : last] {
		if len(l) > maxLineLen {
			l = l[:maxLineLen] + "…"
		}
		shown = append(shown, l)
	}
	return highlight(lexerFor(pos.File, lines, pos.Line), strings.Join(shown, "\n")+"\n", first, pos.Line)
}

// lexerFor picks the language of line in a file: the front matter's (TOML
// between "+++", YAML between "---") or the file's own.
func lexerFor(name string, lines []string, line int) chroma.Lexer {
	if path.Ext(name) == ".md" && len(lines) > 0 {
		fence := strings.TrimSpace(lines[0])
		if fence == "+++" || fence == "---" {
			end := len(lines)
			for i := 1; i < len(lines); i++ {
				if strings.TrimSpace(lines[i]) == fence {
					end = i + 1
					break
				}
			}
			if line <= end {
				if fence == "+++" {
					return lexers.Get("toml")
				}
				return lexers.Get("yaml")
			}
		}
	}
	if l := lexers.Match(path.Base(name)); l != nil {
		return l
	}
	return lexers.Fallback
}

// highlight formats code (starting at line first) as HTML with inline
// styles, line numbers and the line mark highlighted.
func highlight(lexer chroma.Lexer, code string, first, mark int) template.HTML {
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return template.HTML("<pre>" + template.HTMLEscapeString(code) + "</pre>")
	}
	f := chromahtml.New(
		chromahtml.WithLineNumbers(true),
		chromahtml.BaseLineNumber(first),
		chromahtml.HighlightLines([][2]int{{mark, mark}}),
		chromahtml.WrapLongLines(true),
	)
	var b bytes.Buffer
	if err := f.Format(&b, overlayStyle, it); err != nil {
		return template.HTML("<pre>" + template.HTMLEscapeString(code) + "</pre>")
	}
	return template.HTML(b.String()) // chroma escapes the source text
}

// overlayStyle is chroma's "github" style without the red background on
// error tokens: the lines shown are often the ones that do not lex.
var overlayStyle = func() *chroma.Style {
	s, err := styles.Get("github").Builder().Add(chroma.Error, "noinherit #a40e26").Build()
	if err != nil {
		return styles.Get("github")
	}
	return s
}()

var overlayTemplate = template.Must(template.New("overlay").Parse(`<style>
:host { all: initial; position: fixed; inset: 0; z-index: 2147483647; display: block; }
.backdrop { position: absolute; inset: 0; background: rgba(20, 20, 20, .55); }
.panel { position: absolute; inset: 2rem; overflow: auto; background: #fff; color: #1f2328;
  font: 15px/1.5 system-ui, sans-serif; border-top: 6px solid #c62828; border-radius: 6px;
  padding: 1.25rem 1.5rem; box-shadow: 0 8px 32px rgba(0,0,0,.4); }
@media (max-width: 40rem) { .panel { inset: 0; border-radius: 0; } }
header { display: flex; justify-content: space-between; align-items: flex-start; gap: 1rem; }
h1 { font-size: 1.25rem; margin: 0; color: #a40e26; }
button { font: inherit; font-size: 1.5rem; line-height: 1; padding: .25rem .6rem; cursor: pointer;
  background: #f6f8fa; color: #1f2328; border: 1px solid #8c959f; border-radius: 6px; }
button:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
ol { padding: 0; list-style: none; }
li { margin: 1.25rem 0; }
.where { font-family: ui-monospace, monospace; font-weight: 600; margin: 0; }
.severity-error { color: #a40e26; }
.severity-warning { color: #7d4e00; }
.code { color: #57606a; font-weight: normal; }
.hint { margin: .25rem 0 0; }
.source { margin-top: .5rem; font-size: 13px; border: 1px solid #d0d7de; border-radius: 6px; overflow: auto; }
.source pre { margin: 0; padding: .5rem 0; }
</style>
<div class="backdrop"></div>
<div class="panel" role="alertdialog" aria-modal="true" aria-labelledby="dossier-title" aria-describedby="dossier-desc">
<header><h1 id="dossier-title">Build failed: {{.Errors}} error{{if ne .Errors 1}}s{{end}}{{if .Warnings}}, {{.Warnings}} warning{{if ne .Warnings 1}}s{{end}}{{end}}</h1>
<button type="button" data-close aria-label="Close this report">×</button></header>
<p id="dossier-desc">This page is the last good build. Fix the files below and this report goes away by itself.</p>
<ol>{{range .Items}}
<li><p class="where severity-{{.Severity}}">{{if .Pos.File}}{{.Where}}: {{end}}{{.Severity}}: {{.Msg}}{{if .Code}} <span class="code">[{{.Code}}]</span>{{end}}</p>
{{- if .Hint}}<p class="hint">hint: {{.Hint}}</p>{{end}}
{{- if .Source}}<div class="source">{{.Source}}</div>{{end}}</li>{{end}}
</ol>
</div>`))
