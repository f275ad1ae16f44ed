package extract

import (
	"strings"
	"testing"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Rules left around removed blocks separate nothing and go; a rule between
// two parts of the article stays.
func TestDropStrayRules(t *testing.T) {
	tests := []struct {
		name, in string
		rules    int
	}{
		{"leading", `<hr><p>One.</p><hr><p>Two.</p>`, 1},
		{"trailing", `<p>One.</p><hr><p>Two.</p><div><hr></div>`, 1},
		{"two in a row", `<p>One.</p><hr> <div><hr></div><p>Two.</p>`, 1},
		{"an image counts as content", `<p>One.</p><hr><figure><img src="a.jpg"></figure>`, 1},
		{"only rules", `<hr><hr>`, 0},
		{"between parts", `<p>One.</p><hr><p>Two.</p><hr><p>Three.</p>`, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			nodes, err := html.ParseFragment(strings.NewReader(tc.in), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
			if err != nil {
				t.Fatal(err)
			}
			art := newDiv()
			for _, n := range nodes {
				art.AppendChild(n)
			}
			dropStrayRules(art)
			if got := len(dom.FindAll(art, atom.Hr)); got != tc.rules {
				var b strings.Builder
				html.Render(&b, art)
				t.Errorf("%d rules left, want %d: %s", got, tc.rules, b.String())
			}
		})
	}
}
