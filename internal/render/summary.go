package render

import (
	"fmt"
	"strings"

	"github.com/dossier-dev/dossier/internal/dossier"
)

// minScored is the number of checked claims below which a scorecard gives no
// overall score: a handful of claims chosen by editors says too little.
const minScored = 4

// Score is a scorecard's overall figure: the mean rating of the claims whose
// verdict has a rating on the scale (1 worst, 5 best).
type Score struct {
	Checked int    // claims checked
	Rated   int    // of which have a verdict with a rating
	Mean    string // the mean rating, with one decimal
}

// OverallScore returns the overall score of a tally, or nil with fewer than
// minScored checked claims or none with a rated verdict.
func (s *siteData) OverallScore(t dossier.Tally) *Score {
	checked := t.Total()
	if checked < minScored {
		return nil
	}
	sum, rated := 0, 0
	for _, v := range s.Site.Verdicts {
		if v.Rating > 0 {
			sum += v.Rating * t[v.ID]
			rated += t[v.ID]
		}
	}
	if rated == 0 {
		return nil
	}
	mean := strings.Replace(fmt.Sprintf("%.1f", float64(sum)/float64(rated)), ".", s.words.T("decimal-point"), 1)
	return &Score{Checked: checked, Rated: rated, Mean: mean}
}

// DatedEntry is a timeline entry with its day, for the home page's teaser.
type DatedEntry struct {
	Date dossier.Date
	Entry
}

// TimelineTeaser returns the first n entries of the timeline, oldest first.
func (p *Page) TimelineTeaser(n int) []DatedEntry {
	p.readTimelineOrder()
	var out []DatedEntry
	for _, d := range p.siteData.timeline() {
		for _, e := range d.Entries {
			if len(out) == n {
				return out
			}
			p.readEntry(e)
			out = append(out, DatedEntry{d.Date, e})
		}
	}
	return out
}
