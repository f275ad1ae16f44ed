package extract

import (
	"strings"
	"testing"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A category's headline and intro, printed in a header block right before
// the <main> holding its shelf, lead the article; before a <main> with no
// shelf, such a block is a landing page's hero.
func TestHeaderLeadBeforeMain(t *testing.T) {
	const intro = "INTRO Our stools are turned by hand in a small workshop, finished with oil and wax, and made to last."
	for _, tc := range []struct {
		name  string
		shelf bool
		want  bool
	}{
		{"category with a shelf", true, true},
		{"landing page", false, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<div class="page"><section class="category-header"><h1>Stools</h1><p>` + intro + `</p></section><main>`)
			if tc.shelf {
				shelf(&b, "products", 10)
			}
			b.WriteString(`<div class="guide">`)
			prose(&b, "GUIDE", 6)
			b.WriteString(`</div></main></div>`)
			page := firstElement(t, b.String())
			body := page.Parent
			st := measure(body)
			top := dom.Find(body, func(n *html.Node) bool { return n.DataAtom == atom.Div && dom.Attr(n, "class") == "guide" })
			got := false
			for _, p := range findLead(top, body, st) {
				got = got || strings.Contains(dom.Text(p), "INTRO")
			}
			if got != tc.want {
				t.Errorf("intro found: %v, want %v", got, tc.want)
			}
		})
	}
}
