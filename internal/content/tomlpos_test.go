package content

import (
	"reflect"
	"testing"
)

func TestScanTOML(t *testing.T) {
	tests := []struct {
		src        string
		keys, vals map[string]lineCol
	}{{
		src:  "a = 1\n  b.c = \"x\" # c\n",
		keys: map[string]lineCol{"a": {1, 1}, "b": {2, 3}, "b.c": {2, 5}},
		vals: map[string]lineCol{"a": {1, 5}, "b.c": {2, 9}},
	}, {
		src:  "s = \"\"\"\nq = [1]\n\"\"\"\"\nt = '''\n[x]\n'''\nu = 'a#b'\nv = \"a\\\"b = [\"\n",
		keys: map[string]lineCol{"s": {1, 1}, "t": {4, 1}, "u": {7, 1}, "v": {8, 1}},
		vals: map[string]lineCol{"s": {1, 5}, "t": {4, 5}, "u": {7, 5}, "v": {8, 5}},
	}, {
		src:  "l = [\n  \"a\", # one\n  [1, 2],\n  {k = 1, \"q.r\" = { m = 'x' }},\n]\n",
		keys: map[string]lineCol{"l": {1, 1}, "l.2.k": {4, 4}, "l.2.q.r": {4, 11}, "l.2.q.r.m": {4, 21}},
		vals: map[string]lineCol{"l": {1, 5}, "l.0": {2, 3}, "l.1": {3, 3}, "l.1.0": {3, 4}, "l.1.1": {3, 7},
			"l.2": {4, 3}, "l.2.k": {4, 8}, "l.2.q.r": {4, 19}, "l.2.q.r.m": {4, 25}},
	}, {
		src: "[[c]]\nid = 1\n[[c]]\nid = 2\n [[ c . s ]]\n t = 1\n[[c.s]]\n[d]\ne = 1\n['f']\n",
		keys: map[string]lineCol{"c": {1, 3}, "c.0.id": {2, 1}, "c.1.id": {4, 1}, "c.1.s": {5, 9},
			"c.1.s.0.t": {6, 2}, "d": {8, 2}, "d.e": {9, 1}, "f": {10, 2}},
		vals: map[string]lineCol{"c.0": {1, 1}, "c.0.id": {2, 6}, "c.1": {3, 1}, "c.1.id": {4, 6},
			"c.1.s.0": {5, 2}, "c.1.s.0.t": {6, 6}, "c.1.s.1": {7, 1}, "d": {8, 1}, "d.e": {9, 5}, "f": {10, 1}},
	}, {
		src:  "d = 1979-05-27 07:32:00Z\ne = [2022-01-08, 2022-01-09]\n",
		keys: map[string]lineCol{"d": {1, 1}, "e": {2, 1}},
		vals: map[string]lineCol{"d": {1, 5}, "e": {2, 5}, "e.0": {2, 6}, "e.1": {2, 18}},
	}}
	for _, tt := range tests {
		got := scanTOML(tt.src)
		if !reflect.DeepEqual(got.keys, tt.keys) {
			t.Errorf("%q keys:\n got  %v\n want %v", tt.src, got.keys, tt.keys)
		}
		if !reflect.DeepEqual(got.vals, tt.vals) {
			t.Errorf("%q vals:\n got  %v\n want %v", tt.src, got.vals, tt.vals)
		}
	}
}

func TestByteCol(t *testing.T) {
	lines := []string{"é: ü", "ab"}
	for _, c := range []struct{ line, col, want int }{
		{1, 1, 1}, {1, 2, 3}, {1, 4, 5}, {1, 5, 7}, {1, 6, 8}, {2, 3, 3}, {3, 2, 2}, {0, 0, 0},
	} {
		if got := byteCol(lines, c.line, c.col); got != c.want {
			t.Errorf("byteCol(%d, %d) = %d, want %d", c.line, c.col, got, c.want)
		}
	}
}
