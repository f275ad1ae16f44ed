package extract

import (
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const trailRunner = "The trail runner has a breathable knit upper, a cushioned foam midsole for long days on rough ground, and a grippy lugged outsole."

// The product's description is added to an article that lacks it, and
// only then; the article's own copy counts whatever its case and markup.
func TestAddProductDescription(t *testing.T) {
	specs := `<ul><li>Weight: 280 g</li><li>Drop: 6 mm</li></ul>`
	for _, tc := range []struct {
		name, art, desc string
		wantAdded       bool
	}{
		{"description missing", specs, trailRunner, true},
		{"markup description missing", specs, "<p><strong>" + trailRunner + "</strong></p>", true},
		{"description there", `<p>` + trailRunner + `</p>` + specs, trailRunner, false},
		{"description there in other case and markup", `<p>` + strings.ToUpper(strings.Replace(trailRunner, "knit", "<b>knit</b>", 1)) + `</p>` + specs, trailRunner, false},
		{"description there, then more of it", `<p>` + trailRunner + ` Its laces stay tied.</p>`, trailRunner + " Its laces stay tied.", false},
		{"no description", specs, "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			art := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
			nodes, err := html.ParseFragment(strings.NewReader(tc.art), art)
			if err != nil {
				t.Fatal(err)
			}
			for _, n := range nodes {
				art.AppendChild(n)
			}
			before := dom.Text(art)
			addProductDescription(art, tc.desc)
			added := dom.Text(art) != before
			if added != tc.wantAdded {
				t.Errorf("added = %v, want %v:\n%s", added, tc.wantAdded, dom.Text(art))
			}
			if added && !strings.Contains(dom.Text(art), "The trail runner has") {
				t.Errorf("added text lacks the description:\n%s", dom.Text(art))
			}
		})
	}
}

// Article adds the description the scored block leaves out.
func TestArticleAddsTheProductDescription(t *testing.T) {
	specs := `<div class="specs"><h2>Specifications</h2><ul>` + strings.Repeat(`<li>Weight: 280 g per shoe, measured on a size nine in the lab</li>`, 6) + `</ul></div>`
	doc, err := parse.Document("<body>" + specs + "</body>")
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{ProductDescription: trailRunner}), []string{"Weight: 280 g", "The trail runner has"}, nil)
}
