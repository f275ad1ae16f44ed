package extract

import (
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
