package extract

import (
	"testing"
)

func TestRemovePostFurnitureQANotice(t *testing.T) {
	cases := []struct {
		name, in   string
		gone, kept []string
	}{
		{
			name: "the ask-a-question box under the answers goes",
			in: `<div id="answers"><div class="answer"><p>Boil the kettle first, then pour.</p></div>` +
				`<div class="js-bottom-notice d-flex"><p>Start asking to get answers</p><a href="/ask">Ask question</a>` +
				`<p>Explore related questions</p><a href="/tags/tea">tea</a></div></div>`,
			gone: []string{"Start asking", "Explore related"},
			kept: []string{"Boil the kettle first"},
		},
		{
			name: "a notice named otherwise stays",
			in:   `<div><div class="bottom-note"><p>Updated after a correction from a reader.</p></div><p>Body text.</p></div>`,
			kept: []string{"correction from a reader", "Body text."},
		},
	}
	for _, c := range cases {
		out := bodyAfter(t, c.in, removePostFurniture)
		checkMarkup(t, c.name, out, c.kept, c.gone)
	}
}
