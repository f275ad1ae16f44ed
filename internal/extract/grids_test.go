package extract

import (
	"fmt"
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"
)

// shelf writes a grid of n pictured product cards inside a wrapper of the
// given class.
func shelf(b *strings.Builder, wrapperClass string, n int) {
	fmt.Fprintf(b, `<div class="%s"><div class="grid">`, wrapperClass)
	for i := 0; i < n; i++ {
		fmt.Fprintf(b, `<div class="tile"><a href="/p/%d"><img src="/i/%d.jpg" alt=""><h3>CARD-%02d Walnut stool</h3></a><span>£%d.00</span></div>`, i, i, i, 40+i)
	}
	b.WriteString(`</div></div>`)
}

// prose writes n long paragraphs marked with tag.
func prose(b *strings.Builder, tag string, n int) {
	for i := 0; i < n; i++ {
		fmt.Fprintf(b, `<p>%s-%d Our stools are turned from seasoned walnut, finished with oil and wax, and made to last for decades of daily use, whether at a kitchen counter, a workshop bench or a bar, and each one is signed by the maker who turned it.</p>`, tag, i)
	}
}

func TestArticleKeepsAShopGrid(t *testing.T) {
	for _, tc := range []struct {
		name       string
		page       func(b *strings.Builder)
		keep, gone []string
	}{
		{
			// The shelf comes first and the category's long prose below it:
			// scoring takes the prose, the reader came for the shelf.
			name: "grid above prose",
			page: func(b *strings.Builder) {
				b.WriteString(`<div class="collection"><h1>Stools</h1>`)
				shelf(b, "products", 30)
				b.WriteString(`<div class="seo">`)
				prose(b, "PROSE", 6)
				b.WriteString(`</div></div>`)
			},
			keep: []string{"CARD-00", "CARD-29", "PROSE-0"},
		},
		{
			// A wrapper named for its page links holds the shelf itself.
			name: "grid in a pagination wrapper",
			page: func(b *strings.Builder) {
				b.WriteString(`<div class="collection"><h1>Stools</h1>`)
				shelf(b, "pagination_wrap", 30)
				b.WriteString(`<div class="seo">`)
				prose(b, "PROSE", 6)
				b.WriteString(`</div></div>`)
			},
			keep: []string{"CARD-00", "CARD-29", "PROSE-0"},
		},
		{
			// A short intro above a long shelf introduces it.
			name: "intro above grid",
			page: func(b *strings.Builder) {
				b.WriteString(`<div class="collection"><div class="intro">`)
				prose(b, "INTRO", 1)
				b.WriteString(`</div>`)
				shelf(b, "products", 30)
				b.WriteString(`</div>`)
			},
			keep: []string{"INTRO-0", "CARD-00", "CARD-29"},
		},
		{
			// A rail of cards under a long article is its recommendations.
			name: "rail under an article",
			page: func(b *strings.Builder) {
				b.WriteString(`<div class="page"><div class="story">`)
				prose(b, "STORY", 6)
				b.WriteString(`</div>`)
				shelf(b, "more", 30)
				b.WriteString(`</div>`)
			},
			keep: []string{"STORY-0", "STORY-5"},
			gone: []string{"CARD-00"},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<html><body><header class="site"><a href="/">Home</a></header><main>`)
			tc.page(&b)
			b.WriteString(`</main><footer>FOOTER-TEXT</footer></body></html>`)
			doc, err := parse.Document(b.String())
			if err != nil {
				t.Fatal(err)
			}
			checkText(t, Article(doc, Options{}), tc.keep, append(tc.gone, "FOOTER-TEXT"))
		})
	}
}

func TestPagedGrid(t *testing.T) {
	var withGrid, linksOnly strings.Builder
	shelf(&withGrid, "pagination", 9)
	linksOnly.WriteString(`<div class="pagination">`)
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&linksOnly, `<a href="?page=%d">%d</a>`, i, i)
	}
	linksOnly.WriteString(`</div>`)
	for _, tc := range []struct {
		markup string
		want   bool
	}{
		{withGrid.String(), true},
		{linksOnly.String(), false},
		{strings.Replace(withGrid.String(), "pagination", "gallery", 1), false},
	} {
		if got := pagedGrid(firstElement(t, tc.markup)); got != tc.want {
			t.Errorf("pagedGrid(%.60s…) = %v, want %v", tc.markup, got, tc.want)
		}
	}
}

// Tidying judges containers by their links; a shelf of priced cards, each a
// linked name, is kept whole when it is much of the article, and a grid of
// unpriced links is not spared.
func TestCleanConditionallySparesAShelf(t *testing.T) {
	for _, tc := range []struct {
		name  string
		price string
		kept  bool
	}{
		{"priced shelf", "£12.00", true},
		{"unpriced grid", "in stock", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			b.WriteString(`<div class="shelf">`)
			for i := 0; i < 12; i++ {
				fmt.Fprintf(&b, `<div class="tile"><a href="/p/%d"><img src="/i/%d.jpg" alt="">CARD-%02d Walnut stool with a turned seat</a><span>%s</span></div>`, i, i, i, tc.price)
			}
			b.WriteString(`</div>`)
			art := newDiv()
			shelf := firstElement(t, b.String())
			dom.Detach(shelf)
			art.AppendChild(shelf)
			cleanConditionally(art, measure(art), flags{cleanConditionally: true, weightClasses: true})
			if got := strings.Contains(dom.Text(art), "CARD-11"); got != tc.kept {
				t.Errorf("CARD-11 kept: %v, want %v", got, tc.kept)
			}
		})
	}
}
