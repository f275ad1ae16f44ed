package extract

import (
	"strings"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
)

// Class names written the BEM way (block__element) name an element as a
// part of a component: "product-card__header" holds a card's title,
// "accordion__header" an accordion item's question, "tile__footer" a
// tile's price. The furniture words of unlikelyWords mean the page's
// header and footer, and stripUnlikely removed such parts with them, which
// left a shop's grid without its titles and a page of questions without
// its questions.
var (
	// componentParts are the furniture words that, as an element name of
	// a componentBlocks block, are the component's own.
	componentParts = dom.Set("header", "footer", "foot")
	// componentBlocks name the repeated widgets whose header and footer
	// are their own. Page-level blocks ("layout__header", "site__footer")
	// are furniture as the words say.
	componentBlocks = dom.Set("accordion", "card", "tile", "item", "collapse", "collapsible", "faq", "tab", "panel")
	// postBlocks name a thread's posts, whose header (the poster and the
	// date: "message-card__header") is post furniture even in a card.
	// Measured on wcxb-dev, forum pages lose otherwise.
	postBlocks = dom.Set("message", "post", "comment", "reply")
)

// componentPart reports whether n's class and id name it furniture only by
// componentParts words in the element names of componentBlocks blocks
// (see componentParts). The block name before "__" counts as any class:
// "site-header__inner" is the page header's. It is asked only of blocks
// unlikelyBlock condemns, so the words it splits out cost nothing on others.
func componentPart(n *html.Node) bool {
	var found uint32
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && a.Namespace == "" {
			for tok := range strings.FieldsSeq(a.Val) {
				i := strings.Index(tok, "__")
				if i <= 0 {
					found |= classHints.Match(tok)
					continue
				}
				found |= classHints.Match(tok[:i])
				component := false
				for _, w := range dom.AppendWords(nil, tok[:i]) {
					if postBlocks[w] {
						return false
					}
					component = component || componentBlocks[w]
				}
				for _, w := range dom.AppendWords(nil, tok[i:]) {
					if unlikelyWords[w] && (!component || !componentParts[w]) {
						return false
					}
				}
			}
		}
	}
	return found&hintUnlikely == 0
}
