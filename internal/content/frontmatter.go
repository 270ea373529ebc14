package content

import (
	"bytes"

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
	switch {
	case isFence(first, formatTOML.fence()):
		s.format = formatTOML
	case isFence(first, formatYAML.fence()):
		s.format = formatYAML
	default:
		diags.Errorf(start, diag.Syntax,
			`start the file with a line "+++", then keys such as title = "…", then a closing "+++" line (or "---" lines around YAML)`,
			"no front matter")
		return nil, diags
	}
	line := frontLine
	for end := 0; end < len(rest); line++ {
		l, after, _ := cutLine(rest[end:])
		if isFence(l, s.format.fence()) {
			s.front = string(dropCR(rest[:end]))
			if len(after) > 0 {
				s.body = dropCR(after)
			}
			s.bodyLine = line + 1
			return s, nil
		}
		end = len(rest) - len(after)
	}
	diags.Errorf(start, diag.Syntax,
		`end the front matter with a line "`+s.format.fence()+`"`, "front matter is not closed")
	return nil, diags
}

// dropCR turns the CRLF line ends of b into LF.
func dropCR(b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return b
	}
	return bytes.ReplaceAll(b, []byte("\r\n"), []byte("\n"))
}

// cutLine returns the first line of b without its "\n", and what follows it.
func cutLine(b []byte) (line, rest []byte, found bool) {
	return bytes.Cut(b, []byte("\n"))
}

// isFence reports whether line l is the fence, give or take trailing white
// space (and CR).
func isFence(l []byte, fence string) bool {
	return string(bytes.TrimRight(l, " \t\r")) == fence
}
