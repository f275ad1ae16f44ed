package clutter

import (
	"strconv"
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"
	"articleclean/internal/report"
)

// A hidden block that outweighs a short page goes when it is a menu of
// links; hidden prose of the same size is the page's gated content and
// stays, and so does a hidden block of a few links.
func TestHiddenMenuGoesWhateverItsSize(t *testing.T) {
	links := func(n int) string {
		var b strings.Builder
		for i := range n {
			b.WriteString(`<li><a href="/department-` + strconv.Itoa(i) + `">Garden Furniture Department ` + strconv.Itoa(i) + "</a></li>\n")
		}
		return b.String()
	}
	short := `<p>A folding chair in oiled teak.</p>`
	for _, tc := range []struct {
		name, hidden string
		gone         bool
	}{
		{"hidden menu of many links", `<ul aria-hidden="true">` + links(40) + `</ul>`, true},
		{"menu hidden by style", `<div style="display:none"><ul>` + links(40) + `</ul></div>`, true},
		{"hidden prose with a few links", `<div aria-hidden="true"><p>` + strings.Repeat("Members read the whole review of the teak chair here. ", 30) + `</p><ul>` + links(3) + `</ul></div>`, false},
		{"hidden prose", `<div aria-hidden="true"><p>` + strings.Repeat("Members read the whole review of the teak chair here. ", 30) + `</p></div>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parse.Document("<html><body>" + tc.hidden + short + "</body></html>")
			if err != nil {
				t.Fatal(err)
			}
			Remove(doc, Options{}, &report.Report{})
			text := dom.Text(doc)
			if !strings.Contains(text, "oiled teak") {
				t.Fatal("the visible text was removed")
			}
			hiddenWord := "Department"
			if !strings.Contains(tc.hidden, hiddenWord) {
				hiddenWord = "Members read"
			}
			if gone := !strings.Contains(text, hiddenWord); gone != tc.gone {
				t.Errorf("hidden block removed = %v, want %v", gone, tc.gone)
			}
		})
	}
}
