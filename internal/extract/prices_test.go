package extract

import "testing"

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
