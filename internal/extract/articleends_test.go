package extract

import (
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestArticleRemovesEndMatter(t *testing.T) {
	para := func(tag string) string {
		return "<p>" + tag + " " + strings.Repeat("The ferry timetable changed twice that spring, and the harbour town adjusted its market days to match. ", 4) + "</p>"
	}
	story := "<h1>The ferry</h1>" + para("PARA-ONE") + "<h2>Spring</h2>" + para("PARA-TWO") + para("PARA-THREE") + para("PARA-FOUR")
	teasers := `<div class="grid"><div><a href="/a">TEASER-ONE How the lighthouse got its lamp back</a><p>Keepers, volunteers and one stubborn engineer spent a winter on the rock, hauling parts up the cliff by rope, and now the lamp turns again every night.</p></div>` +
		`<div><a href="/b">Ten walks along the quay</a><p>TEASER-TWO From the fish market to the old customs house, the best routes for a slow afternoon by the water, with benches, cafés and the tide tables to hand.</p></div></div>`
	bio := `<p>BIO-TEXT Jo Quill has written about the coast for twelve years and keeps bees behind the harbour office.</p>`
	tests := []struct {
		name       string
		body       string
		keep, gone []string
	}{
		{"teasers under a related heading go",
			`<article>` + story + `<h2>Related Posts:</h2>` + teasers + `</article>`,
			[]string{"PARA-ONE", "PARA-FOUR"}, []string{"TEASER-TWO", "Related Posts"}},
		{"a bio under a wrapped heading goes",
			`<article>` + story + `<div class="x1"><div class="x2"><h3>About the Author</h3></div>` + bio + `</div></article>`,
			[]string{"PARA-ONE", "PARA-FOUR"}, []string{"BIO-TEXT", "About the Author"}},
		{"a heading naming the site goes with its block",
			`<article>` + story + `<section><h2>More from The Harbour Gazette</h2>` + teasers + `</section></article>`,
			[]string{"PARA-FOUR"}, []string{"TEASER-TWO"}},
		{"the block ends at the next heading of its rank",
			`<article>` + story + `<h2>You might also like</h2>` + teasers + `<h2>Autumn</h2>` + para("PARA-FIVE") + `</article>`,
			[]string{"PARA-FOUR", "PARA-FIVE", "Autumn"}, []string{"TEASER-TWO"}},
		{"the same heading near the top stays",
			`<article><h2>Related posts</h2>` + para("PARA-ZERO") + story + `</article>`,
			[]string{"PARA-ZERO", "PARA-FOUR"}, nil},
		{"a section too large to be end matter stays",
			`<article>` + para("PARA-ONE") + para("PARA-TWO") + `<h2>Share</h2>` + para("PARA-THREE") + para("PARA-FOUR") + `</article>`,
			[]string{"PARA-ONE", "PARA-FOUR"}, nil},
		{"a bold line over links goes with them",
			`<article>` + story + `<p><strong>You might also like:</strong></p><p><a href="/a">LINK-ONE How the lighthouse got its lamp back</a> <a href="/b">Ten walks along the quay</a></p></article>`,
			[]string{"PARA-FOUR"}, []string{"LINK-ONE", "You might also like"}},
		{"a bold line over prose stays",
			`<article>` + story + `<p><strong>Share</strong></p>` + para("PARA-FIVE") + `</article>`,
			[]string{"PARA-FOUR", "PARA-FIVE"}, nil},
		{"a teaser heading left alone goes",
			`<article>` + story + `<h2>Related articles</h2></article>`,
			[]string{"PARA-FOUR"}, []string{"Related articles"}},
		{"a biography heading left alone stays",
			`<article>` + story + `<h2>About the author</h2></article>`,
			[]string{"PARA-FOUR", "About the author"}, nil},
		{"a heading that only starts like a phrase stays",
			`<article>` + story + `<h2>More posts, more readers</h2>` + para("PARA-FIVE") + `</article>`,
			[]string{"PARA-FIVE"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkText(t, articleOf(t, tc.body), tc.keep, tc.gone)
		})
	}
}

func TestIsEndMatterHeading(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Related Posts:", true},
		{"— Share this —", true},
		{"You Might Also Like…", true},
		{"More from  The Gazette", true},
		{"Also see", true},
		{"Meet the testers", true},
		{"Related", false},
		{"Read more", false},
		{"More posts ≠ more subscribers", false},
		{"Frequently Asked Questions", false},
		{"About the history of the harbour", false},
	}
	for _, tc := range tests {
		doc, err := parse.Document("<html><body><h2>" + tc.text + "</h2></body></html>")
		if err != nil {
			t.Fatal(err)
		}
		h := dom.Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.H2 })
		if got := endMatterKind(h) != notEndMatter; got != tc.want {
			t.Errorf("endMatterKind(%q) != notEndMatter = %v, want %v", tc.text, got, tc.want)
		}
	}
}
