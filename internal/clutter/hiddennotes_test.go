package clutter

import "testing"

func TestRevealHiddenNotes(t *testing.T) {
	tests := []struct {
		name       string
		snippet    string
		keep, gone []string
	}{
		{"a note kept hidden inside its marker moves after the paragraph",
			`<p>Roots.<span class="inline-footnote" title="x">1<span class="footnoteContent" style="display:none;">NOTE-ONE text.</span></span> More.</p>`,
			[]string{`<span class="inline-footnote" title="x"><a href="#inline-note-1">1</a></span> More.</p><div class="footnoteContent" id="inline-note-1">NOTE-ONE text.</div>`},
			[]string{"display:none"}},
		{"a marker naming a hidden body by data attribute links to it",
			`<p>Threads.<span class="ref" data-definition="fn0"><a href="#">*</a></span></p><aside style="display:none" class="fn-content" id="fn0">NOTE-TWO text.</aside>`,
			[]string{`<a href="#fn0">*</a>`, `<div class="fn-content" id="fn0">NOTE-TWO text.</div>`}, nil},
		{"a hidden tooltip that is no footnote still goes",
			`<p>Price <span class="info">?<span class="tooltip" style="display:none">TOOLTIP-TEXT</span></span></p>`,
			nil, []string{"TOOLTIP-TEXT"}},
		{"a hidden note whose marker is long text is not a footnote",
			`<p><span class="footnote">Read the long explanation here<span style="display:none">HIDDEN-LONG</span></span></p>`,
			nil, []string{"HIDDEN-LONG"}},
		{"a data attribute naming a visible element changes nothing",
			`<p>Text<span data-definition="fn9"><a href="#">*</a></span></p><div id="fn9">VISIBLE-NOTE</div>`,
			[]string{`<a href="#">*</a>`, "VISIBLE-NOTE"}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, _ := clean(t, tc.snippet, Options{})
			checkMarkup(t, out, tc.keep, tc.gone)
		})
	}
}
