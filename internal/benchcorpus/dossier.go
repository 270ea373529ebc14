package benchcorpus

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// WriteDossier writes the corpus as a dossier source folder: site.toml and
// content/{articles,actors,organizations,events}/<id>.md with TOML front matter.
func (c *Corpus) WriteDossier(dir string) error {
	files := []outFile{{"site.toml", c.siteTOML}}
	for _, a := range c.Articles {
		files = append(files, outFile{"content/articles/" + a.Slug + ".md", a.dossierFile})
	}
	for i := range c.Actors {
		a := &c.Actors[i]
		files = append(files, outFile{"content/actors/" + a.ID + ".md", a.dossierFile})
	}
	for i := range c.Organizations {
		o := &c.Organizations[i]
		files = append(files, outFile{"content/organizations/" + o.ID + ".md", o.dossierFile})
	}
	for i := range c.Events {
		e := &c.Events[i]
		files = append(files, outFile{"content/events/" + e.ID + ".md", e.dossierFile})
	}
	return writeFiles(dir, files)
}

// outFile is a file to write: its slash-separated path and a function making its bytes.
type outFile struct {
	path string
	data func() []byte
}

// writeFiles creates the folders, then writes the files in parallel.
func writeFiles(dir string, files []outFile) error {
	dirs := map[string]bool{}
	for _, f := range files {
		d := filepath.Join(dir, filepath.FromSlash(f.path), "..")
		if !dirs[d] {
			dirs[d] = true
			if err := os.MkdirAll(d, 0o755); err != nil {
				return fmt.Errorf("create %s: %w", d, err)
			}
		}
	}
	var mu sync.Mutex
	var first error
	parallel(len(files), func(i int) {
		path := filepath.Join(dir, filepath.FromSlash(files[i].path))
		if err := os.WriteFile(path, files[i].data(), 0o644); err != nil {
			mu.Lock()
			if first == nil {
				first = fmt.Errorf("write %s: %w", path, err)
			}
			mu.Unlock()
		}
	})
	return first
}

func (c *Corpus) siteTOML() []byte {
	var t tomlWriter
	t.str("title", fmt.Sprintf("Benchmark dossier of %d articles", len(c.Articles)))
	t.str("description", "A generated dossier for measuring build times.")
	t.str("baseURL", "https://example.org/bench/")
	t.str("language", "en")
	t.table("publisher")
	t.str("name", "Benchmark Fact Desk")
	t.str("url", "https://example.org/")
	if !c.cards {
		t.table("cards")
		t.sb.WriteString("enabled = false\n")
	}
	return t.bytes()
}

func (a *Article) dossierFile() []byte {
	var t tomlWriter
	t.sb.WriteString("+++\n")
	t.str("title", a.Title)
	t.date("date", a.Date)
	t.str("summary", a.Summary)
	t.list("actors", a.Actors)
	t.list("organizations", a.Organizations)
	t.list("tags", a.Tags)
	t.table("source")
	t.str("publisher", a.Source.Publisher)
	t.str("url", a.Source.URL)
	for _, c := range a.Claims {
		t.table("[claims]")
		t.str("id", c.ID)
		t.str("text", c.Text)
		t.str("claimant", c.Claimant)
		t.str("status", c.Status)
		t.str("explanation", c.Explanation)
		t.date("checked", c.Checked)
		for _, s := range c.Sources {
			t.table("[claims.sources]")
			t.str("title", s.Title)
			t.str("url", s.URL)
			t.str("publisher", s.Publisher)
		}
	}
	for _, q := range a.Quotes {
		t.table("[quotes]")
		t.str("id", q.ID)
		t.str("speaker", q.Speaker)
		t.str("text", q.Text)
		t.date("said", q.Said)
		t.str("via", q.Via)
	}
	t.sb.WriteString("+++\n\n")
	t.sb.WriteString(a.Body)
	return t.bytes()
}

func (a *Actor) dossierFile() []byte {
	var t tomlWriter
	t.sb.WriteString("+++\n")
	t.str("name", a.Name)
	if len(a.Aliases) > 0 {
		t.list("aliases", a.Aliases)
	}
	t.str("role", a.Role)
	t.list("organizations", a.Organizations)
	if a.Country != "" {
		t.str("country", a.Country)
	}
	t.sb.WriteString("+++\n\n")
	fmt.Fprintf(&t.sb, "%s is a %s. This profile was generated for a benchmark.\n", a.Name, a.Role)
	return t.bytes()
}

func (o *Organization) dossierFile() []byte {
	var t tomlWriter
	t.sb.WriteString("+++\n")
	t.str("name", o.Name)
	t.str("short", o.Short)
	t.str("kind", o.Kind)
	if o.Founded.Month%2 == 0 { // half give a year, half a date
		fmt.Fprintf(&t.sb, "founded = %d\n", o.Founded.Year)
	} else {
		t.date("founded", o.Founded)
	}
	if o.Headquarters != "" {
		t.str("headquarters", o.Headquarters)
	}
	if len(o.Members) > 0 {
		t.list("members", o.Members)
	}
	t.sb.WriteString("+++\n\n")
	fmt.Fprintf(&t.sb, "The %s (%s) is a generated organization of kind %s.\n", o.Name, o.Short, o.Kind)
	return t.bytes()
}

func (e *Event) dossierFile() []byte {
	var t tomlWriter
	t.sb.WriteString("+++\n")
	t.str("title", e.Title)
	t.date("date", e.Date)
	t.list("actors", e.Actors)
	t.list("organizations", e.Organizations)
	t.table("[sources]")
	t.str("title", e.Title)
	t.str("url", "https://example.org/events/"+e.ID)
	t.sb.WriteString("+++\n\n")
	t.sb.WriteString(e.Body)
	return t.bytes()
}

// tomlWriter appends TOML key/value lines.
type tomlWriter struct{ sb strings.Builder }

func (t *tomlWriter) bytes() []byte { return []byte(t.sb.String()) }

// table starts [name]; pass "[name]" for an array-of-tables entry.
func (t *tomlWriter) table(name string) { fmt.Fprintf(&t.sb, "\n[%s]\n", name) }

func (t *tomlWriter) str(key, v string) { fmt.Fprintf(&t.sb, "%s = %s\n", key, tomlQuote(v)) }

func (t *tomlWriter) date(key string, d Date) { fmt.Fprintf(&t.sb, "%s = %s\n", key, d) }

func (t *tomlWriter) list(key string, vs []string) {
	q := make([]string, len(vs))
	for i, v := range vs {
		q[i] = tomlQuote(v)
	}
	fmt.Fprintf(&t.sb, "%s = [%s]\n", key, strings.Join(q, ", "))
}

// tomlQuote writes s as a TOML basic string.
func tomlQuote(s string) string {
	var sb strings.Builder
	sb.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			sb.WriteByte('\\')
			sb.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&sb, "\\u%04X", r)
		default:
			sb.WriteRune(r)
		}
	}
	sb.WriteByte('"')
	return sb.String()
}
