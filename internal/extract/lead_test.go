package extract

import (
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"
)

func TestArticleKeepsStandfirst(t *testing.T) {
	prose := func(tag string) string {
		return "<p>" + tag + " " + strings.Repeat("The ferry timetable changed twice this spring, and the harbour office explained each change in a long notice. ", 4) + "</p>"
	}
	body := `<div class="article-body">` + prose("BODY-ONE") + prose("BODY-TWO") + prose("BODY-THREE") + `</div>`
	dek := `<p>DEK-TEXT How a small harbour rewrote its <a href="/t">ferry timetable</a> in one season.</p>`
	tests := []struct {
		name       string
		page       string
		keep, gone []string
		leadFirst  bool
	}{
		{"a header holding the headline gives its dek",
			`<main><div class="page-header"><h1>Harbour news</h1>` + dek + `</div>` + body + `</main>`,
			[]string{"DEK-TEXT", "BODY-ONE", "BODY-THREE"}, nil, true},
		{"the dek is found past a table of contents beside the body",
			`<main><section class="hero"><h1>Harbour news</h1>` + dek + `</section><aside class="toc"><a href="#a">A</a></aside>` + body + `</main>`,
			[]string{"DEK-TEXT", "BODY-ONE"}, nil, true},
		{"a block named as the standfirst needs no headline",
			`<main><div class="standfirst">` + dek + `</div>` + body + `</main>`,
			[]string{"DEK-TEXT", "BODY-ONE"}, nil, true},
		{"a glossary entry's definition above the body is its standfirst",
			`<main><div class="term-definition"><div class="label">Definition</div>` + dek + `</div>` + body + `</main>`,
			[]string{"DEK-TEXT", "BODY-ONE"}, nil, true},
		{"a block named as the standfirst may write it without a paragraph",
			`<main><section class="story-dek">DEK-TEXT How a small harbour rewrote its ferry timetable in one season.</section>` + body + `</main>`,
			[]string{"DEK-TEXT", "BODY-ONE"}, nil, true},
		{"a dek printed twice, for two screen sizes, is kept once",
			`<main><header class="page-header"><h1>Harbour news</h1>` + dek + dek + `</header>` + body + `</main>`,
			[]string{"DEK-TEXT", "BODY-ONE"}, nil, true},
		{"the header's byline, bio and date lines are not the dek",
			`<main><header class="page-header"><h1>Harbour news</h1><p class="byline">BYLINE-TEXT By Ann Writer, harbour correspondent for the gazette.</p>` +
				`<div class="author-tooltip"><p>BIO-TEXT Ann Writer has covered the harbour and its boats for twenty years now.</p></div>` +
				`<details><summary>Fact checked</summary><p>NOTE-TEXT Every claim in this story was checked by our editors before it ran.</p></details></header>` + body + `</main>`,
			[]string{"BODY-ONE"}, []string{"BYLINE-TEXT", "BIO-TEXT", "NOTE-TEXT"}, false},
		{"a site header without the headline gives no tagline",
			`<header class="site-header"><a href="/">Gazette</a><p>TAGLINE-TEXT The news of the harbour and the hills since 1901, every day.</p></header><main>` + body + `</main>`,
			[]string{"BODY-ONE"}, []string{"TAGLINE-TEXT"}, false},
		{"teasers named summary in a related block are not a dek",
			`<main>` + body + `<div class="related"><h3>More</h3><p class="summary">TEASER-TEXT Another story about the hills and their long winter roads.</p></div></main>`,
			[]string{"BODY-ONE"}, []string{"TEASER-TEXT"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parse.Document("<html><body>" + tc.page + "</body></html>")
			if err != nil {
				t.Fatal(err)
			}
			art := Article(doc, Options{Title: "Harbour news"})
			checkText(t, art, tc.keep, tc.gone)
			text := dom.Text(art)
			if tc.leadFirst && strings.Index(text, "DEK-TEXT") > strings.Index(text, "BODY-ONE") {
				t.Errorf("the dek comes after the body: %q", text)
			}
			if n := strings.Count(text, "DEK-TEXT"); n > 1 {
				t.Errorf("the dek is kept %d times", n)
			}
		})
	}
}

func TestArticleKeepsProseUnderHeadline(t *testing.T) {
	prose := func(tag string) string {
		return "<p>" + tag + " " + strings.Repeat("The orchard trust planted forty pear trees along the old canal path, and volunteers water them weekly. ", 4) + "</p>"
	}
	body := `<div class="article-body">` + prose("BODY-ONE") + prose("BODY-TWO") + prose("BODY-THREE") + `</div>`
	title := `<div class="title-block"><h1>Pears by the canal</h1></div>`
	intro := `<div class="block"><p>INTRO-TEXT Forty pear trees now line the canal, planted by the orchard trust this winter.</p></div>`
	tests := []struct {
		name       string
		page       string
		keep, gone []string
		introFirst bool
	}{
		{"a prose block between the headline and the body is the standfirst",
			`<main>` + title + intro + body + `</main>`,
			[]string{"INTRO-TEXT", "BODY-ONE"}, nil, true},
		{"the header's short lines between them are passed",
			`<main>` + title + intro + `<div class="when">12 March 2024</div><div class="who">Written by Ann Writer, orchard correspondent</div>` + body + `</main>`,
			[]string{"INTRO-TEXT", "BODY-ONE"}, nil, true},
		{"a block that repeats the body's first paragraph is left out",
			`<main>` + title + `<div class="box">Summary<p>FIRST-TEXT The trust met on Monday to plan the planting of pears along the canal.</p></div>` +
				`<div class="article-body"><p>FIRST-TEXT The trust met on Monday to plan the planting of pears along the canal.</p>` + prose("BODY-ONE") + prose("BODY-TWO") + `</div></main>`,
			[]string{"FIRST-TEXT", "BODY-ONE"}, nil, false},
		{"fine print under the headline is not the standfirst",
			`<main>` + title + `<div class="note">DISCLOSURE: We may earn a small commission when you buy through the links on this page.</div>` + body + `</main>`,
			[]string{"BODY-ONE"}, []string{"DISCLOSURE"}, false},
		{"a standfirst named on its wrapper inside the headline block is kept",
			`<main><div class="top"><h1>Pears by the canal</h1><div class="post-intro"><p>INTRO-TEXT Forty pear trees now line the canal, planted by the orchard trust this winter.</p></div>` +
				`<p>TAGLINE-TEXT The gazette of the canal towns, printed every week since the year 1901.</p></div>` + body + `</main>`,
			[]string{"INTRO-TEXT", "BODY-ONE"}, []string{"TAGLINE-TEXT"}, true},
		{"prose above the body with no headline above it is not taken",
			`<main><div class="block"><p>TEASER-TEXT Another story about the canal and its long winter towpath works.</p></div>` + body + `</main>`,
			[]string{"BODY-ONE"}, []string{"TEASER-TEXT"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			art := articleOf(t, tc.page)
			checkText(t, art, tc.keep, tc.gone)
			text := dom.Text(art)
			if tc.introFirst && strings.Index(text, "INTRO-TEXT") > strings.Index(text, "BODY-ONE") {
				t.Errorf("the standfirst comes after the body: %q", text)
			}
			if n := strings.Count(text, "FIRST-TEXT"); n > 1 {
				t.Errorf("the first paragraph is kept %d times", n)
			}
		})
	}
}
