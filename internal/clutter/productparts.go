package clutter

import (
	"strings"

	"articleclean/internal/dom"
	"articleclean/internal/report"

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

// shopMetaClasses are the classes WooCommerce gives the shop's own
// bookkeeping on a product page: the SKU, category and tag line
// (product_meta) and the "Additional information" table of stock
// attributes (shop_attributes, woocommerce-product-attributes), which
// repeats the variation pickers' choices. Whole class tokens, as the
// engine writes them. Measured on wcxb-dev: no truth keeps them.
var shopMetaClasses = map[string]bool{
	"product_meta": true, "shop_attributes": true, "woocommerce-product-attributes": true,
}

// tooltipClasses are the whole class tokens of a tooltip's popup text in
// the common kits and themes (Bootstrap's tooltip-inner, the CSS-only
// tooltiptext, BEM themes' tooltip__content): on a product page it
// explains the shop's terms (delivery estimates, return windows, what a
// badge means), as role=tooltip does (see isProductRail). The wrapper
// ("tooltip") is not among them: it holds the trigger's label too.
var tooltipClasses = map[string]bool{
	"tooltip-inner": true, "tooltiptext": true,
	"tooltip-text": true, "tooltip-content": true, "tooltip__content": true, "tool-tip__content": true,
}

// isProductPart reports whether n, on a page of one product, is a part of
// the page a reader does not see as the product's: see hiddenClassWords,
// shopMetaClasses and tooltipClasses.
func isProductPart(n *html.Node) bool {
	c := dom.Attr(n, "class")
	if c == "" {
		return false
	}
	for w := range strings.FieldsSeq(c) {
		if hiddenClassWords[w] || shopMetaClasses[w] || tooltipClasses[strings.ToLower(w)] {
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

// railTitles are the headings shops put over rails of other products, as
// word keys (see dom.WordKey): on a page of one product the section such a
// heading opens lists other products, whatever its markup is named (the
// class names of many shops are generated and say nothing).
var railTitles = []string{
	" you may also like ", " you might also like ", " you may like ", " you might like ",
	" related products ", " related items ", " similar items ", " similar products ",
	" also viewed ", " also bought ", " also purchased ", " customers who viewed ",
	" customers who bought ", " frequently bought together ", " recently viewed ",
	" complete the look ", " shop the look ", " pairs well with ", " goes well with ",
	" explore related ", " sponsored products ", " recommended for you ",
	" more to consider ", " compare similar ",
}

const (
	// railTitleMaxLen: a rail's heading is a short phrase; a longer
	// heading that holds one is a sentence about the product.
	railTitleMaxLen = 60
	// railMaxShare bounds a rail section to this share of the page's text.
	railMaxShare = 0.4
)

// removeRailSections removes from a page of one product the sections
// that a rail heading (see railTitles) opens: the heading's largest
// ancestor that begins with it, holds no other heading of its rank or
// higher, nor more than railMaxShare of the page's text.
func removeRailSections(doc *html.Node, pageText int, r *report.Report) {
	limit := int(railMaxShare * float64(pageText))
	var rails []*html.Node
	dom.Elements(doc, func(n *html.Node) bool {
		rank := railHeadingRank(n)
		if rank == 0 {
			return true
		}
		if dom.TextLenOver(n, railTitleMaxLen) || !isRailTitle(dom.Text(n)) {
			return false
		}
		section := n
		for p := n.Parent; p != nil && p.Type == html.ElementNode && !dom.IsElement(p, atom.Body, atom.Html, atom.Main); p = p.Parent {
			if dom.TextLenOver(p, limit) || firstText(p) != firstText(n) || holdsRivalHeading(p, n, rank) {
				break
			}
			section = p
		}
		rails = append(rails, section)
		return false
	})
	for _, s := range rails {
		if s.Parent != nil {
			r.Add(report.Element, "product-rail-section", s, "")
			dom.Detach(s)
		}
	}
}

func isRailTitle(text string) bool {
	key := dom.WordKey(text)
	for _, t := range railTitles {
		if strings.Contains(key, t) {
			return true
		}
	}
	return false
}

// railHeadingRank is dom.HeadingRank, or for an element of ARIA role
// heading its aria-level (2 when it has none).
func railHeadingRank(n *html.Node) int {
	if n.Type != html.ElementNode {
		return 0
	}
	if r := dom.HeadingRank(n); r != 0 {
		return r
	}
	if strings.EqualFold(dom.Attr(n, "role"), "heading") {
		if l := dom.Attr(n, "aria-level"); len(l) == 1 && l[0] >= '1' && l[0] <= '6' {
			return int(l[0] - '0')
		}
		return 2
	}
	return 0
}

// firstText returns the first text node below n that is not blank.
func firstText(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; {
		skip := false
		switch {
		case c.Type == html.TextNode && !dom.IsBlank(c.Data):
			return c
		case dom.IsElement(c, atom.Script, atom.Style, atom.Template):
			skip = true
		}
		c = dom.Next(c, n, skip)
	}
	return nil
}

// holdsRivalHeading reports whether p holds a heading other than h (and
// outside it) of rank or higher: the start of another section.
func holdsRivalHeading(p, h *html.Node, rank int) bool {
	rival := false
	dom.Elements(p, func(n *html.Node) bool {
		if rival || n == h {
			return false
		}
		if r := railHeadingRank(n); r != 0 && r <= rank {
			rival = true
			return false
		}
		return true
	})
	return rival
}

// productInfoWords name the product's own facts: its description, details
// and specifications; panelWords the overlays that shops open them in
// (promoWords holds "modal" and "popup", which any page's promo rules
// remove).
var (
	productInfoWords = dom.Set("description", "details", "specifications", "specs")
	panelWords       = dom.Set("modal", "popup")
)

// The tables productInfoHints can answer with, as bits.
const (
	hintProductInfo = 1 << iota
	hintPanel
)

var productInfoHints = dom.NewMatcher(productInfoWords, panelWords)

// isProductInfoPanel reports a modal or popup named for the product's own
// facts ("product-details-modal"): on a page of one product it holds the
// details behind a "Product details" button, not a promotion.
func isProductInfoPanel(n *html.Node) bool {
	const both = hintProductInfo | hintPanel
	return productInfoHints.MatchNode(n)&both == both
}
