package render

import (
	"slices"
	"time"

	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// A timeline of more than pageSize entries is split by month: /timeline/
// lists the months, and each month has a page of its own,
// /timeline/<yyyy>-<mm>/, paginated when the month itself is long.

// Month is one month of a long timeline, as /timeline/ lists it.
type Month struct {
	ISO   string // 2022-01
	Label string // January 2022, for readers
	Count int    // how many entries it has
	URL   string // its page
}

// timelineMonths counts the timeline's dated entries by month ("2022-01"),
// oldest first, the way timeline() lists them.
func timelineMonths(d *dossier.Dossier) (months []string, count map[string]int, total int) {
	count = map[string]int{}
	add := func(t time.Time) {
		if t.IsZero() {
			return
		}
		m := t.Format("2006-01")
		if count[m] == 0 {
			months = append(months, m)
		}
		count[m]++
		total++
	}
	for _, e := range d.Events {
		add(e.Date.Time)
	}
	for _, a := range d.Articles {
		add(a.Date.Time)
	}
	for _, q := range d.Quotes {
		add(q.Said.Time)
	}
	slices.Sort(months)
	return months, count, total
}

// Months lists the months of a long timeline on /timeline/; nil on any
// other page, and when the timeline fits on one page.
func (p *Page) Months() []Month {
	if p.Kind != "timeline" || p.month != "" {
		return nil
	}
	p.readTimelineOrder()
	months, count, total := timelineMonths(p.siteData.D)
	if total <= p.pageSize() {
		return nil
	}
	out := make([]Month, len(months))
	for i, m := range months {
		t, _ := time.Parse("2006-01", m)
		out[i] = Month{ISO: m, Label: p.words.Month(t), Count: count[m], URL: p.URL(urls.Month(m))}
	}
	return out
}

// Timeline merges events, articles and quotes by date, grouped by day,
// oldest first: the whole timeline when it is short, this page's share of
// a month on a month's page, and nothing on /timeline/ when it lists months.
func (p *Page) Timeline() []Day {
	days := p.siteData.timeline()
	if p.month == "" {
		if p.Kind == "timeline" && len(p.Months()) > 0 {
			return nil
		}
		p.readTimeline(days)
		return days
	}
	var month []Day
	for _, d := range days {
		if d.Date.Format("2006-01") == p.month {
			month = append(month, d)
		}
	}
	if p.Pager != nil {
		month = entryWindow(month, p.Pager.from, p.Pager.to)
	}
	p.readTimeline(month)
	return month
}

// entryWindow is the entries from to to of days, counted across days, still
// grouped by day (a day split between two pages appears on both).
func entryWindow(days []Day, from, to int) []Day {
	var out []Day
	at := 0
	for _, d := range days {
		lo, hi := max(from-at, 0), min(to-at, len(d.Entries))
		if lo < hi {
			part := d
			part.Entries = d.Entries[lo:hi]
			out = append(out, part)
		}
		at += len(d.Entries)
	}
	return out
}

// pageSize is the site's number of entries a page.
func (s *siteData) pageSize() int {
	if s.Site.PageSize > 0 {
		return s.Site.PageSize
	}
	return 50
}
