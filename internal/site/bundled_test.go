package site

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/testfiles"
)

// repoRoot is the bundled dossier: the repository is also a site.
const repoRoot = "../.."

// bundled resolves the bundled dossier the way a build does.
func bundled(t *testing.T) (*Result, *dossier.Dossier) {
	t.Helper()
	src := os.DirFS(repoRoot)
	res, err := Check(Options{Source: src})
	if err != nil {
		t.Fatal(err)
	}
	// Notes (sources without an archived copy, the relative base URL) are
	// information; every error and warning is a problem.
	var problems diag.List
	for _, d := range res.Diags {
		if d.Severity != diag.Note {
			problems.Add(d)
		}
	}
	if len(problems) > 0 {
		var b bytes.Buffer
		problems.WriteText(&b)
		t.Fatalf("dossier check on the bundled dossier is not clean:\n%s", b.String())
	}
	site, _ := config.Load(src, config.FileName)
	set, _ := content.Load(src)
	d, _ := dossier.Resolve(site, set, false, nil)
	return res, d
}

// TestBundledDossier checks the editorial bar of the bundled dossier: every
// claim rated, reasoned and sourced; every quote attributed and dated; every
// actor and organization profiled and linked from somewhere; and the
// fact-checking standard of editorialProblems, each problem at its line.
func TestBundledDossier(t *testing.T) {
	t.Run("editorial", func(t *testing.T) {
		notes, found := researchNotes()
		if !found {
			t.Logf("research notes not found (looked for %s above the repository, or $%s): URL provenance not checked", notesPath, notesEnv)
		}
		for _, p := range editorialProblems(os.DirFS(repoRoot), notes, found) {
			t.Error(p)
		}
	})
	res, d := bundled(t)
	if len(d.Claims) < 21 {
		t.Errorf("%d claims, want at least the 21 of the research file", len(d.Claims))
	}
	for _, c := range d.Claims {
		if c.Verdict.ID == "" {
			t.Errorf("claim %s has no verdict", c.ID)
		}
		if strings.TrimSpace(c.Explanation) == "" {
			t.Errorf("claim %s has no reasoning", c.ID)
		}
		if !hasWebSource(c.Sources) {
			t.Errorf("claim %s has no source with an http(s) URL", c.ID)
		}
		if _, ok := testfiles.Read(t, res.Output)["claims/"+c.ID+"/index.html"]; !ok {
			t.Errorf("claim %s has no page", c.ID)
		}
	}
	for _, q := range d.Quotes {
		if q.Speaker == nil || q.Said.IsZero() {
			t.Errorf("quote %s lacks a speaker or a date", q.ID)
		}
		if _, ok := testfiles.Read(t, res.Output)["quotes/"+q.ID+"/index.html"]; !ok {
			t.Errorf("quote %s has no page", q.ID)
		}
	}
	d = finished(t, res)
	for _, a := range d.Actors {
		checkEntity(t, res, "actors/"+a.ID, a.Body, backLinks(a.Mentions, a.Articles, a.Quotes, a.Claims, a.Events))
	}
	for _, o := range d.Organizations {
		n := backLinks(o.Mentions, o.Articles, o.Statements, o.Claims, o.Events) + len(o.Members) + len(o.MemberOf)
		checkEntity(t, res, "organizations/"+o.ID, o.Body, n)
	}
}

// finished rebuilds the graph with mentions through a real build.
func finished(t *testing.T, res *Result) *dossier.Dossier {
	t.Helper()
	b := New(Options{Source: os.DirFS(repoRoot)})
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	if b.last == nil {
		t.Fatal("the builder kept no dossier")
	}
	return b.last
}

func backLinks[A, B, C, D, E any](a []A, b []B, c []C, d []D, e []E) int {
	return len(a) + len(b) + len(c) + len(d) + len(e)
}

func checkEntity(t *testing.T, res *Result, path string, body []byte, links int) {
	t.Helper()
	if len(bytes.TrimSpace(body)) == 0 {
		t.Errorf("%s has no profile", path)
	}
	if links == 0 {
		t.Errorf("%s has no back-link", path)
	}
	if _, ok := testfiles.Read(t, res.Output)[path+"/index.html"]; !ok {
		t.Errorf("%s has no page", path)
	}
}

func hasWebSource(sources []content.Source) bool {
	for _, s := range sources {
		if strings.HasPrefix(s.URL, "https://") || strings.HasPrefix(s.URL, "http://") {
			return true
		}
	}
	return false
}

// The research notes the dossier is written from live outside the repository,
// beside it: ../shared/research/… from the main checkout.
const (
	notesPath = "shared/research/kazakhstan-2022-sources.md"
	notesEnv  = "DOSSIER_RESEARCH_NOTES"
)

// researchNotes reads the research notes from $DOSSIER_RESEARCH_NOTES, or from
// shared/research/ in the nearest folder above the repository that has it.
func researchNotes() (string, bool) {
	if p := os.Getenv(notesEnv); p != "" {
		b, err := os.ReadFile(p)
		return string(b), err == nil
	}
	dir, err := filepath.Abs(repoRoot)
	if err != nil {
		return "", false
	}
	for parent := filepath.Dir(dir); parent != dir; dir, parent = parent, filepath.Dir(parent) {
		if b, err := os.ReadFile(filepath.Join(parent, notesPath)); err == nil {
			return string(b), true
		}
	}
	return "", false
}

// sourceKinds are the values of a source's kind (DESIGN.md).
var sourceKinds = []string{"official", "primary", "wire", "news", "state-media", "partisan",
	"advocacy", "aggregator", "content-farm", "mirror", "reference", "unknown", "other"}

// notVerbatim are the words with which a quotation's context says that the
// quoted words are not the speaker's own.
var notVerbatim = []string{"not verbatim", "paraphrase", "re-translat", "retranslat", "not found in", "not compared", "words differ"}

// editorial holds what editorialProblems has seen so far.
type editorial struct {
	problems []diag.Diagnostic
	kinds    map[string]sourceAt // domain → the first source of that domain
	listed   map[string]bool     // addresses listed in docs/sources.md
	notes    string
	useNotes bool
}

// sourceAt is a source's kind and where it was set.
type sourceAt struct {
	kind string
	pos  diag.Pos
}

// editorialProblems checks the content of fsys against the fact-checking
// standard of issue 24 and returns each problem as "file:line:col: message":
// no "(untitled page)" title; a kind on every source, "other" only with a note,
// and one kind per domain; a claim restatement on every claim that is more than
// its text with other case and punctuation, at most 75 characters; no quotation
// whose context says it is not verbatim without paraphrase = true; every url
// and archived address in the research notes (when useNotes) or in
// docs/sources.md, each entry of which has a title, a passage and the address
// of the stored copy that was read.
func editorialProblems(fsys fs.FS, notes string, useNotes bool) []string {
	e := &editorial{kinds: map[string]sourceAt{}, notes: notes, useNotes: useNotes}
	e.listed = e.sourcesDoc(fsys)
	set, _ := content.Load(fsys) // content errors are dossier check's to report
	var docs []*content.Doc
	for _, a := range set.Articles {
		docs = append(docs, &a.Doc)
	}
	for _, a := range set.Actors {
		docs = append(docs, &a.Doc)
	}
	for _, o := range set.Organizations {
		docs = append(docs, &o.Doc)
	}
	for _, ev := range set.Events {
		docs = append(docs, &ev.Doc)
	}
	for _, d := range docs {
		e.doc(fsys, d)
	}
	slices.SortFunc(e.problems, func(a, b diag.Diagnostic) int { return a.Pos.Compare(b.Pos) })
	out := make([]string, len(e.problems))
	for i, p := range e.problems {
		out[i] = p.Pos.String() + ": " + p.Msg
	}
	return out
}

func (e *editorial) errorf(pos diag.Pos, format string, args ...any) {
	e.problems = append(e.problems, diag.Diagnostic{Pos: pos, Msg: fmt.Sprintf(format, args...)})
}

// doc checks one content file, whose front matter it reads again as plain TOML
// (the checks name keys the parser may not know yet) and whose positions come
// from the parser's Doc.Keys.
func (e *editorial) doc(fsys fs.FS, d *content.Doc) {
	src, err := fs.ReadFile(fsys, d.Path)
	if err != nil {
		e.errorf(d.Pos, "cannot read: %v", err)
		return
	}
	front, ok := tomlFront(src)
	if !ok {
		e.errorf(d.Pos, "front matter is not TOML (+++): the editorial check reads TOML only")
		return
	}
	var m map[string]any
	if _, err := toml.Decode(front, &m); err != nil {
		e.errorf(d.Pos, "front matter does not decode: %v", err)
		return
	}
	at := func(keys ...string) diag.Pos {
		for _, k := range keys {
			if p, ok := d.Keys[k]; ok {
				return p
			}
		}
		return d.Pos
	}
	if s, ok := m["source"].(map[string]any); ok {
		e.source(s, "source", at)
		if o, ok := s["original"].(map[string]any); ok {
			e.addresses(o, "source.original", at)
		}
	}
	e.sources(m["sources"], "sources", at)
	for i, c := range tables(m["claims"]) {
		path := fmt.Sprintf("claims.%d", i)
		e.claim(c, path, at)
		e.sources(c["sources"], path+".sources", at)
	}
	for i, q := range tables(m["quotes"]) {
		e.quote(q, fmt.Sprintf("quotes.%d", i), at)
	}
}

// tomlFront returns the TOML front matter of a content file.
func tomlFront(src []byte) (string, bool) {
	s := strings.ReplaceAll(string(src), "\r\n", "\n")
	rest, ok := strings.CutPrefix(s, "+++\n")
	if !ok {
		return "", false
	}
	front, _, ok := strings.Cut(rest, "\n+++")
	return front, ok
}

// tables returns v as a list of tables, or nil.
func tables(v any) []map[string]any {
	switch v := v.(type) {
	case []map[string]any:
		return v
	case []any:
		var out []map[string]any
		for _, x := range v {
			if m, ok := x.(map[string]any); ok {
				out = append(out, m)
			}
		}
		return out
	}
	return nil
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

func (e *editorial) sources(v any, path string, at func(...string) diag.Pos) {
	for i, s := range tables(v) {
		e.source(s, fmt.Sprintf("%s.%d", path, i), at)
	}
}

// source checks one source's title, kind and addresses.
func (e *editorial) source(s map[string]any, path string, at func(...string) diag.Pos) {
	if t := str(s, "title"); strings.Contains(t, "(untitled page)") {
		e.errorf(at(path+".title"), "title %q: give the page's real title, or a plain description of it", t)
	}
	kind := str(s, "kind")
	switch {
	case kind == "":
		e.errorf(at(path+".url", path+".title", path), "source has no kind: one of %s", strings.Join(sourceKinds, ", "))
	case !slices.Contains(sourceKinds, kind):
		e.errorf(at(path+".kind"), "kind %q: want one of %s", kind, strings.Join(sourceKinds, ", "))
	case kind == "other" && strings.TrimSpace(str(s, "note")) == "":
		e.errorf(at(path+".kind"), `kind "other" needs a note saying what the source is`)
	}
	if dom := domain(str(s, "url")); dom != "" && kind != "" {
		if first, ok := e.kinds[dom]; !ok {
			e.kinds[dom] = sourceAt{kind, at(path + ".kind")}
		} else if first.kind != kind {
			e.errorf(at(path+".kind"), "kind %q for %s, which is %q at %s: give a domain one kind throughout", kind, dom, first.kind, first.pos)
		}
	}
	e.addresses(s, path, at)
}

// addresses checks that a source's url and archived address are accounted for.
func (e *editorial) addresses(s map[string]any, path string, at func(...string) diag.Pos) {
	for _, key := range []string{"url", "archived"} {
		u := str(s, key)
		if u == "" || e.listed[u] || !e.useNotes || inNotes(e.notes, u) {
			continue
		}
		e.errorf(at(path+"."+key, path), "%s %s is in neither the research notes nor docs/sources.md: list it there with its title, the passage relied on and the stored copy's address", key, u)
	}
}

// inNotes reports whether u occurs in the notes as a whole address, not as the
// start of a longer one.
func inNotes(notes, u string) bool {
	for i := strings.Index(notes, u); i >= 0; {
		rest := notes[i+len(u):]
		r, _ := utf8.DecodeRuneInString(rest)
		if rest == "" || unicode.IsSpace(r) || strings.ContainsRune(")>*`,;|\"", r) ||
			(r == '.' && (len(rest) == 1 || unicode.IsSpace(rune(rest[1])))) {
			return true
		}
		j := strings.Index(rest, u)
		if j < 0 {
			return false
		}
		i += len(u) + j
	}
	return false
}

// domain is the registered domain of an address: the last two labels of its
// host, or three under a country's second level ("mfa.gov.cn").
func domain(u string) string {
	p, err := url.Parse(u)
	if err != nil || p.Hostname() == "" {
		return ""
	}
	labels := strings.Split(strings.ToLower(p.Hostname()), ".")
	n := 2
	if len(labels) >= 3 && len(labels[len(labels)-1]) == 2 &&
		slices.Contains([]string{"gov", "com", "co", "org", "net", "ac", "edu"}, labels[len(labels)-2]) {
		n = 3
	}
	return strings.Join(labels[max(len(labels)-n, 0):], ".")
}

// claim checks a claim's restatement against its text.
func (e *editorial) claim(c map[string]any, path string, at func(...string) diag.Pos) {
	restated, text := str(c, "claim"), str(c, "text")
	switch {
	case strings.TrimSpace(restated) == "":
		e.errorf(at(path+".text", path+".id"), "claim %q has no claim: restate what was claimed as a sentence of at most 75 characters", str(c, "id"))
	case letters(restated) == letters(text):
		e.errorf(at(path+".claim"), "claim %q: the restatement only repeats the text; say what was claimed as a sentence", str(c, "id"))
	case utf8.RuneCountInString(restated) > 75:
		e.errorf(at(path+".claim"), "claim %q: the restatement has %d characters; keep it to 75", str(c, "id"), utf8.RuneCountInString(restated))
	}
}

// letters is s in lower case without punctuation, symbols or spaces.
func letters(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// quote checks that words noted as not verbatim are marked as a paraphrase.
func (e *editorial) quote(q map[string]any, path string, at func(...string) diag.Pos) {
	if p, _ := q["paraphrase"].(bool); p {
		return
	}
	ctx := strings.ToLower(str(q, "context"))
	for _, w := range notVerbatim {
		if strings.Contains(ctx, w) {
			e.errorf(at(path+".context", path+".id"), "quote %q: its context says %q, yet it is shown as verbatim; set paraphrase = true", str(q, "id"), w)
			return
		}
	}
}

// sourcesDoc reads docs/sources.md: one "## <address>" heading per entry, with
// "- title:", "- passage:" and "- stored copy:" lines. It returns the listed
// addresses, and records each entry that lacks one of the three.
func (e *editorial) sourcesDoc(fsys fs.FS) map[string]bool {
	const file = "docs/sources.md"
	listed := map[string]bool{}
	b, err := fs.ReadFile(fsys, file)
	if err != nil {
		return listed
	}
	var addr string
	var line int
	var have map[string]bool
	flush := func() {
		if addr == "" {
			return
		}
		for _, f := range []string{"title", "passage", "stored copy"} {
			if !have[f] {
				e.errorf(diag.Pos{File: file, Line: line}, "entry %s has no %q line", addr, "- "+f+":")
			}
		}
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		l := sc.Text()
		if h, ok := strings.CutPrefix(l, "## "); ok {
			flush()
			addr, line, have = strings.TrimSpace(h), n, map[string]bool{}
			listed[addr] = true
			continue
		}
		for _, f := range []string{"title", "passage", "stored copy"} {
			v, ok := strings.CutPrefix(l, "- "+f+":")
			v = strings.TrimSpace(v)
			if ok && v != "" && (f != "stored copy" || strings.HasPrefix(v, "http://") || strings.HasPrefix(v, "https://")) {
				have[f] = true
			}
		}
	}
	flush()
	return listed
}

// TestEditorialProblems runs the editorial check on a dossier that breaks
// each rule once, and on the same dossier mended.
func TestEditorialProblems(t *testing.T) {
	bad := fstest.MapFS{
		"content/articles/a.md": {Data: []byte(`+++
title = "A"
date  = 2022-01-10

[source]
url   = "https://repost.example/a"
kind  = "content-farm"
  [source.original]
  url = "https://origin.example/a"

[[claims]]
id   = "c1"
text = "Protests erupted on January 2"
  [[claims.sources]]
  title = "Something (untitled page)"
  url   = "https://news.example/1"
  [[claims.sources]]
  title = "B"
  url   = "https://www.news.example/2"
  kind  = "wire"
  [[claims.sources]]
  title = "C"
  url   = "https://other.example/c"
  kind  = "other"

[[claims]]
id    = "c2"
text  = "Protests erupted on January 2"
claim = "protests erupted, on January 2!"
  [[claims.sources]]
  title = "D"
  url   = "https://news.example/3"
  kind  = "news"

[[quotes]]
id      = "q1"
speaker = "x"
text    = "Protests"
said    = 2022-01-10
context = "Not verbatim: a re-translation."
+++

Protests erupted on January 2.
`)},
		"docs/sources.md": {Data: []byte("# Sources\n\n## https://news.example/1\n\n- title: One\n- stored copy: https://copy.example/1\n")},
	}
	notes := "See https://repost.example/a and https://www.news.example/2, https://other.example/c.\n"
	want := []string{
		// At source.original.url once the parser knows [source.original], at the table before.
		"url https://origin.example/a is in neither",
		"content/articles/a.md:13:1: claim \"c1\" has no claim",
		"content/articles/a.md:15:3: title \"Something (untitled page)\"",
		"content/articles/a.md:16:3: source has no kind",
		"content/articles/a.md:24:3: kind \"other\" needs a note",
		"content/articles/a.md:29:1: claim \"c2\": the restatement only repeats the text",
		"content/articles/a.md:32:3: url https://news.example/3 is in neither",
		"content/articles/a.md:33:3: kind \"news\" for news.example, which is \"wire\" at content/articles/a.md:20:3",
		"content/articles/a.md:40:1: quote \"q1\": its context says \"not verbatim\"",
		"docs/sources.md:3: entry https://news.example/1 has no \"- passage:\" line",
	}
	got := editorialProblems(bad, notes, true)
	for _, w := range want {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.Contains(g, w) }) {
			t.Errorf("missing problem %q", w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("got %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
}
