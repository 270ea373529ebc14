package content

import (
	"cmp"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/dossier-dev/dossier/internal/diag"
)

// MethodologyFile is the methodology page's own text (plain Markdown),
// when a site has one. Files and Load leave it to the build.
const MethodologyFile = "content/methodology.md"

// Load reads every content/<kind>/**/*.md of fsys, which is rooted at the site
// folder, one after the other (a build parses them in parallel, with its
// cache: see package site). Files in other folders or with other extensions are
// reported as warnings; dotfiles and editor temporary files are skipped
// silently. A site without content/ loads as an empty Set. Each kind is sorted
// by id, and the diagnostics by position.
func Load(fsys fs.FS) (*Set, diag.List) {
	paths, diags := Files(fsys)
	set := &Set{}
	for _, p := range paths {
		item, ds := loadFile(fsys, p)
		set.Add(item)
		if item == nil {
			set.AddUnparsed(p)
		}
		diags.Append(ds)
	}
	set.Sort()
	diags.Sort()
	return set, diags
}

// loadFile reads and parses one file.
func loadFile(fsys fs.FS, p string) (any, diag.List) {
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		var diags diag.List
		diags.Errorf(diag.Pos{File: p}, diag.Read, "check the file's permissions", "cannot read the file: %v", err)
		return nil, diags
	}
	return Parse(p, src)
}

// Files returns the paths of the files Load parses, in lexical order, with the
// warnings about everything else under content/. It is for callers that read
// and parse files themselves, such as an incremental build.
func Files(fsys fs.FS) ([]string, diag.List) {
	var paths []string
	var diags diag.List
	err := fs.WalkDir(fsys, "content", func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			if p != "content" || !errors.Is(err, fs.ErrNotExist) {
				diags.Errorf(diag.Pos{File: p}, diag.Read, "check the folder's permissions", "cannot read: %v", err)
			}
			return nil
		}
		if p == "content" {
			return nil
		}
		name := e.Name()
		if ignored(name) {
			if e.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		return classify(&paths, &diags, p, e.IsDir())
	})
	if err != nil {
		diags.Errorf(diag.Pos{File: "content"}, diag.Read, "check the folder's permissions", "cannot read: %v", err)
	}
	return paths, diags
}

// classify keeps a content file, or warns about anything else found in content/.
func classify(paths *[]string, diags *diag.List, p string, dir bool) error {
	_, inKind := KindOf(p)
	names := make([]string, len(Kinds))
	for i, k := range Kinds {
		names[i] = string(k)
	}
	switch {
	case dir && strings.Count(p, "/") == 1 && !slices.Contains(names, path.Base(p)):
		hint := diag.DidYouMean(path.Base(p), names)
		if hint == "" {
			hint = "content folders are " + strings.Join(names, ", ")
		}
		diags.Warnf(diag.Pos{File: p}, diag.UnknownKey, hint, "folder %s is not read: not a kind of content", p)
		return fs.SkipDir
	case dir, p == MethodologyFile: // the methodology page's text is read by the build
		return nil
	case p == MethodologyFile:
		// Read by the build as the methodology page's text, not a kind's file.
	case !inKind:
		diags.Warnf(diag.Pos{File: p}, diag.UnknownKey, "move it into content/articles, content/actors, content/organizations or content/events",
			"file %s is not read: it is in no kind's folder", p)
	case path.Ext(p) != ".md":
		diags.Warnf(diag.Pos{File: p}, diag.UnknownKey, "content files end in .md; put other files in static/",
			"file %s is not read: not a .md file", p)
	default:
		*paths = append(*paths, p)
	}
	return nil
}

// ignored reports names skipped silently: dotfiles and editor leftovers.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || IsTempFile(name)
}

// IsTempFile reports whether a file name is an editor's temporary, swap or
// backup file, which content loading, builds and the watcher ignore.
func IsTempFile(name string) bool {
	switch {
	case strings.HasPrefix(name, ".#"), strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"): // emacs
		return true
	case strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".swo"), strings.HasSuffix(name, ".tmp"), strings.HasSuffix(name, ".bak"): // vim, backups
		return true
	case strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"): // JetBrains
		return true
	case strings.HasPrefix(name, ".goutputstream-"), name == ".DS_Store", name == "4913": // gedit, macOS, vim's probe
		return true
	}
	return false
}

// Add appends an *Article, *Actor, *Organization or *Event to its list; it
// ignores anything else, nil included. Sort restores the order afterwards.
func (s *Set) Add(item any) {
	switch x := item.(type) {
	case *Article:
		if x != nil {
			s.Articles = append(s.Articles, x)
		}
	case *Actor:
		if x != nil {
			s.Actors = append(s.Actors, x)
		}
	case *Organization:
		if x != nil {
			s.Organizations = append(s.Organizations, x)
		}
	case *Event:
		if x != nil {
			s.Events = append(s.Events, x)
		}
	}
}

// AddUnparsed records that the content file at path p did not parse. Its
// id is its name's, or for a name that is no id the one it is to be
// renamed to (Zhang_Ming.md: zhang-ming); a path outside the kind folders,
// or a name with no id in it, is ignored.
func (s *Set) AddUnparsed(p string) {
	kind, ok := KindOf(p)
	id := strings.TrimSuffix(path.Base(p), ".md")
	if !ValidID(id) {
		id = Slug(id)
	}
	if ok && id != "" {
		s.Unparsed = append(s.Unparsed, Unparsed{Kind: kind, ID: id, File: p})
	}
}

// Sort orders each kind by id, then by path for ids that clash.
func (s *Set) Sort() {
	slices.SortFunc(s.Unparsed, func(a, b Unparsed) int { return cmp.Compare(a.File, b.File) })
	sortDocs(s.Articles, func(a *Article) *Doc { return &a.Doc })
	sortDocs(s.Actors, func(a *Actor) *Doc { return &a.Doc })
	sortDocs(s.Organizations, func(o *Organization) *Doc { return &o.Doc })
	sortDocs(s.Events, func(e *Event) *Doc { return &e.Doc })
}

func sortDocs[T any](items []*T, doc func(*T) *Doc) {
	slices.SortFunc(items, func(a, b *T) int {
		da, db := doc(a), doc(b)
		return cmp.Or(cmp.Compare(da.ID, db.ID), cmp.Compare(da.Path, db.Path))
	})
}
