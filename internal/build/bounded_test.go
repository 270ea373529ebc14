package build

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestQuotePageShowsFewOthers checks that a quote's page stays the same size
// however much its speaker said: it lists at most five of the speaker's
// other quotes, newest first, and links to the speaker's full list when
// there are more.
func TestQuotePageShowsFewOthers(t *testing.T) {
	b := New(Options{Source: os.DirFS(generated(t, 60, 3))})
	res, err := b.Build(nil)
	if err != nil || res.Diags.HasErrors() {
		t.Fatal(err, res.Diags)
	}
	d := b.last
	more := regexp.MustCompile(`(?s)<h2 id="more-h">.*?</section>`)
	said := regexp.MustCompile(`, (\d{1,2} [A-Z][a-z]+ \d{4})`)
	checked := 0
	for _, q := range d.Quotes {
		if q.Speaker == nil {
			continue
		}
		others := len(q.Speaker.Quotes) - 1
		page := string(res.Files["quotes/"+q.ID+"/index.html"])
		if page == "" {
			t.Fatalf("no page for quote %s", q.ID)
		}
		section := more.FindString(page)
		shown := strings.Count(section, `<li class="quote-item">`)
		if want := min(others, 5); shown != want {
			t.Errorf("quote %s: %d other quotes shown, want %d (the speaker has %d others)", q.ID, shown, want, others)
		}
		hasAll := strings.Contains(section, `/actors/`+q.Speaker.ID+`/#quotes-h"`)
		if hasAll != (others > 5) {
			t.Errorf("quote %s: link to the full list is %v with %d other quotes", q.ID, hasAll, others)
		}
		var last time.Time
		for i, m := range said.FindAllStringSubmatch(section, -1) {
			day, err := time.Parse("2 January 2006", m[1])
			if err != nil {
				t.Fatal(err)
			}
			if i > 0 && day.After(last) {
				t.Errorf("quote %s: other quotes not newest first (%s after %s)", q.ID, m[1], last.Format(time.DateOnly))
			}
			last = day
		}
		if others > 5 {
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no speaker in the generated dossier has more than six quotes: the test checks nothing")
	}
}
