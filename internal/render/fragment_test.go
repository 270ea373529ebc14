package render

import "testing"

func TestTextFragment(t *testing.T) {
	const u = "https://example.org/page"
	tests := []struct {
		name, url, passage, want string
	}{
		{"plain", u, "ready to act", u + "#:~:text=ready%20to%20act"},
		{"hyphen", u, "Sino-Russian ties", u + "#:~:text=Sino%2DRussian%20ties"},
		{"ampersand", u, "law & order", u + "#:~:text=law%20%26%20order"},
		{"comma", u, "peace, stability", u + "#:~:text=peace%2C%20stability"},
		{"straight quotes", u, `"outside forces"`, u + "#:~:text=%22outside%20forces%22"},
		{"curly quotes", u, "“outside forces”", u + "#:~:text=%E2%80%9Coutside%20forces%E2%80%9D"},
		{"apostrophe kept", u, "Kazakhstan's", u + "#:~:text=Kazakhstan's"},
		{"cyrillic", u, "Токаев", u + "#:~:text=%D0%A2%D0%BE%D0%BA%D0%B0%D0%B5%D0%B2"},
		{"chinese", u, "外部势力", u + "#:~:text=%E5%A4%96%E9%83%A8%E5%8A%BF%E5%8A%9B"},
		{"white space collapsed", u, "  ready\n\tto  act ", u + "#:~:text=ready%20to%20act"},
		{"ten words whole", u, "one two three four five six seven eight nine ten",
			u + "#:~:text=one%20two%20three%20four%20five%20six%20seven%20eight%20nine%20ten"},
		{"long passage as a range", u,
			"some external forces do not want peace and tranquillity in our region, said the minister",
			u + "#:~:text=some%20external%20forces%20do,region%2C%20said%20the%20minister"},
		{"range ends encoded", u, "A-B one two three four five six seven eight nine x,y",
			u + "#:~:text=A%2DB%20one%20two%20three,seven%20eight%20nine%20x%2Cy"},
		{"existing fragment kept", u + "#top", "ready", u + "#top:~:text=ready"},
		{"no passage", u, "  ", u},
		{"no url", "", "ready", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := TextFragment(tt.url, tt.passage); got != tt.want {
				t.Errorf("TextFragment(%q, %q)\n got %s\nwant %s", tt.url, tt.passage, got, tt.want)
			}
		})
	}
}

func TestEncodeTextDirectiveKeepsOnlyExplicitChars(t *testing.T) {
	for c := 0; c < 256; c++ {
		got := encodeTextDirective(string([]byte{byte(c)}))
		if explicitChar(byte(c)) != (len(got) == 1) {
			t.Errorf("byte %#x encoded as %q", c, got)
		}
	}
	for _, c := range "-&,# %" {
		if got := encodeTextDirective(string(c)); got[0] != '%' {
			t.Errorf("%q not percent-encoded: %q", c, got)
		}
	}
}
