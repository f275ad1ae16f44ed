package extract

import (
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestRemoveShopLabels(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"sort toggle", `<div><p>Sort: Newest</p><p>Warm boots for winter.</p></div>`, "Warm boots for winter."},
		{"result counter", `<div><span>1–24 of 310 results</span><p>Boots.</p></div>`, "Boots."},
		{"card buttons", `<ul><li><a>Red boot</a><button>Quick view</button><button>Add to cart</button></li></ul>`, "Red boot"},
		{"badge between prices", `<p><span>$10</span><span>Top rated</span><span>was $12</span></p>`, "$10 was $12"},
		{"word in prose stays", `<p>You can <a>compare</a> them.</p>`, "You can compare them."},
		{"table cell stays", `<table><tr><td>Compare</td></tr></table>`, "Compare"},
		{"kept badge stays", `<div><span>Sale</span><p>Boots.</p></div>`, "SaleBoots."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			body := dom.FindAll(doc, atom.Body)[0]
			removeShopLabels(body)
			if got := strings.Join(strings.Fields(dom.Text(body)), " "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestArticleSkipsFacets(t *testing.T) {
	para := "<p>" + strings.Repeat("Our padlocks are built for the cold, the wet and the salt air, and every one is tested outdoors. ", 4) + "</p>"
	facets := `<div class="facets-container"><p>Filter by material, brass, steel, laminated steel, zinc, or by width, 30 mm, 40 mm, 50 mm, and colour, red, black, blue, grey.</p></div>`
	doc, err := parse.Document(`<html><body><div class="page">` + facets + `<div class="collection">` + para + `<p>KEPT the lock range.</p>` + para + `</div></div></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{}), []string{"KEPT", "padlocks"}, []string{"Filter by material"})
}

func TestRemoveCallsToAction(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"card link", `<div><h3>Oak desk</h3><p>Solid oak, two drawers.</p><a href="/desk">View details</a></div>`, "Oak deskSolid oak, two drawers."},
		{"arrowed button", `<div><p>Our repair service.</p><p><a><span>Read more</span> »</a></p></div>`, "Our repair service."},
		{"end of a sentence stays", `<p>It holds two drawers. <a href="/desk">Read more</a></p>`, "It holds two drawers. Read more"},
		{"longer link stays", `<p><a>Read more about our oak</a></p>`, "Read more about our oak"},
		{"table cell stays", `<table><tr><td>Book now</td></tr></table>`, "Book now"},
		{"poster rank", `<div><div><a>jo_quill</a><div>Senior Member</div></div><p>Sand it first.</p></div>`, "jo_quillSand it first."},
		{"rank in prose stays", `<p>Ask a <a>moderator</a> first.</p>`, "Ask a moderator first."},
		{"poster stats", `<div><div>Join Date: Mar 2011</div><div>Posts: 1,204</div><p>Sand it first.</p></div>`, "Sand it first."},
		{"labelled sentence stays", `<div><p>Posts: the uprights that carry the rail and all its load.</p></div>`, "Posts: the uprights that carry the rail and all its load."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := bodyAfter(t, tt.in, removeCallsToAction)
			doc, err := html.Parse(strings.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(strings.Fields(dom.Text(doc)), " "); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
