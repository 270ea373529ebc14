package content

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/dossier-dev/dossier/internal/benchcorpus"
)

// fastSeeds are front matters that fastTOML reads, or must give up on.
var fastSeeds = []string{
	"",
	"\n\n# only a comment\n",
	"title = \"x\"\n",
	"title = \"x\"",
	"a = 1\nb = true\nc = false\nd = 2022-01-08\ne = 'lit'\nf = \"\"\n",
	"a=1\n\tb\t=\t\"t\"\t# c\n",
	"a = [\n  \"x\", # one\n  'y',\n]\nb = []\nc = [[1, 2], [], [\"z\"]]\n",
	"a = [1 , 2 ]\nb = [ 2022-01-08 , 2022-01-09 ]\n",
	"s = \"a\\\"b\\\\c\\n\\t\\b\\f\\r\\e\\u00e9\\U0001F600\\x41\"\n",
	"s = \"\\uD800\"\n",
	"s = \"\\q\"\n",
	"s = \"\\ \"\n",
	"\"quoted\" = 1\n'lit' = 2\n",
	"\"a.b\" = 1\n",
	"\"a\\\"\" = 1\n",
	"\"\" = 1\n",
	"a.b = 1\n",
	"a = 1\na = 2\n",
	"a = 1\n\"a\" = 2\n",
	"[t]\nx = 1\n[u] # c\ny = 'z'\n",
	"[ t ]\nx = 1\n",
	"[t]\n[t]\n",
	"t = 1\n[t]\n",
	"[t.u]\n",
	"[[c]]\nid = \"a\"\n[[c]]\nid = \"b\"\n  [[c.s]]\n  t = 1\n  [[c.s]]\n[[c]]\n[[ c . s ]]\n",
	"[[c]]\n[c]\n",
	"c = [1]\n[[c]]\n",
	"[t]\n[[t]]\n",
	"[[c.s]]\n",
	"[[c]]\ns = [1]\n[[c.s]]\n",
	"[[c]]\n[[c.s.t]]\n",
	"[[c]]]\n",
	"[t]]\n",
	"[[c] ]\n",
	"a = 1 b = 2\n",
	"a = 1b\n",
	"a = 0\nb = 01\nc = 1_000\nd = -1\ne = +1\nf = 1.5\ng = 1e3\nh = 0x10\n",
	"a = 99999999999999999999\n",
	"d = 2022-02-30\n",
	"d = 2022-1-08\n",
	"d = 2022-01-08T10:00:00\ne = 2022-01-08 10:00:00\nf = 2022-01-08Z\n",
	"d = 2022-01-08 # c\ne = 2022-01-08   \n",
	"d = 2022-01-08 x\n",
	"t = 10:00:00\n",
	"s = \"\"\"x\"\"\"\nt = '''y'''\n",
	"i = {a = 1}\n",
	"s = \"\"\"\nline one\n  line \"two\" ''\n\"\"\"\nt = '''\n[x]\n'''\nu = 1\n",
	"s = \"\"\"\"\"\"\nt = ''''''\nu = \"\"\"\"q\"\"\"\n",
	"s = \"\"\"x\"\"\"\"\nt = '''x''''\nu = \"\"\"x\"\"\"\"\"\n",
	"s = \"\"\"a \\\n  b\"\"\"\n",
	"s = \"\"\"a\\tb\"\"\"\n",
	"s = \"\"\"x\n",
	"l = [\"\"\"a\nb\"\"\", '''c''']\nz = 2\n",
	"i = {}\nj = { }\nk = {a = 1, b = 'x', c = [1, 2], d = {e = true}}\n",
	"i = {a = 1,}\n",
	"i = {a = 1, a = 2}\n",
	"i = {a = 1\n}\n",
	"i = {a.b = 1}\n",
	"i = {a = [\n1,\n2]}\nj = 3\n",
	"sources = [{ title = \"T\", url = \"u\", date = 2022-01-10 }, {title = \"U\"}]\n",
	"[[claims]]\nsources = [{title = \"a\"}]\n[[claims]]\nsources = [{title = \"b\"}]\nx = {y = {z = [{w = 1}]}}\n",
	"[t]\ni = {a = 1}\n[[c]]\ni = {a = 1}\n[[c.s]]\ni = {}\n",
	"i = {a = 1}\n[i]\n",
	"i = [{a = 1}]\n[[i]]\n",
	"[[c]]\ns = [{a = 1}]\n[[c.s]]\n",
	"[[c]]\ns = {a = 1}\n[[c.s]]\n",
	"a = [1,,2]\n",
	"a = [,]\n",
	"a = [1 2]\n",
	"a = [1,\n",
	"a = \"x\n",
	"a = 'x\n",
	"a = truex\n",
	"a = tru\n",
	"a =\n",
	"= 1\n",
	"a\n",
	"a = 1\r\n",
	"a = \"\x00\"\n",
	"a = \"\x7f\"\n",
	"a = \"\xff\"\n",
	"\xef\xbb\xbfa = 1\n",
	"a = \"é ü …\"\n# ¿ comment ∑\n",
	"a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
	"[[a]]\nb = 1\n[[a]]\nb = [2022-01-08]\n[x]\ny = 'z'\n",
}

// checkFast checks that whenever fastTOML reads front, the decoder reads it
// too, into the very same tree.
func checkFast(t *testing.T, front string) (fast bool) {
	t.Helper()
	const file = "content/articles/x.md"
	got, ok := fastTOML(file, front)
	if !ok {
		return false
	}
	want, diags := decodeTOML(file, front)
	if len(diags) > 0 {
		t.Fatalf("fastTOML read %q, which the decoder rejects: %v", front, diags)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("fastTOML(%q):\n got  %s\n want %s", front, dumpValue(got), dumpValue(want))
	}
	return true
}

// dumpValue prints a value tree for failure messages.
func dumpValue(v *value) string {
	var sb strings.Builder
	var dump func(v *value, indent string)
	dump = func(v *value, indent string) {
		if v == nil {
			sb.WriteString("nil\n")
			return
		}
		sb.WriteString(v.pos.String() + " " + v.describe() + "\n")
		for i, it := range v.items {
			sb.WriteString(indent + "  [" + string(rune('0'+i%10)) + "] ")
			dump(it, indent+"  ")
		}
		for _, f := range v.fields {
			sb.WriteString(indent + "  " + f.name + " @" + f.key.String() + " = ")
			dump(f.val, indent+"  ")
		}
	}
	dump(v, "\n")
	return sb.String()
}

func TestFastTOMLSeeds(t *testing.T) {
	read := 0
	for _, s := range fastSeeds {
		if checkFast(t, s) {
			read++
		}
	}
	if read < 15 {
		t.Errorf("fastTOML read only %d of the seeds", read)
	}
}

// TestFastTOMLCorpus checks that fastTOML reads every generated file itself.
func TestFastTOMLCorpus(t *testing.T) {
	dir := t.TempDir()
	if err := benchcorpus.Generate(benchcorpus.Options{Articles: 40, Seed: 3}).WriteDossier(dir); err != nil {
		t.Fatal(err)
	}
	files, _ := Files(os.DirFS(dir))
	if len(files) < 40 {
		t.Fatalf("only %d files", len(files))
	}
	for _, f := range files {
		src, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		sp, diags := splitFile(f, src)
		if sp == nil {
			t.Fatal(diags)
		}
		if !checkFast(t, sp.front) {
			t.Errorf("%s: fastTOML gave up", f)
		}
	}
}

// FuzzFastTOML compares fastTOML with the decoder on any text.
func FuzzFastTOML(f *testing.F) {
	for _, s := range fastSeeds {
		f.Add(s)
	}
	for _, s := range fuzzSeeds {
		if sp, _ := splitFile("x", []byte(s)); sp != nil {
			f.Add(sp.front)
		}
	}
	f.Fuzz(func(t *testing.T, front string) { checkFast(t, front) })
}

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
