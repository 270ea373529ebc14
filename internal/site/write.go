package site

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/dossier-dev/dossier/internal/render"
)

// ManifestName is the file, inside the output folder, that lists every file a
// build wrote there. A folder without it, or with files it does not list, is
// not ours, and Write refuses to replace it.
const ManifestName = ".dossier-manifest"

// ErrUnsafeOutput is wrapped by the errors Write returns when it refuses an output folder.
var ErrUnsafeOutput = errors.New("unsafe output folder")

// Write puts the files of site into outDir all at once: it writes a
// temporary sibling folder, and only when every file was read and written
// swaps it into place, so outDir is never half-written and a failure leaves
// the previous output untouched. Files are 0644 and folders 0755. It returns
// the number of files written. Every file is read, even after a failure, so
// that a render.Output reports every template's failure; the error joins
// all of them.
//
// A site that lists its pages (render.Output's Pages) has those read and
// written first, on every processor. The rest is read folder by folder,
// each folder's files on every processor: a render.Output makes the files
// from the whole dossier in groups, as their folders are listed, and a
// one-shot output lets each go once read.
func Write(site fs.FS, outDir, sourceDir string) (int, error) {
	out, err := openOutput(outDir, sourceDir)
	if err != nil {
		return 0, err
	}
	var first []string
	if p, ok := site.(interface{ Pages() []string }); ok {
		first = p.Pages()
	}
	errs := out.copy(site, first)
	written := make(map[string]bool, len(first))
	for _, name := range first {
		written[name] = true
	}
	errs = append(errs, out.copyFolder(site, ".", written)...)
	if err := errors.Join(errs...); err != nil {
		out.abort()
		return 0, err
	}
	return len(out.names), out.commit()
}

// copyFolder copies the files of folder dir not written yet, then its
// folders, and returns the errors met.
func (o *output) copyFolder(site fs.FS, dir string, written map[string]bool) []error {
	entries, err := fs.ReadDir(site, dir)
	if err != nil {
		return []error{err}
	}
	var files, folders []string
	for _, e := range entries {
		name := path.Join(dir, e.Name())
		switch {
		case e.IsDir():
			folders = append(folders, name)
		case !written[name]:
			files = append(files, name)
		}
	}
	errs := o.copy(site, files)
	for _, f := range folders {
		errs = append(errs, o.copyFolder(site, f, written)...)
	}
	return errs
}

// copy reads each named file of site and writes it, on every processor,
// and returns the errors met.
func (o *output) copy(site fs.FS, names []string) []error {
	errs := make([]error, len(names))
	parallel(len(names), func(i int) {
		b, err := fs.ReadFile(site, names[i])
		if err == nil {
			err = o.put(names[i], b)
		}
		errs[i] = err
	})
	return errs
}

// Publish builds the site of opts and writes it into outDir as Write does,
// page by page as each renders, never holding the whole site in memory.
// When the content or a template has errors, they are in Result.Diags and
// nothing is written: no folder is made for content errors, and the
// partial output is removed for a template's.
func Publish(opts Options, outDir, sourceDir string) (*Result, error) {
	b := New(opts)
	res, in, err := b.prepareOnce()
	if err != nil || in == nil {
		return res, err
	}
	if opts.BeforeRender != nil {
		defer opts.BeforeRender()()
	}
	if res, err = b.renderOnce(res, in); err != nil || res.Output == nil {
		return res, err
	}
	out := res.Output.(*render.Output)
	res.Count, err = Write(out, outDir, sourceDir)
	if failed := out.Failures(); failed.HasErrors() {
		res.Diags.Append(failed)
		res.Diags.Sort()
		res.Output, res.Count = nil, 0
		return res, nil
	}
	return res, err
}

// output is a site being written into a temporary folder beside outDir,
// swapped into place by commit. put is safe for concurrent use.
type output struct {
	out, tmp string
	exact    bool // the umask leaves 0644 files and 0755 folders as they are: no chmod needed

	mu    sync.Mutex
	made  map[string]bool // folders made so far
	names []string        // files written so far
}

// openOutput checks that outDir may be replaced and makes the temporary folder.
func openOutput(outDir, sourceDir string) (*output, error) {
	out, err := filepath.Abs(outDir)
	if err != nil {
		return nil, fmt.Errorf("output folder %s: %w", outDir, err)
	}
	if err := checkOutput(out, sourceDir); err != nil {
		return nil, err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return nil, fmt.Errorf("create temporary folder: %w", err)
	}
	o := &output{out: out, tmp: tmp, made: map[string]bool{}}
	o.exact = umaskKeeps(tmp)
	return o, nil
}

// umaskKeeps reports whether files made 0644 and folders made 0755 in dir
// keep those modes, so that no chmod is needed after each.
func umaskKeeps(dir string) bool {
	probe := filepath.Join(dir, ".probe")
	if err := os.Mkdir(probe, 0o755); err != nil {
		return false
	}
	defer os.RemoveAll(probe)
	f, err := os.OpenFile(filepath.Join(probe, "f"), os.O_WRONLY|os.O_CREATE, 0o644)
	if err != nil {
		return false
	}
	f.Close()
	fi, err1 := os.Stat(filepath.Join(probe, "f"))
	di, err2 := os.Stat(probe)
	return err1 == nil && err2 == nil && fi.Mode().Perm() == 0o644 && di.Mode().Perm() == 0o755
}

// put writes one file of the site.
func (o *output) put(name string, data []byte) error {
	if !fs.ValidPath(name) || name == ManifestName || name == "." {
		return fmt.Errorf("write %s: invalid output path", name)
	}
	o.mu.Lock()
	err := o.mkdirAll(path.Dir(name))
	o.names = append(o.names, name)
	o.mu.Unlock()
	if err != nil {
		return err
	}
	if err := writeFile(filepath.Join(o.tmp, filepath.FromSlash(name)), data, o.exact); err != nil {
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// commit writes the manifest and swaps the new site into place.
func (o *output) commit() error {
	slices.Sort(o.names)
	manifest := strings.Join(o.names, "\n") + "\n"
	if err := writeFile(filepath.Join(o.tmp, ManifestName), []byte(manifest), o.exact); err != nil {
		o.abort()
		return fmt.Errorf("write manifest: %w", err)
	}
	return swap(o.tmp, o.out)
}

// abort removes the temporary folder.
func (o *output) abort() { os.RemoveAll(o.tmp) }

// checkOutput refuses an output folder that is, or contains, the source
// folder, or that holds files no build wrote.
func checkOutput(out, sourceDir string) error {
	src, err := filepath.Abs(sourceDir)
	if err != nil {
		return fmt.Errorf("source folder %s: %w", sourceDir, err)
	}
	if out == src || strings.HasPrefix(src+string(filepath.Separator), out+string(filepath.Separator)) {
		return fmt.Errorf("%w: %s is the source folder or contains it; choose another --out, such as %s",
			ErrUnsafeOutput, out, filepath.Join(src, "public"))
	}
	entries, err := os.ReadDir(out)
	if errors.Is(err, fs.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read output folder: %w", err)
	}
	listed, err := readManifest(filepath.Join(out, ManifestName))
	if err != nil {
		return fmt.Errorf("%w: %s is not empty and was not written by dossier (no %s); remove it or choose another --out",
			ErrUnsafeOutput, out, ManifestName)
	}
	var foreign []string
	err = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if rel != ManifestName && !listed[rel] {
			foreign = append(foreign, rel)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read output folder: %w", err)
	}
	if len(foreign) > 0 {
		return fmt.Errorf("%w: %s holds files dossier did not write (%s); move them to static/ or remove them",
			ErrUnsafeOutput, out, strings.Join(foreign[:min(len(foreign), 5)], ", "))
	}
	return nil
}

func readManifest(name string) (map[string]bool, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	listed := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			listed[line] = true
		}
	}
	return listed, sc.Err()
}

// mkdirAll makes rel and its parents in the temporary folder, 0755
// whatever the umask, so a static host can serve them. o.mu must be held.
func (o *output) mkdirAll(rel string) error {
	p := o.tmp
	for _, part := range strings.Split(rel, "/") {
		if part == "." || part == "" {
			continue
		}
		p = filepath.Join(p, part)
		if o.made[p] {
			continue
		}
		o.made[p] = true
		if err := os.Mkdir(p, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("create %s: %w", rel, err)
		}
		if o.exact {
			continue
		}
		if err := os.Chmod(p, 0o755); err != nil {
			return fmt.Errorf("chmod %s: %w", rel, err)
		}
	}
	return nil
}

// writeFile writes a file 0644; exact says the umask keeps that mode, else
// the file is chmod-ed.
func writeFile(name string, data []byte, exact bool) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if !exact {
		if err := f.Chmod(0o644); err != nil {
			f.Close()
			return err
		}
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// swap moves tmp into out's place, keeping the old output until the new one is in.
func swap(tmp, out string) error {
	old := ""
	if _, err := os.Stat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("move old output aside: %w", err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("move new output into place: %w", err)
	}
	if err := os.Chmod(out, 0o755); err != nil {
		return fmt.Errorf("chmod %s: %w", out, err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}
