package extract

import (
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestDropRepeats(t *testing.T) {
	desc := `<h3>About this kettle</h3><p>COPY-TEXT A stovetop kettle of brushed steel that whistles when the water boils and pours without dripping.</p>`
	param := `<p>PARAM-TEXT An arbitrary string attached to the object, shown to the customer on receipts and in the dashboard.</p><p>Optional.</p>`
	doc, err := parse.Document(`<body><div id="art">
<div class="col-wide"><div class="desc desc-wide">` + desc + `</div></div>
<div class="col-narrow"><div class="desc desc-narrow">` + desc + `</div></div>
<ul class="params"><li class="param"><div>` + param + `</div></li><li class="param"><p>CREATE-ONLY The customer to charge.</p></li></ul>
<ul class="params"><li class="param"><div>` + param + `</div></li><li class="param"><p>UPDATE-ONLY The new amount.</p></li></ul>
<div class="wrap"><div class="inner"><p>ONE-WRAPPED This block is wrapped twice, and its wrappers share its text with it.</p><p>Second paragraph.</p></div></div>
</div></body>`)
	if err != nil {
		t.Fatal(err)
	}
	art := dom.Find(doc, func(n *html.Node) bool { return dom.Attr(n, "id") == "art" })
	dropRepeats(art)
	text := dom.Text(art)
	for s, want := range map[string]int{"COPY-TEXT": 1, "PARAM-TEXT": 2, "ONE-WRAPPED": 1} {
		if got := strings.Count(text, s); got != want {
			t.Errorf("%s appears %d times, want %d", s, got, want)
		}
	}
	if dom.Find(art, func(n *html.Node) bool { return n.DataAtom == atom.Div && dom.Attr(n, "class") == "desc desc-wide" }) == nil {
		t.Error("the first copy went, not the second")
	}
}
