package markdown

import (
	"strings"
	"testing"
)

// TestHeadingIDs: ASCII headings get goldmark's ids; other scripts keep their letters.
func TestHeadingIDs(t *testing.T) {
	out, err := New(Options{}).Convert(Input{Source: []byte(
		"# What happened, and when?\n\n## Key_dates -- 2022\n\n## Наш подход\n\n## 上海合作组织\n\n## Наш подход\n\n## ?!\n")})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`id="what-happened-and-when"`, `id="key-dates----2022"`, `id="наш-подход"`, `id="上海合作组织"`,
		`id="наш-подход-1"`, `id="heading"`} {
		if !strings.Contains(string(out.HTML), want) {
			t.Errorf("no %s in\n%s", want, out.HTML)
		}
	}
}
