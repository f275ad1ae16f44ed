package extract

import (
	"fmt"
	"testing"
)

// A landmark the page marks as furniture (a footer, a navigation) stays
// out of the article even when its text outweighs the main content, as a
// product page's legal footnotes often do.
func TestArticleSkipsDeclaredFurniture(t *testing.T) {
	tests := []struct {
		file       string
		keep, gone []string
	}{
		{
			file: "product-legal-footer.html",
			keep: []string{"PRODUCT-ONE", "PRODUCT-TWO", "PRODUCT-THREE"},
			gone: []string{"LEGAL-0", "LEGAL-7"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			art := Article(load(t, tc.file), Options{Title: "Trailmaster 40 backpack"})
			checkText(t, art, tc.keep, tc.gone)
		})
	}
}

// A page whose main landmark holds its text in separate bands, none of
// which scoring spans, is returned whole.
func TestArticleTakesMainWhenProseIsSplit(t *testing.T) {
	var keep []string
	for _, s := range []string{"A", "B", "C"} {
		for i := range 3 {
			keep = append(keep, fmt.Sprintf("SECTION-%s%d", s, i))
		}
	}
	art := Article(load(t, "service-sections.html"), Options{Title: "Home cleaning"})
	checkText(t, art, keep, []string{"registered in England"})
}

// A landing page's main landmark of short sections (features, steps,
// prices) around one block of prose is returned whole: the prose block
// wins the scoring, but the short sections, mostly not links, are as much
// the page's content.
func TestArticleTakesMainOfShortSections(t *testing.T) {
	keep := []string{"HERO", "ABOUT-0", "ABOUT-2", "PRICES"}
	for i := range 8 {
		keep = append(keep, fmt.Sprintf("FEATURE-%d:", i))
	}
	for i := range 6 {
		keep = append(keep, fmt.Sprintf("STEP-%d", i))
	}
	art := Article(load(t, "landing-sections.html"), Options{Title: "Print studio"})
	checkText(t, art, keep, []string{"Inkwell Ltd"})
}

// A thread keeps its posts but not what the forum repeats around each:
// the signature under it and the poster's statistics beside it.
func TestArticleDropsPostFurniture(t *testing.T) {
	art := Article(load(t, "forum-thread.html"), Options{Title: "Which tent for a windy ridge?"})
	checkText(t, art,
		[]string{"POST-ONE", "POST-TWO", "POST-THREE"},
		[]string{"SIG-ONE", "SIG-TWO", "SIG-THREE", "Posts: 9179", "Reaction score", "LIKES-TWO"})
}

// A thread whose posts are nested deep in cells, each with a twin of its
// own (the poster's card beside the post's text), keeps every post when
// the page marks the posts: by numbered ids, or as microdata items.
func TestArticleKeepsDeeplyNestedPosts(t *testing.T) {
	for _, file := range []string{"forum-numbered-ids.html", "forum-comment-items.html"} {
		t.Run(file, func(t *testing.T) {
			art := Article(load(t, file), Options{Title: "Which tent for a windy ridge?"})
			checkText(t, art, []string{"POST-ALPHA", "POST-BRAVO", "POST-CHARLIE"}, []string{"Privacy"})
		})
	}
}

// A short reply keeps its place in a thread whose posts are marked as
// such, though its title and poster links outweigh its text.
func TestArticleKeepsShortReplies(t *testing.T) {
	art := Article(load(t, "forum-short-replies.html"), Options{Title: "Which tent for a windy ridge?"})
	checkText(t, art, []string{"POST-ALPHA", "POST-BRAVO", "POST-CHARLIE", "POST-DELTA"}, []string{"Privacy"})
}

// A thread of one-line replies, every one of them found, is not traded for
// the whole page, which adds only its link lists.
func TestArticleKeepsThreadOfOneLiners(t *testing.T) {
	art := Article(load(t, "forum-one-liners.html"), Options{Title: "Which tent for a windy ridge?"})
	checkText(t, art, []string{"REPLY-0", "REPLY-3", "REPLY-5"}, []string{"Other topic number", "Privacy"})
}
