package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"articleclean/internal/dom"
)

// A landing page's sections each end on a call to action ("Learn more",
// "Start free trial") and hold cards that link to the offer's parts, so
// the text the page's main landmark adds to the scored section is more
// links than an article's surroundings (see sectioned). Set under a run of
// second-level headings, one per section, such text is the page's own.
const (
	// headedLinkDensity is the most of the added text that may be links
	// when the landmark is headed so; measured on wcxb-dev, 0.4 takes an
	// article's related-post cards.
	headedLinkDensity = 0.35
	// headedMinSections is the least number of <h2> headings that make a
	// page of sections: an article with related cards has one or none.
	headedMinSections = 3
)

// headedSections reports whether art holds at least headedMinSections
// <h2> headings and no line that is only a date: a dated page is an
// article, whose sections are its own but whose surroundings (a table of
// contents, calls to action, an FAQ) are not.
func headedSections(art *html.Node) bool {
	count, dated := 0, false
	dom.Elements(art, func(n *html.Node) bool {
		switch {
		case dated:
			return false
		case n.DataAtom == atom.H2:
			count++
			return false
		case !hasBlockChild(n) && !dom.TextLenOver(n, dateLineMaxLen):
			dated = isDateLine(strings.TrimSpace(dom.Text(n)))
			return false
		}
		return true
	})
	return count >= headedMinSections && !dated
}
