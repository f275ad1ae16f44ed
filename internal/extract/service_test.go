package extract

import (
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A landing page of sections named each after its topic: scoring takes the
// FAQ, the section with the longest text, but the page is all of them.
func TestArticleKeepsEverySectionOfAServicePage(t *testing.T) {
	doc := load(t, "section-run.html")
	art := Article(doc, Options{Title: "Garden design services"})
	checkText(t, art,
		[]string{"FEATURE-ONE", "FEATURE-THREE", "QUOTE-ONE", "STEP-TWO", "FAQ-ONE", "FAQ-THREE"},
		[]string{"FOOTER-TEXT"})
}

// An article set in a section keeps to it: the short sections around it
// are the page's promos, not more of the article.
func TestSectionRunLeavesADominantSection(t *testing.T) {
	long := strings.Repeat("ARTICLE-TEXT The council approved the plan after a long debate about the cost of the bridge. ", 12)
	doc, err := parse.Document(`<body><div id="page">
<section class="promo"><p>Subscribe to our weekly letter for more news like this.</p></section>
<section class="story"><div id="text"><p>` + long + `</p></div></section>
<section class="promo"><p>Read more stories from the town hall in our archive.</p></section>
</div></body>`)
	if err != nil {
		t.Fatal(err)
	}
	body := dom.Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	top := dom.Find(doc, func(n *html.Node) bool { return dom.Attr(n, "id") == "text" })
	if got := sectionRun(top, body, measure(body)); got != top {
		t.Errorf("sectionRun climbed to <%s id=%q>, want the story's own block", got.Data, dom.Attr(got, "id"))
	}
}
