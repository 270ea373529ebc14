// Package config reads site.toml: the site's title, base URL, publisher, staff,
// Markdown options, share cards, page size, words and verdict scale. Every key
// is optional; Default holds the defaults.
package config

import (
	"bytes"
	"errors"
	"io/fs"
	"net/url"
	"regexp"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/dossier-dev/dossier/internal/diag"
)

// FileName is the site configuration's name inside the source folder.
const FileName = "site.toml"

// Site is the whole configuration.
type Site struct {
	Title       string    `toml:"title"`
	Description string    `toml:"description" json:"description"`
	BaseURL     string    `toml:"baseURL"`
	Language    string    `toml:"language"`
	CNAME       string    `toml:"cname"`
	Publisher   Publisher `toml:"publisher"`
	Markdown    Markdown  `toml:"markdown"`
	Cards       Cards     `toml:"cards"`
	// PageSize is the number of entries per page of any list (default 50).
	PageSize int `toml:"pageSize"`
	// Strings overrides words of the theme, by key; the language picks the
	// built-in set.
	Strings  map[string]string `toml:"strings"`
	Staff    []Staff           `toml:"staff"`
	Verdicts []Verdict         `toml:"verdicts"`

	// file and src are site.toml's name and text, for positions (Pos).
	file string
	src  []byte
}

// Publisher is who publishes the fact-checks (ClaimReview's author).
type Publisher struct {
	Name string `toml:"name" json:"name"`
	URL  string `toml:"url" json:"url"`
	// Corrections is where readers ask for a correction: a mailto: or
	// http(s) URL; "" hides the "Report an error" link.
	Corrections string `toml:"corrections" json:"-"`
}

// Staff kinds: what ClaimReview's author is.
const (
	StaffPerson       = "person"
	StaffOrganization = "organization"
)

// Staff is one member of the team that checks and edits, named by claims'
// checked_by.
type Staff struct {
	ID   string `toml:"id" json:"id"`
	Name string `toml:"name" json:"name"`
	Role string `toml:"role" json:"role,omitempty"` // such as "Editor"
	Kind string `toml:"kind" json:"kind"`           // StaffPerson (the default) or StaffOrganization
	URL  string `toml:"url" json:"url,omitempty"`   // optional
}

// Mention modes: which name mentions in a body become links.
const (
	MentionsFirst = "first"
	MentionsAll   = "all"
	MentionsNone  = "none"
)

// Markdown holds the options for article and profile bodies.
type Markdown struct {
	UnsafeHTML bool   `toml:"unsafeHTML"`
	Mentions   string `toml:"mentions"`
	Highlight  string `toml:"highlight"`
}

// Cards holds the share cards' options.
type Cards struct {
	// Enabled draws a share card (og:image) for every claim and article;
	// it is true unless site.toml sets [cards] enabled = false.
	Enabled bool `toml:"enabled"`
}

// Verdict is one step of the fact-check scale.
type Verdict struct {
	ID          string `toml:"id" json:"id"`
	Label       string `toml:"label" json:"label"`
	Color       string `toml:"color" json:"color,omitempty"`
	Icon        string `toml:"icon" json:"icon,omitempty"`
	Description string `toml:"description" json:"description"`
	// Short is the compact label on phones; "" means Label.
	Short string `toml:"short" json:"-"`
	// Rating is WorstRating..BestRating for ClaimReview's reviewRating; 0
	// means no number.
	Rating int `toml:"rating" json:"rating,omitempty"`
	// Rated is false for a verdict that is no rating (opinion, framing): it
	// has no number and is left out of tallies. site.toml's rated = false
	// sets it; leaving rated out means true. The data export writes it as
	// "rated"; Short is not in the export.
	Rated bool `toml:"-" json:"-"`
}

// The bounds of a verdict's Rating: ClaimReview's bestRating and worstRating.
const (
	BestRating  = 5
	WorstRating = 1
)

// ShortLabel is the compact label: Short, or Label when there is none.
func (v Verdict) ShortLabel() string {
	if v.Short != "" {
		return v.Short
	}
	return v.Label
}

// NotRated is the id of the default scale's verdict for opinion and framing.
const NotRated = "not-rated"

// DefaultPageSize is the number of entries per page when site.toml sets none.
const DefaultPageSize = 50

// Default returns the configuration used for every key a site leaves out.
func Default() *Site {
	return &Site{
		Title:    "Dossier",
		BaseURL:  "/",
		Language: "en",
		Markdown: Markdown{Mentions: MentionsFirst, Highlight: "github"},
		Cards:    Cards{Enabled: true},
		PageSize: DefaultPageSize,
		Verdicts: DefaultVerdicts(),
	}
}

// DefaultVerdicts is the scale used when site.toml has no [[verdicts]], in English.
func DefaultVerdicts() []Verdict { return defaultVerdicts(NewWords("en", nil)) }

// defaultVerdicts is the default scale with its labels and descriptions in w.
func defaultVerdicts(w *Words) []Verdict {
	scale := []Verdict{
		{ID: "true", Color: "#1a7f37", Icon: "check", Rating: 5, Rated: true},
		{ID: "mostly-true", Color: "#4d7c0f", Icon: "check-half", Rating: 4, Rated: true},
		{ID: "misleading", Color: "#b35900", Icon: "half", Rating: 2, Rated: true},
		{ID: "false", Color: "#c62828", Icon: "cross", Rating: 1, Rated: true},
		{ID: "unverified", Color: "#57606a", Icon: "question", Rated: true},
		{ID: "disputed", Color: "#6f42c1", Icon: "split", Rated: true},
		{ID: NotRated, Color: "#6e7781", Icon: "dash"},
	}
	for i := range scale {
		key := "verdict-" + scale[i].ID
		scale[i].Label, scale[i].Short, scale[i].Description = w.T(key), w.T(key+"-short"), w.T(key+"-description")
	}
	return scale
}

// Verdict returns the verdict with the given id.
func (s *Site) Verdict(id string) (Verdict, bool) {
	for i := range s.Verdicts { // by index: a verdict is copied only when it is the one
		if s.Verdicts[i].ID == id {
			return s.Verdicts[i], true
		}
	}
	return Verdict{}, false
}

// VerdictIDs lists the scale's ids in order.
func (s *Site) VerdictIDs() []string {
	ids := make([]string, len(s.Verdicts))
	for i, v := range s.Verdicts {
		ids[i] = v.ID
	}
	return ids
}

// BasePath is the path part of BaseURL, always starting and ending with "/".
func (s *Site) BasePath() string {
	u, err := url.Parse(s.BaseURL)
	if err != nil || u.Path == "" {
		return "/"
	}
	p := u.Path
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// Load reads name from fsys over the defaults. A missing file gives the defaults
// and no diagnostics.
func Load(fsys fs.FS, name string) (*Site, diag.List) {
	site := Default()
	src, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return site, nil
	}
	var diags diag.List
	if err != nil {
		diags.Errorf(diag.Pos{File: name}, diag.Config, "", "read: %v", err)
		return site, diags
	}
	src = bytes.TrimPrefix(src, []byte("\ufeff"))
	file := siteFile{Site: site}
	md, err := toml.Decode(string(src), &file)
	if err != nil {
		diags.Add(syntaxDiagnostic(name, err))
		return Default(), diags
	}
	site.Verdicts = site.Verdicts[:0]
	for _, v := range file.Verdicts {
		v.Verdict.Rated = v.Rated == nil || *v.Rated
		site.Verdicts = append(site.Verdicts, v.Verdict)
	}
	site.file, site.src = name, src
	if len(site.Verdicts) == 0 {
		site.Verdicts = defaultVerdicts(site.Words())
	}
	for _, k := range md.Undecoded() {
		key := k.String()
		diags.Warnf(keyPos(name, src, k[len(k)-1]), diag.UnknownKey, diag.DidYouMean(k[len(k)-1], knownKeys),
			"unknown key %q in %s", key, name)
	}
	diags.Append(site.validate(name, src))
	diags.Append(site.validateStrings())
	return site, diags
}

// siteFile is site.toml as written: a verdict's rated is a pointer there,
// since leaving it out means true.
type siteFile struct {
	*Site
	Verdicts []verdictFile `toml:"verdicts"`
}

type verdictFile struct {
	Verdict
	Rated *bool `toml:"rated"`
}

var knownKeys = []string{"title", "description", "baseURL", "language", "cname", "publisher", "name", "url",
	"corrections", "markdown", "cards", "enabled", "unsafeHTML", "mentions", "highlight", "pageSize", "strings", "staff", "role",
	"kind", "verdicts", "id", "label", "short", "color", "icon", "description", "rating", "rated"}

var (
	idPattern    = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	colorPattern = regexp.MustCompile(`^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$`)
)

func (s *Site) validate(name string, src []byte) diag.List {
	var diags diag.List
	if u, err := url.Parse(s.BaseURL); err != nil || (u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https") {
		diags.Errorf(keyPos(name, src, "baseURL"), diag.Config, `write it like "https://example.github.io/repo/"`,
			"baseURL %q is not an http(s) URL or a path", s.BaseURL)
	}
	switch s.Markdown.Mentions {
	case MentionsFirst, MentionsAll, MentionsNone:
	case "":
		s.Markdown.Mentions = MentionsFirst
	default:
		diags.Errorf(keyPos(name, src, "mentions"), diag.BadValue, `use "first", "all" or "none"`,
			"markdown.mentions is %q", s.Markdown.Mentions)
	}
	if s.Markdown.Highlight == "" {
		s.Markdown.Highlight = "github"
	}
	seen := map[string]bool{}
	for _, v := range s.Verdicts {
		pos := valuePos(name, src, "id", v.ID)
		switch {
		case !idPattern.MatchString(v.ID):
			diags.Errorf(pos, diag.BadID, "use lowercase letters, digits and -", "verdict id %q is not a valid id", v.ID)
		case seen[v.ID]:
			diags.Errorf(pos, diag.Duplicate, "give each verdict its own id", "verdict %q is defined twice", v.ID)
		}
		seen[v.ID] = true
		if v.Label == "" {
			diags.Errorf(pos, diag.Missing, `add label = "…"`, "verdict %q has no label", v.ID)
		}
		if v.Color != "" && !colorPattern.MatchString(v.Color) {
			diags.Errorf(pos, diag.BadValue, `write a colour like "#b35900"`, "verdict %q: color %q is not a hex colour", v.ID, v.Color)
		}
		switch {
		case v.Rating != 0 && (v.Rating < WorstRating || v.Rating > BestRating):
			diags.Errorf(pos, diag.BadValue, "use 1 to 5, or leave it out for no number", "verdict %q: rating %d is out of range", v.ID, v.Rating)
		case v.Rating != 0 && !v.Rated:
			diags.Errorf(pos, diag.BadValue, "remove rating: ClaimReview gives a verdict that is not rated only its label",
				"verdict %q: rated = false, but rating = %d", v.ID, v.Rating)
		}
	}
	diags.Append(s.validateStaff(name, src))
	diags.Append(s.validatePublisher(name, src))
	if s.PageSize < 1 {
		diags.Errorf(keyPos(name, src, "pageSize"), diag.BadValue, "use a number of entries such as 50",
			"pageSize %d is not a positive number", s.PageSize)
		s.PageSize = DefaultPageSize
	}
	return diags
}

// validateStaff checks the [[staff]] entries: an id each, unique, a name, a
// kind person or organization, an http(s) url.
func (s *Site) validateStaff(name string, src []byte) diag.List {
	var diags diag.List
	seen := map[string]bool{}
	for i := range s.Staff {
		m := &s.Staff[i]
		pos := s.EntryPos("staff", i, "")
		switch {
		case !idPattern.MatchString(m.ID):
			diags.Errorf(pos, diag.BadID, `use lowercase letters, digits and -, such as "a-editor"`, "staff id %q is not a valid id", m.ID)
		case seen[m.ID]:
			diags.Errorf(pos, diag.Duplicate, "give each staff member their own id", "staff member %q is defined twice", m.ID)
		}
		seen[m.ID] = true
		if strings.TrimSpace(m.Name) == "" {
			diags.Errorf(pos, diag.Missing, `add name = "…"`, "staff member %q has no name", m.ID)
		}
		switch m.Kind {
		case "":
			m.Kind = StaffPerson
		case StaffPerson, StaffOrganization:
		default:
			diags.Errorf(pos, diag.BadValue, `use "person" or "organization"`+didYouMean(m.Kind, StaffPerson, StaffOrganization),
				"staff member %q: kind %q", m.ID, m.Kind)
		}
		if m.URL != "" && !isWebURL(m.URL) {
			diags.Errorf(pos, diag.BadValue, `write it like "https://example.org/about/"`, "staff member %q: url %q is not an http(s) URL", m.ID, m.URL)
		}
	}
	return diags
}

// validatePublisher checks the publisher's url and corrections address.
func (s *Site) validatePublisher(name string, src []byte) diag.List {
	var diags diag.List
	p := s.Publisher
	if p.URL != "" && !isWebURL(p.URL) {
		diags.Errorf(s.Pos("publisher.url"), diag.BadValue, `write it like "https://example.org/"`, "publisher.url %q is not an http(s) URL", p.URL)
	}
	if c := p.Corrections; c != "" && !isWebURL(c) && !strings.HasPrefix(c, "mailto:") {
		diags.Errorf(s.Pos("publisher.corrections"), diag.BadValue, `write "mailto:corrections@example.org" or a form's "https://…" address`,
			"publisher.corrections %q is not a mailto: or http(s) URL", c)
	}
	return diags
}

// didYouMean returns " (did you mean …?)" when got is close to one of names.
func didYouMean(got string, names ...string) string {
	if h := diag.DidYouMean(got, names); h != "" {
		return "; " + h
	}
	return ""
}

// isWebURL reports whether s is an absolute http(s) URL with a host.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// HasAbsoluteBase reports whether BaseURL has a scheme and host, so that
// the site's absolute URLs (ClaimReview's, the feeds') are real.
func (s *Site) HasAbsoluteBase() bool { return isWebURL(s.BaseURL) }

// StaffMember returns the staff member with the given id.
func (s *Site) StaffMember(id string) (*Staff, bool) {
	for i := range s.Staff {
		if s.Staff[i].ID == id {
			return &s.Staff[i], true
		}
	}
	return nil, false
}

// StaffIDs lists the staff's ids in order.
func (s *Site) StaffIDs() []string {
	ids := make([]string, len(s.Staff))
	for i, m := range s.Staff {
		ids[i] = m.ID
	}
	return ids
}

func syntaxDiagnostic(name string, err error) diag.Diagnostic {
	d := diag.Diagnostic{Pos: diag.Pos{File: name}, Severity: diag.Error, Code: diag.Syntax, Msg: err.Error()}
	var perr toml.ParseError
	if errors.As(err, &perr) {
		d.Pos.Line, d.Pos.Col = perr.Position.Line, perr.Position.Col
		d.Msg = perr.Message
		d.Hint = strings.TrimSpace(firstLine(perr.Usage))
	}
	if d.Hint == "" {
		d.Hint = "see https://toml.io for the syntax"
	}
	return d
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// keyPos finds the first line that assigns key, for diagnostics.
func keyPos(name string, src []byte, key string) diag.Pos {
	return valuePos(name, src, key, "")
}

// valuePos finds the first line "key = value" (any value when value is "").
func valuePos(name string, src []byte, key, value string) diag.Pos {
	for i, line := range strings.Split(string(src), "\n") {
		trimmed := strings.TrimLeft(line, " \t")
		k, v, ok := strings.Cut(trimmed, "=")
		if !ok || strings.TrimSpace(k) != key {
			continue
		}
		if value != "" && strings.Trim(strings.TrimSpace(v), `"'`) != value {
			continue
		}
		return diag.Pos{File: name, Line: i + 1, Col: len(line) - len(trimmed) + 1}
	}
	return diag.Pos{File: name}
}
