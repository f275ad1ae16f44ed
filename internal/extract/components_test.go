package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// stripUnlikely spares a component's own header and footer (BEM element
// names of a card, an accordion …) but not the page's, nor a post's.
func TestComponentPartsStay(t *testing.T) {
	in := `<html><body>
<div class="site-header__inner">Home · Shop · Contact</div>
<div class="layout__footer">Copyright and legal links</div>
<div class="message-card__header">Posted by a member two days ago</div>
<div class="product-card"><div class="product-card__header">Walnut serving board</div><div class="product-card__footer">$48.00</div></div>
<div class="accordion-item__header">How do I oil the board?</div>
<div class="card__header page-header">Promotions</div>
<p>` + strings.Repeat("The board is cut from one piece of walnut and finished by hand. ", 20) + `</p>
</body></html>`
	out := bodyAfter(t, in, func(body *html.Node) { stripUnlikely(body, false) })
	checkMarkup(t, "component parts", out,
		[]string{"Walnut serving board", "$48.00", "How do I oil the board?"},
		[]string{"Home · Shop", "Copyright", "Posted by a member", "Promotions"})
}

func TestComponentPart(t *testing.T) {
	for class, want := range map[string]bool{
		"tile__footer":             true,
		"faq-item__header--title":  true,
		"card__comment":            false, // a review card's comment is a comment
		"page__header":             false,
		"site-header__inner":       false,
		"post-card__header":        false,
		"card__header site-footer": false,
	} {
		n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: class}}}
		if got := componentPart(n); got != want {
			t.Errorf("componentPart(%q) = %v, want %v", class, got, want)
		}
	}
}
