package extract

import (
	"strings"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Listings, archives and category pages are made of cards: one container
// per item (a post's title and teaser, a product's name and price), the
// same tag and the same leading class repeated down the page. Scoring finds
// the longest card; the page's content is all of them. Themes decorate
// each card with its own taxonomy classes ("tag-travel", "category-news",
// "author-jo"), so twins are recognised by their tag and first class word,
// the one a stylesheet names the component by, not by their whole class.
const (
	// cardLevels is how far above the top candidate a card is looked for.
	cardLevels = 6
	// cardMinTwins: a card list has at least this many other cards beside
	// the one holding the top candidate; fewer are a page builder's
	// columns, which repeatedAncestor and gather already handle.
	cardMinTwins = 3
	// cardMinUnits is the least text a card holds: empty placeholders and
	// spacer columns are not items.
	cardMinUnits = 25
	// cardOthersShare: the other cards together hold at least this share
	// of the text of the card holding the top candidate. A list's items
	// are alike in size; a "card" that dwarfs its twins is the article
	// itself, its twins the banners and strips a page builder sets around
	// it. Measured on wcxb-dev: without it articles take in their
	// builder's promo sections.
	cardOthersShare = 0.25
	// listTableMinRows: a shorter table is as often a small grid of links
	// (a series' other parts, a box of related pages), which articles
	// leave out. Measured on wcxb-dev and the Wikipedia pages of the
	// defuddle and readability sets.
	listTableMinRows = 5
)

// cardList climbs from top to the container of a card list when top lies
// in one of its cards (see cardLevels): the article is then all the cards.
func cardList(top, body *html.Node, st stats) *html.Node {
	n := top
	for level := 0; level <= cardLevels && n != nil && n != body && n.Parent != nil && n.Parent != body; level++ {
		if twins, others := cardTwins(n, st); twins >= cardMinTwins && float64(others) >= cardOthersShare*float64(st.units(n)) {
			return n.Parent
		}
		n = n.Parent
	}
	return top
}

// cardTwins counts the siblings of n that share its card signature and
// hold an item's worth of text, and sums their text.
func cardTwins(n *html.Node, st stats) (twins, units int) {
	sig := cardSignature(n)
	if sig == "" {
		return 0, 0
	}
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s != n && s.Type == html.ElementNode && st.units(s) >= cardMinUnits && cardSignature(s) == sig {
			twins++
			units += st.units(s)
		}
	}
	return twins, units
}

// cardSignature is n's tag and first class word, or "" when n has no
// class: classless siblings are as often a layout's rows as its items.
func cardSignature(n *html.Node) string {
	if n.Type != html.ElementNode || dom.IsElement(n, atom.Body, atom.Html) {
		return ""
	}
	first := ""
	for t := range strings.FieldsSeq(dom.Attr(n, "class")) {
		if !strings.ContainsAny(t, "0123456789") {
			first = t
			break
		}
	}
	if first == "" {
		return ""
	}
	return n.Data + "." + first
}

// listTable reports a data table that lists entries: its first row heads
// the columns, and it has at least listTableMinRows rows, that one
// included. Its cells name people, places and works by linking to them,
// so its link density, which condemns a navigation grid, says nothing
// here.
func listTable(t *html.Node) bool {
	rows := dom.FindAll(t, atom.Tr)
	if len(rows) < listTableMinRows {
		return false
	}
	ths, tds := 0, 0
	for c := rows[0].FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Th:
			ths++
		case atom.Td:
			tds++
		}
	}
	return ths >= 2 && tds == 0
}
