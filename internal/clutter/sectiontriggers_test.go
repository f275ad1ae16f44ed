package clutter

import (
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"
	"articleclean/internal/report"
)

// Buttons that title a section keep their label; those that title
// nothing on the page, and other buttons, go.
func TestSectionTriggerLabels(t *testing.T) {
	answer := strings.Repeat("The frame is powder-coated steel and carries up to ninety kilograms. ", 3)
	for _, tc := range []struct {
		name, body string
		keep       bool
	}{
		{"button in a heading (ARIA accordion)",
			`<h3><button aria-expanded="true" aria-controls="p1">TITLE-LABEL</button></h3><div id="p1" role="region"><p>` + answer + `</p></div>`, true},
		{"heading in a button",
			`<button class="accordion-toggle"><h5>TITLE-LABEL</h5><i class="icon-chevron"></i></button><div><p>` + answer + `</p></div>`, true},
		{"collapsed trigger whose hidden panel is kept",
			`<h3><button aria-expanded="false" aria-controls="p2">TITLE-LABEL</button></h3><div id="p2" hidden><p>` + answer + `</p></div>`, true},
		{"trigger whose panel a script fills",
			`<h2><button aria-expanded="false" aria-controls="p3"><span>TITLE-LABEL</span></button></h2><div id="p3" hidden></div>`, false},
		{"trigger naming no element",
			`<h2><button aria-controls="gone">TITLE-LABEL</button></h2><p>` + answer + `</p>`, false},
		{"button beside a heading's text",
			`<h2>Colours <button>TITLE-LABEL</button></h2><p>` + answer + `</p>`, false},
		{"plain button", `<p>` + answer + `</p><button>TITLE-LABEL</button>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parse.Document("<html><body>" + tc.body + articleText + "</body></html>")
			if err != nil {
				t.Fatal(err)
			}
			Remove(doc, Options{}, &report.Report{})
			if got := strings.Contains(dom.Text(doc), "TITLE-LABEL"); got != tc.keep {
				t.Errorf("label kept = %v, want %v", got, tc.keep)
			}
			if !strings.Contains(dom.Text(doc), "powder-coated") && strings.Contains(tc.body, "powder-coated") && tc.keep {
				t.Error("the section's text was removed")
			}
		})
	}
}
