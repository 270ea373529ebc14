package content

import (
	"hash/fnv"
	"path"
	"slices"
	"strings"

	"github.com/dossier-dev/dossier/internal/diag"
)

// Parse parses one file whose kind comes from its path, content/<kind>/….md.
// It returns an *Article, *Actor, *Organization or *Event, or nil when the file
// is unusable: no readable front matter, a file name that is not an id, or a
// path outside the kind folders. The diagnostics are sorted.
func Parse(path string, src []byte) (any, diag.List) {
	kind, ok := KindOf(path)
	if !ok {
		var diags diag.List
		diags.Errorf(diag.Pos{File: path}, diag.BadValue, "put the file in content/articles, content/actors, content/organizations or content/events",
			"not a content file: %s", path)
		return nil, diags
	}
	switch kind {
	case KindArticle:
		return nonNil(ParseArticle(path, src))
	case KindActor:
		return nonNil(ParseActor(path, src))
	case KindOrganization:
		return nonNil(ParseOrganization(path, src))
	}
	return nonNil(ParseEvent(path, src))
}

// nonNil keeps a nil *T from turning into a non-nil any.
func nonNil[T any](t *T, diags diag.List) (any, diag.List) {
	if t == nil {
		return nil, diags
	}
	return t, diags
}

// KindOf returns the kind of a slash-separated path content/<kind>/…/<name>.
func KindOf(p string) (Kind, bool) {
	parts := strings.Split(p, "/")
	if len(parts) < 3 || parts[0] != "content" {
		return "", false
	}
	k := Kind(parts[1])
	return k, slices.Contains(Kinds, k)
}

// ParseArticle parses an article, whatever its path.
func ParseArticle(path string, src []byte) (*Article, diag.List) {
	return parseAs(KindArticle, path, src, articleSchema, func(a *Article) *Doc { return &a.Doc }, (*decoder).checkArticle)
}

// ParseActor parses an actor, whatever its path.
func ParseActor(path string, src []byte) (*Actor, diag.List) {
	return parseAs(KindActor, path, src, actorSchema, func(a *Actor) *Doc { return &a.Doc }, (*decoder).checkActor)
}

// ParseOrganization parses an organization, whatever its path.
func ParseOrganization(path string, src []byte) (*Organization, diag.List) {
	return parseAs(KindOrganization, path, src, organizationSchema, func(o *Organization) *Doc { return &o.Doc }, (*decoder).checkOrganization)
}

// ParseEvent parses an event, whatever its path.
func ParseEvent(path string, src []byte) (*Event, diag.List) {
	return parseAs(KindEvent, path, src, eventSchema, func(e *Event) *Doc { return &e.Doc }, (*decoder).checkEvent)
}

// parseAs reads a file's front matter into a T by schema s, then checks it.
func parseAs[T any](kind Kind, file string, src []byte, s *schema[T], doc func(*T) *Doc, check func(*decoder, *T)) (*T, diag.List) {
	d0 := newDoc(kind, file, src)
	sp, diags := splitFile(file, src)
	if sp == nil {
		return nil, diags
	}
	root, ds := readFront(sp.format, file, sp.front)
	diags.Append(ds)
	usable := checkFileName(&diags, d0)
	if root == nil {
		diags.Sort()
		return nil, diags
	}
	d0.Body, d0.BodyLine = sp.body, sp.bodyLine
	d0.Keys = map[string]diag.Pos{}
	t := new(T)
	*doc(t) = *d0
	dec := &decoder{format: sp.format, keys: d0.Keys}
	decodeTable(dec, root, "", s, t)
	check(dec, t)
	diags.Append(dec.diags)
	diags.Sort()
	if !usable {
		return nil, diags
	}
	return t, diags
}

// newDoc starts the Doc of a file: its kind, id, path and hash.
func newDoc(kind Kind, file string, src []byte) *Doc {
	h := fnv.New64a()
	h.Write(src)
	return &Doc{
		Kind: kind,
		ID:   strings.TrimSuffix(path.Base(file), ".md"),
		Path: file,
		Pos:  diag.Pos{File: file, Line: 1, Col: 1},
		Hash: h.Sum64(),
	}
}

// readFront decodes front matter in its format into a value tree.
func readFront(f format, file, front string) (*value, diag.List) {
	if f == formatYAML {
		return readYAML(file, front)
	}
	return readTOML(file, front)
}

// checkFileName reports a file name that is not an id.
func checkFileName(diags *diag.List, d *Doc) bool {
	if ValidID(d.ID) {
		return true
	}
	base := path.Base(d.Path)
	hint := `rename it to a name of a-z, 0-9 and "-" ending in .md`
	if s := Slug(d.ID); s != "" {
		hint = `rename it to "` + s + `.md": a name uses only a-z, 0-9 and "-"`
	}
	diags.Errorf(d.Pos, diag.BadID, hint, "invalid file name %q", base)
	return false
}
