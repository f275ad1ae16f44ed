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
