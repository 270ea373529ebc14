package build

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"html/template"
	"strings"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/diag"
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/markdown"
	"github.com/dossier-dev/dossier/internal/markdown/mention"
	"github.com/dossier-dev/dossier/internal/render"
)

// conversion is one Markdown body to convert and where its findings go.
type conversion struct {
	key   string // "article:x", "actor:y", "claim:z" …
	in    markdown.Input
	owner any // *dossier.Article, dossier.Entity or *dossier.Event: who the mentions belong to
}

// convertAll converts every body of the dossier in parallel, reusing earlier
// conversions of identical input, and records anchors and mentions in d.
func (b *Builder) convertAll(site *config.Site, d *dossier.Dossier) (bodies, diag.List, error) {
	urls := render.NewURLs(site.BaseURL)
	matcher, diags := mentionMatcher(d, urls)
	conv := markdown.New(markdown.Options{UnsafeHTML: site.Markdown.UnsafeHTML})
	mode := mention.Mode(site.Markdown.Mentions)
	jobs := conversions(d, urls, matcher, mode)
	salt := fmt.Sprintf("unsafe=%t", site.Markdown.UnsafeHTML)
	outs := make([]markdown.Output, len(jobs))
	keys := make([]uint64, len(jobs))
	errs := make([]error, len(jobs))
	parallel(len(jobs), func(i int) {
		keys[i] = inputKey(jobs[i].in, salt, matcher.fingerprint)
		outs[i], errs[i] = b.convert(conv, jobs[i].in, keys[i])
	})
	res := bodies{html: make(map[string]template.HTML, len(jobs)), text: map[string]string{}, names: matcher.fingerprint}
	kept := make(map[uint64]markdown.Output, len(jobs))
	for i, j := range jobs {
		if errs[i] != nil {
			return res, nil, errs[i]
		}
		kept[keys[i]] = outs[i]
		res.html[j.key] = template.HTML(outs[i].HTML)
		if id, ok := strings.CutPrefix(j.key, "article:"); ok {
			res.text[id] = outs[i].Text
		}
		diags.Append(outs[i].Diags)
		record(d, j.owner, outs[i])
	}
	b.converted = kept // only what this build used, so a long serve session does not grow
	return res, diags, nil
}

// convert converts one body, or returns the cached output of an identical input.
// b.converted is only read while conversions run.
func (b *Builder) convert(conv *markdown.Converter, in markdown.Input, key uint64) (markdown.Output, error) {
	if out, ok := b.converted[key]; ok {
		return out, nil
	}
	return conv.Convert(in)
}

// inputKey hashes everything a conversion depends on.
func inputKey(in markdown.Input, salt string, names uint64) uint64 {
	h := fnv.New64a()
	buf := make([]byte, 0, 512)
	field := func(s string) {
		buf = binary.LittleEndian.AppendUint64(buf, uint64(len(s)))
		buf = append(buf, s...)
	}
	field(salt)
	field(in.File)
	field(string(in.Mentions))
	field(in.Self)
	for _, v := range [3]int64{int64(in.BodyLine), int64(names), int64(len(in.Annotations))} {
		buf = binary.LittleEndian.AppendUint64(buf, uint64(v))
	}
	if in.Matcher == nil {
		field("no-matcher")
	}
	h.Write(buf)
	h.Write(in.Source)
	buf = buf[:0]
	for _, a := range in.Annotations {
		for _, s := range [...]string{string(a.Kind), a.ID, a.Text, a.Prefix, a.Suffix, a.Status, a.Label, a.Icon, a.Href, a.Pos.String()} {
			field(s)
		}
	}
	h.Write(buf)
	return h.Sum64()
}

// record adds a conversion's anchors and mentions to the dossier.
func record(d *dossier.Dossier, owner any, out markdown.Output) {
	for _, a := range out.Anchors {
		d.Anchored(string(a.Kind), a.ID, a.Sentence, a.Line)
	}
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
