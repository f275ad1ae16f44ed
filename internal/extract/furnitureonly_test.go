package extract

import (
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"
)

// A page saved before its scripts filled it holds only its frame: the
// frame is not an article, so none is returned. Pages whose content sits
// outside the frame, or inside a <main> or <article> the frame wraps, keep
// theirs.
func TestArticleOfAFrameOnlyPage(t *testing.T) {
	links := strings.Repeat(`<a href="/help">Help centre</a>, <a href="/returns">Returns and refunds policy</a>, `, 8)
	prose := "MAIN-TEXT The kettle boils a litre of water in under three minutes and switches itself off. "
	tests := []struct {
		name     string
		page     string
		wantText string // "" wants an empty article
	}{
		{"footer only", `<body><div style="display:none"><h1>Shop</h1></div><div id="root"></div>
<footer><div class="site-footer"><dl><dt><h5>Help</h5></dt><dd>` + links + `</dd></dl>
<dl><dt><h5>Our sites</h5></dt><dd>` + links + `</dd></dl></div></footer></body>`, ""},
		{"navigation and footer only", `<body><nav>` + links + `</nav><footer><p>` + links + `</p></footer></body>`, ""},
		{"content beside the footer", `<body><div id="root"><p>` + strings.Repeat(prose, 3) + `</p></div>
<footer><p>` + links + `</p></footer></body>`, "MAIN-TEXT"},
		{"main inside a footer-like wrapper", `<body><aside><main><p>` + strings.Repeat(prose, 3) + `</p></main>` + links + `</aside></body>`, "MAIN-TEXT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := parse.Document(tt.page)
			if err != nil {
				t.Fatal(err)
			}
			got := strings.TrimSpace(dom.Text(Article(doc, Options{})))
			switch {
			case tt.wantText == "" && got != "":
				t.Errorf("article = %q, want none", got)
			case tt.wantText != "" && !strings.Contains(got, tt.wantText):
				t.Errorf("article = %q, want it to hold %q", got, tt.wantText)
			}
		})
	}
}
