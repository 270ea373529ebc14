package render

import (
	"html/template"
	"strings"
)

// The default templates print links as whole attributes computed here,
// <a {{.Href}}>, instead of <a href="{{.URL}}">: html/template runs three
// escaping functions on a URL attribute value, each a reflective call, and a
// page prints dozens of links. The functions below escape exactly as
// html/template does (see tmpl_escape_test.go), so the bytes are the same.

// hrefAttr is the attribute href="u" as html/template prints
// href="{{u}}": unsafe schemes filtered, the URL normalized, then escaped
// for the attribute.
func hrefAttr(u string) template.HTMLAttr {
	return template.HTMLAttr(`href="` + attrEscape(urlEscape(urlFilter(u), true)) + `"`)
}

// fragHrefAttr is href="u#prefixID" as html/template prints
// href="{{u}}#prefix{{id}}" (u may be ""): the id is escaped as a URL part.
func fragHrefAttr(u, prefix, id string) template.HTMLAttr {
	var b strings.Builder
	b.WriteString(`href="`)
	if u != "" {
		b.WriteString(attrEscape(urlEscape(urlFilter(u), true)))
	}
	b.WriteString("#")
	b.WriteString(prefix)
	b.WriteString(attrEscape(urlEscape(id, false)))
	b.WriteString(`"`)
	return template.HTMLAttr(b.String())
}

// urlFilter replaces a URL whose scheme is not http, https or mailto.
func urlFilter(s string) string {
	if protocol, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(protocol, "/") {
		if !strings.EqualFold(protocol, "http") && !strings.EqualFold(protocol, "https") && !strings.EqualFold(protocol, "mailto") {
			return "#ZgotmplZ"
		}
	}
	return s
}

// urlEscape percent-encodes the bytes of s that may not stand in a URL;
// with norm, reserved characters and valid escapes are kept (a whole URL),
// without, they are encoded too (a part of one).
func urlEscape(s string, norm bool) string {
	var b strings.Builder
	written := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]", c) >= 0:
			if norm {
				continue
			}
		case c == '%':
			if norm && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]) {
				continue
			}
		}
		if written == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte("0123456789abcdef"[c>>4])
		b.WriteByte("0123456789abcdef"[c&15])
		written = i + 1
	}
	if written == 0 {
		return s
	}
	b.WriteString(s[written:])
	return b.String()
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// attrEscape escapes s for a quoted attribute value, as html/template does
// for text that is not already typed as HTML.
func attrEscape(s string) string {
	i := strings.IndexAny(s, "\x00\"&'+<>")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		switch c := s[i]; c {
		case 0:
			b.WriteString("\uFFFD")
		case '"':
			b.WriteString("&#34;")
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '+':
			b.WriteString("&#43;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
