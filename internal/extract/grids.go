package extract

import (
	"strings"
	"unicode/utf8"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Shop categories and catalogue pages show their items as a grid of cards
// (a picture, a name linking to the item, a price), and below it a long
// block of search-engine prose or an FAQ about the category. Scoring
// prefers that prose, which reads like an article; the reader came for the
// grid. A grid is recognised by its shape, not its words: many sibling
// cards of one kind, each short, each with a picture and a link.
const (
	// gridMinCards: a grid has at least this many cards. Related-post and
	// "you may also like" rails beside an article hold a handful; a shop
	// shelf holds a dozen or more.
	gridMinCards = 8
	// gridCardMinUnits and gridCardMaxUnits bound one card's text: a bare
	// menu link is shorter, a teaser block with its own story longer.
	gridCardMinUnits = 8
	gridCardMaxUnits = 1200
	// gridPictured: at least this share of the cards hold a picture.
	// Menus and link lists repeat their items without one.
	gridPictured = 0.75
	// gridTopShare: the grid replaces the scored block only when the
	// cards hold at least this share of its text. A few cards under a long
	// article are its recommendations, however well pictured.
	gridTopShare = 0.3
	// gridAfterShare: a grid after top joins it only when it outweighs
	// it this many times: top is then a listing's intro. Under an article
	// a card rail, however long, is its recommendations.
	gridAfterShare = 2
	// gridWrapperShare: a wrapper whose text is at least this share of a
	// grid's is the grid's own frame (its heading, its count line).
	gridWrapperShare = 0.5
	// gridPriced: a shelf tidying spares has a price on at least this share
	// of its cards. Teaser grids of stories and courses are judged like any
	// other links, which keeps their rails and "more from" blocks out.
	gridPriced = 0.5
	// gridArtShare: a shelf tidying spares holds at least this share of
	// the article's text. A product page's "you may also like" rail is a
	// priced grid too, but a small part of the page. A category's shelf
	// can be as little as a quarter of its page when long buying-guide
	// prose follows it; measured on wcxb-dev, 0.2 keeps such shelves and
	// 0.12 starts taking in rails.
	gridArtShare = 0.2
	// gridContainerShare: the grid and top together hold at least this
	// share of the text of the container holding both.
	gridContainerShare = 0.7
)

// productGrid widens top to take in the page's card grid when the grid
// lies outside it: top is then the intro a shop sets above its shelf or the
// prose below it. Their common container is taken when the two make most of
// its text; a container holding much else spans the page's furniture too.
func productGrid(top, body *html.Node, st stats) *html.Node {
	if top == body {
		return top
	}
	grid, units := largestGrid(body, st)
	if grid == nil || grid == top || isAncestor(grid, top) || isAncestor(top, grid) {
		return top
	}
	share := gridTopShare
	if st.get(grid).order > st.get(top).order {
		share = gridAfterShare
	}
	if float64(units) < share*float64(st.units(top)) {
		return top
	}
	both := commonAncestor(top, grid)
	if both == nil || both == body || float64(units+st.units(top)) < gridContainerShare*float64(st.units(both)) {
		return top
	}
	return both
}

// commonAncestor returns the nearest element holding both a and b.
func commonAncestor(a, b *html.Node) *html.Node {
	for p := a.Parent; p != nil; p = p.Parent {
		if isAncestor(p, b) {
			return p
		}
	}
	return nil
}

// largestGrid returns the element below body whose card children hold the
// most text, and that text, or nil.
func largestGrid(body *html.Node, st stats) (*html.Node, int) {
	var best *html.Node
	bestUnits := 0
	dom.Elements(body, func(n *html.Node) bool {
		if dom.IsElement(n, atom.A, atom.Pre, atom.Code, atom.Table, atom.Select) {
			return false
		}
		if st.units(n) <= bestUnits {
			return false // nothing below can hold more
		}
		if u := gridUnits(n, st.units, false); u > bestUnits {
			best, bestUnits = n, u
		}
		return true
	})
	return best, bestUnits
}

// gridUnits returns the text of the cards among p's children when they
// make a grid (see the grid constants), else 0. Cards are the children of
// p's most common card signature; classless grids are lists (<li>) or
// marked items (role=listitem, <article>).
func gridUnits(p *html.Node, unitsOf func(*html.Node) int, priced bool) int {
	// Most elements have few children: count them before reading any
	// class.
	elements := 0
	for c := p.FirstChild; c != nil && elements < gridMinCards; c = c.NextSibling {
		if c.Type == html.ElementNode {
			elements++
		}
	}
	if elements < gridMinCards {
		return 0
	}
	counts := map[string]int{}
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if sig := gridSignature(c); sig != "" {
				counts[sig]++
			}
		}
	}
	sig, most := "", 0
	for s, k := range counts {
		if k > most || k == most && s < sig {
			sig, most = s, k
		}
	}
	if most < gridMinCards {
		return 0
	}
	cards, pictured, withPrice, units := 0, 0, 0, 0
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || gridSignature(c) != sig {
			continue
		}
		u := unitsOf(c)
		if u < gridCardMinUnits || u > gridCardMaxUnits || !hasLink(c) {
			continue
		}
		cards++
		units += u
		if hasPicture(c) {
			pictured++
		}
		if priced && hasPrice(c) {
			withPrice++
		}
	}
	if cards < gridMinCards || float64(pictured) < gridPictured*float64(cards) {
		return 0
	}
	if priced && float64(withPrice) < gridPriced*float64(cards) {
		return 0
	}
	return units
}

// gridSignature is a child's kind for grid purposes: its card signature;
// for a child whose classes are all numbered (utility frameworks' column
// spans, "col-span-6 md:col-span-3"), its tag and whole class; for a
// classless child, its tag when the tag or role marks an item.
func gridSignature(n *html.Node) string {
	if sig := cardSignature(n); sig != "" {
		return sig
	}
	if sig := classSignature(n); sig != "" {
		return n.Data + "." + sig
	}
	if dom.IsElement(n, atom.Li, atom.Article) || strings.EqualFold(dom.Attr(n, "role"), "listitem") {
		return n.Data
	}
	return ""
}

func hasLink(n *html.Node) bool {
	return n.DataAtom == atom.A || dom.Find(n, func(c *html.Node) bool { return c.DataAtom == atom.A && dom.HasAttr(c, "href") }) != nil
}

func hasPicture(n *html.Node) bool {
	return dom.Find(n, func(c *html.Node) bool { return dom.IsElement(c, atom.Img, atom.Picture) }) != nil
}

// pagedWords name the wrapper a shop's paginated or endlessly scrolling
// shelf sits in ("pagination", "pager"): furniture when it holds only the
// page links, the listing itself when it holds a grid of cards.
var pagedWords = dom.NewMatcher(dom.Set("pagination", "pager", "paginated", "paging"))

// pagedGrid reports whether n is named as pagination furniture yet holds a
// card grid: the grid is the page's content and stays.
func pagedGrid(n *html.Node) bool {
	if pagedWords.MatchNode(n) == 0 {
		return false
	}
	found := false
	dom.Elements(n, func(c *html.Node) bool {
		if found || dom.IsElement(c, atom.A, atom.Pre, atom.Code, atom.Table, atom.Select) {
			return false
		}
		found = gridUnits(c, unitsOf, false) > 0
		return !found
	})
	return found
}

// gridShelter says what a grid found by gridsIn spares.
type gridShelter uint8

const (
	shelterSubtree gridShelter = 1 + iota // the grid: it and all inside it
	shelterSelf                           // a wrapper mostly of a grid: itself
)

// gridsIn returns the card grids below art (see gridUnits), and the
// wrappers whose text is mostly one of them. Their cards are links with a
// picture and a name by design: the link-density limits that clear
// navigation out of an article would clear the whole shelf.
func gridsIn(art *html.Node, st stats) map[*html.Node]gridShelter {
	grids := map[*html.Node]gridShelter{}
	least := gridArtShare * float64(unitsOf(art))
	dom.Elements(art, func(n *html.Node) bool {
		if dom.IsElement(n, atom.A, atom.Pre, atom.Code, atom.Table, atom.Select) {
			return false
		}
		if u := gridUnits(n, st.units, true); u > 0 && float64(u) >= least {
			grids[n] = shelterSubtree
			for p := n.Parent; p != nil && p != art && float64(u) >= gridWrapperShare*float64(st.units(p)); p = p.Parent {
				if grids[p] == 0 {
					grids[p] = shelterSelf
				}
			}
		}
		return true
	})
	return grids
}

// inGrid reports whether grids (see gridsIn) spare n.
func inGrid(n *html.Node, grids map[*html.Node]gridShelter) bool {
	if len(grids) == 0 {
		return false
	}
	if grids[n] != 0 {
		return true
	}
	for p := n.Parent; p != nil; p = p.Parent {
		if grids[p] == shelterSubtree {
			return true
		}
	}
	return false
}

// currencySigns are the symbols shops write beside an amount.
const currencySigns = "$£€¥₹₩₽"

// hasPrice reports whether n's text holds an amount: a currency sign with a
// digit before or after it, spaces allowed between ("$18", "12,50 €").
// Script-rendered shops often split the sign from the amount into two text
// nodes ("$<!-- -->30"), so the last character of the previous text joins
// each text node.
func hasPrice(n *html.Node) bool {
	carry := ""
	for c := n.FirstChild; c != nil; c = dom.Next(c, n, false) {
		if c.Type != html.TextNode {
			continue
		}
		if s := carry + c.Data; strings.ContainsAny(s, currencySigns) && priceIn(s) {
			return true
		}
		if t := strings.TrimRight(c.Data, " \u00a0\n\t"); t != "" {
			_, size := utf8.DecodeLastRuneInString(t)
			carry = t[len(t)-size:]
		}
	}
	return false
}

func priceIn(s string) bool {
	for i, r := range s {
		if !strings.ContainsRune(currencySigns, r) {
			continue
		}
		after := strings.TrimLeft(s[i+utf8.RuneLen(r):], " \u00a0")
		before := strings.TrimRight(s[:i], " \u00a0")
		if after != "" && isASCIIDigit(after[0]) || before != "" && isASCIIDigit(before[len(before)-1]) {
			return true
		}
	}
	return false
}

func isASCIIDigit(b byte) bool { return '0' <= b && b <= '9' }
