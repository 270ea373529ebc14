package build

import (
	"fmt"
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
	matcher, diags := mentionMatcher(d, urls, b.matcher)
	b.matcher = matcher
	conv := markdown.New(markdown.Options{UnsafeHTML: site.Markdown.UnsafeHTML})
	mode := mention.Mode(site.Markdown.Mentions)
	jobs := conversions(d, urls, matcher, mode)
	salt := fmt.Sprintf("unsafe=%t", site.Markdown.UnsafeHTML)
	outs := make([]markdown.Output, len(jobs))
	keys := make([]uint64, len(jobs))
	errs := make([]error, len(jobs))
	parallel(len(jobs), func(i int) {
		keys[i] = inputKey(jobs[i], b.sourceHash(jobs[i].in.File), salt, matcher.fingerprint)
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

// sourceHash is the hash of the content file's bytes from its last parse, or
// 0 when it was not parsed.
func (b *Builder) sourceHash(file string) uint64 {
	if pf, ok := b.parsed[file]; ok {
		return pf.hash
	}
	return 0
}

// inputKey hashes everything a conversion depends on. The Markdown source
// comes from the content file: when the file's hash is known, the job's key
// and the file's hash stand for it, so a rebuild does not hash every body again.
func inputKey(j conversion, fileHash uint64, salt string, names uint64) uint64 {
	in := j.in
	h := keyHash(14695981039346656037)
	h = h.str(salt).str(in.File).str(string(in.Mentions)).str(in.Self)
	h = h.num(uint64(in.BodyLine)).num(names).num(uint64(len(in.Annotations))).num(fileHash)
	if in.Matcher == nil {
		h = h.str("no-matcher")
	}
	if fileHash != 0 {
		h = h.str(j.key)
	} else {
		h = h.str(string(in.Source))
	}
	for _, a := range in.Annotations {
		h = h.str(string(a.Kind)).str(a.ID).str(a.Text).str(a.Prefix).str(a.Suffix).str(a.Status).str(a.Label).str(a.Icon).str(a.Href)
		h = h.num(uint64(a.Pos.Line)<<32 | uint64(a.Pos.Col)).str(a.Pos.File)
	}
	return uint64(h)
}

// keyHash is FNV-1a kept in a register: hashing a string allocates nothing.
type keyHash uint64

// str adds s and its length (so that "ab"+"c" and "a"+"bc" differ).
func (h keyHash) str(s string) keyHash {
	h = h.num(uint64(len(s)))
	for i := 0; i < len(s); i++ {
		h = (h ^ keyHash(s[i])) * 1099511628211
	}
	return h
}

func (h keyHash) num(v uint64) keyHash {
	for range 8 {
		h = (h ^ keyHash(byte(v))) * 1099511628211
		v >>= 8
	}
	return h
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
