package clutter

import (
	"strings"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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

// A page that declares no product in its metadata still shows one for sale
// when it has a single buy button: the shop engines name it so (Magento's
// product-addtocart-button, Shopify's AddToCart and its /cart/add form,
// Amazon's add-to-cart-button). A category page has one per card, an
// article none. WooCommerce's button named add-to-cart is left out: its
// product pages declare their product in JSON-LD, and those that do not
// (rentals, bookings) are measured worse off as product pages.
const (
	// buyControlsMax: a product page may print its buy button twice, in
	// the page and in a sticky bar or a mobile copy; more are a grid's.
	buyControlsMax = 2
)

// buyControlWords are what a buy button's id says once lower-cased and
// stripped of "-" and "_".
var buyControlWords = []string{"addtocart", "addtobag", "addtobasket"}

// isBuyControl reports whether n is a shop's buy button or form (see
// buyControlWords): by its id, or as a Shopify form posting to /cart/add.
func isBuyControl(n *html.Node) bool {
	if dom.IsElement(n, atom.Script, atom.Link, atom.Style, atom.Meta, atom.Template, atom.Noscript) {
		return false // the engine's cart script, not a button
	}
	if a := n.DataAtom; a == atom.Form && strings.HasSuffix(strings.TrimRight(strings.ToLower(dom.Attr(n, "action")), "/"), "/cart/add") {
		return true
	}
	id := dom.Attr(n, "id")
	if len(id) < len("addtocart") {
		return false
	}
	for _, w := range buyControlWords {
		if containsSqueezed(id, w) {
			return true
		}
	}
	return false
}

// containsSqueezed reports whether s holds word, a word of lower-case
// ASCII letters, in any ASCII case and with "-" and "_" allowed between
// its letters ("add-to-cart", "AddToCart", "add_to_cart"), without
// copying s: every element with an id is asked.
func containsSqueezed(s, word string) bool {
	for i := 0; i < len(s); i++ {
		j, k := i, 0
		for j < len(s) && k < len(word) {
			switch c := s[j] | 0x20; {
			case c == word[k]:
				k++
			case k > 0 && (s[j] == '-' || s[j] == '_'):
			default:
				j = len(s) // no match from i
				continue
			}
			j++
		}
		if k == len(word) {
			return true
		}
	}
	return false
}
