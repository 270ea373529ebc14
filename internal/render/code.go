package render

import (
	"strings"

	"github.com/dossier-dev/dossier/internal/dossier"
)

// highlightedCode starts every block of highlighted code in a rendered
// body: internal/markdown writes it (its classPrefix is "hl-"), and
// code.css styles what is inside it.
const highlightedCode = `<pre class="hl-chroma">`

// HasCode reports whether the page shows highlighted code, that is whether
// its own Markdown (an article's body, a profile, an event's text, a
// claim's explanation or a quote's context) holds a fenced code block. The
// layout links code.css only then: most pages have no code, and the
// stylesheet is some 10 kB.
func (p *Page) HasCode() bool {
	key, ok := ownBodyKey(p.object)
	if !ok {
		return false
	}
	body := p.text(key) // records the read
	return strings.Contains(string(body), highlightedCode)
}

// ownBodyKey is the key in Input.HTML of the Markdown a page of obj shows
// as its own; false for a page without one.
func ownBodyKey(obj any) (TextKey, bool) {
	if o, ok := obj.(dossier.Object); ok {
		return BodyOf(o.Ref()), true
	}
	return TextKey{}, false
}
