package clutter

import (
	"strings"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A hidden element large enough to be the content hidden until a script
// shows it (see hiddenKeepShare) may instead be a site's whole menu: shops
// print their department tree as a hidden block of hundreds of links, for
// search engines or a drawer that opens on a click, and on a short product
// page it holds more text than the product. Content hidden behind a gate
// is prose; a menu is links and nothing else.
const (
	// hiddenMenuMinLinks is the fewest links a hidden block needs to be
	// taken for a menu: a hidden note or panel links a handful of pages.
	hiddenMenuMinLinks = 20
	// hiddenMenuLinkShare is the least share of its text a hidden menu
	// holds in links.
	hiddenMenuLinkShare = 0.9
)

// isHiddenMenu reports whether n, a hidden element, is a block of links
// (see above). It is asked only of hidden elements too large to go as
// hidden, so the walk over n is rare.
func isHiddenMenu(n *html.Node) bool {
	links, text, linkText := 0, 0, 0
	for c := n.FirstChild; c != nil; c = dom.Next(c, n, false) {
		switch c.Type {
		case html.ElementNode:
			if c.DataAtom == atom.A && dom.HasAttr(c, "href") {
				links++
			}
		case html.TextNode:
			size := len(strings.TrimSpace(c.Data)) // layout white space between links is neither
			text += size
			for p := c.Parent; p != nil && p != n; p = p.Parent {
				if p.DataAtom == atom.A {
					linkText += size
					break
				}
			}
		}
	}
	return links >= hiddenMenuMinLinks && text > 0 && float64(linkText) >= hiddenMenuLinkShare*float64(text)
}
