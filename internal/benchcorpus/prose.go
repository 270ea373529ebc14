package benchcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// piece is a run of Markdown together with the text it renders to.
type piece struct {
	md, plain string
	fixed     bool // an annotation or a footnoted sentence, which fit must keep
}

// mdPiece is Markdown that renders to plain.
func mdPiece(md, plain string) piece { return piece{md: md, plain: plain} }

func plainPiece(s string) piece { return piece{md: s, plain: s} }

func (p piece) add(q piece) piece { return piece{md: p.md + q.md, plain: p.plain + q.plain} }

// prose writes filler sentences for one article.
type prose struct {
	rng *rand.Rand
}

func (p *prose) pick(list []string) string { return list[p.rng.IntN(len(list))] }

// sentence returns one filler sentence; now and then its object carries emphasis,
// a link or a code span.
func (p *prose) sentence() piece {
	switch p.rng.IntN(4) {
	case 0:
		return plainPiece(p.pick(connectives) + ", " + p.pick(clauses) + ".")
	case 1:
		s := plainPiece(capitalize(p.pick(subjects)) + " " + p.pick(verbs) + " ")
		return s.add(p.object()).add(plainPiece(", and " + p.pick(clauses) + "."))
	default:
		s := plainPiece(capitalize(p.pick(subjects)) + " " + p.pick(verbs) + " ")
		return s.add(p.object()).add(plainPiece(" " + p.pick(adverbials) + "."))
	}
}

// object is a sentence object, sometimes marked up.
func (p *prose) object() piece {
	o := p.pick(objects)
	switch p.rng.IntN(10) {
	case 0:
		return mdPiece("*"+o+"*", o)
	case 1:
		return mdPiece("**"+o+"**", o)
	case 2, 3:
		return mdPiece(fmt.Sprintf("[%s](https://example.org/reports/%d)", o, p.rng.IntN(100000)), o)
	case 4:
		code := fmt.Sprintf("decree-%d", p.rng.IntN(1000))
		return mdPiece(o+" (`"+code+"`)", o+" ("+code+")")
	}
	return plainPiece(o)
}

// mention is a sentence naming an actor, by full name or by alias.
func (p *prose) mention(a *Actor, useAlias bool) piece {
	name := a.Name
	if useAlias && len(a.Aliases) > 0 {
		name = a.Aliases[0]
	}
	s := plainPiece(fmt.Sprintf("%s, the %s, %s ", name, a.Role, p.pick(verbs)))
	return s.add(p.object()).add(plainPiece(" " + p.pick(adverbials) + "."))
}

// orgMention is a sentence naming an organization, with its short form.
func (p *prose) orgMention(o *Organization) piece {
	return plainPiece(fmt.Sprintf("Representatives of the %s (%s) %s %s %s.",
		o.Name, o.Short, p.pick(verbs), p.pick(objects), p.pick(adverbials)))
}

// listItems is a bullet or numbered list.
func (p *prose) list() piece {
	var md, plain strings.Builder
	ordered := p.rng.IntN(3) == 0
	for i := range 3 + p.rng.IntN(4) {
		item := capitalize(p.pick(clauses)) + " " + p.pick(adverbials)
		if ordered {
			fmt.Fprintf(&md, "%d. %s\n", i+1, item)
		} else {
			fmt.Fprintf(&md, "- %s\n", item)
		}
		plain.WriteString(item + "\n")
	}
	return mdPiece(strings.TrimSuffix(md.String(), "\n"), plain.String())
}

// blockQuote quotes a document in two sentences.
func (p *prose) blockQuote() piece {
	a, b := p.sentence(), p.sentence()
	return mdPiece("> "+a.md+"\n> "+b.md, a.plain+" "+b.plain)
}

// table is a GFM table of reported figures.
func (p *prose) table() piece {
	var md, plain strings.Builder
	md.WriteString("| Date | Place | Reported | Source |\n|---|---|--:|---|\n")
	plain.WriteString("Date Place Reported Source\n")
	for range 3 + p.rng.IntN(4) {
		d, place, n := dateFrom(p.rng.IntN(60)), p.pick(places), p.rng.IntN(5000)
		src := p.pick(subjects)
		fmt.Fprintf(&md, "| %s | %s | %d | [%s](https://example.org/data/%d) |\n", d, place, n, src, p.rng.IntN(100000))
		fmt.Fprintf(&plain, "%s %s %d %s\n", d, place, n, src)
	}
	return mdPiece(strings.TrimSuffix(md.String(), "\n"), plain.String())
}

// codeBlock is a fenced block of data, as fact-checkers paste it.
func (p *prose) codeBlock() piece {
	lang := p.pick(codeLangs)
	var body string
	switch lang {
	case "json":
		body = fmt.Sprintf("{\n  \"place\": %q,\n  \"count\": %d,\n  \"verified\": %t\n}",
			p.pick(places), p.rng.IntN(9000), p.rng.IntN(2) == 0)
	case "sh":
		body = fmt.Sprintf("curl -s https://example.org/api/reports/%d | jq '.items[] | .title'", p.rng.IntN(100000))
	case "yaml":
		body = fmt.Sprintf("place: %s\ncount: %d\nsource: %s", p.pick(places), p.rng.IntN(9000), p.pick(subjects))
	default:
		body = fmt.Sprintf("%s 06:%02d %s", dateFrom(p.rng.IntN(30)), p.rng.IntN(60), p.pick(clauses))
	}
	return mdPiece("```"+lang+"\n"+body+"\n```", body)
}

// heading is a level-two heading.
func (p *prose) heading() piece {
	h := p.pick(headingWords)
	if p.rng.IntN(2) == 0 {
		h += " in " + p.pick(places)
	}
	return mdPiece("## "+h, h)
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// words counts the words of a plain text.
func words(s string) int {
	n, in := 0, false
	for i := 0; i < len(s); i++ {
		space := s[i] == ' ' || s[i] == '\n' || s[i] == '\t'
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}
