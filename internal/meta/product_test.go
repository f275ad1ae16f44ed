package meta

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The product's JSON-LD description is passed on only when it is long and
// the page's body shows it as text.
func TestProductDescription(t *testing.T) {
	desc := "The trail runner has a breathable knit upper, a cushioned foam midsole for long days on rough ground, " +
		"a grippy lugged outsole that sheds mud, and a padded collar that keeps grit out of the shoe while you climb."
	ld := func(typ, d string) string {
		return `<script type="application/ld+json">{"@context":"https://schema.org","@type":"` + typ + `","name":"Runner","description":"` + d + `"}</script>`
	}
	shown := `<div class="drawer" role="dialog"><h5>Description</h5><p>` + strings.ReplaceAll(desc, ", ", ",\n") + `</p></div>`
	for _, tc := range []struct {
		name, head, body string
		want             bool
	}{
		{"shown in a drawer", ld("Product", desc), shown, true},
		{"HTML description shown", ld("Product", "<p><strong>"+desc+"</strong></p>"), shown, true},
		{"only in the metadata", ld("Product", desc), `<p>Free returns on every order.</p>`, false},
		{"only in a script in the body", "", ld("Product", desc) + `<p>Free returns on every order.</p>`, false},
		{"a tagline", ld("Product", "Light and fast."), `<p>Light and fast.</p>`, false},
		{"not a product", ld("Article", desc), shown, false},
		{"several products", ld("Product", desc) + strings.Replace(ld("Product", "Another runner."), `"Runner"`, `"Road shoe"`, 1), shown, false},
		{"one product declared twice", ld("Product", desc) + ld("Product", "A runner."), shown, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><head>" + tc.head + "</head><body>" + tc.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			got := Read(doc, nil, Hints{}).ProductDescription
			if (got != "") != tc.want {
				t.Errorf("ProductDescription = %q, want one: %v", got, tc.want)
			}
		})
	}
}
