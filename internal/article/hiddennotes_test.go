package article

import (
	"strings"
	"testing"
)

// TestHiddenFootnotesBecomeNotes follows popup footnotes, whose text the
// page keeps hidden, to the outputs: one list of notes with back-links in
// the HTML, GFM footnotes in Markdown.
func TestHiddenFootnotesBecomeNotes(t *testing.T) {
	prose := strings.Repeat("The field has drifted far from its roots, and the essays here trace how. ", 5)
	page := `<!DOCTYPE html><html><head><title>Notes</title></head><body><article class="entry-content">
<p>` + prose + `</p>
<p>It drifted.<span class="inline-footnote" title="t">1<span class="footnoteContent" style="display:none;">Pick any recent paper.</span></span></p>
<p>It split.<span class="fna-ref" data-definition="fna0"><a href="#">*</a></span></p>
<p>` + prose + `</p>
<aside style="display:none" class="fna-content" id="fna0">By my count, six threads.</aside>
</article></body></html>`
	res, err := Clean([]byte(page), Options{Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Pick any recent paper.", "By my count, six threads."} {
		if !strings.Contains(res.Content, want) || !strings.Contains(res.TextContent, want) {
			t.Errorf("outputs lack the note %q:\n%s", want, res.Content)
		}
	}
	if !strings.Contains(res.Markdown, "It drifted.[^1]") || !strings.Contains(res.Markdown, "[^1]: Pick any recent paper.") ||
		!strings.Contains(res.Markdown, "[^2]: By my count, six threads.") {
		t.Errorf("Markdown lacks the footnotes:\n%s", res.Markdown)
	}
}
