package extract

import (
	"strings"
	"testing"
)

// Script-rendered shops split a price's sign from its amount with comment
// markers; the amount is still a price.
func TestHasPrice(t *testing.T) {
	for _, tc := range []struct {
		markup string
		want   bool
	}{
		{`<span>$18</span>`, true},
		{`<span>12,50 €</span>`, true},
		{`<span>$<!-- -->30</span>`, true},
		{`<span><b>£</b><b>7</b></span>`, true},
		{`<span>30<!-- --> €</span>`, true},
		{`<span>$</span><span>free</span>`, false},
		{`<span>Size 30</span><span>and more</span>`, false},
	} {
		if got := hasPrice(firstElement(t, tc.markup)); got != tc.want {
			t.Errorf("hasPrice(%s) = %v, want %v", tc.markup, got, tc.want)
		}
	}
}

// A category's shelf stays when long buying-guide prose below it holds
// most of the page's text, and a small rail under a long text does not.
func TestGridsInBesideLongProse(t *testing.T) {
	for _, tc := range []struct {
		name  string
		paras int
		want  bool
	}{
		{"shelf above a guide", 4, true},
		{"rail under a long text", 12, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<div>`)
			shelf(&b, "shelf", 10)
			prose(&b, "GUIDE", tc.paras)
			b.WriteString(`</div>`)
			art := firstElement(t, b.String())
			found := len(gridsIn(art, measure(art))) > 0
			if found != tc.want {
				t.Errorf("grid found: %v, want %v (grid share %.2f)", found, tc.want, float64(unitsOf(art.FirstChild))/float64(unitsOf(art)))
			}
		})
	}
}
