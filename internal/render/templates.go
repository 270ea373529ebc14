package render

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/internal/diag"
)

// Overlay returns a file system that serves top's files and falls back to bottom's.
// A nil top is the same as bottom alone.
func Overlay(top, bottom fs.FS) fs.FS { return overlayFS{top, bottom} }

type overlayFS struct{ top, bottom fs.FS }

func (o overlayFS) Open(name string) (fs.File, error) {
	if o.top != nil {
		if f, err := o.top.Open(name); err == nil {
			return f, nil
		}
	}
	return o.bottom.Open(name)
}

// files lists the regular files of both layers, each name once, sorted.
func (o overlayFS) files() ([]string, error) {
	var names []string
	for _, layer := range []fs.FS{o.top, o.bottom} {
		if layer == nil {
			continue
		}
		err := fs.WalkDir(layer, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
				names = append(names, p)
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	slices.Sort(names)
	return slices.Compact(names), nil
}

// Templates holds the parsed page templates: one set per page template, each
// with the layout and partials (files starting with "_" and layout.html).
type Templates struct {
	pages  map[string]*template.Template // page name → that page's template in its own set
	shared *template.Template            // the layout and partials alone
	// partials holds shared's templates by name, looked up once.
	partials map[string]*template.Template
}

// ParseTemplates parses every *.html template of fsys, where a page template
// is any file that is not a partial. Problems come back as diagnostics at
// templates/NAME:LINE.
func ParseTemplates(fsys fs.FS, funcs template.FuncMap) (*Templates, diag.List) {
	var diags diag.List
	names, err := fsList(fsys)
	if err != nil {
		diags.Errorf(diag.Pos{File: "templates"}, diag.Template, "", "read templates: %v", err)
		return nil, diags
	}
	shared := template.New("").Funcs(funcs)
	var pages []string
	for _, name := range names {
		if !isPartial(name) {
			pages = append(pages, name)
			continue
		}
		if err := parseOne(shared, fsys, name); err != nil {
			diags.Add(templateDiagnostic(name, err))
		}
	}
	t := &Templates{pages: map[string]*template.Template{}, shared: shared,
		partials: map[string]*template.Template{}}
	for _, tmpl := range shared.Templates() {
		t.partials[tmpl.Name()] = tmpl
	}
	for _, name := range pages {
		set, err := shared.Clone()
		if err == nil {
			err = parseOne(set, fsys, name)
		}
		if err != nil {
			diags.Add(templateDiagnostic(name, err))
			continue
		}
		t.pages[name] = set.Lookup(name)
	}
	return t, diags
}

func fsList(fsys fs.FS) ([]string, error) {
	if o, ok := fsys.(overlayFS); ok {
		return o.files()
	}
	return overlayFS{bottom: fsys}.files()
}

func isPartial(name string) bool {
	base := path.Base(name)
	return base == "layout.html" || strings.HasPrefix(base, "_")
}

func parseOne(set *template.Template, fsys fs.FS, name string) error {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	_, err = set.New(name).Parse(string(src))
	return err
}

// Has reports whether a page template exists.
func (t *Templates) Has(name string) bool { return t.pages[name] != nil }

// Execute runs the page template name with data; the layout wraps it. A
// *Page gets its precomputed fields first (see prepare).
func (t *Templates) Execute(w interface{ Write([]byte) (int, error) }, name string, data any) error {
	tmpl := t.pages[name]
	if tmpl == nil {
		return fmt.Errorf("no template %s", name)
	}
	if p, ok := data.(*Page); ok {
		if err := p.prepare(); err != nil {
			return err
		}
	}
	return tmpl.Execute(w, data)
}

// ExecutePartial runs one partial (a {{define}} of a partial file) with data.
func (t *Templates) ExecutePartial(w interface{ Write([]byte) (int, error) }, name string, data any) error {
	if tmpl := t.partials[name]; tmpl != nil {
		return tmpl.Execute(w, data)
	}
	return t.shared.ExecuteTemplate(w, name, data)
}

// parseErrorLine finds "NAME:LINE:" in a text/template parse error, which has
// no typed form; html/template's typed *template.Error is preferred below.
var parseErrorLine = regexp.MustCompile(`:(\d+):`)

// execErrorPlace finds "template: FILE:LINE:COL: " at the start of a
// template's failure to execute.
var execErrorPlace = regexp.MustCompile(`^template: ([^:]+):(\d+):(\d+): `)

func templateDiagnostic(name string, err error) diag.Diagnostic {
	d := diag.Diagnostic{Pos: diag.Pos{File: "templates/" + name}, Severity: diag.Error, Code: diag.Template,
		Msg: err.Error(), Hint: "see the html/template documentation for the syntax"}
	var terr *template.Error
	if errors.As(err, &terr) && terr.Line > 0 {
		d.Pos.Line = terr.Line
		d.Msg = terr.Description
		return d
	}
	if m := execErrorPlace.FindStringSubmatch(d.Msg); m != nil {
		// The place is that of the failing node: in a layout or partial
		// file as often as in the page's own template.
		d.Pos.File = "templates/" + m[1]
		d.Pos.Line, _ = strconv.Atoi(m[2])
		d.Pos.Col, _ = strconv.Atoi(m[3])
		d.Msg = d.Msg[len(m[0]):]
	} else if loc := parseErrorLine.FindStringSubmatchIndex(err.Error()); loc != nil {
		d.Pos.Line, _ = strconv.Atoi(err.Error()[loc[2]:loc[3]])
		if strings.HasPrefix(d.Msg, "template: ") {
			d.Msg = strings.TrimSpace(err.Error()[loc[1]:])
		}
	}
	if _, field, ok := strings.Cut(d.Msg, "can't evaluate field "); ok {
		field, _, _ = strings.Cut(field, " ")
		d.Hint = field + " is not in this template's data: docs/theming.md lists what each template receives"
		if field == "HTML" {
			d.Hint = `.HTML "kind:id" is now .Body with the object, as in {{.Body $a}} (docs/theming.md)`
		}
	}
	return d
}
