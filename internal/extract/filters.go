package extract

import (
	"strings"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A shop's or a directory's filter panel is a stack of checkbox and radio
// choices (sizes, colours, price bands, sort orders). The clutter stage
// drops the inputs themselves; their <label> elements, the panel's whole
// text, stay and read as runs of words. Labels are form parts: an
// article's text is not written in them.
const (
	// labelPanelMin: a panel has at least this many labels; a lone
	// labelled field (a search box, a newsletter opt-in) is tidied apart.
	labelPanelMin = 6
	// labelPanelShare: the labels hold at least this share of the
	// panel's text; a card grid with a "compare" box per card does not.
	// A panel holds no picture either: a product's swatches label their
	// pictures, and are its options, not a filter.
	labelPanelShare = 0.6
	// labelPanelOther is the most text outside the labels a panel holds:
	// its group headings and "see more" links. A block holding the panel
	// and the results beside it holds more.
	labelPanelOther = 500
)

// filterWords name a filter panel or a sort control in the class of the
// panel or a block around it, in the common shop engines and UI kits
// (Shopify's facets, Magento's and WooCommerce's filters and
// refinements, "sort-by" menus). A product's own option picker, also a
// stack of labels, is named otherwise ("options", "swatches", "variants").
var filterWords = dom.NewMatcher(dom.Set(
	"filter", "filters", "filtering", "facet", "facets", "refine", "refinement", "refinements",
	"sort", "sorting", "sortby", "sort-by",
))

// dropLabelPanels removes the blocks of art that are mostly form labels.
// Every block's labels and text are counted in one pass up the tree, so
// judging each block costs a lookup, not a walk of its subtree.
func dropLabelPanels(art *html.Node) {
	if dom.Find(art, func(n *html.Node) bool { return n.DataAtom == atom.Label }) == nil {
		return
	}
	counts := map[*html.Node]labelCount{}
	countLabels(art, counts)
	var panels []*html.Node
	dom.Elements(art, func(n *html.Node) bool {
		if n == art {
			return true
		}
		c, ok := counts[n]
		if !ok {
			return false // too few labels here or below
		}
		if c.isPanel() && !hasPicture(n) && (namedFilter(n, art) || !optionPicker(n, art)) {
			panels = append(panels, n)
			return false
		}
		return true
	})
	for _, n := range panels {
		dom.Detach(n)
	}
}

// labelCount is what dropLabelPanels knows of a block: how many labels it
// holds, their text and its whole text, in non-space characters.
type labelCount struct{ labels, labelLen, textLen int }

// isPanel reports a block of labelPanelMin labels or more whose labels
// hold labelPanelShare of its text and leave at most labelPanelOther.
func (c labelCount) isPanel() bool {
	return c.labels >= labelPanelMin && float64(c.labelLen) >= labelPanelShare*float64(c.textLen) &&
		c.textLen-c.labelLen <= labelPanelOther
}

// countLabels returns the labelCount of n's subtree and records it in
// counts for the elements holding labelPanelMin labels or more.
func countLabels(n *html.Node, counts map[*html.Node]labelCount) labelCount {
	var c labelCount
	switch {
	case n.Type == html.TextNode:
		c.textLen = dom.TextLen(n)
		return c
	case n.Type != html.ElementNode || dom.IsElement(n, atom.Script, atom.Style, atom.Template):
		return c
	case n.DataAtom == atom.Label:
		c.labels = 1
		c.textLen = dom.TextLen(n)
		c.labelLen = c.textLen
		return c
	}
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		cc := countLabels(ch, counts)
		c.labels += cc.labels
		c.labelLen += cc.labelLen
		c.textLen += cc.textLen
	}
	if c.labels >= labelPanelMin {
		counts[n] = c
	}
	return c
}

// namedFilter reports whether n or a block around it, below art, has a
// filterWords class or id.
func namedFilter(n, art *html.Node) bool {
	for p := n; p != nil && p != art; p = p.Parent {
		if filterWords.MatchNode(p) != 0 {
			return true
		}
	}
	return false
}

// optionPicker reports whether n holds or sits in an ARIA radiogroup: a
// product's choice of colour or size, which readers keep as its options.
func optionPicker(n, art *html.Node) bool {
	for p := n; p != nil && p != art; p = p.Parent {
		if isRadioGroup(p) {
			return true
		}
	}
	return dom.Find(n, isRadioGroup) != nil
}

func isRadioGroup(n *html.Node) bool {
	return strings.EqualFold(dom.Attr(n, "role"), "radiogroup")
}
