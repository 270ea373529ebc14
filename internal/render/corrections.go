package render

import (
	"html/template"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// The corrections log: each claim's updates on its page (oldest first),
// every update of the dossier on /corrections/ (newest first) and in
// /corrections.xml (see package feeds), and the "Report an error" link
// that asks for the next.

// UpdateView is one entry of the corrections log, as a claim's page and
// the corrections page print it.
type UpdateView struct {
	Date DateView
	Note template.HTML // what changed and why: rendered Markdown
	// From is the verdict before the update; nil when the verdict did not change.
	From *VerdictView
	// Verdict is the claim's verdict now.
	Verdict VerdictView
	Claim   Link   // the claim's page, with its restatement as text
	ID      string // the entry's id on the claim's page: update-1 for the oldest
	URL     string // the entry on the claim's page (the claim's URL#update-N)
}

// updateViews is a claim's corrections log, oldest first.
func updateViews(p *Page, c *dossier.Claim) []UpdateView {
	out := make([]UpdateView, len(c.Updates))
	for i, u := range c.Updates {
		out[i] = updateView(p, u, i)
	}
	return out
}

func updateView(p *Page, u *dossier.Update, i int) UpdateView {
	s := p.siteData
	c := u.Claim
	id := "update-" + strconv.Itoa(i+1)
	v := UpdateView{Date: s.dateView(u.Date), Note: s.in.HTML[UpdateNote(c, i)], Verdict: s.verdictView(c.Verdict),
		Claim: Link{URL: s.Href(c), Text: c.Statement(s.words)}, ID: id, URL: s.Href(c) + "#" + id}
	if u.From.ID != "" {
		from := s.verdictView(u.From)
		v.From = &from
	}
	return v
}

// Corrections is every update of the dossier, newest first: the
// corrections page's list.
func (p *Page) Corrections() []UpdateView {
	p.readCorrections()
	var out []UpdateView
	for _, u := range p.siteData.D.Updates {
		out = append(out, updateView(p, u, slices.Index(u.Claim.Updates, u)))
	}
	return out
}

// readCorrections records what the corrections log shows: every article's
// claims with their updates, as their front matter holds them.
func (p *Page) readCorrections() {
	d := p.D()
	for _, a := range d.Articles() {
		p.rec.read(dep{kind: depArticle, id: a.a.ID})
	}
	for _, u := range p.siteData.D.Updates {
		p.rec.claim(u.Claim)
	}
}

// StaffView is a member of the staff as a claim's page names them.
type StaffView struct {
	Name string
	Role string // such as "Editor"; "" when not given
	URL  string // "" when not given
	Kind string // person or organization
}

func staffViews(list []*config.Staff) []StaffView {
	out := make([]StaffView, len(list))
	for i, m := range list {
		out[i] = StaffView{Name: m.Name, Role: m.Role, URL: m.URL, Kind: m.Kind}
	}
	return out
}

// reportURL is the "Report an error" link of a claim: the corrections
// address prefilled with the claim's restatement and page. A mailto:
// address gets a subject and a body (RFC 6068) in the site's language; a
// web form's URL gets the query parameters claim and url. "" when there is
// no address.
func reportURL(w *config.Words, address, claim, page string) string {
	if address == "" {
		return ""
	}
	if rest, ok := strings.CutPrefix(address, "mailto:"); ok {
		sep := "?"
		if strings.Contains(rest, "?") {
			sep = "&"
		}
		return address + sep + "subject=" + mailtoEscape(w.T("report-subject", claim)) +
			"&body=" + mailtoEscape(w.T("report-body", claim, page))
	}
	u, err := url.Parse(address)
	if err != nil {
		return address
	}
	q := u.Query()
	q.Set("claim", claim)
	q.Set("url", page)
	u.RawQuery = q.Encode()
	return u.String()
}

// mailtoEscape percent-encodes a mailto: header value: spaces as %20, not
// "+", which mail programs would show as is.
func mailtoEscape(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }

// MethodologyText is the site's own methodology text (content/methodology.md),
// rendered; "" when the site has none and the theme's default text stands.
func (p *Page) MethodologyText() template.HTML {
	p.rec.read(dep{kind: depMethodology})
	return p.in.HTML[Methodology]
}

// SourceKindView is a source kind as the methodology page explains it.
type SourceKindView struct {
	ID          string // as written in front matter: state-media
	Label       string // as readers see it: state media
	Description string
}

// SourceKinds is every source kind, in order, with what it means.
func (p *Page) SourceKinds() []SourceKindView {
	out := make([]SourceKindView, len(dossier.SourceKinds))
	for i, k := range dossier.SourceKinds {
		out[i] = SourceKindView{ID: string(k), Label: p.sourceKindLabel(k), Description: p.words.T("source-kind-" + string(k) + "-about")}
	}
	return out
}
