package clutter

import (
	"net/url"
	"strings"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Formula renderers print each formula twice: a visual copy built from
// spans, SVG or an image, which they hide from screen readers
// (aria-hidden), and an accessible copy, MathML or the TeX source, which
// they hide from the eye. The hidden-element rule would drop the first and
// sometimes the second, and the formula with them. standardizeMath runs
// before it and leaves one copy of each formula: a <math> element, the
// form browsers render natively and the sanitizer keeps. When the page
// carries only TeX, the formula becomes a <math> holding the TeX as text
// and as its TeX annotation, from which the Markdown and text renderers
// write it back as TeX.
//
// The renderers and their markers (each documented by its project):
//   - KaTeX: <span class="katex"> holding .katex-mathml (MathML with a TeX
//     annotation) and .katex-html (aria-hidden); a display formula is
//     wrapped in .katex-display. Some sites keep only .katex-html and put
//     the TeX on a wrapper's data-math attribute.
//   - MathJax 3: <mjx-container> (display="true" for display math) holding
//     the visual output and <mjx-assistive-mml> with MathML.
//   - MathJax 2: <script type="math/tex"> (or "math/tex; mode=display")
//     holding the TeX, after its visual output in .MathJax_Preview,
//     .MathJax, .MathJax_Display or .MathJax_SVG elements.
//   - MediaWiki: .mwe-math-element holding MathML (with the TeX as alttext
//     and annotation) and a fallback image.
//   - Formula images: an <img> whose address's query is the TeX (the
//     public LaTeX rendering services work so), or whose class names it a
//     formula and whose alt text is TeX (WordPress's LaTeX plugins).

// texAttributes hold a formula's TeX source on a renderer's wrapper.
var texAttributes = []string{"data-math", "data-latex", "data-tex"}

// mathJax2Visual are the class names of MathJax 2's visual output, which
// precedes the <script> holding the TeX.
var mathJax2Visual = dom.Set("mathjax_preview", "mathjax", "mathjax_display", "mathjax_svg", "mathjax_svg_display", "mathjax_chtml")

// formulaImageWords name an image as a rendered formula.
var formulaImageWords = dom.Set("latex", "tex", "math", "equation", "formula")

// maxTeXBytes bounds the TeX taken from an attribute or an address: a
// formula, not a document.
const maxTeXBytes = 4 << 10

// standardizeMath replaces every formula rendering below doc by one <math>
// element (see above).
func standardizeMath(doc *html.Node) {
	type change struct{ old, math *html.Node }
	var changes []change
	dom.Elements(doc, func(n *html.Node) bool {
		if n.Namespace != "" {
			return false
		}
		var m *html.Node
		switch {
		case hasClassToken(n, "katex"):
			n, m = katexFormula(n)
		case n.Data == "mjx-container":
			m = findMath(n)
			if m != nil && strings.EqualFold(dom.Attr(n, "display"), "true") {
				setDisplayBlock(m)
			}
		case hasClassToken(n, "mwe-math-element"):
			m = findMath(n)
		case n.DataAtom == atom.Script && strings.HasPrefix(strings.ToLower(strings.TrimSpace(dom.Attr(n, "type"))), "math/tex"):
			m = mathJax2Formula(n)
		case n.DataAtom == atom.Img:
			if tex := formulaImageTeX(n); tex != "" {
				m = texMath(tex, false)
			}
		default:
			return true
		}
		if m != nil {
			changes = append(changes, change{n, m})
		}
		return false
	})
	for _, c := range changes {
		if c.old.Parent == nil {
			continue
		}
		if c.math.Parent != nil {
			c.math.Parent.RemoveChild(c.math)
		}
		c.old.Parent.InsertBefore(c.math, c.old)
		c.old.Parent.RemoveChild(c.old)
	}
}

// katexFormula returns the element a KaTeX formula occupies (the .katex
// span, or the display or data-math wrapper around it) and its MathML, or
// a <math> built from the TeX on a wrapper; m is nil when neither is
// there.
func katexFormula(n *html.Node) (outer, m *html.Node) {
	outer = n
	block := false
	if p := n.Parent; p != nil && hasClassToken(p, "katex-display") {
		outer, block = p, true
	}
	// The TeX, when the page keeps it, is on the formula's wrapper: the
	// .katex span itself or an element around it that holds nothing else.
	tex := ""
	for p, i := outer, 0; p != nil && i < 3; p, i = p.Parent, i+1 {
		if p != outer && !onlyFormula(p, n) {
			break
		}
		if v := texAttr(p); v != "" {
			tex, outer = v, p
			break
		}
	}
	if tex != "" && (hasClassToken(outer, "math-block") || hasClassToken(outer, "math-display")) {
		block = true
	}
	if m = findMath(n); m == nil && tex != "" {
		m = texMath(tex, block)
	}
	if m != nil && block {
		setDisplayBlock(m)
	}
	return outer, m
}

// texAttr returns the TeX source n's attributes carry, or "".
func texAttr(n *html.Node) string {
	for _, a := range texAttributes {
		if v := strings.TrimSpace(dom.Attr(n, a)); v != "" && len(v) <= maxTeXBytes {
			return v
		}
	}
	return ""
}

// onlyFormula reports whether p holds nothing but the formula n (and
// white space), so that replacing p loses no text.
func onlyFormula(p, n *html.Node) bool {
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c == n || c.Type == html.ElementNode && isAncestorOf(c, n):
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		default:
			return false
		}
	}
	return true
}

func isAncestorOf(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

// mathJax2Formula returns the formula of a MathJax 2 TeX script, and
// removes the visual output before it.
func mathJax2Formula(script *html.Node) *html.Node {
	tex := strings.TrimSpace(dom.Text(script))
	if tex == "" || len(tex) > maxTeXBytes {
		return nil
	}
	for p := script.PrevSibling; p != nil; {
		prev := p.PrevSibling
		if p.Type == html.TextNode && strings.TrimSpace(p.Data) == "" {
			p = prev
			continue
		}
		if p.Type != html.ElementNode || !hasClassIn(p, mathJax2Visual) {
			break
		}
		p.Parent.RemoveChild(p)
		p = prev
	}
	return texMath(tex, strings.Contains(strings.ToLower(dom.Attr(script, "type")), "mode=display"))
}

// formulaImageTeX returns the TeX an image renders: its address's query
// when that reads as TeX, else its alt text when its class names it a
// formula and the alt reads as TeX.
func formulaImageTeX(img *html.Node) string {
	src := strings.TrimSpace(dom.Attr(img, "src"))
	if i := strings.IndexByte(src, '?'); i >= 0 && len(src)-i <= maxTeXBytes {
		if q, err := url.QueryUnescape(src[i+1:]); err == nil && looksLikeTeX(q) && !strings.ContainsAny(q, "&=") {
			return strings.TrimSpace(q)
		}
	}
	alt := strings.TrimSpace(dom.Attr(img, "alt"))
	if alt != "" && len(alt) <= maxTeXBytes && hasClassIn(img, formulaImageWords) && looksLikeTeX(alt) {
		return alt
	}
	return ""
}

// looksLikeTeX reports whether s holds TeX markup: a control word
// (\frac) or a braced superscript or subscript.
func looksLikeTeX(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch {
		case s[i] == '\\' && (s[i+1] >= 'a' && s[i+1] <= 'z' || s[i+1] >= 'A' && s[i+1] <= 'Z'):
			return true
		case (s[i] == '^' || s[i] == '_') && s[i+1] == '{':
			return true
		}
	}
	return false
}

// texMath builds <math><semantics><mtext>TeX</mtext><annotation
// encoding="application/x-tex">TeX</annotation></semantics></math>: the
// browser shows the TeX as text, and the renderers find the annotation.
func texMath(tex string, block bool) *html.Node {
	el := func(name string, attrs ...html.Attribute) *html.Node {
		return &html.Node{Type: html.ElementNode, Data: name, Namespace: "math", Attr: attrs}
	}
	m := el("math")
	if block {
		setDisplayBlock(m)
	}
	sem := el("semantics")
	text := el("mtext")
	text.AppendChild(&html.Node{Type: html.TextNode, Data: tex})
	ann := el("annotation", html.Attribute{Key: "encoding", Val: "application/x-tex"})
	ann.AppendChild(&html.Node{Type: html.TextNode, Data: tex})
	sem.AppendChild(text)
	sem.AppendChild(ann)
	m.AppendChild(sem)
	return m
}

func findMath(n *html.Node) *html.Node {
	return dom.Find(n, func(c *html.Node) bool { return c.Namespace == "math" && c.Data == "math" })
}

func setDisplayBlock(m *html.Node) {
	for i, a := range m.Attr {
		if a.Key == "display" && a.Namespace == "" {
			m.Attr[i].Val = "block"
			return
		}
	}
	m.Attr = append(m.Attr, html.Attribute{Key: "display", Val: "block"})
}

// hasClassToken reports whether one of n's classes is exactly name
// (case-insensitively); renderer classes are matched whole, so "katex"
// does not match "katex-html".
func hasClassToken(n *html.Node, name string) bool {
	for c := range strings.FieldsSeq(dom.Attr(n, "class")) {
		if strings.EqualFold(c, name) {
			return true
		}
	}
	return false
}

// hasClassIn reports whether one of n's classes, lower-cased, is in set.
func hasClassIn(n *html.Node, set map[string]bool) bool {
	for c := range strings.FieldsSeq(dom.Attr(n, "class")) {
		if set[strings.ToLower(c)] {
			return true
		}
	}
	return false
}
