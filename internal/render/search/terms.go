package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// termIndex builds the search index's postings document by document. Terms
// are numbered as they first appear, and each document's weights are summed
// in a slice by term number.
type termIndex struct {
	number map[string]int32 // term → its number
	terms  []string         // number → term
	lists  [][]int32        // number → postings: doc delta, weight, … (see finish)
	pairs  pairChunks       // term number, weight, … of every document in turn
	ends   []int            // where each document's pairs end
	df     []int            // number → how many documents have it
	weight []int            // number → its weight in the current document
	inDoc  []int32          // the numbers of the current document's terms
	// postings is the number of (term, document) pairs so far.
	postings int
}

func newTermIndex() *termIndex {
	return &termIndex{number: map[string]int32{}}
}

// notTermRune reports whether r separates search terms: terms are the runs
// of letters and digits. A rune is a letter or digit exactly when its lower
// case is one (TestTermsSplitLikeFieldsFunc), so text splits into the same
// runs before lower-casing as after.
func notTermRune(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// add adds the terms of text (see searchTerms) to the current document
// with weight. The browser splits a query the same way (tokens in search.js).
func (x *termIndex) add(text string, weight int) {
	for field := range strings.FieldsFuncSeq(text, notTermRune) {
		if !plainField(field) {
			splitField(strings.ToLower(field), func(term string) { x.addTerm(term, weight) })
			continue
		}
		x.addTerm(strings.ToLower(field), weight)
	}
}

// plainField reports whether a run of letters and digits is one term as it
// is: no character of a script written without spaces, no ё.
func plainField(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0xE0 { // a character from U+0800 on, where the scripts without spaces are
			return false
		}
	}
	return !strings.ContainsAny(s, "ёЁ")
}

// splitField calls yield with the terms of one lower-cased run of letters
// and digits: ё read as е (Russian writes either), and each part in a script
// written without spaces (Chinese, Japanese kana, Thai, Lao, Khmer, Myanmar)
// cut into overlapping pairs of characters, a part of one character being
// its own term: "上海合作" is 上海, 海合, 合作; "шос和王文斌" is шос, 王文, 文斌.
func splitField(s string, yield func(string)) {
	s = strings.ReplaceAll(s, "ё", "е")
	start := 0
	for start < len(s) {
		r, _ := utf8.DecodeRuneInString(s[start:])
		cjk := unspacedScript(r)
		end := start
		for end < len(s) {
			r, n := utf8.DecodeRuneInString(s[end:])
			if unspacedScript(r) != cjk {
				break
			}
			end += n
		}
		part := s[start:end]
		switch {
		case !cjk:
			yield(part)
		case utf8.RuneCountInString(part) == 1:
			yield(part)
		default:
			for i, r := range part {
				if j := i + utf8.RuneLen(r); j < len(part) {
					_, n := utf8.DecodeRuneInString(part[j:])
					yield(part[i : j+n])
				}
			}
		}
		start = end
	}
}

// unspacedScript reports whether r is of a script written without spaces
// between words, as the mention extension reads them.
func unspacedScript(r rune) bool {
	return r >= 0x0E00 && (unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao,
		unicode.Khmer, unicode.Myanmar) || r == 'ー' || r == '々')
}

// addTerm adds one term to the current document with weight.
func (x *termIndex) addTerm(term string, weight int) {
	n, ok := x.number[term]
	if !ok {
		n = int32(len(x.terms))
		term = strings.Clone(term) // the index never holds on to the text
		x.number[term] = n
		x.terms = append(x.terms, term)
		x.df = append(x.df, 0)
		x.weight = append(x.weight, 0)
	}
	if x.weight[n] == 0 {
		x.inDoc = append(x.inDoc, n)
	}
	x.weight[n] = min(x.weight[n]+weight, maxWeight)
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
// for a larger block while the memory limit is near. Measured 5 December
// 2026, 2 cores, 2 runs of `dossier build` of the generated 10,000-article
// dossier alternated with one []int32 grown by append: 53.3 and 51.3 s of
// user CPU with the chunks, 61.1 and 61.2 s without (×1.16; wall ×1.17);
// peak RSS the same (1,556 MiB). At 1,000 articles they make no difference
// (BenchmarkBuild1000 ×1.01).
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
