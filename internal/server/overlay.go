package server

import (
	"bytes"
	_ "embed"
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

// overlayPayload is the "build-error" event's data: the overlay's HTML and
// the number of problems shown. first says that no build has succeeded yet,
// so there is no last good page under the overlay. Notes are left out.
func overlayPayload(dir string, list diag.List, first bool) []byte {
	list = list.Without(diag.Note)
	return payload(overlayHTML(dir, list, first), len(list))
}

// warningsPayload is the "warnings" event's data: the corner badge listing
// the warnings of a build that succeeded; nil when there are none.
func warningsPayload(dir string, list diag.List) []byte {
	list = list.Without(diag.Note)
	if len(list) == 0 {
		return nil
	}
	shown, more := items(dir, list)
	return payload(execute(badgeTemplate, map[string]any{"Items": shown, "More": more, "Warnings": len(list)}), len(list))
}

func payload(html string, count int) []byte {
	data, err := json.Marshal(map[string]any{"html": html, "count": count})
	if err != nil { // cannot happen: a string and an int
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
func overlayHTML(dir string, list diag.List, first bool) string {
	shown, more := items(dir, list)
	return execute(overlayTemplate, map[string]any{
		"Items": shown, "More": more, "Errors": list.Count(diag.Error), "Warnings": list.Count(diag.Warning), "First": first,
	})
}

// The overlay and the badge list at most maxItems diagnostics, the first
// maxSnippets with their source lines: a site with hundreds of warnings
// must not send megabytes to every page on every save (`dossier check`
// lists them all).
const (
	maxItems    = 100
	maxSnippets = 20
)

// items prepares list for a template, the first diagnostics with the source
// lines around their position; more is how many are left out.
func items(dir string, list diag.List) (shown []overlayItem, more int) {
	src := sourceReader(dir)
	n := min(len(list), maxItems)
	shown = make([]overlayItem, n)
	for i, d := range list[:n] {
		shown[i] = overlayItem{Diagnostic: d, Where: d.Pos.String()}
		if i < maxSnippets {
			shown[i].Source = snippet(src, d.Pos)
		}
	}
	return shown, len(list) - n
}

func execute(t *template.Template, data any) string {
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
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

// highlight formats code (starting at line first) as HTML with chroma's
// CSS classes (the site's policy forbids style attributes; overlayCSS holds
// the rules), line numbers and the line mark highlighted.
func highlight(lexer chroma.Lexer, code string, first, mark int) template.HTML {
	if lexer == nil {
		lexer = lexers.Fallback
	}
	it, err := chroma.Coalesce(lexer).Tokenise(nil, code)
	if err != nil {
		return template.HTML("<pre>" + template.HTMLEscapeString(code) + "</pre>")
	}
	f := chromahtml.New(append(snippetOptions,
		chromahtml.BaseLineNumber(first),
		chromahtml.HighlightLines([][2]int{{mark, mark}}))...)
	var b bytes.Buffer
	if err := f.Format(&b, overlayStyle, it); err != nil {
		return template.HTML("<pre>" + template.HTMLEscapeString(code) + "</pre>")
	}
	return template.HTML(b.String()) // chroma escapes the source text
}

// snippetOptions are the chroma options every snippet and overlayCSS share.
var snippetOptions = []chromahtml.Option{
	chromahtml.WithClasses(true),
	chromahtml.WithLineNumbers(true),
	chromahtml.WrapLongLines(true),
}

// overlayStyle is chroma's "github" style without the red background on
// error tokens: the lines shown are often the ones that do not lex. Its
// marked line is pale yellow, on which every token colour and the line
// numbers keep 4.5:1 (github's grey left keywords at 4.0:1).
var overlayStyle = func() *chroma.Style {
	s, err := styles.Get("github").Builder().
		Add(chroma.Error, "noinherit #a40e26").
		Add(chroma.LineHighlight, "bg:#fffbdd").
		Add(chroma.LineNumbers, "#57606a").
		Build()
	if err != nil {
		return styles.Get("github")
	}
	return s
}()

// overlayDarkStyle is chroma's "github-dark" style, likewise, for a reader
// whose system is dark: the snippets are then no light box on a dark panel.
// Its marked line is a darker grey than github-dark's own #6e7681, on
// which comments and keywords fell to 1.5:1 and 1.8:1; overlay.css adds a
// bar at the line's start, so the mark still stands out.
var overlayDarkStyle = func() *chroma.Style {
	s, err := styles.Get("github-dark").Builder().
		Add(chroma.Error, "noinherit #ff7b72").
		Add(chroma.LineHighlight, "bg:#21262d").
		Add(chroma.LineNumbers, "#8b949e").
		Build()
	if err != nil {
		return styles.Get("github-dark")
	}
	return s
}()

//go:embed overlay.css
var overlayRules []byte

// overlayCSS is the stylesheet of the overlay and the badge, served at
// _dossier/overlay.css: overlay.css, then chroma's rules for the snippets,
// light, and dark for a dark system.
var overlayCSS = func() []byte {
	// Each style only under its own scheme: a class that one style colours
	// and the other does not would keep the first's colour, dark on dark.
	b := bytes.NewBuffer(append([]byte(nil), overlayRules...))
	f := chromahtml.New(snippetOptions...)
	for _, s := range []struct {
		media string
		style *chroma.Style
	}{{"not (prefers-color-scheme: dark)", overlayStyle}, {"(prefers-color-scheme: dark)", overlayDarkStyle}} {
		b.WriteString("@media " + s.media + " {\n")
		if err := f.WriteCSS(b, s.style); err != nil {
			return overlayRules
		}
		b.WriteString("}\n")
	}
	return b.Bytes()
}()

// diagnosticsTemplate lists diagnostics; the overlay and the badge share it.
const diagnosticsTemplate = `{{define "list"}}<ol>{{range .}}
<li><p class="where severity-{{.Severity}}">{{if .Pos.File}}{{.Where}}: {{end}}{{.Severity}}: {{.Msg}}{{if .Code}} <span class="code">[{{.Code}}]</span>{{end}}</p>
{{- if .Hint}}<p class="hint">hint: {{.Hint}}</p>{{end}}
{{- if .Source}}<div class="source">{{.Source}}</div>{{end}}</li>{{end}}
</ol>{{end}}{{define "more"}}{{with .}}<p class="more">And {{.}} more: <code>dossier check</code> lists them all.</p>{{end}}{{end}}`

var overlayTemplate = template.Must(template.New("overlay").Parse(diagnosticsTemplate + `<div class="backdrop"></div>
<div class="panel" role="alertdialog" aria-modal="true" aria-labelledby="dossier-title" aria-describedby="dossier-desc">
<header><h1 id="dossier-title">Build failed: {{.Errors}} error{{if ne .Errors 1}}s{{end}}{{if .Warnings}}, {{.Warnings}} warning{{if ne .Warnings 1}}s{{end}}{{end}}</h1>
<button type="button" class="close" data-close aria-label="Close this report (Escape)">×</button></header>
<p id="dossier-desc" class="state">{{if .First}}No build yet: the site has not built since the server started. Fix the files below and the page appears by itself.{{else}}Showing the last good build. Fix the files below and this report goes away by itself.{{end}}</p>
{{template "list" .Items}}{{template "more" .More}}
</div>`))

var badgeTemplate = template.Must(template.New("badge").Parse(diagnosticsTemplate + `<details class="badge">
<summary>{{.Warnings}} warning{{if ne .Warnings 1}}s{{end}}</summary>
<div class="list">{{template "list" .Items}}{{template "more" .More}}</div>
</details>`))
