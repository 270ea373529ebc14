// Package config reads site.toml: the site's title, base URL, publisher, Markdown
// options and verdict scale. Every key is optional; Default holds the defaults.
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
	Verdicts    []Verdict `toml:"verdicts"`
}

// Publisher is who publishes the fact-checks (ClaimReview's author).
type Publisher struct {
	Name string `toml:"name" json:"name"`
	URL  string `toml:"url" json:"url"`
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

// Verdict is one step of the fact-check scale.
type Verdict struct {
	ID          string `toml:"id" json:"id"`
	Label       string `toml:"label" json:"label"`
	Color       string `toml:"color" json:"color,omitempty"`
	Icon        string `toml:"icon" json:"icon,omitempty"`
	Description string `toml:"description" json:"description"`
	// Rating is 1..5 for ClaimReview's reviewRating; 0 means no number.
	Rating int `toml:"rating" json:"rating,omitempty"`
}

// Default returns the configuration used for every key a site leaves out.
func Default() *Site {
	return &Site{
		Title:    "Dossier",
		BaseURL:  "/",
		Language: "en",
		Markdown: Markdown{Mentions: MentionsFirst, Highlight: "github"},
		Verdicts: DefaultVerdicts(),
	}
}

// DefaultVerdicts is the scale used when site.toml has no [[verdicts]].
func DefaultVerdicts() []Verdict {
	return []Verdict{
		{ID: "true", Label: "True", Color: "#1a7f37", Icon: "check", Rating: 5,
			Description: "Accurate, and nothing significant is missing."},
		{ID: "mostly-true", Label: "Mostly true", Color: "#4d7c0f", Icon: "check-half", Rating: 4,
			Description: "Accurate, but needs clarification or additional information."},
		{ID: "misleading", Label: "Misleading", Color: "#b35900", Icon: "half", Rating: 2,
			Description: "Contains accurate elements but leaves a false impression."},
		{ID: "false", Label: "False", Color: "#c62828", Icon: "cross", Rating: 1,
			Description: "Inaccurate: the evidence contradicts it."},
		{ID: "unverified", Label: "Unverified", Color: "#57606a", Icon: "question",
			Description: "Could not be confirmed or refuted from available sources."},
		{ID: "disputed", Label: "Disputed", Color: "#6f42c1", Icon: "split",
			Description: "Credible sources disagree, and the evidence does not settle it."},
	}
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
	site.Verdicts = nil
	md, err := toml.Decode(string(src), site)
	if err != nil {
		diags.Add(syntaxDiagnostic(name, err))
		return Default(), diags
	}
	if len(site.Verdicts) == 0 {
		site.Verdicts = DefaultVerdicts()
	}
	for _, k := range md.Undecoded() {
		key := k.String()
		diags.Warnf(keyPos(name, src, k[len(k)-1]), diag.UnknownKey, diag.DidYouMean(k[len(k)-1], knownKeys),
			"unknown key %q in %s", key, name)
	}
	diags.Append(site.validate(name, src))
	return site, diags
}

var knownKeys = []string{"title", "description", "baseURL", "language", "cname", "publisher", "name", "url",
	"markdown", "unsafeHTML", "mentions", "highlight", "verdicts", "id", "label", "color", "icon", "rating"}

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
		if v.Rating < 0 || v.Rating > 5 {
			diags.Errorf(pos, diag.BadValue, "use 1 to 5, or leave it out for no number", "verdict %q: rating %d is out of range", v.ID, v.Rating)
		}
	}
	return diags
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
