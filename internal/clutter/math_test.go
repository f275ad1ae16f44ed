package clutter

import "testing"

func TestStandardizeMath(t *testing.T) {
	const tex = `<annotation encoding="application/x-tex">`
	tests := []struct {
		name       string
		snippet    string
		keep, gone []string
	}{
		{"KaTeX keeps its MathML, not the hidden visual copy",
			`<p>Let <span class="katex"><span class="katex-mathml"><math><semantics><mi>x</mi><annotation encoding="application/x-tex">x</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="mord">VISUAL-X</span></span></span> be.</p>`,
			[]string{`<math><semantics><mi>x</mi>` + tex + `x</annotation>`, "Let ", " be."}, []string{"VISUAL-X", "katex"}},
		{"KaTeX display math is a block formula",
			`<div class="katex-display"><span class="katex"><span class="katex-mathml"><math><mi>y</mi></math></span><span class="katex-html" aria-hidden="true">VISUAL-Y</span></span></div>`,
			[]string{`<math display="block"><mi>y</mi></math>`}, []string{"VISUAL-Y", "katex-display"}},
		{"KaTeX with only its visual copy gives the TeX its wrapper keeps",
			`<p>All: <span class="math-inline" data-math="\forall x"><span class="katex"><span class="katex-html" aria-hidden="true">VISUAL-ALL</span></span></span>.</p>`,
			[]string{`<math><semantics><mtext>\forall x</mtext>` + tex + `\forall x</annotation></semantics></math>`, "All: "}, []string{"VISUAL-ALL", "math-inline"}},
		{"MathJax 3 keeps its assistive MathML",
			`<mjx-container class="MathJax" jax="CHTML" display="true"><mjx-math aria-hidden="true"><mjx-mi>VISUAL-Z</mjx-mi></mjx-math><mjx-assistive-mml display="block"><math display="block"><mi>z</mi></math></mjx-assistive-mml></mjx-container>`,
			[]string{`<math display="block"><mi>z</mi></math>`}, []string{"VISUAL-Z", "mjx-"}},
		{"MathJax 2 gives the TeX of its script and drops its visual copy",
			`<p>Sum <span class="MathJax_Preview">PREVIEW</span><span class="MathJax" role="presentation">VISUAL-SUM</span><script type="math/tex">\sum_{i} a_i</script> here.</p>` +
				`<div class="MathJax_Display">VISUAL-D</div><script type="math/tex; mode=display">e^{i\pi}</script>`,
			[]string{`<mtext>\sum_{i} a_i</mtext>`, `<math display="block"><semantics><mtext>e^{i\pi}</mtext>`, "Sum ", " here."},
			[]string{"PREVIEW", "VISUAL-SUM", "VISUAL-D", "<script"}},
		{"MediaWiki keeps the MathML, not the fallback image",
			`<span class="mwe-math-element"><span class="mwe-math-mathml-inline" style="display: none;"><math alttext="a^2"><msup><mi>a</mi><mn>2</mn></msup></math></span><img class="mwe-math-fallback-image-inline" src="https://example.org/a2.svg" alt="a^2"></span>`,
			[]string{`<math alttext="a^2"><msup>`}, []string{"a2.svg", "mwe-math"}},
		{"an image rendering the TeX in its address is a formula",
			`<p>Ratio <img src="https://tex.example.org/svg?%5Cfrac%7Ba%7D%7Bb%7D"> holds.</p>`,
			[]string{`<mtext>\frac{a}{b}</mtext>`}, []string{"<img"}},
		{"an image named a formula gives its alt TeX",
			`<p>Area <img class="latex" src="/f.png" alt="\pi r^2">.</p>`,
			[]string{`<mtext>\pi r^2</mtext>`}, []string{"<img"}},
		{"an ordinary image stays an image",
			`<p><img src="/photo.jpg?w=800&amp;h=600" alt="A photo of the bridge"><img class="latex-logo" src="/l.png" alt="Our logo"></p>`,
			[]string{`<img src="/photo.jpg?w=800&amp;h=600"`, `alt="Our logo"`}, []string{"<math"}},
		{"a wrapper holding text besides the formula is not replaced",
			`<p data-math="x">Before <span class="katex"><span class="katex-html" aria-hidden="true">VISUAL-X</span></span> after.</p>`,
			[]string{"Before ", " after."}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, _ := clean(t, tc.snippet, Options{})
			checkMarkup(t, out, tc.keep, tc.gone)
		})
	}
}

func TestLooksLikeTeX(t *testing.T) {
	for s, want := range map[string]bool{
		`\frac{a}{b}`: true, `x^{2}`: true, `a_{i}`: true,
		"w=800&h=600": false, "A photo": false, `C:\ `: false, "": false,
	} {
		if got := looksLikeTeX(s); got != want {
			t.Errorf("looksLikeTeX(%q) = %v, want %v", s, got, want)
		}
	}
}
