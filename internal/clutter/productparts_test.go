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
			doc, err := parse.Document("<html><head>" + tc.head + "</head><body>" + tc.body + "</body></html>")
			if err != nil {
				t.Fatal(err)
			}
			Remove(doc, Options{}, &report.Report{})
			text := dom.Text(doc)
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
