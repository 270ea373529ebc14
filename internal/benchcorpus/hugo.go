package benchcorpus

import (
	"fmt"
)

// WriteHugo writes the corpus as a Hugo site for comparison: articles and events as
// content pages, actors and organizations as taxonomies whose term pages carry the
// profiles, claims and quotes as front-matter params printed by a minimal layout.
// Front matter is rewritten for Hugo rather than copied: Hugo knows nothing of the
// dossier's references, so ids become taxonomy terms and plain params.
func (c *Corpus) WriteHugo(dir string) error {
	files := []outFile{
		{"hugo.toml", c.hugoConfig},
		{"layouts/_default/baseof.html", constant(hugoBaseof)},
		{"layouts/_default/single.html", constant(hugoSingle)},
		{"layouts/_default/list.html", constant(hugoList)},
		{"content/_index.md", constant("+++\ntitle = \"Home\"\n+++\n\nA generated dossier.\n")},
		{"content/articles/_index.md", constant("+++\ntitle = \"Articles\"\n+++\n")},
		{"content/events/_index.md", constant("+++\ntitle = \"Events\"\n+++\n")},
	}
	for _, a := range c.Articles {
		files = append(files, outFile{"content/articles/" + a.Slug + ".md", a.hugoFile})
	}
	for i := range c.Actors {
		a := &c.Actors[i]
		files = append(files, outFile{"content/actors/" + a.ID + "/_index.md", a.hugoFile})
	}
	for i := range c.Organizations {
		o := &c.Organizations[i]
		files = append(files, outFile{"content/organizations/" + o.ID + "/_index.md", o.hugoFile})
	}
	for i := range c.Events {
		e := &c.Events[i]
		files = append(files, outFile{"content/events/" + e.ID + ".md", e.dossierFile})
	}
	return writeFiles(dir, files)
}

func constant(s string) func() []byte { return func() []byte { return []byte(s) } }

func (c *Corpus) hugoConfig() []byte {
	var t tomlWriter
	t.str("baseURL", "https://example.org/bench/")
	t.str("languageCode", "en")
	t.str("title", fmt.Sprintf("Benchmark dossier of %d articles", len(c.Articles)))
	t.table("taxonomies")
	t.str("actor", "actors")
	t.str("organization", "organizations")
	t.str("tag", "tags")
	t.table("markup.goldmark.extensions")
	t.sb.WriteString("typographer = true\nfootnote = true\n")
	t.table("markup.goldmark.parser")
	t.sb.WriteString("autoHeadingID = true\n")
	t.table("markup.highlight")
	t.str("style", "github")
	return t.bytes()
}

func (a *Article) hugoFile() []byte {
	var t tomlWriter
	t.sb.WriteString("+++\n")
	t.str("title", a.Title)
	t.date("date", a.Date)
	t.str("description", a.Summary)
	t.list("actors", a.Actors)
	t.list("organizations", a.Organizations)
	t.list("tags", a.Tags)
	t.str("sourceURL", a.Source.URL)
	t.str("sourcePublisher", a.Source.Publisher)
	for _, c := range a.Claims {
		t.table("[claims]")
		t.str("id", c.ID)
		t.str("text", c.Text)
		t.str("claimant", c.Claimant)
		t.str("status", c.Status)
		t.str("explanation", c.Explanation)
		t.str("checked", c.Checked.String())
		for _, s := range c.Sources {
			t.table("[claims.sources]")
			t.str("title", s.Title)
			t.str("url", s.URL)
		}
	}
	for _, q := range a.Quotes {
		t.table("[quotes]")
		t.str("id", q.ID)
		t.str("speaker", q.Speaker)
		t.str("text", q.Text)
		t.str("said", q.Said.String())
		t.str("via", q.Via)
	}
	t.sb.WriteString("+++\n\n")
	t.sb.WriteString(a.Body)
	return t.bytes()
}

func (a *Actor) hugoFile() []byte {
	var t tomlWriter
	t.sb.WriteString("+++\n")
	t.str("title", a.Name)
	t.str("role", a.Role)
	t.sb.WriteString("+++\n\n")
	fmt.Fprintf(&t.sb, "%s is a %s. This profile was generated for a benchmark.\n", a.Name, a.Role)
	return t.bytes()
}

func (o *Organization) hugoFile() []byte {
	var t tomlWriter
	t.sb.WriteString("+++\n")
	t.str("title", o.Name)
	t.str("short", o.Short)
	t.str("kind", o.Kind)
	t.sb.WriteString("+++\n\n")
	fmt.Fprintf(&t.sb, "The %s (%s) is a generated organization of kind %s.\n", o.Name, o.Short, o.Kind)
	return t.bytes()
}

const hugoBaseof = `<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title></head>
<body>
<header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`

const hugoSingle = `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><time>{{ .Date.Format "2006-01-02" }}</time></p>
{{ with .Params.actors }}<p>Actors: {{ range . }}<a href="{{ printf "/actors/%s/" . | relURL }}">{{ . }}</a> {{ end }}</p>{{ end }}
{{ .Content }}
{{ with .Params.claims }}
<section><h2>Claims</h2>
{{ range . }}
<div id="{{ .id }}" data-status="{{ .status }}">
<p><mark>{{ .text }}</mark> <strong>{{ .status }}</strong> (claimant: {{ .claimant }}, checked {{ .checked }})</p>
{{ .explanation | markdownify }}
<ul>{{ range .sources }}<li><a href="{{ .url }}">{{ .title }}</a></li>{{ end }}</ul>
</div>
{{ end }}
</section>
{{ end }}
{{ with .Params.quotes }}
<section><h2>Quotes</h2>
{{ range . }}<blockquote id="{{ .id }}">{{ .text }} — {{ .speaker }}, {{ .said }}, via {{ .via }}</blockquote>{{ end }}
</section>
{{ end }}
</article>
{{ end }}
`

const hugoList = `{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
{{ end }}
`
