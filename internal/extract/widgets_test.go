package extract

import (
	"strings"
	"testing"

	"articleclean/internal/parse"
)

func TestArticleRemovesPostWidgets(t *testing.T) {
	para := func(tag string) string {
		return "<p>" + tag + " " + strings.Repeat("The river crossing was rebuilt over a long, wet summer, and the village watched every step of it. ", 4) + "</p>"
	}
	doc, err := parse.Document(`<html><body><article class="post"><div class="entry-content">` + para("PARA-ONE") + para("PARA-TWO") +
		`<div class="sharedaddy sd-block"><h3>LIKE-THIS Like this:</h3><div>Like Loading, a moment, please, while it loads.</div></div>` +
		`<div id="jp-relatedposts"><h3>RELATED-POSTS Related</h3><p>Another story, from the same village, about the old mill, and its wheel.</p></div>` +
		`</div></article></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{}), []string{"PARA-ONE", "PARA-TWO"}, []string{"LIKE-THIS", "RELATED-POSTS"})
}

func TestArticleRemovesAffiliateDisclosure(t *testing.T) {
	para := "<p>" + strings.Repeat("The kettle boils fast, pours cleanly, and keeps its handle cool, which matters more than its looks. ", 4) + "</p>"
	doc, err := parse.Document(`<html><body><article class="post">` +
		`<p class="review-disclaimer">AFFILIATE-NOTE We review every product independently; we may earn a commission when you buy.</p>` +
		para + para +
		`<p class="disclaimer">LEGAL-NOTE Prices shown were checked in March, and stock varies by store, region and season.</p>` +
		`</article></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{}), []string{"kettle", "LEGAL-NOTE"}, []string{"AFFILIATE-NOTE"})
}
