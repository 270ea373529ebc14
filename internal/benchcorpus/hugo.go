package benchcorpus

import (
	"fmt"
)

// WriteHugo writes the corpus as a Hugo site for comparison, with the same
// pages as dossier's: articles and events as content pages; a page per claim
// and per quote; actors and organizations as taxonomies whose term pages
// carry the profiles and list the articles, claims and quotes that name
// them; verdicts as a taxonomy whose term pages list their claims; and
// every list paginated by 50, as dossier's are. Front matter is rewritten
// for Hugo rather than copied: Hugo knows nothing of the dossier's
// references, so ids become taxonomy terms and plain params.
func (c *Corpus) WriteHugo(dir string) error {
	files := []outFile{
		{"hugo.toml", c.hugoConfig},
		{"layouts/_default/baseof.html", constant(hugoBaseof)},
		{"layouts/_default/single.html", constant(hugoSingle)},
		{"layouts/_default/list.html", constant(hugoList)},
		{"layouts/claims/single.html", constant(hugoClaim)},
		{"layouts/quotes/single.html", constant(hugoQuote)},
		{"content/_index.md", constant("+++\ntitle = \"Home\"\n+++\n\nA generated dossier.\n")},
		{"content/articles/_index.md", constant("+++\ntitle = \"Articles\"\n+++\n")},
		{"content/events/_index.md", constant("+++\ntitle = \"Events\"\n+++\n")},
		{"content/claims/_index.md", constant("+++\ntitle = \"Claims\"\n+++\n")},
		{"content/quotes/_index.md", constant("+++\ntitle = \"Quotes\"\n+++\n")},
	}
	actors := map[string]bool{}
	for _, a := range c.Actors {
		actors[a.ID] = true
	}
	for _, a := range c.Articles {
		files = append(files, outFile{"content/articles/" + a.Slug + ".md", a.hugoFile})
		for _, claim := range a.Claims {
			files = append(files, outFile{"content/claims/" + claim.ID + ".md", func() []byte { return claim.hugoFile(a, actors) }})
		}
		for _, q := range a.Quotes {
			files = append(files, outFile{"content/quotes/" + q.ID + ".md", func() []byte { return q.hugoFile(a) }})
		}
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
	t.sb.WriteString("paginate = 50\n")
	t.table("taxonomies")
	t.str("actor", "actors")
	t.str("organization", "organizations")
	t.str("tag", "tags")
	t.str("status", "statuses")
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

// hugoFile is a claim's own page: its words as the title, its verdict and
// claimant as taxonomy terms, its explanation as the body.
func (c Claim) hugoFile(a *Article, actors map[string]bool) []byte {
	var t tomlWriter
	t.sb.WriteString("+++\n")
	t.str("title", c.Text)
	t.date("date", a.Date)
	t.list("statuses", []string{c.Status})
	switch {
	case actors[c.Claimant]:
		t.list("actors", []string{c.Claimant})
	case c.Claimant != "article":
		t.list("organizations", []string{c.Claimant})
	}
	t.str("article", "/articles/"+a.Slug+"/")
	t.str("articleTitle", a.Title)
	t.str("checked", c.Checked.String())
	for _, s := range c.Sources {
		t.table("[sources]")
		t.str("title", s.Title)
		t.str("url", s.URL)
	}
	t.sb.WriteString("+++\n\n")
	t.sb.WriteString(c.Explanation)
	t.sb.WriteString("\n")
	return t.bytes()
}

// hugoFile is a quote's own page, listed on its speaker's term page.
func (q Quote) hugoFile(a *Article) []byte {
	var t tomlWriter
	t.sb.WriteString("+++\n")
	t.str("title", q.Text)
	t.date("date", q.Said)
	t.list("actors", []string{q.Speaker})
	if q.Via != "" {
		t.list("organizations", []string{q.Via})
	}
	t.str("article", "/articles/"+a.Slug+"/")
	t.str("articleTitle", a.Title)
	t.sb.WriteString("+++\n")
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
<p><mark>{{ .text }}</mark> <strong>{{ .status }}</strong> (claimant: {{ .claimant }}, checked {{ .checked }}) <a href="{{ printf "/claims/%s/" .id | relURL }}">the claim's page</a></p>
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
{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time>{{ with .Params.statuses }} <strong>{{ index . 0 }}</strong>{{ end }}</li>
{{ end }}
</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
`

const hugoClaim = `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p><strong>{{ index .Params.statuses 0 }}</strong>{{ range .Params.actors }} · claimed by <a href="{{ printf "/actors/%s/" . | relURL }}">{{ . }}</a>{{ end }}{{ range .Params.organizations }} · claimed by <a href="{{ printf "/organizations/%s/" . | relURL }}">{{ . }}</a>{{ end }}</p>
<p>In <a href="{{ .Params.article | relURL }}">{{ .Params.articleTitle }}</a>, checked {{ .Params.checked }}</p>
{{ .Content }}
<ol>{{ range .Params.sources }}<li><a href="{{ .url }}">{{ .title }}</a></li>{{ end }}</ol>
</article>
{{ end }}
`

const hugoQuote = `{{ define "main" }}
<article>
<blockquote><p>{{ .Title }}</p></blockquote>
<p>{{ range .Params.actors }}<a href="{{ printf "/actors/%s/" . | relURL }}">{{ . }}</a>{{ end }}, {{ .Date.Format "2006-01-02" }}, in <a href="{{ .Params.article | relURL }}">{{ .Params.articleTitle }}</a></p>
{{ $speaker := index .Params.actors 0 }}
<h2>More quotes by {{ $speaker }}</h2>
<ol>{{ with index .Site.Taxonomies.actors (lower $speaker) }}{{ range first 5 (where .Pages "Section" "quotes") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}{{ end }}</ol>
</article>
{{ end }}
`
