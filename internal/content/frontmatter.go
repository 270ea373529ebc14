package content

import (
	"bytes"
	"strings"

	"github.com/dossier-dev/dossier/internal/diag"
)

// format is the language of a file's front matter.
type format int

const (
	formatTOML format = iota // between "+++" lines
	formatYAML               // between "---" lines
)

// fence returns the line that opens and closes front matter in f.
func (f format) fence() string {
	if f == formatYAML {
		return "---"
	}
	return "+++"
}

// String names the language, for messages.
func (f format) String() string {
	if f == formatYAML {
		return "YAML"
	}
	return "TOML"
}

// split is a file cut into its front matter and its body.
type split struct {
	format   format
	front    string // the lines between the fences, LF-terminated, CRs dropped
	body     []byte // everything after the closing fence, CRLF turned into LF
	bodyLine int    // the file line on which body starts
}

// frontLine is the file line of the front matter's first line: the opening
// fence is line 1.
const frontLine = 2

var utf8BOM = []byte("\xef\xbb\xbf")

// splitFile separates front matter from body. It reports a file without
// front matter, or whose front matter is never closed.
func splitFile(path string, src []byte) (*split, diag.List) {
	var diags diag.List
	start := diag.Pos{File: path, Line: 1, Col: 1}
	src = bytes.TrimPrefix(src, utf8BOM)
	first, rest, _ := cutLine(src)
	s := &split{}
	switch trimLine(first) {
	case "+++":
		s.format = formatTOML
	case "---":
		s.format = formatYAML
	default:
		diags.Errorf(start, diag.Syntax,
			`start the file with a line "+++", then keys such as title = "…", then a closing "+++" line (or "---" lines around YAML)`,
			"no front matter")
		return nil, diags
	}
	var front strings.Builder
	line := frontLine
	for len(rest) > 0 {
		var l []byte
		l, rest, _ = cutLine(rest)
		if trimLine(l) == s.format.fence() {
			s.front = front.String()
			if len(rest) > 0 {
				s.body = bytes.ReplaceAll(rest, []byte("\r\n"), []byte("\n"))
			}
			s.bodyLine = line + 1
			return s, nil
		}
		front.Write(bytes.TrimSuffix(l, []byte("\r")))
		front.WriteByte('\n')
		line++
	}
	diags.Errorf(start, diag.Syntax,
		`end the front matter with a line "`+s.format.fence()+`"`, "front matter is not closed")
	return nil, diags
}

// cutLine returns the first line of b without its "\n", and what follows it.
func cutLine(b []byte) (line, rest []byte, found bool) {
	return bytes.Cut(b, []byte("\n"))
}

// trimLine drops the trailing white space (and CR) of a fence line.
func trimLine(l []byte) string {
	return string(bytes.TrimRight(l, " \t\r"))
}
