package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"articleclean/internal/dom"
)

// replyPrefixes open the subject line a forum engine prints over every
// reply (phpBB, FluxBB, SMF and mailing-list archives derive it from the
// thread's title the way mail does): a heading that repeats the thread
// title once per post. Compared case-insensitively.
var replyPrefixes = []string{"re:", "re :"}

// postMarkerMaxLen bounds the text of a reply subject or a post number:
// a heading longer than this is the post's own heading.
const postMarkerMaxLen = 200

// minReplySubjects is how many reply subject headings a page must hold
// before they are taken for per-post furniture: a single "Re:" heading
// is as likely the title of what is being read, and with one reply the
// thread is too short to lose its headings safely.
const minReplySubjects = 2

// removePostMarkers removes the lines a thread repeats over each post:
// the "Re: <title>" subject headings of replies, when the page holds
// several, the "#2" permalinks that number the posts, and the hidden
// microdata copies of each post's date.
func removePostMarkers(body *html.Node) {
	var subjects, numbers []*html.Node
	dom.Elements(body, func(n *html.Node) bool {
		switch {
		case isReplySubject(n):
			subjects = append(subjects, n)
		case isPostNumber(n), isHiddenCopy(n):
			numbers = append(numbers, n)
		default:
			return !dom.IsElement(n, atom.Pre, atom.Code)
		}
		return false
	})
	if len(subjects) < minReplySubjects {
		subjects = nil
	}
	for _, n := range append(subjects, numbers...) {
		dom.Detach(n)
	}
}

// isReplySubject reports whether n is a heading holding a reply's
// subject line.
func isReplySubject(n *html.Node) bool {
	switch n.DataAtom {
	case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
	default:
		return false
	}
	if dom.TextLenOver(n, postMarkerMaxLen) {
		return false
	}
	l := strings.ToLower(strings.TrimSpace(dom.Text(n)))
	for _, p := range replyPrefixes {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}

// isPostNumber reports whether n is a link reading "#" and a number that
// points at a post: a fragment, no address (a script follows it), or an
// address naming a post. A "#1234" link elsewhere names an issue or a
// tag.
func isPostNumber(n *html.Node) bool {
	if n.DataAtom != atom.A || dom.TextLenOver(n, 12) {
		return false
	}
	t := strings.TrimSpace(dom.Text(n))
	if len(t) < 2 || t[0] != '#' || strings.Trim(t[1:], "0123456789") != "" {
		return false
	}
	href := dom.Attr(n, "href")
	return href == "" || href[0] == '#' || strings.Contains(strings.ToLower(href), "post")
}

// hiddenCopyMaxLen bounds a hidden microdata copy: a date, a count, a
// name. A longer hidden block may be a tab the page's script shows.
const hiddenCopyMaxLen = 100

// isHiddenCopy reports whether n is a short microdata value (itemprop)
// that a CSS framework's display utility hides at every width
// (Bootstrap's and Stack Overflow's Stacks' "d-none", with no responsive
// class such as "d-md-block" or "md:d-block" showing it again). Q&A
// engines print each post's ISO timestamp or comment count so, for
// machines; a reader never sees it.
func isHiddenCopy(n *html.Node) bool {
	c := dom.Attr(n, "class")
	if !strings.Contains(c, "d-none") || !dom.HasAttr(n, "itemprop") || dom.TextLenOver(n, hiddenCopyMaxLen) {
		return false
	}
	hidden := false
	for _, w := range strings.Fields(c) {
		switch {
		case w == "d-none":
			hidden = true
		case strings.HasPrefix(w, "d-") || strings.Contains(w, ":d-"):
			return false
		}
	}
	return hidden
}
