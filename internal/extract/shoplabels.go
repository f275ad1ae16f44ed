package extract

import (
	"regexp"
	"strings"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// shopLabel matches the whole text of the controls and badges a shop's
// category page strews over its cards and around its grid: sort and filter
// toggles, result counters, "Quick view" and "Add to cart" buttons, promo
// badges. Measured on wcxb-dev collection pages, no truth keeps one of them
// when it stands alone; labels the truth does keep on some shops ("Sale",
// "New", "Only 2 left", "3 colors", "Save 20%") are left out on purpose.
var shopLabel = regexp.MustCompile(`^(?:sort(?: by)?:?(?: .{1,20})?|filters?|filter (?:&|and) sort|` +
	`(?:showing |loaded )?[0-9,]+(?: ?[–-] ?[0-9,]+)?(?: of [0-9,]+)? (?:results|products|items)|` +
	`quick ?view(?: .{1,20})?|add to (?:cart|bag|basket|wishlist)|compare|` +
	`new arrivals?|top rated|best ?seller|low stock)$`)

// shopLabelFirst holds every byte a shopLabel match can start with.
const shopLabelFirst = "sfqacntbl0123456789"

// shopLabelMaxLen bounds the text read to match shopLabel, so that no long
// block is copied.
const shopLabelMaxLen = 40

// removeShopLabels removes the elements of art whose whole text is a shop
// control or badge (see shopLabel) and that stand alone in their parent: a
// word of a sentence ("compare the two") is prose, and table cells are data.
func removeShopLabels(art *html.Node) {
	var drop []*html.Node
	dom.Elements(art, func(n *html.Node) bool {
		if n.DataAtom == atom.Table {
			return false
		}
		if dom.TextLenOver(n, shopLabelMaxLen) || !standsAlone(n) {
			return true
		}
		// dom.Text folds white space already; most short texts are
		// turned away by their first letter before the pattern runs.
		text := strings.ToLower(dom.Text(n))
		if text != "" && strings.IndexByte(shopLabelFirst, text[0]) >= 0 && shopLabel.MatchString(text) {
			drop = append(drop, n)
			return false
		}
		return true
	})
	for _, n := range drop {
		// A space stands in for the label, so that the words either
		// side of an inline one do not run together.
		if n.Parent != nil {
			n.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, n)
			n.Parent.RemoveChild(n)
		}
	}
}

// standsAlone reports whether n has no text beside it in its parent.
func standsAlone(n *html.Node) bool {
	for _, s := range []*html.Node{n.PrevSibling, n.NextSibling} {
		if s != nil && s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return false
		}
	}
	return true
}
