package render

import (
	"html/template"

	"github.com/dossier-dev/dossier/internal/dossier"
)

// The network picture (see package network) is drawn once per render from
// the link index: the whole network on /actors/ and /organizations/
// (Graph), each entity's neighbourhood on its page (Neighbourhood).

// Graph is the network of the dossier's actors and organizations as inline
// SVG with a list of the same connections, for the first page of /actors/
// and /organizations/ (see network.Network.Site: only the most connected
// are drawn, and the caption says so). It is "" when nobody is connected,
// and on the lists' later pages.
func (p *Page) Graph() template.HTML {
	if p.Pager != nil && p.Pager.Number > 1 {
		return ""
	}
	x := p.network(nil)
	x.graphOnce.Do(func() { x.graphHTML = x.net.Site(x.urls, x.words) })
	return template.HTML(x.graphHTML)
}

// Neighbourhood is an actor's or organization's direct connections as inline
// SVG with a list, for its page; "" for anything else or nobody connected.
func (p *Page) Neighbourhood(obj any) template.HTML {
	e, ok := unwrap(obj).(dossier.Entity)
	if !ok {
		return ""
	}
	x := p.network(e)
	return template.HTML(x.net.Around(e, x.urls, x.words))
}
