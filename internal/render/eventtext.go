package render

import (
	"html"
	"strings"

	"github.com/dossier-dev/dossier/internal/dossier"
)

// eventDescription is an event's description as text.
func (s *siteData) eventDescription(e *dossier.Event) string {
	if t, ok := s.eventText[e.ID]; ok {
		return t
	}
	return htmlText(string(s.in.HTML[BodyOf(e.Ref())]))
}

// htmlText is the text of rendered Markdown, its tags taken out and its
// character references read: an event's description, for search.
func htmlText(h string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(h, '<')
		if i < 0 {
			b.WriteString(h)
			break
		}
		b.WriteString(h[:i])
		b.WriteByte(' ')
		j := strings.IndexByte(h[i:], '>')
		if j < 0 {
			break
		}
		h = h[i+j+1:]
	}
	return html.UnescapeString(b.String())
}
