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

// A news archive whose last card holds a whole story and whose other cards
// hold teasers: the archive is all of its cards, not the longest one, though
// each card carries its own taxonomy classes.
func TestArticleKeepsEveryCardOfAListing(t *testing.T) {
	doc := load(t, "listing-cards.html")
	art := Article(doc, Options{Title: "Town news"})
	checkText(t, art,
		[]string{"CARD-ONE-TEASER", "CARD-TWO-TEASER", "CARD-THREE-TEASER", "CARD-FOUR-TEASER", "CARD-FIVE-BODY",
			"Ferry timetable changes"},
		[]string{"FOOTER-TEXT"})
}

func TestCardSignature(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{`<article class="entry tag-a">`, `<article class="entry tag-b category-c">`, true},
		{`<article class="post-12 entry">`, `<article class="post-13 entry">`, true},
		{`<div class="entry">`, `<article class="entry">`, false},
		{`<div class="card">`, `<div class="block">`, false},
	} {
		a, b := firstElement(t, tc.a), firstElement(t, tc.b)
		if got := cardSignature(a) != "" && cardSignature(a) == cardSignature(b); got != tc.same {
			t.Errorf("%s and %s alike: %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
	if s := cardSignature(firstElement(t, `<div>`)); s != "" {
		t.Errorf("classless element has signature %q", s)
	}
}

// firstElement parses markup and returns its first element below <body>.
func firstElement(t *testing.T, markup string) *html.Node {
	t.Helper()
	doc, err := parse.Document("<body>" + markup + "</body>")
	if err != nil {
		t.Fatal(err)
	}
	body := dom.Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	for c := body.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	t.Fatalf("no element in %q", markup)
	return nil
}

// A list article's table of entries links every name, yet is the content;
// a short table of links beside it is a navigation box.
func TestArticleKeepsALinkedListTable(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<html><body><div class="content"><h1>Winners of the county shield</h1>`)
	b.WriteString(`<p>The county shield has been awarded every year since the first show, to the grower whose entry the judges rank first across all classes, and the list below names every winner, their village and the variety they grew.</p>`)
	b.WriteString(`<table class="wikitable"><tr><th>Year</th><th>Winner</th><th>Village</th></tr>`)
	for i, name := range []string{"ROW-ONE", "ROW-TWO", "ROW-THREE", "ROW-FOUR", "ROW-FIVE"} {
		fmt.Fprintf(&b, `<tr><td>19%02d</td><td><a href="/w/%d">%s Alder Grower</a></td><td><a href="/v/%d">Little Hamstead</a></td></tr>`, 50+i, i, name, i)
	}
	b.WriteString(`</table><p>Records before the war were lost in the fire at the show office, so the list starts with the first show held after it, as the society's own history does.</p>`)
	b.WriteString(`<table class="navbox"><tr><th>Shows</th><th>Seasons</th></tr><tr><td><a href="/a">NAVBOX-SPRING show</a></td><td><a href="/b">Summer show</a></td></tr><tr><td><a href="/c">Autumn show</a></td><td><a href="/d">Winter show</a></td></tr></table>`)
	b.WriteString(`</div></body></html>`)
	doc, err := parse.Document(b.String())
	if err != nil {
		t.Fatal(err)
	}
	art := Article(doc, Options{Title: "Winners of the county shield"})
	checkText(t, art, []string{"ROW-ONE", "ROW-FIVE", "Records before the war"}, []string{"NAVBOX-SPRING"})
}
