package render

import (
	"encoding/json"
	"testing"
)

// TestAppendJSONString checks the JSON-LD string escaping against encoding/json.
func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "plain", `"q" \ b`, "<script>&</script>", "\x00\x01\b\f\n\r\t\x1f\x7f",
		"ü € 😀", "\u2028\u2029", "bad\xff\xfeutf8", "\xe2\x80", "'single'", "tab\tand/slash"} {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("appendJSONString(%q) = %s, encoding/json %s", s, got, want)
		}
	}
}
