package content

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// splitByLines is the line-by-line splitting that splitFile must agree with:
// the front matter's lines without their trailing CR, each ended by LF.
func splitByLines(src []byte) (front string, body []byte, bodyLine int, ok bool) {
	src = bytes.TrimPrefix(src, utf8BOM)
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	fence := string(bytes.TrimRight(first, " \t\r"))
	if fence != "+++" && fence != "---" {
		return "", nil, 0, false
	}
	var sb strings.Builder
	for line := frontLine; len(rest) > 0; line++ {
		var l []byte
		l, rest, _ = bytes.Cut(rest, []byte("\n"))
		if string(bytes.TrimRight(l, " \t\r")) == fence {
			if len(rest) > 0 {
				body = bytes.ReplaceAll(rest, []byte("\r\n"), []byte("\n"))
			}
			return sb.String(), body, line + 1, true
		}
		sb.Write(bytes.TrimSuffix(l, []byte("\r")))
		sb.WriteByte('\n')
	}
	return "", nil, 0, false
}

func FuzzSplitFile(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("+++\r\na\r\r\nb\rc\r\n+++ \t\r\nbody\r\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		sp, _ := splitFile("x", src)
		front, body, line, ok := splitByLines(src)
		if (sp != nil) != ok {
			t.Fatalf("%q: split %v, want %v", src, sp != nil, ok)
		}
		if ok && (sp.front != front || !bytes.Equal(sp.body, body) || (sp.body == nil) != (body == nil) || sp.bodyLine != line) {
			t.Fatalf("%q: got %q %q %d, want %q %q %d", src, sp.front, sp.body, sp.bodyLine, front, body, line)
		}
	})
}

// TestValidIDPattern checks ValidID against the pattern it implements, on
// every string of up to four characters from a small alphabet.
func TestValidIDPattern(t *testing.T) {
	re := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	alphabet := []string{"a", "z", "0", "9", "-", "_", "A", "é", "."}
	var try func(s string, n int)
	try = func(s string, n int) {
		if ValidID(s) != re.MatchString(s) {
			t.Errorf("ValidID(%q) = %v", s, ValidID(s))
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			try(s+c, n-1)
		}
	}
	try("", 4)
}
