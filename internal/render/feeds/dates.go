package feeds

import (
	"github.com/dossier-dev/dossier/internal/dossier"
	"github.com/dossier-dev/dossier/internal/urls"
)

// A page is as new as the newest date of what it shows: feeds date their
// entries and the sitemap its pages by these dates.

// newest returns the latest of its dates; the zero Date when none is set.
func newest(dates ...dossier.Date) dossier.Date {
	var n dossier.Date
	for _, d := range dates {
		if d.After(n.Time) {
			n = d
		}
	}
	return n
}

// claimDate is when a claim last changed: its latest update or check, else its article's date.
func claimDate(c *dossier.Claim) dossier.Date { return newest(c.Checked, c.Modified(), c.Article.Date) }

// quoteDate is when a quote last changed: its article's date or when it was said.
func quoteDate(q *dossier.Quote) dossier.Date { return newest(q.Said, q.Article.Date) }

// articleDate is an article's date or the latest check of one of its claims.
func articleDate(a *dossier.Article) dossier.Date {
	d := a.Date
	for _, c := range a.Claims {
		d = newest(d, c.Checked)
	}
	return d
}

// eventDate is when an event ended, else when it happened.
func eventDate(e *dossier.Event) dossier.Date { return newest(e.Date, e.End) }

// actorDate is the newest date among what the actor's page shows.
func actorDate(a *dossier.Actor) dossier.Date {
	return involvedDate(a.Claims, a.Quotes, a.Articles, a.Events)
}

// organizationDate is the newest date among what the organization's page shows.
func organizationDate(o *dossier.Organization) dossier.Date {
	return involvedDate(o.Claims, o.Statements, o.Articles, o.Events)
}

// involvedDate is the newest date among an actor's or organization's
// claims, quotes, articles and events.
func involvedDate(claims []*dossier.Claim, quotes []*dossier.Quote, articles []*dossier.Article, events []*dossier.Event) dossier.Date {
	var d dossier.Date
	for _, c := range claims {
		d = newest(d, claimDate(c))
	}
	for _, q := range quotes {
		d = newest(d, quoteDate(q))
	}
	for _, x := range articles {
		d = newest(d, articleDate(x))
	}
	for _, e := range events {
		d = newest(d, eventDate(e))
	}
	return d
}

// lastmods maps the site path of every dated page to its newest relevant
// date, and "" (the home page) to the newest of all.
func lastmods(d *dossier.Dossier) map[string]dossier.Date {
	m := map[string]dossier.Date{}
	bump := func(path string, date dossier.Date) {
		if old, ok := m[path]; !ok || date.After(old.Time) {
			m[path] = newest(old, date)
		}
	}
	for _, a := range d.Articles {
		date := articleDate(a)
		bump(urls.Article(a.ID), date)
		bump(urls.Articles, date)
		bump(urls.Timeline, a.Date)
		for _, t := range a.Tags {
			bump(urls.Tag(urls.TagSlug(t)), date)
			bump(urls.Tags, date)
		}
	}
	for _, c := range d.Claims {
		date := claimDate(c)
		bump(urls.Claim(c.ID), date)
		bump(urls.Claims, date)
		bump(urls.Verdict(c.Verdict.ID), date)
	}
	for _, u := range d.Updates {
		bump(urls.Corrections, u.Date)
	}
	for _, q := range d.Quotes {
		date := quoteDate(q)
		bump(urls.Quote(q.ID), date)
		bump(urls.Quotes, date)
		bump(urls.Timeline, q.Said)
	}
	for _, a := range d.Actors {
		date := actorDate(a)
		bump(urls.Actor(a.ID), date)
		bump(urls.Actors, date)
	}
	for _, o := range d.Organizations {
		date := organizationDate(o)
		bump(urls.Organization(o.ID), date)
		bump(urls.Organizations, date)
	}
	for _, e := range d.Events {
		date := eventDate(e)
		bump(urls.Event(e.ID), date)
		bump(urls.Timeline, date)
	}
	var home dossier.Date
	for _, date := range m {
		home = newest(home, date)
	}
	m[""] = home
	return m
}
