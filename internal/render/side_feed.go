package render

import (
	"unicode/utf8"
)

// Atom feeds are written by hand, as xml.MarshalIndent(f, "", "  ") writes
// atomFeed: there is one feed per actor and organization, and reflection
// made them slow. TestFeedWriterMatchesEncodingXML checks that both agree.

// appendXML appends the feed's XML, without the XML header.
func (f *atomFeed) appendXML(b []byte) []byte {
	b = append(b, `<feed xmlns="http://www.w3.org/2005/Atom">`...)
	b = appendXMLElem(b, "\n  ", "title", f.Title)
	b = appendXMLElem(b, "\n  ", "id", f.ID)
	b = appendXMLElem(b, "\n  ", "updated", f.Updated)
	for i := range f.Links {
		b = f.Links[i].appendXML(append(b, "\n  "...))
	}
	b = append(b, "\n  <author>"...)
	b = appendXMLElem(b, "\n    ", "name", f.Author.Name)
	if f.Author.URI != "" {
		b = appendXMLElem(b, "\n    ", "uri", f.Author.URI)
	}
	b = append(b, "\n  </author>"...)
	for i := range f.Entries {
		b = f.Entries[i].appendXML(b)
	}
	return append(b, "\n</feed>"...)
}

func (e *atomEntry) appendXML(b []byte) []byte {
	if e.xml != nil {
		return append(b, e.xml...)
	}
	b = append(b, "\n  <entry>"...)
	b = appendXMLElem(b, "\n    ", "id", e.ID)
	b = appendXMLElem(b, "\n    ", "title", e.Title)
	b = appendXMLElem(b, "\n    ", "updated", e.Updated)
	b = e.Link.appendXML(append(b, "\n    "...))
	if e.Summary != "" {
		b = appendXMLElem(b, "\n    ", "summary", e.Summary)
	}
	return append(b, "\n  </entry>"...)
}

func (l *atomLink) appendXML(b []byte) []byte {
	b = append(b, `<link rel="`...)
	b = appendXMLEscaped(b, l.Rel)
	if l.Type != "" {
		b = append(b, `" type="`...)
		b = appendXMLEscaped(b, l.Type)
	}
	b = append(b, `" href="`...)
	b = appendXMLEscaped(b, l.Href)
	return append(b, `"></link>`...)
}

// appendXMLElem appends indent and <name>text</name>.
func appendXMLElem(b []byte, indent, name, text string) []byte {
	b = append(append(append(append(b, indent...), '<'), name...), '>')
	b = appendXMLEscaped(b, text)
	return append(append(append(b, '<', '/'), name...), '>')
}

// appendXMLEscaped appends s escaped as encoding/xml escapes character data
// and attribute values: quotes, &, <, >, tab, newline and carriage return as
// character references, characters XML does not allow as U+FFFD.
func appendXMLEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		if c < utf8.RuneSelf {
			i++
			switch c {
			case '"':
				esc = "&#34;"
			case '\'':
				esc = "&#39;"
			case '&':
				esc = "&amp;"
			case '<':
				esc = "&lt;"
			case '>':
				esc = "&gt;"
			case '\t':
				esc = "&#x9;"
			case '\n':
				esc = "&#xA;"
			case '\r':
				esc = "&#xD;"
			default:
				if c >= ' ' {
					continue
				}
				esc = "\uFFFD"
			}
			b = append(append(b, s[last:i-1]...), esc...)
			last = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if xmlChar(r) && !(r == utf8.RuneError && size == 1) {
			continue
		}
		b = append(append(b, s[last:i-size]...), "\uFFFD"...)
		last = i
	}
	return append(b, s[last:]...)
}

// xmlChar reports whether XML 1.0 allows r (its Char production).
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// shortText is shorten without its conversion to runes: it cuts s to at
// most n runes at a word boundary, adding "…".
func shortText(s string, n int) string {
	if len(s) <= n || utf8.RuneCountInString(s) <= n {
		return s
	}
	if !utf8.ValidString(s) {
		return shorten(s, n) // which writes invalid bytes as U+FFFD
	}
	off := 0 // the offset of rune cut
	for range n {
		_, size := utf8.DecodeRuneInString(s[off:])
		off += size
	}
	for cut := n; cut > n/2 && s[off] != ' '; cut-- {
		_, size := utf8.DecodeLastRuneInString(s[:off])
		off -= size
	}
	return s[:off] + "…"
}
