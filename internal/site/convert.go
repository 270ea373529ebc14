package site

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"html/template"
	"sync"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/content"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/markdown"
	"github.com/dossier-dev/dossier/internal/markdown/mention"
	"github.com/dossier-dev/dossier/internal/render"
	"github.com/dossier-dev/dossier/internal/urls"
)

// conversion is one Markdown body to convert and where its findings go.
type conversion struct {
	key   render.TextKey // where its HTML goes in the render's input
	in    markdown.Input
	owner any // *dossier.Article, dossier.Entity or *dossier.Event: who the mentions belong to
}

// convertAll converts every body of the dossier in parallel and records
// anchors and mentions in d. A content file's bodies are converted again only
// when the file's bytes or what its conversion reads of the rest of the site
// changed (see unitKey); otherwise the last build's outputs are reused.
func (b *Builder) convertAll(site *config.Site, d *dossier.Dossier) (bodies, diag.List, error) {
	u := urls.New(site.BaseURL)
	matcher, diags := mentionMatcher(d, u, b.matcher)
	b.matcher = matcher
	conv := markdown.New(markdown.Options{UnsafeHTML: site.Markdown.UnsafeHTML})
	mode := mention.Mode(site.Markdown.Mentions)
	units := units(d, u, matcher, mode, site.Words())
	if pf, ok := b.parsed[content.MethodologyFile]; ok {
		src := pf.item.(methodologyText)
		units = append(units, unit{key: render.Methodology, file: content.MethodologyFile, jobs: func() []conversion {
			return []conversion{{key: render.Methodology, in: markdown.Input{File: content.MethodologyFile, BodyLine: 1, Source: src}}}
		}})
	}
	env := fmt.Appendf(nil, "unsafe=%t|%s|%s|%v|%d|%s|%v|", site.Markdown.UnsafeHTML, mode, site.BaseURL, site.Verdicts, matcher.fingerprint,
		site.Language, site.Strings)
	results := make([]convertedUnit, len(units))
	keys := make([]uint64, len(units))
	errs := make([]error, len(units))
	parallel(len(units), func(i int) {
		u := units[i]
		if h := b.sourceHash(u.file); h != 0 {
			keys[i] = unitKey(env, h, u.key)
			if r, ok := b.converted[keys[i]]; ok {
				results[i] = r
				return
			}
		}
		results[i], errs[i] = convertUnit(conv, u.jobs())
	})
	for _, err := range errs {
		if err != nil {
			return bodies{}, nil, err
		}
	}
	// The anchors and mentions go into the graph while the maps are filled:
	// anchors on every processor, since each article's are its own, and
	// mentions in order on one, since they join the entities' lists.
	own := func(i int) (markdown.Output, bool) {
		for j, key := range results[i].keys {
			if key == units[i].key {
				return results[i].outs[j], true
			}
		}
		return markdown.Output{}, false
	}
	var recorded sync.WaitGroup
	recorded.Go(func() {
		parallel(len(units), func(i int) {
			if out, ok := own(i); ok {
				recordAnchors(units[i].owner, out)
			}
		})
	})
	recorded.Go(func() {
		for i, u := range units {
			if out, ok := own(i); ok {
				recordMentions(d, u.owner, out)
			}
		}
	})
	kept := make(map[uint64]convertedUnit, len(units))
	for i := range units {
		if keys[i] != 0 {
			kept[keys[i]] = results[i]
		}
		for _, out := range results[i].outs {
			diags.Append(out.Diags)
		}
	}
	diags.Append(anchorTitles(d))
	res := b.collect(units, keys, results)
	res.names = matcher.fingerprint
	res.versions = make(map[dossier.Ref]uint64, len(units))
	for i, u := range units {
		if keys[i] != 0 {
			res.versions[u.key.Of] = keys[i]
		}
	}
	recorded.Wait()
	b.converted = kept // only what this build used, so a long serve session does not grow
	return res, diags, nil
}

// convertedUnit is the conversion of one content file's bodies.
type convertedUnit struct {
	keys []render.TextKey  // where each goes in the render's input
	html []template.HTML   // the HTML of each
	outs []markdown.Output // the rest of each output (HTML is nil: it is in html, once)
}

func convertUnit(conv *markdown.Converter, jobs []conversion) (convertedUnit, error) {
	r := convertedUnit{keys: make([]render.TextKey, len(jobs)), html: make([]template.HTML, len(jobs)), outs: make([]markdown.Output, len(jobs))}
	for i, j := range jobs {
		out, err := conv.Convert(j.in)
		if err != nil {
			return r, err
		}
		r.keys[i], r.html[i] = j.key, template.HTML(out.HTML)
		out.HTML = nil
		r.outs[i] = out
	}
	return r, nil
}

// sourceHash is the hash of the content file's bytes from its last parse, or
// 0 when it was not parsed.
func (b *Builder) sourceHash(file string) uint64 {
	if pf, ok := b.parsed[file]; ok {
		return pf.hash
	}
	return 0
}

// unitKey identifies a unit's conversion: what every conversion reads
// (env), the hash of its content file's bytes and its key.
func unitKey(env []byte, file uint64, key render.TextKey) uint64 {
	h := fnv.New64a()
	h.Write(env)
	h.Write(binary.LittleEndian.AppendUint64(nil, file))
	h.Write([]byte{byte(key.Of.Kind)})
	h.Write([]byte(key.Of.ID))
	return h.Sum64()
}

// recordAnchors adds where an article's conversion found its claims and
// quotes to them.
func recordAnchors(owner any, out markdown.Output) {
	if art, ok := owner.(*dossier.Article); ok {
		for _, a := range out.Anchors {
			art.Anchored(string(a.Kind), a.ID, a.Sentence, a.Line, a.Offset)
		}
	}
}

// recordMentions adds the names a conversion found to the dossier.
func recordMentions(d *dossier.Dossier, owner any, out markdown.Output) {
	for _, h := range out.Mentions {
		m := dossier.Mention{Sentence: h.Sentence, Line: h.Line}
		switch o := owner.(type) {
		case *dossier.Article:
			m.Article = o
		case *dossier.Event:
			m.Event = o
		case dossier.Entity:
			if o.EntityKind() == h.Kind && o.EntityID() == h.ID {
				continue // a profile naming its own subject is no back-link
			}
			m.From = o
		default:
			continue
		}
		d.AddMention(h.Kind, h.ID, m)
	}
}
