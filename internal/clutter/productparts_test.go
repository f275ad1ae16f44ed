package clutter

import (
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"
	"articleclean/internal/report"
)

// A product page's elements that a framework's "hide" class hides at every
// width go; responsive variants stay, and so does "hide" on other pages.
func TestProductPartsHiddenByClass(t *testing.T) {
	productLD := `<script type="application/ld+json">{"@type":"Product","name":"Tee"}</script>`
	desc := `<div class="productView-description"><p>` + strings.Repeat("A heavyweight cotton tee with a relaxed fit and ribbed collar. ", 6) + `</p></div>`
	fields := `<dl class="productView-info hide"><dt>FIELD-NAME:</dt><dd>https://cdn.example/thumb.jpg</dd></dl>`
	for _, tc := range []struct {
		name, head, body string
		fieldsGo         bool
	}{
		{"hidden custom fields on a product page", productLD, desc + fields, true},
		{"hidden on mobile only", productLD, desc + strings.Replace(fields, " hide", " hide-on-mobile", 1), false},
		{"class word that merely holds hide", productLD, desc + strings.Replace(fields, " hide", " company-hide", 1), false},
		{"hide class on a page that is not a product's", "", desc + fields, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := cleanedText(t, tc.head, tc.body)
			if !strings.Contains(text, "heavyweight cotton") {
				t.Fatal("the description was removed")
			}
			if gone := !strings.Contains(text, "FIELD-NAME"); gone != tc.fieldsGo {
				t.Errorf("fields removed = %v, want %v", gone, tc.fieldsGo)
			}
		})
	}
}

// A page with one buy button is a product page though its metadata says
// nothing; a grid of them, or a cart script's id, is not.
func TestProductPageByItsBuyButton(t *testing.T) {
	button := func(id string) string { return `<button id="` + id + `">Add to cart</button>` }
	for _, tc := range []struct {
		name, body string
		want       productPage
	}{
		{"Magento button", button("product-addtocart-button"), oneProduct},
		{"Amazon button and its sticky copy", button("add-to-cart-button") + button("add-to-cart-button-ubb"), oneProduct},
		{"Shopify product form", `<form method="post" action="/cart/add"><input type="submit" value="Add to cart"></form>`, oneProduct},
		{"Shopify theme id", button("AddToCart-template--1234__main"), oneProduct},
		{"grid of buy buttons", button("add-to-cart-1") + button("add-to-cart-2") + button("add-to-cart-3"), notProduct},
		{"cart script only", `<script id="wc-add-to-cart-js" src="/add-to-cart.js"></script>`, notProduct},
		{"no buy button", `<p>Notes from the allotment.</p>`, notProduct},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parse.Document("<html><head></head><body>" + tc.body + "</body></html>")
			if err != nil {
				t.Fatal(err)
			}
			if got := productPageOf(doc); got != tc.want {
				t.Errorf("productPageOf = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestContainsSqueezed(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"add-to-cart", true}, {"AddToCart", true}, {"product_add_to_cart_btn", true},
		{"x-addtocart", true}, {"add-to-card", false}, {"addto", false}, {"-add-to-cart", true},
		{"cart-add", false}, {"padd-tocart", true},
	} {
		if got := containsSqueezed(tc.s, "addtocart"); got != tc.want {
			t.Errorf("containsSqueezed(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

// A product page loses the sections its rail headings open, however their
// markup is named; other sections, and other pages, keep theirs.
func TestProductRailSections(t *testing.T) {
	productLD := `<script type="application/ld+json">{"@type":"Product","name":"Mug"}</script>`
	desc := `<div class="x1"><h2>Description</h2><p>` + strings.Repeat("A stoneware mug glazed by hand, holding a generous 350 ml of tea. ", 8) + `</p></div>`
	rail := `<section><div class="a9"><div class="b3"><h2 class="t7">People who viewed this item also viewed</h2></div>` +
		`<div class="c2"><div><span>RAIL-ITEM Espresso cup</span><span>$12</span></div><div><span>RAIL-ITEM Teapot</span><span>$30</span></div></div></div></section>`
	for _, tc := range []struct {
		name, head, body string
		railGoes         bool
	}{
		{"rail after the description", productLD, desc + rail, true},
		{"rail heading of role heading", productLD, desc + strings.Replace(strings.Replace(rail, `<h2 class="t7">`, `<div role="heading">`, 1), "</h2>", "</div>", 1), true},
		{"rail on a page that is not a product's", "", desc + rail, false},
		{"heading that mentions a rail phrase in a sentence", productLD, desc + strings.Replace(rail, "People who viewed this item also viewed", "Why people who viewed this item also viewed our care guide, and why they kept coming back for more mugs", 1), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := cleanedText(t, tc.head, tc.body)
			if !strings.Contains(text, "stoneware mug") || !strings.Contains(text, "Description") {
				t.Fatal("the description was removed")
			}
			if gone := !strings.Contains(text, "RAIL-ITEM"); gone != tc.railGoes {
				t.Errorf("rail removed = %v, want %v", gone, tc.railGoes)
			}
		})
	}
}

// A rail heading that opens the container of the product's own sections
// takes only its own section.
func TestProductRailSectionStopsAtTheNextSection(t *testing.T) {
	doc, err := parse.Document(`<html><head><script type="application/ld+json">{"@type":"Product"}</script></head><body><div class="wrap">` +
		`<h2>Recently viewed</h2><div><span>RAIL-ITEM Teapot</span></div>` +
		`<h2>Details</h2><p>` + strings.Repeat("Dishwasher safe and microwave safe, made in a small pottery. ", 8) + `</p></div></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	Remove(doc, Options{}, &report.Report{})
	if text := dom.Text(doc); !strings.Contains(text, "Dishwasher safe") {
		t.Errorf("the details went with the rail:\n%s", text)
	}
}

// WooCommerce's SKU line and attributes table go from its product pages.
func TestProductPartsShopMeta(t *testing.T) {
	productLD := `<script type="application/ld+json">{"@type":"Product","name":"Tent"}</script>`
	desc := `<div class="woocommerce-Tabs-panel--description"><p>` + strings.Repeat("A two-person tent that pitches in three minutes and packs to the size of a loaf. ", 6) + `</p></div>`
	for _, tc := range []struct {
		name, head, part string
		goes             bool
	}{
		{"SKU and categories line", productLD, `<div class="product_meta"><span class="sku_wrapper">SHOP-META SKU: T2</span></div>`, true},
		{"attributes table", productLD, `<table class="woocommerce-product-attributes shop_attributes"><tr><th>Weight</th><td>SHOP-META 2 kg</td></tr></table>`, true},
		{"a class that merely holds the words", productLD, `<div class="product_meta_box"><p>SHOP-META</p></div>`, false},
		{"page that is not a product's", "", `<div class="product_meta"><span>SHOP-META SKU: T2</span></div>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parse.Document("<html><head>" + tc.head + "</head><body>" + desc + tc.part + "</body></html>")
			if err != nil {
				t.Fatal(err)
			}
			Remove(doc, Options{}, &report.Report{})
			if gone := !strings.Contains(dom.Text(doc), "SHOP-META"); gone != tc.goes {
				t.Errorf("removed = %v, want %v", gone, tc.goes)
			}
		})
	}
}

// A product page's tooltip popups go; their trigger labels, and tooltips
// on other pages, stay.
func TestProductPartsTooltips(t *testing.T) {
	productLD := `<script type="application/ld+json">{"@type":"Product","name":"Lamp"}</script>`
	desc := `<div class="description"><p>` + strings.Repeat("A brass desk lamp with a linen shade and a weighted base that never tips. ", 6) + `</p></div>`
	tip := `<p>Ships in 2 days <span class="tool-tip"><span class="tool-tip__label">TIP-LABEL</span><span class="tool-tip__content">TIP-TEXT Delivery estimates exclude weekends.</span></span></p>`
	for _, tc := range []struct {
		name, head, body string
		textGoes         bool
	}{
		{"tooltip on a product page", productLD, desc + tip, true},
		{"Bootstrap tooltip popup", productLD, desc + `<div class="tooltip"><div class="tooltip-inner">TIP-TEXT Free returns</div></div>`, true},
		{"tooltip on a page that is not a product's", "", desc + tip, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := cleanedText(t, tc.head, tc.body)
			if gone := !strings.Contains(text, "TIP-TEXT"); gone != tc.textGoes {
				t.Errorf("tooltip text removed = %v, want %v", gone, tc.textGoes)
			}
			if strings.Contains(tc.body, "TIP-LABEL") && !strings.Contains(text, "TIP-LABEL") {
				t.Error("the tooltip's trigger label was removed")
			}
		})
	}
}

// A product page's modal of product details stays; its other modals, and
// such a modal on other pages, go.
func TestProductInfoPanels(t *testing.T) {
	productLD := `<script type="application/ld+json">{"@type":"Product","name":"Shelf"}</script>`
	desc := `<div class="summary"><p>` + strings.Repeat("A shelf unit of birch veneer that stands upright or lies as a low sideboard. ", 6) + `</p></div>`
	details := `<div class="pip-product-details-modal"><p>PANEL-TEXT Material: particleboard. Care: wipe clean with a damp cloth.</p></div>`
	for _, tc := range []struct {
		name, head, panel string
		goes              bool
	}{
		{"product details modal", productLD, details, false},
		{"specifications popup", productLD, strings.Replace(details, "pip-product-details-modal", "specs-popup", 1), false},
		{"newsletter modal", productLD, strings.Replace(details, "pip-product-details-modal", "newsletter-modal", 1), true},
		{"details without a panel name", productLD, strings.Replace(details, "pip-product-details-modal", "share-details", 1), true},
		{"details modal on a page that is not a product's", "", details, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parse.Document("<html><head>" + tc.head + "</head><body>" + desc + tc.panel + "</body></html>")
			if err != nil {
				t.Fatal(err)
			}
			Remove(doc, Options{}, &report.Report{})
			if gone := !strings.Contains(dom.Text(doc), "PANEL-TEXT"); gone != tc.goes {
				t.Errorf("panel removed = %v, want %v", gone, tc.goes)
			}
		})
	}
}
