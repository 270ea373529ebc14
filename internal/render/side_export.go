package render

// The export's types write themselves as encoding/json would write them,
// indented, without reflection: data/dossier.json holds every object of the
// dossier, and reflection and re-indenting made it slow. Each method follows
// its struct's fields and json tags; TestExportWriterMatchesEncodingJSON
// checks that they agree.

// list writes a member whose value is a list, each element with write; nil is null.
func list[T any](w *jsonWriter, k string, items []T, write func(*jsonWriter, *T)) {
	w.key(k)
	if items == nil {
		w.null()
		return
	}
	w.open('[')
	for i := range items {
		write(w, &items[i])
	}
	w.close(']')
}

func (e *export) writeJSON(w *jsonWriter) error {
	w.open('{')
	w.field("schema", e.Schema)
	w.key("site")
	if err := e.Site.writeJSON(w); err != nil {
		return err
	}
	w.key("verdicts")
	if e.Verdicts == nil {
		w.null()
	} else {
		w.open('[')
		for _, v := range e.Verdicts {
			if err := w.marshal(v); err != nil {
				return err
			}
		}
		w.close(']')
	}
	list(w, "articles", e.Articles, (*jsonWriter).article)
	list(w, "claims", e.Claims, (*jsonWriter).claim)
	list(w, "quotes", e.Quotes, (*jsonWriter).quote)
	list(w, "actors", e.Actors, (*jsonWriter).actor)
	list(w, "organizations", e.Organizations, (*jsonWriter).org)
	list(w, "events", e.Events, (*jsonWriter).event)
	w.close('}')
	return nil
}

func (s *exportSite) writeJSON(w *jsonWriter) error {
	w.open('{')
	w.field("title", s.Title)
	w.fieldOmit("description", s.Description)
	w.field("baseURL", s.BaseURL)
	w.field("language", s.Language)
	w.key("publisher")
	if err := w.marshal(s.Publisher); err != nil {
		return err
	}
	w.close('}')
	return nil
}

func (w *jsonWriter) source(s *exportSource) {
	w.open('{')
	w.fieldOmit("title", s.Title)
	w.fieldOmit("url", s.URL)
	w.fieldOmit("publisher", s.Publisher)
	w.fieldOmit("date", s.Date)
	w.fieldOmit("archived", s.Archived)
	w.fieldOmit("note", s.Note)
	w.close('}')
}

func (w *jsonWriter) ref(r *exportRef) {
	if r == nil {
		w.null()
		return
	}
	w.open('{')
	w.field("kind", r.Kind)
	w.field("id", r.ID)
	w.close('}')
}

func (w *jsonWriter) article(a *exportArticle) {
	w.open('{')
	w.field("id", a.ID)
	w.field("url", a.URL)
	w.field("title", a.Title)
	w.field("date", a.Date)
	w.fieldOmit("summary", a.Summary)
	w.strings("tags", a.Tags)
	if a.Draft {
		w.key("draft")
		w.bool(true)
	}
	w.key("source")
	w.source(&a.Source)
	w.strings("claims", a.Claims)
	w.strings("quotes", a.Quotes)
	w.strings("actors", a.Actors)
	w.strings("organizations", a.Organizations)
	w.counts("tally", a.Tally)
	w.close('}')
}

func (w *jsonWriter) claim(c *exportClaim) {
	w.open('{')
	w.field("id", c.ID)
	w.field("url", c.URL)
	w.field("article", c.Article)
	w.field("text", c.Text)
	w.fieldOmit("sentence", c.Sentence)
	w.key("claimant")
	w.ref(c.Claimant)
	w.field("status", c.Status)
	w.field("explanation", c.Explanation)
	w.fieldOmit("checked", c.Checked)
	list(w, "sources", c.Sources, (*jsonWriter).source)
	w.close('}')
}

func (w *jsonWriter) quote(q *exportQuote) {
	w.open('{')
	w.field("id", q.ID)
	w.field("url", q.URL)
	w.field("article", q.Article)
	w.field("text", q.Text)
	w.fieldOmit("sentence", q.Sentence)
	w.field("speaker", q.Speaker)
	w.fieldOmit("said", q.Said)
	w.fieldOmit("via", q.Via)
	w.fieldOmit("context", q.Context)
	w.close('}')
}

func (w *jsonWriter) mention(m *exportMention) {
	w.open('{')
	w.fieldOmit("article", m.Article)
	w.fieldOmit("event", m.Event)
	if m.Profile != nil {
		w.key("profile")
		w.ref(m.Profile)
	}
	w.field("sentence", m.Sentence)
	w.close('}')
}

func (w *jsonWriter) actor(a *exportActor) {
	w.open('{')
	w.field("id", a.ID)
	w.field("url", a.URL)
	w.field("name", a.Name)
	w.strings("aliases", a.Aliases)
	w.fieldOmit("role", a.Role)
	w.fieldOmit("country", a.Country)
	w.fieldOmit("wikidata", a.Wikidata)
	w.strings("organizations", a.Organizations)
	w.strings("quotes", a.Quotes)
	w.involvement(&a.exportInvolvement)
	w.close('}')
}

func (w *jsonWriter) org(o *exportOrg) {
	w.open('{')
	w.field("id", o.ID)
	w.field("url", o.URL)
	w.field("name", o.Name)
	w.fieldOmit("short", o.Short)
	w.strings("aliases", o.Aliases)
	w.fieldOmit("kind", o.Kind)
	w.fieldOmit("founded", o.Founded)
	w.fieldOmit("headquarters", o.Headquarters)
	w.fieldOmit("wikidata", o.Wikidata)
	list(w, "members", o.Members, (*jsonWriter).ref)
	w.strings("memberOf", o.MemberOf)
	w.strings("statements", o.Statements)
	w.involvement(&o.exportInvolvement)
	w.close('}')
}

// involvement writes the members an actor and an organization share.
func (w *jsonWriter) involvement(v *exportInvolvement) {
	w.strings("claims", v.Claims)
	w.strings("articles", v.Articles)
	w.strings("events", v.Events)
	list(w, "mentions", v.Mentions, (*jsonWriter).mention)
	w.counts("tally", v.Tally)
	list(w, "sources", v.Sources, (*jsonWriter).source)
}

func (w *jsonWriter) event(e *exportEvent) {
	w.open('{')
	w.field("id", e.ID)
	w.field("url", e.URL)
	w.field("title", e.Title)
	w.field("date", e.Date)
	w.fieldOmit("end", e.End)
	w.strings("actors", e.Actors)
	w.strings("organizations", e.Organizations)
	list(w, "sources", e.Sources, (*jsonWriter).source)
	w.close('}')
}
