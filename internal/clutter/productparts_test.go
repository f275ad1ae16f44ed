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
