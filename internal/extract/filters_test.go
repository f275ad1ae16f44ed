package extract

import (
	"fmt"
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// labelStack writes n labels (their inputs already gone, as after the
// clutter stage) inside a block of the given attributes.
func labelStack(attrs, word string, n int, suffix ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<div %s><h4>Size</h4>`, attrs)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<label>%s-%d%s</label>`, word, i, strings.Join(suffix, ""))
	}
	b.WriteString(`</div>`)
	return b.String()
}

func TestDropLabelPanels(t *testing.T) {
	story := `<p>STORY Our walnut stools are turned by hand and finished with oil, then left to cure for a week before they ship.</p>`
	for _, tc := range []struct {
		name   string
		markup string
		gone   bool
	}{
		{"filter panel", labelStack(`class="collection-filters"`, "FILTER", 8), true},
		{"unnamed stack of labels", labelStack(`class="box"`, "FILTER", 8), true},
		{"few labels", labelStack(`class="collection-filters"`, "FILTER", 3), false},
		{"colour picker", labelStack(`class="product-options" role="radiogroup"`, "FILTER", 8), false},
		{"named picker is still a filter", labelStack(`class="sort-by" role="radiogroup"`, "FILTER", 8), true},
		{"pictured swatches", strings.Replace(labelStack(`class="swatches"`, "FILTER", 8), "<h4>", `<img src="/s.png" alt=""><h4>`, 1), false},
		{"a panel beside the results it filters", `<div class="results-wrap">` + labelStack(`class="refine"`, "FILTER", 60, " Merino wool blend") + strings.Repeat(strings.Replace(story, "STORY", "RESULT", 1), 6) + `</div>`, true},
		{"a compare box on each card", `<div class="grid">` + strings.Repeat(`<div class="card"><label>FILTER-0 Compare</label>`+story+`</div>`, 8) + `</div>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parse.Document(`<html><body><div id="art">` + story + tc.markup + `</div></body></html>`)
			if err != nil {
				t.Fatal(err)
			}
			art := dom.Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Div && dom.Attr(n, "id") == "art" })
			dropLabelPanels(art)
			text := dom.Text(art)
			if !strings.Contains(text, "STORY") || strings.Contains(tc.markup, "RESULT") && !strings.Contains(text, "RESULT") {
				t.Errorf("the story or results went: %q", text)
			}
			if got := !strings.Contains(text, "FILTER-0"); got != tc.gone {
				t.Errorf("panel gone: %v, want %v; left %q", got, tc.gone, text)
			}
		})
	}
}
