package render

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/fnv"
	"io"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/work"
)

// Output is a rendered site, as a file system: `dossier build` writes it,
// `check` reads its links, and `serve` serves it. Its HTML pages and share
// cards render on first read. The files made from the whole dossier (search
// index, data export, feeds, sitemap, robots.txt, CNAME) are made together,
// on the first read of any of them or of a folder's listing.
//
// The Output of a one-shot render (Input.Versions nil) keeps nothing it has
// handed over, so that a site larger than memory allows can be written out
// file by file: each file can be read once, and a second read fails with
// ErrReadOnce. The Output of a render kept for the next one keeps every
// file it made, and its pages' recorded inputs (see record.go).
//
// An Output is safe for concurrent use.
type Output struct {
	plan    *plan             // every HTML page and share card: its job and path
	list    []lazyPage        // and the pages, in the plan's order: one allocation
	static  map[string][]byte // static files, code.css and .nojekyll
	keep    bool              // the renderer keeps this output's pages for the next render
	unread  atomic.Int64      // in a one-shot output, the pages not read yet
	r       *Renderer
	site    *siteData
	version map[string]uint64 // each static file's fingerprint

	// search, export and data are the files made from the whole
	// dossier, in three groups, each made when one of its files or
	// folders is first read (see groupOf).
	search, export, data sideGroup
	making               sync.Mutex // held while a group is made
	released             sync.Once
	planned              func() map[string][]string // each folder's pages and static files and folders, sorted, made on first use
	listings             sync.Map                   // folder → its listing, []string, once asked for
	failed               struct {
		mu   sync.Mutex
		list failures
	}
}

// ErrReadOnce is the error of a second read of a file of a one-shot Output.
var ErrReadOnce = errors.New("a one-shot render's file is made for one read")

// Render prepares the render of a site: every page's job, and the static
// files. Nothing is rendered until it is read. A page whose path is that of
// a page of the last Output this Renderer kept, and whose recorded inputs
// all kept their fingerprints, keeps that page's bytes.
func (r *Renderer) Render(in Input) (*Output, error) {
	site := newSiteData(in, r.tmpl)
	r.words.Store(site.words)
	keep := in.Versions != nil // a render kept for the next one records what pages read
	r.mu.Lock()
	defer r.mu.Unlock()
	pl := planFor(site, r.plan)
	jobs := pl.jobs
	if keep {
		site.table = &r.table
		site.fps = newFingerprints(in, site.links, site.table)
		// A new map each render: the pages of an older output, which a
		// reader may still be asking for, read theirs without the lock.
		items := make(map[dossier.Ref]cachedItem, len(r.items))
		maps.Copy(items, r.items)
		if r.last != nil {
			r.last.items.Range(func(k, v any) bool {
				items[k.(dossier.Ref)] = v.(cachedItem)
				return true
			})
		}
		r.items = items
	}
	site.previous = r.items
	o := &Output{plan: pl, keep: keep, r: r, site: site}
	o.list = make([]lazyPage, len(jobs))
	for i, j := range jobs {
		d := &o.list[i]
		d.out, d.job, d.keep = o, int32(i), keep
		if keep {
			d.base.Store(lastRendered(r.kept.page(j.path, i, pl)))
			d.prints = site.fps
		}
	}
	o.unread.Store(int64(len(jobs)))
	o.search.add, o.export.add, o.data.add = addSearchGroup, addExportGroup, addDataGroup
	o.static = fileMap{}
	if err := addStatic(o.static, in); err != nil {
		return nil, err
	}
	// The tree of folders is made when a folder is first listed: `serve`
	// never lists one, and making it took 6.7 ms of each rebuild of a
	// 1,000-article dossier (BenchmarkRebuildOneArticle1000).
	o.planned = sync.OnceValue(func() map[string][]string {
		return tree(append(slices.Clone(o.plan.order), slices.Collect(maps.Keys(o.static))...))
	})
	o.version = make(map[string]uint64, len(o.static))
	for name, b := range o.static {
		h := fnv.New64a()
		h.Write(b)
		o.version[name] = h.Sum64()
	}
	r.plan = pl
	if keep {
		r.kept, r.last = o, site
	} else {
		r.kept, r.last, r.items = nil, nil, nil
	}
	return o, nil
}

// page is the page at path, the i-th of plan, in o; nil when o is nil or
// has no such page.
func (o *Output) page(path string, i int, plan *plan) *lazyPage {
	switch {
	case o == nil:
		return nil
	case o.plan == plan:
		return &o.list[i]
	}
	return o.pageAt(path)
}

// pageAt is the page at path in o, or nil.
func (o *Output) pageAt(path string) *lazyPage {
	if k, ok := o.plan.index[path]; ok {
		return &o.list[k]
	}
	return nil
}

// Pages lists every HTML page and share card, in the order they were
// planned: the files that render when read.
func (o *Output) Pages() []string { return slices.Clone(o.plan.order) }

// Static lists the static files (the site's static/ over the defaults,
// code.css and .nojekyll), by name: the files that are ready at once.
// The files made from the whole dossier are listed by neither Pages nor
// Static; a folder's listing (ReadDir) has them too.
func (o *Output) Static() []string { return slices.Sorted(maps.Keys(o.static)) }

// Version is a number that is the same in two Outputs of one Renderer for
// a page or static file whose bytes are the same in both; for a page, asking
// checks its last rendered version's recorded inputs. It is 0 for a file
// Pages and Static do not list.
func (o *Output) Version(name string) uint64 {
	if p := o.pageAt(name); p != nil {
		return p.Sig()
	}
	return o.version[name]
}

// ReadFile returns the bytes of the file name, rendering it when it is a
// page not rendered yet: a copy, which the caller may change, in an output
// that is kept; the bytes themselves in a one-shot output, which lets them
// go. A page whose template fails returns a *TemplateError, which Failures
// also reports.
func (o *Output) ReadFile(name string) ([]byte, error) {
	b, err := o.read(name)
	if o.keep && err == nil {
		b = bytes.Clone(b)
	}
	return b, err
}

// read is ReadFile without the copy.
func (o *Output) read(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrInvalid}
	}
	if p := o.pageAt(name); p != nil {
		b, err := p.read()
		if !o.keep && !errors.Is(err, ErrReadOnce) {
			o.unread.Add(-1)
		}
		var tmplErr *TemplateError
		if errors.As(err, &tmplErr) {
			o.failed.mu.Lock()
			o.failed.list.add(tmplErr)
			o.failed.mu.Unlock()
			return nil, err
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: name, Err: err}
		}
		return b, nil
	}
	if b, ok := o.static[name]; ok {
		return b, nil
	}
	return o.groupOf(name).read(o, name)
}

// Check renders every page not rendered yet (share cards, which have no
// template to fail, are made when read) and returns the templates'
// failures, as Failures does. It is for an Output that is kept: a one-shot
// Output's pages would be made and let go.
func (o *Output) Check() diag.List {
	work.Each(len(o.plan.order), func(i int) {
		if name := o.plan.order[i]; !isCard(name) {
			o.read(name)
		}
	})
	return o.Failures()
}

// CheckAndLetGo is Check for a preview that renders pages when they are
// asked for: each page's bytes are let go once rendered, and its recorded
// inputs kept, so that the next render still knows which pages changed.
// A page read later renders again. At 10,000 generated articles the pages
// weigh about 1.1 GB, which `dossier serve` held from its first build on.
func (o *Output) CheckAndLetGo() diag.List {
	work.Each(len(o.plan.order), func(i int) {
		if name := o.plan.order[i]; !isCard(name) {
			o.read(name)
			o.pageAt(name).letGo(o)
		}
	})
	return o.Failures()
}

// Held is the memory that o's rendered pages hold for their bytes, counted
// as allocated: what a preview keeps between saves.
func (o *Output) Held() int {
	n := 0
	for i := range o.list {
		if d := &o.list[i]; d.done.Load() && d.ver != nil {
			n += cap(d.ver.body)
		}
	}
	return n
}

// Failures returns the templates' failures met by the pages read so far:
// a failure at one place of a template, which every page of that template
// meets, is one diagnostic, naming the first page and how many more met it.
func (o *Output) Failures() diag.List {
	o.failed.mu.Lock()
	defer o.failed.mu.Unlock()
	return o.failed.list.list()
}

// sideGroup is some of the files made from the whole dossier, made
// together the first time one of them, or a folder they are in, is read.
// In a one-shot output, a file read is let go.
type sideGroup struct {
	add   func(o *Output, files fileMap) error
	once  sync.Once
	mu    sync.Mutex
	files fileMap
	dirs  map[string][]string // each folder's names in the group
	err   error
}

// groupOf is the group that makes the side file name, if there is one:
// the search index in search/, the data export in data/ (but for the
// ClaimReview file), and the feeds, sitemap and the rest anywhere.
func (o *Output) groupOf(name string) *sideGroup {
	switch {
	case strings.HasPrefix(name, "search/"):
		return &o.search
	case strings.HasPrefix(name, "data/") && name != ClaimReviewPath:
		return &o.export
	}
	return &o.data
}

// made makes the group's files, once. The first group a one-shot output
// makes once every page has been read lets go of what only pages read.
func (g *sideGroup) made(o *Output) *sideGroup {
	g.once.Do(func() {
		// One group at a time: a one-shot output's first group made after
		// the last page was read lets go of what groups made before read.
		o.making.Lock()
		defer o.making.Unlock()
		if !o.keep && o.unread.Load() == 0 {
			o.released.Do(o.site.releasePages)
		}
		g.files = fileMap{}
		g.err = g.add(o, g.files)
		g.dirs = tree(slices.Collect(maps.Keys(g.files)))
	})
	return g
}

// read returns the bytes of the group's file name.
func (g *sideGroup) read(o *Output, name string) ([]byte, error) {
	if g.made(o).err != nil {
		return nil, &fs.PathError{Op: "read", Path: name, Err: g.err}
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	b, ok := g.files[name]
	switch {
	case !ok:
		return nil, &fs.PathError{Op: "read", Path: name, Err: fs.ErrNotExist}
	case b == nil && !o.keep:
		return nil, &fs.PathError{Op: "read", Path: name, Err: ErrReadOnce}
	case !o.keep:
		g.files[name] = nil // handed over: let it go
	}
	return b, nil
}

// addSearchGroup, addExportGroup and addDataGroup make the three groups.
func addSearchGroup(o *Output, files fileMap) error { return addSearch(files, o.site) }
func addExportGroup(o *Output, files fileMap) error { return addExport(files, o.site) }

// addDataGroup adds the feeds, sitemap, ClaimReview file, robots.txt and
// CNAME; the sitemap lists the pages and static files.
func addDataGroup(o *Output, files fileMap) error {
	return addData(files, append(o.Pages(), o.Static()...), o.site)
}

// tree lists the folders that hold names, each with its files and folders.
func tree(names []string) map[string][]string {
	dirs := map[string][]string{".": nil}
	for _, name := range names {
		for {
			dir := path.Dir(name)
			_, known := dirs[dir]
			dirs[dir] = append(dirs[dir], path.Base(name))
			if known {
				break
			}
			name = dir
		}
	}
	for dir, list := range dirs {
		slices.Sort(list)
		dirs[dir] = slices.Compact(list)
	}
	return dirs
}

// Open opens the file or folder name (fs.FS). Opening a page renders it.
func (o *Output) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	b, err := o.read(name)
	if errors.Is(err, fs.ErrNotExist) {
		names, isDir, err := o.listing(name)
		if err != nil {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		if isDir {
			return &outputDir{name: name, entries: o.entries(name, names)}, nil
		}
	}
	if err != nil {
		var tmplErr *TemplateError
		if errors.As(err, &tmplErr) {
			return nil, &fs.PathError{Op: "open", Path: name, Err: err}
		}
		if pe, ok := err.(*fs.PathError); ok {
			pe.Op = "open"
		}
		return nil, err
	}
	return &outputFile{info: fileInfo{name: path.Base(name), size: int64(len(b))}, r: bytes.NewReader(b)}, nil
}

// ReadDir lists the folder name (fs.ReadDirFS), sorted by name.
func (o *Output) ReadDir(name string) ([]fs.DirEntry, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrInvalid}
	}
	names, ok, err := o.listing(name)
	if err != nil {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: err}
	}
	if !ok {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	return o.entries(name, names), nil
}

// listing is the names in folder dir, and whether it is one. It makes the
// side files that may be in it: the feeds and the rest for any folder, the
// search index for search/ and the folders in it, the export for data/. A
// group that fails to be made fails the listing, so that a walk of the
// output reports it rather than leaving its files out.
func (o *Output) listing(dir string) ([]string, bool, error) {
	if names, ok := o.listings.Load(dir); ok {
		return names.([]string), true, nil
	}
	groups := []*sideGroup{&o.data}
	if g := o.groupOf(dir + "/"); g != &o.data {
		groups = append(groups, g)
	}
	names, isDir := o.planned()[dir]
	names = slices.Clone(names)
	for _, g := range groups {
		if err := g.made(o).err; err != nil {
			return nil, false, err
		}
		if more, ok := g.dirs[dir]; ok {
			names, isDir = append(names, more...), true
		}
	}
	if !isDir {
		return nil, false, nil
	}
	slices.Sort(names)
	names = slices.Compact(names)
	o.listings.Store(dir, names)
	return names, true, nil
}

// entries is the listing of folder dir, whose names are given.
func (o *Output) entries(dir string, names []string) []fs.DirEntry {
	out := make([]fs.DirEntry, len(names))
	for i, n := range names {
		full := path.Join(dir, n)
		if dir == "." {
			full = n
		}
		_, isDir, _ := o.listing(full) // a group's failure shows when the folder is read
		out[i] = dirEntry{o: o, name: full, dir: isDir}
	}
	return out
}

// dirEntry is one name in a folder's listing.
type dirEntry struct {
	o    *Output
	name string // the full path
	dir  bool
}

func (e dirEntry) Name() string { return path.Base(e.name) }
func (e dirEntry) IsDir() bool  { return e.dir }
func (e dirEntry) Type() fs.FileMode {
	if e.dir {
		return fs.ModeDir
	}
	return 0
}

// Info renders a page to know its size: in a one-shot output, that is the
// page's one read.
func (e dirEntry) Info() (fs.FileInfo, error) {
	if e.dir {
		return fileInfo{name: e.Name(), dir: true}, nil
	}
	f, err := e.o.Open(e.name)
	if err != nil {
		return nil, err
	}
	return f.Stat()
}

// fileInfo describes a file or folder of an Output: read-only, with no
// modification time.
type fileInfo struct {
	name string
	size int64
	dir  bool
}

func (i fileInfo) Name() string       { return i.name }
func (i fileInfo) Size() int64        { return i.size }
func (i fileInfo) ModTime() time.Time { return time.Time{} }
func (i fileInfo) IsDir() bool        { return i.dir }
func (i fileInfo) Sys() any           { return nil }
func (i fileInfo) Mode() fs.FileMode {
	if i.dir {
		return fs.ModeDir | 0o555
	}
	return 0o444
}

// outputFile is an open file of an Output.
type outputFile struct {
	info fileInfo
	r    *bytes.Reader
}

func (f *outputFile) Stat() (fs.FileInfo, error) { return f.info, nil }
func (f *outputFile) Read(b []byte) (int, error) { return f.r.Read(b) }
func (f *outputFile) Seek(offset int64, whence int) (int64, error) {
	return f.r.Seek(offset, whence)
}
func (f *outputFile) Close() error { return nil }

// outputDir is an open folder of an Output.
type outputDir struct {
	name    string
	entries []fs.DirEntry
	read    int
}

func (d *outputDir) Stat() (fs.FileInfo, error) {
	return fileInfo{name: path.Base(d.name), dir: true}, nil
}
func (d *outputDir) Read([]byte) (int, error) {
	return 0, &fs.PathError{Op: "read", Path: d.name, Err: errors.New("is a directory")}
}
func (d *outputDir) Close() error { return nil }

// ReadDir lists the folder as fs.ReadDirFile does: n > 0 entries at a time.
func (d *outputDir) ReadDir(n int) ([]fs.DirEntry, error) {
	left := d.entries[d.read:]
	if n <= 0 {
		d.read = len(d.entries)
		return left, nil
	}
	if len(left) == 0 {
		return nil, io.EOF
	}
	left = left[:min(n, len(left))]
	d.read += len(left)
	return left, nil
}

// lazyPage is one HTML page or share card of an Output, made the first
// time it is read. In a render kept for the next one, a page whose last
// rendered version read nothing that changed takes that version's bytes
// instead (see settle).
type lazyPage struct {
	keep    bool // the bytes are kept, and may be read again
	once    sync.Once
	settled sync.Once
	done    atomic.Bool
	out     *Output  // the output the page renders for; nil once rendered, unless its bytes were dropped
	job     int32    // the page's job in out's plan
	ver     *version // the page's bytes and inputs, once rendered or settled
	err     error
	sig     uint64
	// base is the last rendered version of the page at this path, until
	// this one is settled; prints is this render's fingerprints.
	base   atomic.Pointer[version]
	prints *fingerprints
}

// version is one rendering of a page: its bytes and what it read. The next
// render's page at the same path keeps it when nothing it read changed, so
// a version, never a page, outlives its output.
type version struct {
	body  []byte
	pins  pinned    // the inputs the page read, with their fingerprints
	table *depTable // the renderer's
	sig   uint64
	// dropped says that the bytes were let go once the page was checked
	// (see CheckAndLetGo): reading the page renders it again, from inputs
	// that pins says are the same.
	dropped bool
}

// Sig is the page's generation: two pages of the same path and Sig have
// the same bytes, unless neither has a last version to compare with (a
// page never rendered since its Renderer was made, such as a share card
// nobody asked for, or whose last read failed): such pages have their
// Renderer's first generation, so a new Renderer (a template changed)
// gives every page a new one. Asking for it checks the page's last
// version against this render's inputs (see nextSig).
func (d *lazyPage) Sig() uint64 {
	d.settle()
	return d.sig
}

// settle decides, once, whether the page is its last rendered version:
// it is when every input that version read kept its fingerprint.
func (d *lazyPage) settle() {
	d.settled.Do(func() {
		b := d.base.Load()
		switch {
		case b == nil:
			d.sig = d.out.r.firstSig // see Sig
		case b.pins.valid(d.prints):
			d.ver, d.sig = b, b.sig
			if !b.dropped {
				d.out = nil // kept for a dropped version, which renders again through it
			}
			d.prints = nil
			d.base.Store(nil)
			d.once.Do(func() {})
			d.done.Store(true)
		default:
			d.sig = b.nextSig(d.prints)
		}
	})
}

// nextSig is the generation of a page whose last rendered version b read
// inputs that changed since: made from b's generation and the fingerprints
// those inputs have in f, so that two renders where they are alike, which
// make the same bytes, give the same generation, and two where they
// differ do not, even when neither page was rendered (a preview's pages
// render when asked for). A version whose inputs were not all recorded
// gets a generation of its own.
func (b *version) nextSig(f *fingerprints) uint64 {
	if !b.pins.ok || f == nil {
		return uniqueSig()
	}
	h := fnv.New64a()
	buf := binary.LittleEndian.AppendUint64(nil, b.sig)
	for _, i := range b.pins.ids {
		buf = binary.LittleEndian.AppendUint64(buf, f.at(i))
	}
	h.Write(buf)
	return max(h.Sum64()&^(1<<63), 1) // the high bit is uniqueSig's
}

// uniqueSig is a generation no other page has: that of a page with no
// version to compare with, or whose version cannot be compared.
func uniqueSig() uint64 { return uniqueSigs.Add(1) | 1<<63 }

var uniqueSigs atomic.Uint64

// read renders the page on the first call and returns its bytes, or the
// template's failure as a *TemplateError. A page that is not kept hands
// its bytes over and keeps nothing: a second read fails with ErrReadOnce.
// A kept page whose bytes were dropped (see CheckAndLetGo) renders again
// on every read, for that reader only: serve holds what it serves.
func (d *lazyPage) read() ([]byte, error) {
	d.settle()
	first := false
	d.once.Do(func() {
		first = true
		ver := &version{sig: d.sig}
		var body []byte
		if body, d.err = d.render(ver); d.err == nil {
			ver.body = body
			if d.keep {
				// Kept, the bytes must not hold on to the buffer's spare
				// room: pages of 5 kB in buffers of 32 kB made 3.2 GB of
				// `dossier serve`'s 4.4 GB at 10,000 generated articles.
				ver.body = bytes.Clone(ver.body)
			}
		}
		d.ver = ver
		d.out, d.prints = nil, nil // let the dossier it read go
		d.base.Store(nil)
		d.done.Store(true)
	})
	if d.keep {
		if d.ver.dropped {
			return d.renderAgain()
		}
		return d.ver.body, d.err
	}
	if !first {
		return nil, ErrReadOnce
	}
	body := d.ver.body
	d.ver = nil
	return body, d.err
}

// renderAgain renders a page whose bytes were dropped, for one reader,
// keeping nothing: the inputs it read are those of its version.
func (d *lazyPage) renderAgain() ([]byte, error) {
	return d.render(&version{sig: d.sig})
}

// render renders the page through its output, recording what it reads
// into ver, and returns its bytes.
func (d *lazyPage) render(ver *version) ([]byte, error) {
	buf := bytes.NewBuffer(make([]byte, 0, pageSizeHint))
	err := d.out.r.renderPage(ver, &d.out.plan.jobs[d.job], d.out.site, buf)
	return buf.Bytes(), err
}

// letGo drops the bytes of a page of o rendered without failing, keeping
// its version's inputs and generation for the next render to compare.
func (d *lazyPage) letGo(o *Output) {
	if !d.done.Load() || d.err != nil || d.ver == nil || d.ver.dropped {
		return
	}
	// A new version: the old one may be another output's, still served.
	d.ver = &version{pins: d.ver.pins, table: d.ver.table, sig: d.ver.sig, dropped: true}
	d.out = o
}

// pageSizeHint is the room a page's buffer starts with: most pages of the
// bundled and generated dossiers fit.
const pageSizeHint = 32 << 10

// Rendered reports whether the page has been made, without failing.
func (d *lazyPage) Rendered() bool { return d.done.Load() && d.err == nil }
