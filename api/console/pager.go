package console

import (
	"net/url"
	"strconv"
)

// pager is the previous/next navigation of a paged list; links keep the
// page's filters.
type pager struct {
	Page, Pages int
	Prev, Next  string // empty on the first / last page
}

func newPager(u *url.URL, page, size, total int) pager {
	p := pager{Page: page, Pages: max(1, (total+size-1)/size)}
	at := func(n int) string {
		q := u.Query()
		q.Del("lang")
		q.Set("page", strconv.Itoa(n))
		return u.Path + "?" + q.Encode()
	}
	if page > 1 {
		p.Prev = at(page - 1)
	}
	if page < p.Pages {
		p.Next = at(page + 1)
	}
	return p
}

// pageNumber reads a 1-based page number, 1 when absent or malformed.
func pageNumber(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return 1
	}
	return n
}
