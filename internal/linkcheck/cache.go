package linkcheck

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// cache holds results by URL, loaded from and saved to one JSON file.
type cache struct {
	file string
	mu   sync.Mutex
	m    map[string]result
}

// loadCache reads the results of file younger than maxAge. A missing or
// unreadable file is an empty cache: it only saves time.
func loadCache(file string, now time.Time, maxAge time.Duration) *cache {
	c := &cache{file: file, m: map[string]result{}}
	data, err := os.ReadFile(file)
	if err != nil {
		return c
	}
	var all map[string]result
	if json.Unmarshal(data, &all) != nil {
		return c
	}
	for u, r := range all {
		if age := now.Sub(r.Checked); age >= 0 && age < maxAge {
			c.m[u] = r
		}
	}
	return c
}

func (c *cache) get(url string) (result, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.m[url]
	return r, ok
}

func (c *cache) put(url string, r result) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.m[url] = r
}

// save writes the cache through a temporary file renamed into place, so
// that a reader never sees half of it.
func (c *cache) save() error {
	c.mu.Lock()
	data, err := json.MarshalIndent(c.m, "", "  ")
	c.mu.Unlock()
	if err != nil {
		return fmt.Errorf("encode the link cache: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(c.file), 0o755); err != nil {
		return fmt.Errorf("write the link cache: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(c.file), ".linkcheck-*.json")
	if err != nil {
		return fmt.Errorf("write the link cache: %w", err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("write the link cache %s: %w", tmp.Name(), err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write the link cache %s: %w", tmp.Name(), err)
	}
	if err := os.Rename(tmp.Name(), c.file); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write the link cache %s: %w", c.file, err)
	}
	return nil
}
