package render

import (
	"reflect"

	"github.com/dossier-dev/dossier/internal/urls"
)

// Pager is where a page stands in a list longer than the site's pageSize:
// the list continues at <list>/page/N/, page 1 staying at the list's own
// URL. Templates print the page's share of a list with .Window and the
// links between the pages with the "pager" partial.
type Pager struct {
	Number int    // this page, from 1
	Count  int    // how many pages the list has
	First  string // the URL of page 1
	Prev   string // the previous page's URL, "" on page 1
	Next   string // the next page's URL, "" on the last page
	Last   string // the URL of the last page

	from, to int // the entries of this page: list[from:to]
}

// pageCount is how many pages a list of n entries takes, at least one.
func pageCount(n, size int) int {
	if n <= size {
		return 1
	}
	return (n + size - 1) / size
}

// newPager is page number of count of the list at path, for n entries of
// size per page.
func newPager(s *siteData, list string, number, count, n, size int) *Pager {
	p := &Pager{Number: number, Count: count,
		First: s.URL(urls.Page(list, 1)), Last: s.URL(urls.Page(list, count)),
		from: (number - 1) * size, to: min(number*size, n)}
	if number > 1 {
		p.Prev = s.URL(urls.Page(list, number-1))
	}
	if number < count {
		p.Next = s.URL(urls.Page(list, number+1))
	}
	return p
}

// Window is this page's share of list (a slice): all of it on a page that
// is not one of several.
func (p *Page) Window(list any) any {
	if p.Pager == nil || list == nil {
		return list
	}
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice {
		return list
	}
	from, to := min(p.Pager.from, v.Len()), min(p.Pager.to, v.Len())
	return v.Slice(from, to).Interface()
}
