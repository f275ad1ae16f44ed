package clutter

import (
	"strings"
	"unicode/utf8"

	"articleclean/internal/dom"
	"articleclean/internal/jsonvalue"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// productTypes are the schema.org types, and the Open Graph types, that
// declare a page to be about one product for sale.
var (
	productTypes   = dom.Set("product", "productgroup", "individualproduct", "productmodel")
	productOGTypes = dom.Set("product", "og:product", "product.item", "product.group")
)

// reviewWords name the customer-review block of a product page: what
// buyers wrote about the product, not the product's own description, which
// is the page's content. Only product pages lose it (see isProductPage): a
// forum's or a discussion's replies are its content. The singular "review"
// is left out, as it names a review article's own body, and so are
// "testimonial(s)": measured on wcxb-dev, the quotes a shop shows beside a
// product are as often kept by the truth as not.
var reviewWords = dom.Set("reviews")

// reviewMaxShare bounds a review block to this share of the page's text:
// a block named so that holds most of the page is its wrapper.
const reviewMaxShare = 0.5

// productPage says what a page declares it sells.
type productPage uint8

const (
	notProduct productPage = iota
	// productGroup: the only declaration is Open Graph's product.group,
	// which shops give their category pages as well as a product's, so
	// the priced items on it may be its content.
	productGroup
	// oneProduct: the page declares a single product.
	oneProduct
)

// productGroupOGType is the og:type of a group of products.
const productGroupOGType = "product.group"

// isProductPage reports whether doc declares itself a product page: a
// top-level JSON-LD item (or @graph member) of a product type, an Open
// Graph og:type of a product, or a top-level microdata item of a product
// type. Products that are only mentioned (a review's itemReviewed, an
// offer inside an article) do not count.
func isProductPage(doc *html.Node) bool {
	return productPageOf(doc) != notProduct
}

// productPageOf tells how doc declares itself a product page (see
// isProductPage): of one product, or only of a group of them.
func productPageOf(doc *html.Node) productPage {
	kind := notProduct
	buys := 0
	dom.Elements(doc, func(n *html.Node) bool {
		if kind == oneProduct {
			return false
		}
		if isBuyControl(n) {
			buys++
		}
		switch {
		case n.DataAtom == atom.Script && strings.EqualFold(strings.TrimSpace(dom.Attr(n, "type")), "application/ld+json"):
			if mayNameProduct(n) && jsonLDProduct(dom.Text(n)) {
				kind = oneProduct
			}
			return false
		case n.DataAtom == atom.Meta && strings.EqualFold(dom.Attr(n, "property"), "og:type"):
			switch t := strings.ToLower(strings.TrimSpace(dom.Attr(n, "content"))); {
			case t == productGroupOGType:
				kind = max(kind, productGroup)
			case productOGTypes[t]:
				kind = oneProduct
			}
			return false
		case dom.HasAttr(n, "itemscope") && !dom.HasAttr(n, "itemprop"):
			// A top-level microdata item: its type says what the page is
			// about; items nested in it are parts of that.
			if schemaTypeIs(dom.Attr(n, "itemtype"), productTypes) {
				kind = oneProduct
			}
		}
		return true
	})
	if kind == notProduct && buys > 0 && buys <= buyControlsMax {
		kind = oneProduct
	}
	return kind
}

// mayNameProduct reports whether a JSON-LD script's text could name a
// product type: every one of productTypes holds "product", which the text
// spells out (in any case) unless it escapes letters as \uXXXX. Most pages'
// JSON-LD describes an article or an organisation, and decoding it only to
// learn that is the costliest step of the stage.
func mayNameProduct(script *html.Node) bool {
	c := script.FirstChild
	if c == nil || c.NextSibling != nil || c.Type != html.TextNode {
		return true // not the parser's single text child: decode to be sure
	}
	return containsFoldASCII(c.Data, "product") || strings.Contains(c.Data, `\u`)
}

// containsFoldASCII reports whether s contains sub, a word of lower-case
// ASCII letters, in any ASCII case.
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && s[i+j]|0x20 == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// jsonLDProduct reports whether the JSON-LD text holds a top-level item,
// or an @graph member, of a product type. Like the metadata stage, it reads
// the values before any trailing garbage (internal/jsonvalue, not
// encoding/json, which would add about 75 KB of brotli to the .wasm).
func jsonLDProduct(text string) bool {
	vals, _ := jsonvalue.DecodeAll([]byte(text))
	var items []any
	for _, v := range vals {
		if list, ok := v.([]any); ok {
			items = append(items, list...)
		} else {
			items = append(items, v)
		}
	}
	for _, it := range items {
		obj, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if ldTypeIs(obj["@type"]) {
			return true
		}
		if graph, ok := obj["@graph"].([]any); ok {
			for _, g := range graph {
				if gobj, ok := g.(map[string]any); ok && ldTypeIs(gobj["@type"]) {
					return true
				}
			}
		}
	}
	return false
}

// ldTypeIs reports a JSON-LD @type (a string or a list of them) naming a
// product type.
func ldTypeIs(t any) bool {
	switch t := t.(type) {
	case string:
		return schemaTypeIs(t, productTypes)
	case []any:
		for _, x := range t {
			if s, ok := x.(string); ok && schemaTypeIs(s, productTypes) {
				return true
			}
		}
	}
	return false
}

// schemaTypeIs reports whether a type name or URL ("Product",
// "https://schema.org/Product", several separated by spaces) names one of
// types.
func schemaTypeIs(s string, types map[string]bool) bool {
	for f := range strings.FieldsSeq(s) {
		if i := strings.LastIndexAny(f, "/#:"); i >= 0 {
			f = f[i+1:]
		}
		if types[strings.ToLower(f)] {
			return true
		}
	}
	return false
}

// sliderWords name the sliders shops build product rails with ("you may
// also like", "customers also viewed", "complete the look"). A slider is
// taken for a rail only when it shows prices (see railMinPrices): the
// product's own feature, ingredient or photo panels are sliders too, and
// the truth of wcxb-dev keeps them.
var sliderWords = dom.Set("carousel")

// railWords name the rails of other products by what they are, as the shop
// engines do (Magento's and WooCommerce's upsell, crosssell and related
// products). Any page's promo rules remove such blocks when they are
// small; on a page of one product a rail of any size goes.
var railWords = dom.Set(
	"upsell", "upsells", "crosssell", "crosssells", "related", "recommended",
	"recommendation", "recommendations", "alternative", "alternatives",
)

// boilerplateWords name what a shop prints around every product alike: its
// legal small print (offer terms, disclaimers about the pictures), its
// payment options, its selling points ("usp": free returns, secure
// checkout), the container of its popups ("modals"; a single "modal"
// is already promo clutter on any page) and its footer where no <footer>
// tag says so: a product page's footer holds testimonials, newsletters and
// links, never the product. Newsletter and subscription forms ("tell me
// when it is back in stock") go whatever their size there: any page's
// promo rules remove them only when small.
var boilerplateWords = dom.Set("disclaimer", "disclaimers", "modals", "payment", "payments", "usp", "usps", "footer", "newsletter", "subscribe")

// The tables a product page's class and id words can point to, as bits of
// productHints' answer.
const (
	productSlider = 1 << iota
	productRail
	productBoilerplate
)

var productHints = dom.NewMatcher(sliderWords, railWords, boilerplateWords)

// railMinPrices is how many prices a slider shows to be a rail of other
// products: one may be the product's own, beside its buy button.
const railMinPrices = 2

// isProductRail reports whether n is a rail of other products, the
// shop's boilerplate or a tooltip, which a page of one product shows
// beside its own description. Tooltips (ARIA's role=tooltip) there explain
// the shop's terms: delivery estimates, return policies, seller badges.
func isProductRail(n *html.Node) bool {
	if strings.EqualFold(dom.Attr(n, "role"), "tooltip") {
		return true
	}
	h := productHints.MatchNode(n)
	return h&(productRail|productBoilerplate) != 0 || h&productSlider != 0 && countPrices(n, railMinPrices) >= railMinPrices
}

// currencySigns are the symbols shops write beside an amount.
const currencySigns = "$£€¥₹₩₽"

// countPrices counts the amounts in n's text, stopping at limit: currency
// signs with a digit before or after them, spaces allowed between ("$18",
// "€ 95", "12,50 €").
func countPrices(n *html.Node, limit int) int {
	count := 0
	for c := n.FirstChild; c != nil && count < limit; {
		skip := false
		switch {
		case c.Type == html.TextNode:
			count += pricesIn(c.Data)
		case dom.IsElement(c, atom.Script, atom.Style, atom.Template):
			skip = true
		}
		c = dom.Next(c, n, skip)
	}
	return count
}

// pricesIn counts the currency signs in s that have a digit beside them.
func pricesIn(s string) int {
	count := 0
	for i, r := range s {
		if !strings.ContainsRune(currencySigns, r) {
			continue
		}
		after := strings.TrimLeft(s[i+utf8.RuneLen(r):], " \u00a0")
		before := strings.TrimRight(s[:i], " \u00a0")
		if after != "" && isDigit(after[0]) || before != "" && isDigit(before[len(before)-1]) {
			count++
		}
	}
	return count
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
