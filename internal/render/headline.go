package render

import (
	"slices"
	"strings"

	"github.com/dossier-dev/dossier/internal/config"
	"github.com/dossier-dev/dossier/internal/dossier"
)

// A false or misleading headline never travels without its verdict. The
// claims anchored in an article's title (in = "title") are its headline
// claims: the article's <h1> marks them, and everywhere else the title is
// shown (lists, "in …" lines, <title>, og:title, feeds, JSON-LD, the data
// export and the search index) it comes with their verdicts.

// Headline is an article's title as lists and links print it (the
// "headline" partial): the title, the article's page, and the verdicts of
// the claims anchored in the title.
type Headline struct {
	Text string // the title
	URL  string // the article's page
	// Verdicts are the title claims' verdicts, in the order of the title,
	// each badge linking to its claim's page; none when no claim is
	// anchored in the title.
	Verdicts []VerdictView
	// Claims are the title claims themselves, in the same order.
	Claims []HeadlineClaim
	// Rated is the title with its verdicts in words, for text that cannot
	// hold a badge (<title>, og:title, feeds): "… — rated False", or
	// "… — “part of it” rated False" for a claim on part of the title.
	// Without title claims it is the title.
	Rated string
	// Note is the verdicts as a sentence that opens a description
	// ("Headline rated False. "); "" without title claims.
	Note string
}

// HeadlineClaim is one claim anchored in a title.
type HeadlineClaim struct {
	ID      string
	Words   string      // the words of the title it covers
	Whole   bool        // it covers the whole title
	Verdict VerdictView // its badge links to the claim's page
}

// headline lays out an article's title with its verdicts.
func (s *siteData) headline(a *dossier.Article) Headline {
	h := Headline{Text: a.Title, URL: s.Href(a), Rated: a.Title}
	if len(a.Headline) == 0 {
		return h
	}
	parts := make([]string, len(a.Headline))
	for i, c := range a.Headline {
		v := s.verdictView(c.Verdict).To(s.Href(c))
		words := a.Title[c.TitleStart:c.TitleEnd]
		hc := HeadlineClaim{ID: c.ID, Words: words, Whole: strings.TrimSpace(words) == strings.TrimSpace(a.Title), Verdict: v}
		h.Verdicts, h.Claims = append(h.Verdicts, v), append(h.Claims, hc)
		parts[i] = s.ratedPhrase(c.Verdict)
		if !hc.Whole {
			parts[i] = s.words.T("quoted", words) + " " + parts[i]
		}
	}
	rated := strings.Join(parts, s.words.T("rated-parts-sep"))
	h.Rated = s.words.T("title-rated", a.Title, rated)
	if h.Claims[0].Whole {
		h.Note = s.words.T("headline-note", rated)
	} else {
		h.Note = s.words.T("headline-note-parts", rated)
	}
	return h
}

// ratedPhrase is a verdict in words after what it rates: "rated False",
// or the label alone for a verdict that is no rating ("Not rated").
func (s *siteData) ratedPhrase(v config.Verdict) string {
	if !v.Rated {
		return v.Label
	}
	return s.words.T("rated", v.Label)
}

// Headline lays out an article's title with the verdicts of its title
// claims, for the "headline" partial: {{template "headline" ($.Headline $a)}}.
func (p *Page) Headline(a Article) Headline {
	a.own()
	return p.headline(a.a)
}

// TitlePiece is a run of an article's title as its <h1> prints it: the
// title is cut where its claims start and end, and each piece lists the
// claims that cover it, so the <h1> nests a <mark> per claim around it.
type TitlePiece struct {
	Text string
	// Marks are the claims covering the piece, outermost (earliest) first.
	Marks []TitleMark
	// Ends are the claims whose span ends with this piece, innermost
	// first: their badges follow the piece.
	Ends []TitleMark
}

// TitleMark is one title claim as a piece of the <h1> marks it.
type TitleMark struct {
	ID      string      // the claim's id (data-claim; id="claim-ID" on its first piece)
	First   bool        // the piece is the claim's first
	Verdict VerdictView // its badge links to the claim's page
}

// titlePieces cuts an article's title at its title claims.
func (s *siteData) titlePieces(a *dossier.Article) []TitlePiece {
	cuts := []int{0, len(a.Title)}
	for _, c := range a.Headline {
		cuts = append(cuts, c.TitleStart, c.TitleEnd)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	marks := make([]TitleMark, len(a.Headline))
	for i, c := range a.Headline {
		marks[i] = TitleMark{ID: c.ID, Verdict: s.verdictView(c.Verdict).To(s.Href(c))}
	}
	var out []TitlePiece
	for i := 0; i+1 < len(cuts); i++ {
		from, to := cuts[i], cuts[i+1]
		piece := TitlePiece{Text: a.Title[from:to]}
		for j, c := range a.Headline {
			if c.TitleStart <= from && to <= c.TitleEnd {
				m := marks[j]
				m.First = c.TitleStart == from
				piece.Marks = append(piece.Marks, m)
				if c.TitleEnd == to {
					piece.Ends = append([]TitleMark{m}, piece.Ends...)
				}
			}
		}
		out = append(out, piece)
	}
	return out
}
