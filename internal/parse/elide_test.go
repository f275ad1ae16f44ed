package parse

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestElideRawText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"nothing to do", `<p>a < b</p>`, `<p>a < b</p>`},
		{"script", `<p>a</p><script>var x = "<p>no</p>";</script><p>b</p>`, `<p>a</p><script></script><p>b</p>`},
		{"style", `<STYLE type=text/css>p > a { color: red }</STYLE >x`, `<STYLE type=text/css></STYLE >x`},
		{"JSON-LD kept", `<script type="application/LD+JSON">{"a":"</p>"}</script>`, `<script type="application/LD+JSON">{"a":"</p>"}</script>`},
		{"end tag needs a delimiter", `<script>a</scripty>b</script>c`, `<script></script>c`},
		{"end tag in another case", "<script>a</SCRIPT\n>c", "<script></SCRIPT\n>c"},
		{"quoted > in an attribute", `<script data-x="a>b">x</script>y`, `<script data-x="a>b"></script>y`},
		{"script tag inside an attribute", `<div title="<script>">text</div>`, `<div title="<script>">text</div>`},
		{"script tag inside a comment", `<!-- <script> -->text<!-- </script> -->`, `<!-- <script> -->text<!-- </script> -->`},
		{"empty comments", `<!--><script>x</script><!---><style>y</style>`, `<!--><script></script><!---><style></style>`},
		{"comment closed by --!>", `<!-- a --!><style>y</style>`, `<!-- a --!><style></style>`},
		{"script tag in a textarea", `<textarea><script>x</script></textarea>`, `<textarea><script>x</script></textarea>`},
		{"script tag in a title", `<title><style>t</style></title><style>s</style>`, `<title><style>t</style></title><style></style>`},
		{"plaintext ends the scan", `<plaintext><script>x</script>`, `<plaintext><script>x</script>`},
		{"escaped script", `<script><!-- document.write("<script>x</script>"); --></script>after`, `<script></script>after`},
		{"escaped, closed without nesting", `<script><!-- a </script>after`, `<script></script>after`},
		{"escape left at a stray <", `<script><!--0<<script </script>0</script>`, `<script></script>0</script>`},
		{"escape closed at once", `<script><!--></script>after`, `<script></script>after`},
		{"unterminated script is kept", `<p>a</p><script>never closed <p>b</p>`, `<p>a</p><script>never closed <p>b</p>`},
		{"style in SVG is markup", `<svg><style><img src=x></style></svg><style>s</style>`, `<svg><style><img src=x></style></svg><style></style>`},
		{"script in MathML is markup", `<math><script>x</script></math><script>y</script>`, `<math><script>x</script></math><script></script>`},
		{"self-closing SVG", `<svg/><style>s</style>`, `<svg/><style></style>`},
		{"unquoted slash does not close", `<svg a=b/><style>s</style>`, `<svg a=b/><style>s</style>`},
		{"CDATA in SVG", `<svg><![CDATA[</svg>]]><style>a</svg><p>text`, `<svg></svg><p>text`},
		{"SVG icon", `<a href=/x><svg viewBox="0 0 9 9"><g><path d="M0 0h9v9z"/></g><title>Share</title></svg>Share</a>`, `<a href=/x><svg viewBox="0 0 9 9"></svg>Share</a>`},
		{"nested SVG", `<svg><svg><rect/></svg><circle r=1></circle></SVG><p>t`, `<svg></SVG><p>t`},
		{"unclosed SVG element closed by </svg>", `<svg><g><path d=""></svg>x`, `<svg></svg>x`},
		{"SVG ended by an HTML tag", `<svg><path/><p>text</p></svg>`, `<svg><path/><p>text</p></svg>`},
		{"SVG ended by an ancestor's end tag", `<div><svg><g></div><p>after</p></svg>`, `<div><svg><g></div><p>after</p></svg>`},
		{"SVG ended by </br>", `<svg><g></br>t</g></svg>`, `<svg><g></br>t</g></svg>`},
		{"HTML inside foreignObject", `<svg><foreignObject><textarea></svg></textarea></foreignObject></svg>`, `<svg><foreignObject><textarea></svg></textarea></foreignObject></svg>`},
		{"text-only SVG title", `<svg><title>Logo</title><path/></svg>`, `<svg></svg>`},
		{"SVG ignored in a select", `<select><svg>text</svg></select><svg>x</svg>`, `<select><svg>text</svg></select><svg></svg>`},
		{"SVG in MathML", `<math><svg>x</svg></math>`, `<math><svg>x</svg></math>`},
		{"unclosed SVG is kept", `<svg><path/>`, `<svg><path/>`},
		{"unterminated tag", `<p>a</p><script src="x`, `<p>a</p><script src="x`},
		{"doctype and processing instruction", `<!DOCTYPE html><?xml x?><style>s</style>`, `<!DOCTYPE html><?xml x?><style></style>`},
		{"self-closing script is still raw", `<script src=x />var a</script>b`, `<script src=x /></script>b`},
		{"scripts and styles in turn", `<style>a</style>1<script>b</script>2<style>c</style>`, `<style></style>1<script></script>2<style></style>`},
		{"self-closed iframe in a noscript", `<noscript><iframe src=x /></noscript><p>after`, `<noscript></noscript><p>after`},
		{"closed iframe in a noscript is kept", `<noscript><iframe src=x></iframe></noscript><p>a`, `<noscript><iframe src=x></iframe></noscript><p>a`},
		{"noscript ends at its first end tag", `<NOSCRIPT><noscript><xmp>x</noscript>y</xmp></noscript>z`, `<NOSCRIPT><noscript></noscript>y</xmp></noscript>z`},
		{"unclosed script in a noscript", `<noscript><img src=a><script>x</noscript><p>b`, `<noscript><img src=a></noscript><p>b`},
		{"plaintext in a noscript", `<noscript><plaintext>x</noscript><p>b`, `<noscript></noscript><p>b`},
		{"unclosed noscript changes nothing", `<noscript><iframe>x`, `<noscript><iframe>x`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := ElideRawText(tc.in)
			if got != tc.want {
				t.Errorf("ElideRawText(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
			if !sameTreeWithoutRawBodies(tc.in) {
				t.Errorf("the elided input parses to another tree:\n%s\n%s", rawBodiesDropped(tc.in), rendered(got))
			}
		})
	}
}

// sameTreeWithoutRawBodies reports whether parsing ElideRawText(s) gives
// the tree parsing s gives once its script (not JSON-LD) and style bodies
// are dropped: the elision must change nothing else.
// A body the input ends inside is kept, so the last one may keep its text.
//
// The content of top-level SVG elements, which the elision may drop too, is
// dropped on both sides before comparing.
func sameTreeWithoutRawBodies(s string) bool {
	got := withoutSVGContent(ElideRawText(s))
	return got == rawBodiesDropped(s) || got == rawBodiesDroppedButLast(s)
}

// withoutSVGContent is s parsed and serialised without the content of its
// top-level <svg> elements.
func withoutSVGContent(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	emptyTopSVG(doc)
	var b strings.Builder
	if err := html.Render(&b, doc); err != nil {
		return ""
	}
	return b.String()
}

// emptyTopSVG removes the content of every <svg> element that is not
// inside another one, and of every <noscript>: html.Parse runs scripts, so
// a noscript's content is raw text to it, which the elision may cut (see
// cutAtNoscriptEnd).
func emptyTopSVG(n *html.Node) {
	if n.Type == html.ElementNode && (n.Namespace == "svg" && n.Data == "svg" || n.DataAtom == atom.Noscript) {
		for n.FirstChild != nil {
			n.RemoveChild(n.FirstChild)
		}
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		emptyTopSVG(c)
	}
}

func rawBodiesDropped(s string) string { return dropRawBodies(s, false) }

func rawBodiesDroppedButLast(s string) string { return dropRawBodies(s, true) }

func dropRawBodies(s string, keepLast bool) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	kept := !keepLast
	var drop func(n *html.Node)
	drop = func(n *html.Node) {
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			drop(c)
		}
		if n.Type != html.ElementNode || n.Namespace != "" {
			return
		}
		isScript := n.DataAtom == atom.Script && !strings.Contains(strings.ToLower(attr(n, "type")), "ld+json")
		if isScript || n.DataAtom == atom.Style {
			if !kept {
				kept = true
				return
			}
			for n.FirstChild != nil {
				n.RemoveChild(n.FirstChild)
			}
		}
	}
	drop(doc)
	emptyTopSVG(doc)
	var b strings.Builder
	if err := html.Render(&b, doc); err != nil {
		return ""
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// FuzzElideRawText checks the elision against the parser itself: outside
// MathML the elided input must parse to the same tree minus the dropped
// bodies and SVG content.
func FuzzElideRawText(f *testing.F) {
	for _, seed := range []string{
		`<script>a</script>`, `<style>b</style>`, `<script><!--<script></script>--></script>`,
		`<textarea><script>`, `<!--<style>-->`, `<a title='<script>'>`, `<script type=application/ld+json>{}</script>`,
		`<title>x</title><script>y</SCRIPT>`, `<table><script>a</script><tr><td>b`,
		`<svg><g><path d=""/></g></svg>`, `<p><svg><p>x</svg>`, `<svg><foreignObject><style></svg></style>`,
		`<noscript><iframe src=x /></noscript><p>x`, `<noscript><script>a</noscript>b`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := ElideRawText(s)
		if !isSubsequence(out, s) {
			t.Fatalf("ElideRawText added bytes: %q -> %q", s, out)
		}
		// Everything a reader sees outside scripts and style sheets
		// survives, whatever the input.
		if a, b := visibleText(s), visibleText(out); a != b {
			t.Fatalf("elision changed the visible text:\n in %q\nout %q\n%q\n%q", s, out, a, b)
		}
		lower := strings.ToLower(s)
		if strings.Contains(lower, "<math") || strings.ContainsRune(s, 0) {
			return
		}
		if !sameTreeWithoutRawBodies(s) {
			t.Fatalf("elided input parses differently:\n in %q\nout %q\n%s\n%s", s, out, rawBodiesDropped(s), rendered(out))
		}
	})
}

// visibleText is the text of s parsed, outside HTML scripts and styles and
// outside SVG.
func visibleText(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Namespace == "" && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			return
		}
		if n.Type == html.ElementNode && n.Namespace == "svg" {
			return // SVG content may be elided; what a reader sees is HTML
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Noscript {
			return // raw text to this parser, which runs scripts: may be cut
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return b.String()
}
