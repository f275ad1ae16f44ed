package extract

import (
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"
)

func TestBylineLineRemoved(t *testing.T) {
	page := `<html><body><article><h1>Orchard reopens</h1>
<p class="byline">By Mara Lindqvist · 14 May 2024</p>
<p>The orchard on the river flats reopened on Saturday after two years of repairs, with new drainage, a rebuilt wall and a cider press.</p>
<p>Volunteers from the village replanted more than three hundred trees, many of them old local varieties grafted from the surviving stock.</p>
<p>Mara Lindqvist wrote about the orchard for this paper in 2022, when the flood first closed it.</p>
</article></body></html>`
	for _, tc := range []struct {
		name, byline string
		wantLine     bool
	}{
		{"byline known", "Mara Lindqvist", false},
		{"no byline", "", true},
		{"other author", "Jo Quill", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parse.Document(page)
			if err != nil {
				t.Fatal(err)
			}
			text := dom.Text(Article(doc, Options{Title: "Orchard reopens", Byline: tc.byline}))
			if got := strings.Contains(text, "14 May 2024"); got != tc.wantLine {
				t.Errorf("byline line kept = %v, want %v:\n%s", got, tc.wantLine, text)
			}
			if !strings.Contains(text, "wrote about the orchard") {
				t.Errorf("a paragraph naming the author was removed:\n%s", text)
			}
		})
	}
}
