package site

import (
	"html/template"
	"maps"

	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/render"
)

// collected is what collect kept of the last build for the next one.
type collected struct {
	bodies bodies
	units  []render.TextKey // each unit's key, in order
	keys   []uint64         // each unit's conversion key (0: not cached)
}

// collect gathers the HTML of every converted body by key, and each
// article's plain text. When the units are the last build's, in the same
// order, it copies the last build's maps and writes over them only what
// the units converted again changed: a preview rebuild converts one or two
// units of thousands, and copying a map costs far less than filling it.
func (b *Builder) collect(units []unit, keys []uint64, results []convertedUnit) bodies {
	total := 0
	for i := range results {
		total += len(results[i].keys)
	}
	last := b.collected
	b.collected = collected{units: make([]render.TextKey, len(units)), keys: keys}
	for i, u := range units {
		b.collected.units[i] = u.key
	}
	res, ok := b.update(last, units, keys, results)
	if !ok {
		res = bodies{html: make(map[render.TextKey]template.HTML, total), text: make(map[string]string, len(units))}
		for i, u := range units {
			add(res, u, results[i])
		}
	}
	// An update is sound only where each key belongs to one unit (the
	// resolver leaves duplicate ids out, so it always should): when two
	// units share a key, the next build fills the maps anew.
	if len(res.html) == total {
		b.collected.bodies = res
	}
	return res
}

// update is collect's copy of the last build's maps, or false when it
// cannot be made.
func (b *Builder) update(last collected, units []unit, keys []uint64, results []convertedUnit) (bodies, bool) {
	if last.bodies.html == nil || len(last.units) != len(units) {
		return bodies{}, false
	}
	var changed []int
	for i, u := range units {
		if u.key != last.units[i] || last.keys[i] == 0 {
			return bodies{}, false
		}
		if keys[i] == 0 || keys[i] != last.keys[i] {
			changed = append(changed, i)
		}
	}
	res := bodies{html: maps.Clone(last.bodies.html), text: maps.Clone(last.bodies.text)}
	// First every old key of the units that changed goes, then their new
	// ones come: a claim moved from one unit to another stays.
	for _, i := range changed {
		old, ok := b.converted[last.keys[i]]
		if !ok {
			return bodies{}, false
		}
		for _, key := range old.keys {
			delete(res.html, key)
		}
		if isArticle(units[i].key) {
			delete(res.text, units[i].key.Of.ID)
		}
	}
	for _, i := range changed {
		add(res, units[i], results[i])
	}
	return res, true
}

// add puts one unit's HTML, and an article's text, into res.
func add(res bodies, u unit, r convertedUnit) {
	for j, key := range r.keys {
		res.html[key] = r.html[j]
		if key == u.key && isArticle(key) {
			res.text[key.Of.ID] = r.text
		}
	}
}

// isArticle reports whether key is an article's body.
func isArticle(key render.TextKey) bool { return key.Of.Kind == dossier.KindArticle && key.Update == 0 }
