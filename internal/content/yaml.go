package content

import (
	"errors"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v4"

	"github.com/dossier-dev/dossier/internal/diag"
)

// yamlHint is the hint of every YAML syntax error.
const yamlHint = `check the YAML near here: indent with spaces, never tabs; quote values that contain ": " or start with [ { * & ! | > ' " % @`

// readYAML decodes YAML front matter into a value tree. It returns nil and a
// diagnostic when the text is not YAML or not a mapping of keys.
func readYAML(path, front string) (*value, diag.List) {
	var diags diag.List
	if i := strings.IndexByte(front, '\r'); i >= 0 {
		// CRLF was already made LF: this CR ends a line for the YAML
		// decoder but not for editors, so their line numbers would differ.
		line := strings.Count(front[:i], "\n") + 1
		col := i - strings.LastIndexByte(front[:i], '\n')
		diags.Errorf(fileLineCol(path, lineCol{line, col}), diag.Syntax, "save the file with LF or CRLF line endings",
			"a carriage return (CR) without a line feed")
		return nil, diags
	}
	var doc yaml.Node
	if err := decodeSafely(func() error { return yaml.Unmarshal([]byte(front), &doc) }); err != nil {
		diags.Add(yamlSyntax(path, front, err))
		return nil, diags
	}
	y := &yamlTree{file: path, lines: strings.Split(front, "\n")}
	root := &value{kind: tableValue, pos: diag.Pos{File: path, Line: 1, Col: 1}}
	if len(doc.Content) == 0 {
		return root, nil // empty front matter
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		diags.Errorf(y.at(top), diag.Syntax, "write one key per line, such as title: \"…\"",
			"YAML front matter must be a mapping of keys, not %s", nodeKind(top))
		return nil, diags
	}
	root.fields = y.fields(top)
	return root, y.diags
}

// yamlSyntax turns the decoder's error into a diagnostic at its position,
// taken from the typed *yaml.LoadError.
func yamlSyntax(path, front string, err error) diag.Diagnostic {
	d := diag.Diagnostic{
		Pos: diag.Pos{File: path, Line: 1, Col: 1}, Severity: diag.Error, Code: diag.Syntax,
		Msg: "YAML: " + err.Error(), Hint: yamlHint,
	}
	var le *yaml.LoadError
	if errors.As(err, &le) {
		d.Msg = "YAML: " + le.Message
		lines := strings.Split(front, "\n")
		d.Pos = fileLineCol(path, lineCol{le.Mark.Line, byteCol(lines, le.Mark.Line, le.Mark.Column)})
	}
	return d
}

// byteCol converts the decoder's column, which counts characters, into a
// byte column like every other position.
func byteCol(lines []string, line, col int) int {
	if line < 1 || line > len(lines) || col < 1 {
		return col
	}
	s, b := lines[line-1], 0
	for range col - 1 {
		if b >= len(s) {
			return col - 1 - utf8.RuneCountInString(s) + len(s) + 1
		}
		_, n := utf8.DecodeRuneInString(s[b:])
		b += n
	}
	return b + 1
}

// yamlTree builds the value tree from the decoder's nodes.
type yamlTree struct {
	file  string
	lines []string
	diags diag.List
}

func (y *yamlTree) at(n *yaml.Node) diag.Pos {
	return fileLineCol(y.file, lineCol{n.Line, byteCol(y.lines, n.Line, n.Column)})
}

// fields converts a mapping's keys, reporting keys that are not plain names
// and keys written twice.
func (y *yamlTree) fields(m *yaml.Node) []*field {
	var out []*field
	seen := map[string]diag.Pos{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			y.diags.Errorf(y.at(k), diag.Syntax, "write keys as plain names, such as title", "YAML key must be a name, not %s", nodeKind(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			y.diags.Errorf(y.at(k), diag.Syntax, "remove one of them",
				"key %q is written twice (first at line %d)", k.Value, first.Line)
			continue
		}
		seen[k.Value] = y.at(k)
		out = append(out, &field{name: k.Value, key: y.at(k), val: y.value(v)})
	}
	return out
}

// value converts one node.
func (y *yamlTree) value(n *yaml.Node) *value {
	v := &value{pos: y.at(n)}
	switch n.Kind {
	case yaml.MappingNode:
		v.kind, v.fields = tableValue, y.fields(n)
	case yaml.SequenceNode:
		v.kind = listValue
		for _, c := range n.Content {
			v.items = append(v.items, y.value(c))
		}
	case yaml.ScalarNode:
		y.scalar(n, v)
	default:
		y.diags.Errorf(v.pos, diag.Syntax, "write the value out in full",
			"YAML %s is not supported in front matter", nodeKind(n))
	}
	return v
}

// scalar converts a scalar node by its resolved tag. Strings and unknown tags
// keep their text; numbers, booleans and dates are decoded and keep their
// text too, for keys that take a string.
func (y *yamlTree) scalar(n *yaml.Node, v *value) {
	switch n.ShortTag() {
	case "!!null":
		return // nullValue
	case "!!int", "!!float", "!!bool", "!!timestamp":
		var x any
		if err := decodeSafely(func() error { return n.Decode(&x) }); err == nil && x != nil {
			v.kind, v.scalar, v.plain, v.text = scalarValue, normalizeNumber(x), true, n.Value
			return
		}
	}
	v.kind, v.scalar = scalarValue, n.Value
}

// normalizeNumber gives YAML integers the type TOML gives them.
func normalizeNumber(x any) any {
	switch n := x.(type) {
	case int:
		return int64(n)
	case uint64:
		if n <= 1<<63-1 {
			return int64(n)
		}
		return float64(n)
	}
	return x
}

// nodeKind names a node's kind for messages.
func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "alias *" + n.Value
	case yaml.DocumentNode:
		return "a document"
	}
	return "a single value"
}
