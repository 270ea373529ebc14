package annotate

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"github.com/dossier-dev/dossier/internal/diag"
)

var update = flag.Bool("update", false, "rewrite the expected output of the case files in testdata")

// The case files hold numbered cases in the manner of goldmark's
// extension/_test files, with two more sections:
//
//	N: description
//	//- - - - - - - - -//
//	annotations, one a line: claim ID key=value … text="…"
//	//- - - - - - - - -//
//	Markdown body
//	//- - - - - - - - -//
//	expected HTML
//	//- - - - - - - - -//
//	expected diagnostics and anchors
//	//= = = = = = = = = = = = = = = = = = = = = = = =//
//
// The test document is "x.md": a "+++" line, one line per annotation (its
// position), "+++", then the body.
const (
	sectionSep = "//- - - - - - - - -//"
	caseSep    = "//= = = = = = = = = = = = = = = = = = = = = = = =//"
)

type testCase struct {
	title                     string
	anns, body, html, results string
}

func TestCaseFiles(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no case files")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) { runCaseFile(t, f) })
	}
}

func runCaseFile(t *testing.T, file string) {
	cases, err := readCases(file)
	if err != nil {
		t.Fatal(err)
	}
	for i := range cases {
		c := &cases[i]
		t.Run(strings.Fields(c.title)[0], func(t *testing.T) {
			html, results := runCase(t, c)
			if *update {
				c.html, c.results = html, results
				return
			}
			if html != c.html {
				t.Errorf("%s\nHTML:\n%s\nwant:\n%s", c.title, html, c.html)
			}
			if results != c.results {
				t.Errorf("%s\nresults:\n%s\nwant:\n%s", c.title, results, c.results)
			}
		})
	}
	if *update {
		if err := writeCases(file, cases); err != nil {
			t.Fatal(err)
		}
	}
}

// newMarkdown configures goldmark as the site does.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer, Extension),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// runCase converts a case, checks the markup contract, and returns the HTML
// and the diagnostics and anchors as text.
func runCase(t *testing.T, c *testCase) (string, string) {
	t.Helper()
	doc := parseAnnotations(t, c.anns)
	html, pc := convert(t, doc, c.body)
	for _, a := range doc.Annotations {
		checkContract(t, html, a)
	}
	var out strings.Builder
	for _, d := range Diagnostics(pc) {
		fmt.Fprintf(&out, "%s [%s]\n", d, d.Code)
	}
	for _, a := range Anchors(pc) {
		fmt.Fprintf(&out, "anchor %s %s line %d: %q\n", a.Kind, a.ID, a.Line, a.Sentence)
	}
	return html, out.String()
}

func convert(t testing.TB, doc Document, body string) (string, parser.Context) {
	t.Helper()
	pc := parser.NewContext()
	Set(pc, doc)
	var buf bytes.Buffer
	if err := newMarkdown().Convert([]byte(body), &buf, parser.WithContext(pc)); err != nil {
		t.Fatal(err)
	}
	return buf.String(), pc
}

// parseAnnotations reads the annotation lines of a case.
func parseAnnotations(t *testing.T, s string) Document {
	t.Helper()
	doc := Document{File: "x.md"}
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if s == "" {
		lines = nil
	}
	for i, line := range lines {
		f := splitFields(t, line)
		if len(f) < 2 {
			t.Fatalf("annotation line %q: want KIND ID key=value…", line)
		}
		a := Annotation{Kind: Kind(f[0]), ID: f[1], Pos: diag.Pos{File: "x.md", Line: i + 2, Col: 1}}
		a.Href = "/" + f[0] + "s/" + f[1] + "/"
		for _, kv := range f[2:] {
			k, v, _ := strings.Cut(kv, "=")
			setField(t, &a, k, v)
		}
		doc.Annotations = append(doc.Annotations, a)
	}
	doc.BodyLine = len(lines) + 3
	return doc
}

func setField(t *testing.T, a *Annotation, k, v string) {
	if strings.HasPrefix(v, `"`) {
		var err error
		if v, err = strconv.Unquote(v); err != nil {
			t.Fatalf("%s=%s: %v", k, v, err)
		}
	}
	switch k {
	case "text":
		a.Text = v
	case "prefix":
		a.Prefix = v
	case "suffix":
		a.Suffix = v
	case "status":
		a.Status = v
	case "label":
		a.Label = v
	case "icon":
		a.Icon = v
	case "href":
		a.Href = v
	case "paraphrase":
		a.Paraphrase = v == "true"
	default:
		t.Fatalf("unknown annotation key %q", k)
	}
}

// splitFields splits on spaces outside Go-quoted strings.
func splitFields(t *testing.T, line string) []string {
	var out []string
	for line = strings.TrimSpace(line); line != ""; line = strings.TrimSpace(line) {
		end := strings.IndexByte(line, ' ')
		if eq := strings.Index(line, `="`); eq >= 0 && (end < 0 || eq < end) {
			q, err := strconv.QuotedPrefix(line[eq+1:])
			if err != nil {
				t.Fatalf("bad quoting in %q: %v", line, err)
			}
			end = eq + 1 + len(q)
		}
		if end < 0 {
			end = len(line)
		}
		out = append(out, line[:end])
		line = line[end:]
	}
	return out
}

func readCases(file string) ([]testCase, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var cases []testCase
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		c := testCase{title: sc.Text()}
		sections := make([]string, 0, 4)
		var cur []string
		for sc.Scan() && sc.Text() != caseSep {
			if sc.Text() == sectionSep {
				if len(sections) > 0 || cur != nil {
					sections = append(sections, joinLines(cur))
				}
				cur = []string{}
				continue
			}
			cur = append(cur, sc.Text())
		}
		sections = append(sections, joinLines(cur))
		if len(sections) != 4 {
			return nil, fmt.Errorf("%s: case %q has %d sections, want 4", file, c.title, len(sections))
		}
		c.anns, c.body, c.html, c.results = sections[0], sections[1], sections[2], sections[3]
		cases = append(cases, c)
	}
	return cases, sc.Err()
}

func joinLines(l []string) string {
	if len(l) == 0 {
		return ""
	}
	return strings.Join(l, "\n") + "\n"
}

func writeCases(file string, cases []testCase) error {
	var b strings.Builder
	for i, c := range cases {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(c.title + "\n")
		for _, s := range []string{c.anns, c.body, c.html, c.results} {
			b.WriteString(sectionSep + "\n" + s)
		}
		b.WriteString(caseSep + "\n")
	}
	return os.WriteFile(file, []byte(b.String()), 0o644)
}
