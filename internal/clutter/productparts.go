package clutter

import (
	"strings"

	"golang.org/x/net/html"

	"articleclean/internal/dom"
)

// hiddenClassWords are the utility classes CSS frameworks define to hide
// an element at every width: Bootstrap 2 and 3's and Foundation's "hide",
// which BigCommerce's Stencil themes and many shop themes inherit.
// Responsive variants ("hide-on-mobile", "hidden-xs") hide it on some
// screens only and are other words. Only a page of one product trusts
// them: there, what a theme hides so is the engine's data for its scripts
// (custom fields, variant prices, size-guide links); on other pages a tab
// a script shows may carry it.
var hiddenClassWords = map[string]bool{"hide": true}

// isProductPart reports whether n, on a page of one product, is a part of
// the page a reader does not see as the product's: see hiddenClassWords.
func isProductPart(n *html.Node) bool {
	c := dom.Attr(n, "class")
	if c == "" {
		return false
	}
	for w := range strings.FieldsSeq(c) {
		if hiddenClassWords[w] {
			return true
		}
	}
	return false
}
