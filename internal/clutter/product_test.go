package clutter

import (
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"
	"articleclean/internal/report"
)

// cleanedText runs Remove over a page of the given head and body and
// returns the text left.
func cleanedText(t *testing.T, head, body string) string {
	t.Helper()
	doc, err := parse.Document("<html><head>" + head + "</head><body>" + body + "</body></html>")
	if err != nil {
		t.Fatal(err)
	}
	Remove(doc, Options{}, &report.Report{})
	return dom.Text(doc)
}

func TestProductReviews(t *testing.T) {
	desc := `<div class="description"><p>` + strings.Repeat("A wool blanket woven on a hand loom, soft and warm for winter nights. ", 12) + `</p></div>`
	reviews := `<section id="reviews"><h2>Customer reviews</h2><div class="review"><p>Lovely and warm, five stars from me.</p></div></section>`
	productLD := `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Product","name":"Blanket"}</script>`
	for _, tc := range []struct {
		name, head, body string
		reviewsGo        bool
	}{
		{"JSON-LD product page", productLD, desc + reviews, true},
		{"JSON-LD product in a graph", `<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":["Product"]}]}</script>`, desc + reviews, true},
		{"Open Graph product page", `<meta property="og:type" content="product">`, desc + reviews, true},
		{"microdata product page", "", `<div itemscope itemtype="https://schema.org/Product">` + desc + reviews + `</div>`, true},
		{"page that is not a product's", "", desc + reviews, false},
		{"review article naming a product", `<script type="application/ld+json">{"@type":"Review","itemReviewed":{"@type":"Product","name":"Blanket"}}</script>`, desc + reviews, false},
		{"product nested in an article's microdata", "", `<article itemscope itemtype="https://schema.org/Article"><div itemprop="about" itemscope itemtype="https://schema.org/Product">` + desc + `</div>` + reviews + `</article>`, false},
		{"reviews holding most of the page", productLD, `<div class="reviews">` + desc + `<p>Lovely, five stars.</p></div>`, false},
		{"JSON-LD product type in upper case", `<script type="application/ld+json">{"@type":"https://schema.org/PRODUCT"}</script>`, desc + reviews, true},
		{"JSON-LD product type spelled with escapes", `<script type="application/ld+json">{"@type":"\u0050roduct"}</script>`, desc + reviews, true},
		{"broken JSON-LD", `<script type="application/ld+json">{"@type":"Product",</script>`, desc + reviews, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := cleanedText(t, tc.head, tc.body)
			if !strings.Contains(text, "hand loom") {
				t.Fatal("the description was removed")
			}
			if gone := !strings.Contains(text, "five stars"); gone != tc.reviewsGo {
				t.Errorf("reviews removed = %v, want %v", gone, tc.reviewsGo)
			}
		})
	}
}

// TestProductTypesNameProduct checks what mayNameProduct relies on: every
// product type holds the word it looks for.
func TestProductTypesNameProduct(t *testing.T) {
	for ty := range productTypes {
		if !strings.Contains(ty, "product") {
			t.Errorf("product type %q does not hold \"product\"", ty)
		}
	}
}

func TestProductRails(t *testing.T) {
	desc := `<div class="description"><p>` + strings.Repeat("A wool blanket woven on a hand loom, soft and warm for winter nights. ", 12) + `</p></div>`
	rail := `<div class="upsell-carousel"><a href="/p/1">Linen throw $45</a><a href="/p/2">Cotton quilt £60.00</a><a href="/p/3">Pillow 12,50 €</a></div>`
	features := `<div class="feature-carousel"><h3>Warm</h3><p>Holds heat on the coldest nights, priced fairly.</p><h3>Soft</h3><p>Brushed by hand.</p></div>`
	productLD := `<script type="application/ld+json">{"@type":"Product","name":"Blanket"}</script>`
	for _, tc := range []struct {
		name, head, body string
		railGoes         bool
	}{
		{"rail of priced products on a product page", productLD, desc + rail + features, true},
		{"rail on a page of one product and a group", `<meta property="og:type" content="product.group">` + productLD, desc + rail + features, true},
		{"rail on a page declaring only a group of products", `<meta property="og:type" content="product.group">`, desc + rail + features, false},
		{"rail on a page that is not a product's", "", desc + rail + features, false},
		{"slider with one price", productLD, desc + `<div class="carousel"><a href="/p/1">Linen throw $45</a><a href="/p/2">Cotton quilt</a></div>` + features, false},
		{"rail named so, of any size", productLD, desc + `<section class="upsells products"><h2>Goes well with</h2>` + strings.Repeat(`<a href="/p/1">Linen throw, woven from flax grown on the coast and washed soft</a>`, 8) + `</section>` + features, true},
		{"rail named so on a page that is not a product's", "", desc + `<section class="upsells products"><h2>Goes well with</h2>` + strings.Repeat(`<a href="/p/1">Linen throw, woven from flax grown on the coast and washed soft</a>`, 8) + `</section>` + features, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := cleanedText(t, tc.head, tc.body)
			if !strings.Contains(text, "hand loom") || !strings.Contains(text, "Brushed by hand") {
				t.Fatal("the description or the feature slider was removed")
			}
			if gone := !strings.Contains(text, "Linen throw"); gone != tc.railGoes {
				t.Errorf("rail removed = %v, want %v", gone, tc.railGoes)
			}
		})
	}
}

func TestPricesIn(t *testing.T) {
	for _, tc := range []struct {
		text string
		want int
	}{
		{"$18 $25 28% OFF", 2},
		{"€ 95,25 or 12,50 €", 2},
		{"£\u00a0675", 1},
		{"Save money with our $ plans", 0},
		{"US$ only, 5 dollars", 0},
		{"¥", 0},
	} {
		if got := pricesIn(tc.text); got != tc.want {
			t.Errorf("pricesIn(%q) = %d, want %d", tc.text, got, tc.want)
		}
	}
}

// Blocks that surround a product's own description (its legal small
// print, payment and selling-point bars, the shop's footer and newsletter
// box, popups) go on a page of one product and stay on any other page.
func TestProductBoilerplate(t *testing.T) {
	desc := `<div class="description"><p>` + strings.Repeat("A wool blanket woven on a hand loom, soft and warm for winter nights. ", 12) + `</p></div>`
	productLD := `<script type="application/ld+json">{"@type":"Product","name":"Blanket"}</script>`
	tests := []struct {
		name, body string
		kept, gone []string // gone on a product page, kept on any other
	}{
		{
			name: "named blocks",
			body: `<div class="legal-disclaimer"><p>` + strings.Repeat("Colours may differ from the pictures shown. Offer valid while stocks last. ", 8) + `</p></div>` +
				`<div class="product-payment-info"><p>` + strings.Repeat("Pay in four instalments with any card, no interest charged. ", 8) + `</p></div>` +
				`<ul class="usp-bar"><li>` + strings.Repeat("Free returns within thirty days. ", 8) + `</li></ul>` +
				`<div class="page-footer-wrapper"><p>` + strings.Repeat("What our clients say: lovely shop, quick delivery. ", 8) + `</p></div>` +
				`<div class="subscribe-form"><p>` + strings.Repeat("Leave your address and hear first when it is back in stock. ", 12) + `</p></div>`,
			gone: []string{"stocks last", "no interest", "thirty days", "quick delivery", "back in stock"},
		},
		{
			name: "tooltips",
			body: `<p>Arrives soon <span role="tooltip">Your order should arrive by this date if you buy today, counting the seller's dispatch time.</span></p>`,
			kept: []string{"Arrives soon"},
			gone: []string{"dispatch time"},
		},
	}
	for _, tc := range tests {
		for _, page := range []struct {
			kind, head string
			product    bool
		}{{"product page", productLD, true}, {"page that is not a product's", "", false}} {
			t.Run(tc.name+" on a "+page.kind, func(t *testing.T) {
				doc, err := parse.Document("<html><head>" + page.head + "</head><body>" + desc + tc.body + "</body></html>")
				if err != nil {
					t.Fatal(err)
				}
				Remove(doc, Options{}, &report.Report{})
				text := dom.Text(doc)
				for _, w := range append([]string{"hand loom"}, tc.kept...) {
					if !strings.Contains(text, w) {
						t.Errorf("%q removed", w)
					}
				}
				for _, w := range tc.gone {
					if gone := !strings.Contains(text, w); gone != page.product {
						t.Errorf("%q removed = %v, want %v", w, gone, page.product)
					}
				}
			})
		}
	}
}
