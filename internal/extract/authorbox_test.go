package extract

import (
	"strings"
	"testing"
)

func TestArticleRemovesAuthorBox(t *testing.T) {
	para := func(tag string) string {
		return "<p>" + tag + " " + strings.Repeat("The river crossing was rebuilt over a long, wet summer, and the village watched every step of it. ", 4) + "</p>"
	}
	bio := `<div class="saboxplugin-wrap"><div class="saboxplugin-desc"><p>BIO-TEXT Jane Doe is a writer, gardener and cyclist who has covered local news for a decade, and lives by the river.</p></div></div>`
	article := para("PARA-ONE") + para("PARA-TWO") + para("PARA-THREE")
	tests := []struct {
		name       string
		body       string
		keep, gone []string
	}{
		{"a box after the article goes", `<article class="post">` + article + bio + `</article>`,
			[]string{"PARA-ONE", "PARA-THREE"}, []string{"BIO-TEXT"}},
		{"a box's name on the article's wrapper does not take the article",
			`<div class="author-box">` + article + para("PARA-FOUR") + para("PARA-FIVE") + para("PARA-SIX") + `</div>`,
			[]string{"PARA-ONE", "PARA-SIX"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkText(t, articleOf(t, tc.body), tc.keep, tc.gone)
		})
	}
}

func TestIsAuthorBox(t *testing.T) {
	tests := []struct {
		class string
		want  bool
	}{
		{"author-bio", true},
		{"card mag-post-author-bio", true},
		{"theme_contributor-box wide", true},
		{"Article-Author-Info", true},
		{"coauthor-box", false},
		{"author", false},
		{"byline-author-name", false},
		{"bio", false},
		{"", false},
		{"x  ABOUT-THE-AUTHOR", true},
		{"über_author-card", true},
		{"Über-Bio", false},
	}
	for _, tc := range tests {
		if got := isAuthorBox(tc.class); got != tc.want {
			t.Errorf("isAuthorBox(%q) = %v, want %v", tc.class, got, tc.want)
		}
	}
}
