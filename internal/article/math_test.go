package article

import (
	"strings"
	"testing"
)

// TestFormulasSurvive follows formulas from the renderers that print them
// twice to the three outputs: MathML in the HTML, TeX in Markdown and
// text. Before, a KaTeX page that kept only its visual copy lost every
// formula with the hidden elements.
func TestFormulasSurvive(t *testing.T) {
	prose := strings.Repeat("The proof rests on a short argument that every reader can follow with some care. ", 5)
	page := `<!DOCTYPE html><html><head><title>Proofs</title></head><body><main><article><h1>Proofs</h1>
<p>` + prose + `</p>
<p>For all <span class="math-inline" data-math="\forall x"><span class="katex"><span class="katex-html" aria-hidden="true">∀x</span></span></span>, the claim holds.</p>
<div class="katex-display"><span class="katex"><span class="katex-mathml"><math><semantics><mrow><mi>a</mi><mo>=</mo><mi>b</mi></mrow><annotation encoding="application/x-tex">a = b</annotation></semantics></math></span><span class="katex-html" aria-hidden="true">a=b</span></span></div>
<p>` + prose + `</p></article></main></body></html>`
	res, err := Clean([]byte(page), Options{Markdown: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<math><semantics><mtext>\forall x</mtext><annotation encoding="application/x-tex">\forall x</annotation></semantics></math>`,
		`<math display="block"><semantics><mrow><mi>a</mi><mo>=</mo><mi>b</mi></mrow>`,
	} {
		if !strings.Contains(res.Content, want) {
			t.Errorf("content lacks %q:\n%s", want, res.Content)
		}
	}
	if !strings.Contains(res.Markdown, `For all $\forall x$, the claim holds.`) || !strings.Contains(res.Markdown, "$$\na = b\n$$") {
		t.Errorf("Markdown lacks the TeX:\n%s", res.Markdown)
	}
	if !strings.Contains(res.TextContent, `For all $\forall x$, the claim holds.`) || !strings.Contains(res.TextContent, "$$a = b$$") {
		t.Errorf("text lacks the TeX:\n%s", res.TextContent)
	}
	if strings.Contains(res.TextContent, "a=b") || strings.Contains(res.TextContent, "∀x") {
		t.Errorf("text keeps a visual copy:\n%s", res.TextContent)
	}
}
