package render

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// termIndex builds the search index's postings document by document. Terms
// are numbered as they first appear, and each document's weights are summed
// in a slice by term number rather than in a map per document.
type termIndex struct {
	number map[string]int32 // term → its number
	terms  []string         // number → term
	lists  [][]int32        // number → postings: doc delta, weight, … (see finish)
	pairs  pairChunks       // term number, weight, … of every document in turn
	ends   []int            // where each document's pairs end
	df     []int            // number → how many documents have it
	weight []int            // number → its weight in the current document
	inDoc  []int32          // the numbers of the current document's terms
	count  []int            // number → its count in the body being counted
	inBody []int32          // the numbers of that body's terms
	lower  []byte           // scratch for a term that lower-casing changes
	// postings is the number of (term, document) pairs so far.
	postings int
}

func newTermIndex() *termIndex {
	return &termIndex{number: make(map[string]int32, 4096)}
}

// id returns the number of term, numbering it when new. A term read from a
// longer text is copied, so that the index never holds on to the text.
func (x *termIndex) id(term string, borrowed bool) int32 {
	if n, ok := x.number[term]; ok {
		return n
	}
	if borrowed {
		term = strings.Clone(term)
	}
	n := int32(len(x.terms))
	x.number[term] = n
	x.terms = append(x.terms, term)
	x.df = append(x.df, 0)
	x.weight = append(x.weight, 0)
	x.count = append(x.count, 0)
	return n
}

// idOfBytes is id for a term in the scratch buffer.
func (x *termIndex) idOfBytes(term []byte) int32 {
	if n, ok := x.number[string(term)]; ok {
		return n
	}
	return x.id(string(term), false)
}

// asciiTerm maps the ASCII letters and digits to their lower case, every
// other ASCII byte to 0.
var asciiTerm = func() (t [utf8.RuneSelf]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// asciiSeparator marks the ASCII bytes that are neither letters nor digits,
// asciiPlain the lower-case letters and digits.
var asciiSeparator, asciiPlain = func() (sep, plain [256]bool) {
	for c := range utf8.RuneSelf {
		sep[c] = asciiTerm[c] == 0
		plain[c] = asciiTerm[c] == byte(c) && c != 0
	}
	return sep, plain
}()

// eachTerm calls f with the number of every term of text, in order: the
// lower-cased runs of letters and digits, as strings.FieldsFunc over
// strings.ToLower(text) would split them.
func (x *termIndex) eachTerm(text string, f func(n int32)) {
	for i := 0; i < len(text); {
		start, end, lowered := x.nextTerm(text, i)
		if start == end {
			break
		}
		if lowered {
			f(x.idOfBytes(x.lower))
		} else {
			f(x.id(text[start:end], true))
		}
		i = end
	}
}

// nextTerm finds the first term of text at or after byte i: text[start:end],
// or, when lower-casing changes it (lowered), the lower-cased term in x.lower.
// start == end when there is none.
func (x *termIndex) nextTerm(text string, i int) (start, end int, lowered bool) {
	start = -1
	for i < len(text) {
		// Runs of ASCII are skipped in tight loops: separators before a
		// term, lower-case letters and digits inside one.
		switch {
		case start < 0:
			for i < len(text) && asciiSeparator[text[i]] {
				i++
			}
		case !lowered:
			for i < len(text) && asciiPlain[text[i]] {
				i++
			}
		}
		if i == len(text) {
			break
		}
		r, size := rune(text[i]), 1
		var l rune
		if r < utf8.RuneSelf {
			if l = rune(asciiTerm[r]); l == 0 {
				l = -1
			}
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
			// An invalid byte reads as U+FFFD, which is no letter.
			if l = unicode.ToLower(r); !unicode.IsLetter(l) && !unicode.IsDigit(l) {
				l = -1
			}
		}
		switch {
		case l < 0 && start >= 0:
			return start, i, lowered
		case l < 0:
		case start < 0:
			start, lowered = i, l != r
			if lowered {
				x.lower = utf8.AppendRune(x.lower[:0], l)
			}
		case lowered:
			x.lower = utf8.AppendRune(x.lower, l)
		case l != r:
			lowered = true
			x.lower = utf8.AppendRune(append(x.lower[:0], text[start:i]...), l)
		}
		i += size
	}
	if start < 0 {
		return i, i, false
	}
	return start, i, lowered
}

// add adds the terms of text to the current document with weight.
func (x *termIndex) add(text string, weight int) {
	x.eachTerm(text, func(n int32) { x.addWeight(n, weight) })
}

func (x *termIndex) addWeight(n int32, weight int) {
	if x.weight[n] == 0 {
		x.inDoc = append(x.inDoc, n)
	}
	x.weight[n] = min(x.weight[n]+weight, maxWeight)
}

// addBody adds an article body's terms with weight, counting them once per
// text: the counts of the last render are reused for a text that did not
// change (article bodies are most of the index's work, and a rebuild usually
// changes one of them).
func (x *termIndex) addBody(s *siteData, text string, weight int) {
	if c, ok := s.prevTerms[text]; ok {
		s.nextTerms[text] = c
		for t, k := range c {
			x.addWeight(x.id(t, false), k*weight)
		}
		return
	}
	x.eachTerm(text, func(n int32) {
		if x.count[n] == 0 {
			x.inBody = append(x.inBody, n)
		}
		x.count[n]++
	})
	var c map[string]int
	if s.nextTerms != nil { // kept for the next render
		c = make(map[string]int, len(x.inBody))
	}
	for _, n := range x.inBody {
		if c != nil {
			c[x.terms[n]] = x.count[n]
		}
		x.addWeight(n, x.count[n]*weight)
		x.count[n] = 0
	}
	x.inBody = x.inBody[:0]
	if c != nil {
		s.nextTerms[text] = c
	}
}

// endDoc ends the current document.
func (x *termIndex) endDoc() {
	for _, n := range x.inDoc {
		x.pairs.add(n, int32(x.weight[n]))
		x.df[n]++
		x.weight[n] = 0
	}
	x.ends = append(x.ends, x.pairs.len)
	x.postings += len(x.inDoc)
	x.inDoc = x.inDoc[:0]
}

// finish makes the postings of every term, each list cut from one array,
// and lets the pairs go.
func (x *termIndex) finish() {
	all := make([]int32, 0, 2*x.postings)
	x.lists = make([][]int32, len(x.terms))
	for n, df := range x.df {
		x.lists[n] = all[len(all) : len(all) : len(all)+2*df]
		all = all[:len(all)+2*df]
	}
	last := make([]int, len(x.terms))
	start := 0
	for doc, end := range x.ends {
		for i := start; i < end; i += 2 {
			n := x.pairs.at(i)
			x.lists[n] = append(x.lists[n], int32(doc-last[n]), x.pairs.at(i+1))
			last[n] = doc
		}
		start = end
	}
	x.pairs = pairChunks{}
}

// pairChunks is an append-only list of int32 kept in chunks of a fixed
// size: at 10,000 articles the pairs come to tens of millions, and one
// slice grown by append would copy them over and over, each time asking
// for a larger block while the memory limit is near.
type pairChunks struct {
	chunks [][]int32
	len    int
}

const pairChunkBits = 20 // chunks of 4 MiB

func (p *pairChunks) add(a, b int32) {
	p.push(a)
	p.push(b)
}

func (p *pairChunks) push(v int32) {
	if p.len&(1<<pairChunkBits-1) == 0 {
		size := 1 << pairChunkBits
		if p.len == 0 {
			size = 1024 // the first chunk grows by append: small sites stay small
		}
		p.chunks = append(p.chunks, make([]int32, 0, size))
	}
	last := len(p.chunks) - 1
	p.chunks[last] = append(p.chunks[last], v)
	p.len++
}

func (p *pairChunks) at(i int) int32 {
	return p.chunks[i>>pairChunkBits][i&(1<<pairChunkBits-1)]
}

// shards groups the terms with postings by shard key: each shard maps its
// terms to their postings, search/t/KEY.json.
func (x *termIndex) shards(plen int) map[string]map[string][]int32 {
	out := map[string]map[string][]int32{}
	for n, t := range x.terms {
		if len(x.lists[n]) == 0 {
			continue
		}
		key := ShardKey(t, plen)
		if out[key] == nil {
			out[key] = map[string][]int32{}
		}
		out[key][t] = x.lists[n]
	}
	return out
}
