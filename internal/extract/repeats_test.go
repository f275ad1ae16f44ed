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

// A reply's quote of an earlier post goes; a post quoting itself, and a
// comment quoting the article above the thread, keep their quotes.
func TestDropQuotedRepeats(t *testing.T) {
	const first = "The hinge squeaks whenever the lid is opened past ninety degrees."
	in := `<div><p>Our guide to quiet hinges, with one rule: oil them twice a year.</p>` +
		`<div id="post-1"><p>` + first + `</p><p>As I put it:</p><blockquote><p>` + first + `</p></blockquote></div>` +
		`<div id="post-2"><blockquote><p>` + first + `</p></blockquote><p>Try a drop of light oil on the pin.</p></div>` +
		`<div id="post-3"><blockquote><p>oil them twice a year.</p></blockquote><p>Once is enough for mine.</p></div></div>`
	out := bodyAfter(t, `<html><body>`+in+`</body></html>`, func(body *html.Node) { dropQuotedRepeats(body) })
	if n := strings.Count(out, "<blockquote>"); n != 2 {
		t.Errorf("want 2 quotes left (the self-quote and the article quote), got %d:\n%s", n, out)
	}
	checkMarkup(t, "quoted repeats", out,
		[]string{"Try a drop of light oil", "As I put it", "Once is enough"}, nil)
	if strings.Count(out, first) != 2 {
		t.Errorf("the reply's copy of post 1 stayed:\n%s", out)
	}
}
