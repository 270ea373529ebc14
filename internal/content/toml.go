package content

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/dossier-dev/dossier/internal/diag"
)

// readTOML decodes TOML front matter into a value tree: BurntSushi/toml
// decodes the text, and scanTOML finds the positions of its keys and values.
// It returns nil and a syntax error when the decoder rejects the text.
func readTOML(path, front string) (root *value, diags diag.List) {
	var m map[string]any
	if err := decodeSafely(func() error { _, err := toml.Decode(front, &m); return err }); err != nil {
		diags.Add(tomlSyntax(path, front, err))
		return nil, diags
	}
	b := &tomlTree{file: path, pos: scanTOML(front)}
	return b.table(m, "", diag.Pos{File: path, Line: 1, Col: 1}), nil
}

// decodeSafely runs a decoder, turning a panic inside it into an error so that
// no input can crash a build.
func decodeSafely(decode func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("decoder failure: %v", r)
		}
	}()
	return decode()
}

// tomlSyntax turns the decoder's error into a diagnostic at its position,
// taken from the typed toml.ParseError.
func tomlSyntax(path, front string, err error) diag.Diagnostic {
	d := diag.Diagnostic{
		Pos: diag.Pos{File: path, Line: 1, Col: 1}, Severity: diag.Error, Code: diag.Syntax,
		Msg:  "TOML: " + err.Error(),
		Hint: `check the TOML near here: strings in quotes, tables as [name], lists as [a, b]`,
	}
	var pe toml.ParseError
	if errors.As(err, &pe) {
		d.Msg = "TOML: " + pe.Message
		d.Pos = fileLineCol(path, errorAt(front, pe.Position))
	}
	return d
}

// errorAt converts a decoder position to a line and byte column, preferring
// the byte offset, which points at the offending byte itself.
func errorAt(front string, p toml.Position) lineCol {
	if p.Start < 0 || p.Start > len(front) {
		return lineCol{p.Line, p.Col}
	}
	before := front[:p.Start]
	line := strings.Count(before, "\n") + 1
	return lineCol{line, p.Start - strings.LastIndexByte(before, '\n')}
}

// fileLineCol turns a front-matter position into a file position.
func fileLineCol(path string, lc lineCol) diag.Pos {
	if lc.line <= 0 {
		return diag.Pos{File: path, Line: 1, Col: 1}
	}
	return diag.Pos{File: path, Line: lc.line + frontLine - 1, Col: max(lc.col, 1)}
}

// tomlTree builds the value tree from the decoded map and the scanned positions.
type tomlTree struct {
	file string
	pos  tomlPositions
}

// at returns the file position recorded in m for path, or else fallback.
func (b *tomlTree) at(m map[string]lineCol, path string, fallback diag.Pos) diag.Pos {
	if lc, ok := m[path]; ok {
		return fileLineCol(b.file, lc)
	}
	return fallback
}

func (b *tomlTree) table(m map[string]any, path string, pos diag.Pos) *value {
	v := &value{kind: tableValue, pos: pos}
	for name, x := range m {
		p := join(path, name)
		val := b.value(x, p, pos)
		v.fields = append(v.fields, &field{name: name, key: b.at(b.pos.keys, p, val.pos), val: val})
	}
	sortFields(v.fields)
	return v
}

func (b *tomlTree) value(x any, path string, parent diag.Pos) *value {
	pos := b.at(b.pos.vals, path, parent)
	switch x := x.(type) {
	case map[string]any:
		return b.table(x, path, pos)
	case []map[string]any:
		v := &value{kind: listValue, pos: pos}
		for i, t := range x {
			p := join(path, strconv.Itoa(i))
			v.items = append(v.items, b.table(t, p, b.at(b.pos.vals, p, pos)))
		}
		return v
	case []any:
		v := &value{kind: listValue, pos: pos}
		for i, e := range x {
			v.items = append(v.items, b.value(e, join(path, strconv.Itoa(i)), pos))
		}
		return v
	}
	return &value{kind: scalarValue, pos: pos, scalar: x}
}
