package render

import "strings"

// Current is the aria-current value of the main navigation's link to a
// section ("articles/", "claims/" …) on this page: "page" on the section's
// own index, "true" on a page inside it (an article, a claim, a verdict's
// claims), "" elsewhere.
func (p *Page) Current(section string) string {
	switch {
	case p.Path == section:
		return "page"
	case strings.HasPrefix(p.Path, section):
		return "true"
	}
	return ""
}
