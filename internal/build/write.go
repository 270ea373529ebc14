package build

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
)

// ManifestName is the file, inside the output folder, that lists every file a
// build wrote there. A folder without it, or with files it does not list, is
// not ours, and Write refuses to replace it.
const ManifestName = ".dossier-manifest"

// ErrUnsafeOutput is wrapped by the errors Write returns when it refuses an output folder.
var ErrUnsafeOutput = errors.New("unsafe output folder")

// Write puts files into outDir all at once: it writes a temporary sibling
// folder, and only when that succeeded swaps it into place, so outDir is never
// half-written and a failure leaves the previous output untouched. Files are
// 0644 and folders 0755.
func Write(files map[string][]byte, outDir, sourceDir string) error {
	out, err := filepath.Abs(outDir)
	if err != nil {
		return fmt.Errorf("output folder %s: %w", outDir, err)
	}
	if err := checkOutput(out, sourceDir); err != nil {
		return err
	}
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".new-")
	if err != nil {
		return fmt.Errorf("create temporary folder: %w", err)
	}
	if err := writeTree(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	return swap(tmp, out)
}

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

// writeTree writes every file under dir, then the manifest. Folders are
// made first, then files are written concurrently.
func writeTree(dir string, files map[string][]byte) error {
	names := slices.Sorted(maps.Keys(files))
	dirs := map[string]bool{}
	for _, name := range names {
		if !fs.ValidPath(name) || name == ManifestName {
			return fmt.Errorf("write %s: invalid output path", name)
		}
		dirs[path.Dir(name)] = true
	}
	made := map[string]bool{}
	for _, d := range slices.Sorted(maps.Keys(dirs)) {
		if err := mkdirAll(dir, d, made); err != nil {
			return err
		}
	}
	var g errgroup
	next := make(chan string)
	for range 2 * runtime.GOMAXPROCS(0) {
		g.Go(func() error {
			var first error
			for name := range next {
				if err := writeFile(filepath.Join(dir, filepath.FromSlash(name)), files[name]); err != nil && first == nil {
					first = fmt.Errorf("write %s: %w", name, err)
				}
			}
			return first
		})
	}
	for _, name := range names {
		next <- name
	}
	close(next)
	if err := g.Wait(); err != nil {
		return err
	}
	manifest := strings.Join(names, "\n") + "\n"
	if err := writeFile(filepath.Join(dir, ManifestName), []byte(manifest)); err != nil {
		return fmt.Errorf("write manifest: %w", err)
	}
	return nil
}

// mkdirAll makes dir/rel and its parents 0755, whatever the umask, so a
// static host can serve them; made remembers the folders already made.
func mkdirAll(dir, rel string, made map[string]bool) error {
	p := dir
	for _, part := range strings.Split(rel, "/") {
		if part == "." || part == "" {
			continue
		}
		p = filepath.Join(p, part)
		if made[p] {
			continue
		}
		made[p] = true
		if err := os.Mkdir(p, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("create %s: %w", rel, err)
		}
		if err := os.Chmod(p, 0o755); err != nil {
			return fmt.Errorf("chmod %s: %w", rel, err)
		}
	}
	return nil
}

// writeFile writes a file 0644, whatever the umask.
func writeFile(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// errgroup runs functions concurrently and keeps the first error.
type errgroup struct {
	wg    sync.WaitGroup
	mu    sync.Mutex
	first error
}

func (g *errgroup) Go(f func() error) {
	g.wg.Go(func() {
		if err := f(); err != nil {
			g.mu.Lock()
			if g.first == nil {
				g.first = err
			}
			g.mu.Unlock()
		}
	})
}

func (g *errgroup) Wait() error {
	g.wg.Wait()
	return g.first
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
