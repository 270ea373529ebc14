package server

import (
	"hash/fnv"
	"maps"
	"slices"
	"testing/fstest"
)

// mapOutput is an output of ready files, for tests: every file is static,
// and its version is a hash of its bytes.
type mapOutput struct{ fstest.MapFS }

// outputOf makes the output that holds files.
func outputOf(files map[string][]byte) mapOutput {
	m := fstest.MapFS{}
	for name, data := range files {
		m[name] = &fstest.MapFile{Data: data, Mode: 0o444}
	}
	return mapOutput{m}
}

func (m mapOutput) Pages() []string  { return nil }
func (m mapOutput) Static() []string { return slices.Sorted(maps.Keys(m.MapFS)) }
func (m mapOutput) Version(name string) uint64 {
	f := m.MapFS[name]
	if f == nil {
		return 0
	}
	h := fnv.New64a()
	h.Write(f.Data)
	return h.Sum64() | 1
}

// files returns every file of m.
func (m mapOutput) files() map[string][]byte {
	out := make(map[string][]byte, len(m.MapFS))
	for name, f := range m.MapFS {
		out[name] = f.Data
	}
	return out
}
