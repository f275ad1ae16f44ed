package sanitize

import (
	"net/url"
	"strings"
	"testing"

	"articleclean/internal/report"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// run sanitizes markup as the children of a <div>, the way the pipeline
// hands over the article subtree.
func run(t *testing.T, markup string, opts Options) string {
	t.Helper()
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(markup), ctx)
	if err != nil {
		t.Fatalf("parsing %q: %v", markup, err)
	}
	for _, n := range nodes {
		ctx.AppendChild(n)
	}
	out, err := HTML(ctx, opts, &report.Report{})
	if err != nil {
		t.Fatalf("HTML(%q): %v", markup, err)
	}
	return out
}

func mustURL(t *testing.T, s string) *url.URL {
	t.Helper()
	u, err := url.Parse(s)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

// TestPolicyKeeps checks that every element and attribute the policy
// documents survives unchanged.
func TestPolicyKeeps(t *testing.T) {
	var cases []struct{ name, in, want string }
	add := func(name, in, want string) {
		cases = append(cases, struct{ name, in, want string }{name, in, want})
	}
	for _, el := range []string{
		"h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "section", "span",
		"b", "strong", "i", "em", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
		"abbr", "dfn", "cite", "q", "time", "var", "kbd", "samp", "code", "pre", "bdi",
		"blockquote", "figure", "figcaption", "details", "summary",
	} {
		in := "<" + el + ">x</" + el + ">"
		add("element "+el, in, in)
	}
	for _, c := range []struct{ name, in string }{
		{"bdo", `<bdo dir="rtl">x</bdo>`},
		{"br", "a<br/>b"},
		{"hr", "a<hr/>b"},
		{"wbr", "a<wbr/>b"},
		{"ul li", "<ul><li>a</li></ul>"},
		{"ol li", `<ol start="3" reversed="" type="a"><li value="4">a</li></ol>`},
		{"dl", "<dl><dt>a</dt><dd>b</dd></dl>"},
		{"table", `<table><caption>c</caption><colgroup span="2"><col span="1"/></colgroup><thead><tr><th scope="col" colspan="2">h</th></tr></thead><tbody><tr><td rowspan="2">d</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>`},
		{"ruby", "<ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>"},
		{"details open", `<details open=""><summary>s</summary>x</details>`},
		{"lang dir title", `<p lang="zh-Hans" dir="rtl" title="t">x</p>`},
		{"time datetime", `<time datetime="2024-01-02">2 Jan</time>`},
		{"del cite datetime", `<del cite="https://example.org/why" datetime="2024-01-02">x</del>`},
		{"blockquote cite", `<blockquote cite="https://example.org/src">q</blockquote>`},
		{"code language", `<pre class="language-go"><code class="language-go">x := 1</code></pre>`},
		{"mailto", `<a href="mailto:a@example.org" rel="noopener noreferrer">m</a>`},
		{"fragment", `<a href="#top" rel="noopener noreferrer">t</a>`},
		{"img", `<img src="https://example.org/a.png" alt="a" width="10" height="20" loading="lazy" referrerpolicy="no-referrer"/>`},
		{"img srcset", `<img src="https://example.org/a.png" srcset="https://example.org/a.png 1x, https://example.org/b.png 2x" loading="lazy" referrerpolicy="no-referrer"/>`},
		{"math", `<math display="block"><mrow><msup><mi>x</mi><mn>2</mn></msup><mo stretchy="false">+</mo><mfrac><mn>1</mn><msqrt><mi>y</mi></msqrt></mfrac></mrow></math>`},
	} {
		add(c.name, c.in, c.in)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := run(t, c.in, Options{}); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

// TestPolicyRemoves checks that dangerous markup never reaches the output.
// Each row names what must be absent (case-insensitive substrings) and
// what text must remain, if any.
func TestPolicyRemoves(t *testing.T) {
	cases := []struct {
		name    string
		in      string
		absent  []string
		present string
	}{
		{"script", `<p>a</p><script>alert(1)</script>`, []string{"script", "alert"}, "<p>a</p>"},
		{"script src", `<script src="https://evil.example/x.js"></script>ok`, []string{"script", "evil"}, "ok"},
		{"style element", `<style>body{background:url(javascript:alert(1))}</style>ok`, []string{"style", "javascript", "background"}, "ok"},
		{"style attribute", `<p style="background:url(https://t.example/p.gif)">a</p>`, []string{"style", "url("}, "<p>a</p>"},
		{"css expression", `<p style="width:expression(alert(1))">a</p>`, []string{"style", "expression"}, "<p>a</p>"},
		{"iframe", `<iframe src="https://evil.example/"></iframe>ok`, []string{"iframe", "evil"}, "ok"},
		{"iframe srcdoc", `<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>ok`, []string{"iframe", "srcdoc", "alert"}, "ok"},
		{"frame", `<frameset><frame src="https://evil.example/"></frameset>ok`, []string{"frame", "evil"}, ""},
		{"object", `<object data="javascript:alert(1)"></object>ok`, []string{"object", "javascript", "data="}, "ok"},
		{"embed", `<embed src="javascript:alert(1)">ok`, []string{"embed", "javascript"}, "ok"},
		{"form", `<form action="javascript:alert(1)"><input name="q"><button formaction="javascript:alert(2)">go</button></form>`, []string{"form", "input", "button", "javascript", "action"}, "go"},
		{"form dom clobbering", `<form name="cookie"><img name="getElementById" src="https://example.org/a.png"></form>`, []string{"form", "name="}, ""},
		{"textarea select", `<textarea>t</textarea><select><option>o</option></select>`, []string{"textarea", "select", "option"}, ""},
		{"base", `<base href="https://evil.example/"><a href="x">x</a>`, []string{"<base", "evil"}, ""},
		{"meta refresh", `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">ok`, []string{"meta", "refresh", "javascript"}, "ok"},
		{"link", `<link rel="stylesheet" href="https://evil.example/x.css">ok`, []string{"<link", "evil"}, "ok"},
		{"svg", `<svg onload="alert(1)"><a xlink:href="javascript:alert(2)"><text>t</text></a></svg>`, []string{"svg", "onload", "xlink", "javascript", "alert"}, ""},
		{"svg animate", `<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>`, []string{"svg", "animate", "javascript"}, ""},
		{"svg use data", `<svg><use href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="/></svg>`, []string{"svg", "use", "data:"}, ""},
		{"template", `<template><img src=x onerror="alert(1)"></template>ok`, []string{"template", "onerror", "alert"}, "ok"},
		{"noscript", `<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>ok`, []string{"noscript", "onerror"}, "ok"},
		{"event handlers", `<p onclick="alert(1)" onmouseover="alert(2)" ONLOAD="x">a</p>`, []string{"onclick", "onmouseover", "onload", "alert"}, "<p>a</p>"},
		{"img onerror", `<img src="https://example.org/a.png" onerror="alert(1)">`, []string{"onerror", "alert"}, "<img"},
		{"data attributes", `<p data-bind="html: x" data-bs-html="true" data-track="1">a</p>`, []string{"data-"}, "<p>a</p>"},
		{"ping attributionsrc", `<a href="https://example.org/" ping="https://t.example/" attributionsrc="">a</a>`, []string{"ping", "attributionsrc", "t.example"}, `href="https://example.org/"`},
		{"href javascript", `<a href="javascript:alert(1)">a</a>`, []string{"javascript", "alert", "href"}, "a"},
		{"href JAVASCRIPT upper", `<a href="JaVaScRiPt:alert(1)">a</a>`, []string{"javascript", "href"}, "a"},
		{"href entity encoded", `<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">a</a>`, []string{"javascript", "href", "alert"}, "a"},
		{"href hex entities", `<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">a</a>`, []string{"javascript", "href"}, "a"},
		{"href tab split", `<a href="java&#x09;script:alert(1)">a</a>`, []string{"script", "href"}, "a"},
		{"href newline split", "<a href=\"java\nscript:alert(1)\">a</a>", []string{"script", "href"}, "a"},
		{"href leading space ctrl", "<a href=\" &#14; javascript:alert(1)\">a</a>", []string{"javascript", "href"}, "a"},
		{"href named colon", `<a href="javascript&colon;alert(1)">a</a>`, []string{"javascript", "href"}, "a"},
		{"href vbscript", `<a href="vbscript:msgbox(1)">a</a>`, []string{"vbscript", "href"}, "a"},
		{"href data", `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">a</a>`, []string{"data:", "href"}, "a"},
		{"img src javascript", `<img src="javascript:alert(1)" alt="x">`, []string{"javascript", "src="}, ""},
		{"img src data", `<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="x">`, []string{"data:", "onload", "src="}, ""},
		{"srcset javascript", `<img src="https://example.org/a.png" srcset="javascript:alert(1) 1x, https://example.org/b.png 2x">`, []string{"javascript"}, "https://example.org/b.png 2x"},
		{"srcset only javascript", `<img src="https://example.org/a.png" srcset="javascript:alert(1)">`, []string{"javascript", "srcset"}, ""},
		{"srcset data", `<img src="https://example.org/a.png" srcset="data:image/png;base64,AAAA 1x">`, []string{"data:", "srcset"}, ""},
		{"cite javascript", `<blockquote cite="javascript:alert(1)">q</blockquote>`, []string{"javascript", "cite="}, "q"},
		{"xlink href on a", `<a xlink:href="javascript:alert(1)">x</a>`, []string{"xlink", "javascript"}, "x"},
		{"math href", `<math href="javascript:alert(1)"><mi xlink:href="javascript:alert(2)">x</mi></math>`, []string{"javascript", "href"}, "x"},
		{"math maction", `<math><maction actiontype="statusline#http://evil.example">x</maction></math>`, []string{"maction", "evil", "actiontype"}, "x"},
		{"math annotation-xml", `<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>`, []string{"annotation-xml", "onerror"}, ""},
		{"math mglyph style mxss", `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>`, []string{"onerror", "<style", "mglyph"}, ""},
		{"svg style mxss", `<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">`, []string{"onerror", "<style", "<svg"}, ""},
		{"id without footnote link", `<p id="location">a</p>`, []string{"id="}, "<p>a</p>"},
		{"name clobbering", `<img name="getElementById" src="https://example.org/a.png"><a name="cookie">x</a>`, []string{"name="}, "x"},
		{"video audio", `<video src="https://example.org/v.mp4" poster="javascript:alert(1)"></video><audio src="https://example.org/a.mp3"></audio>ok`, []string{"video", "audio", "poster", "javascript"}, "ok"},
		{"background attr", `<table background="javascript:alert(1)"><tr><td>x</td></tr></table>`, []string{"background", "javascript"}, "x"},
		{"area map", `<map><area href="javascript:alert(1)"></map>ok`, []string{"area", "javascript"}, "ok"},
		{"portal dialog slot", `<dialog open>d</dialog><slot>s</slot>`, []string{"dialog", "slot"}, "d"},
		{"bad lang", `<p lang="x onmouseover=alert(1)">a</p>`, []string{"lang", "alert"}, "<p>a</p>"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			for _, keep := range []bool{false, true} {
				got := run(t, c.in, Options{KeepClasses: keep, Base: mustURL(t, "https://news.example/a/b.html")})
				lower := strings.ToLower(got)
				for _, a := range c.absent {
					if strings.Contains(lower, strings.ToLower(a)) {
						t.Errorf("keepClasses=%v: %q survived in %s", keep, a, got)
					}
				}
				if c.present != "" && !strings.Contains(got, c.present) {
					t.Errorf("keepClasses=%v: %q missing from %s", keep, c.present, got)
				}
			}
		})
	}
}

func TestKeepClasses(t *testing.T) {
	in := `<p class="lead note">a</p><code class="language-js">x</code><span class="a&quot;b">c</span>`
	cases := []struct {
		keep bool
		want string
	}{
		{false, `<p>a</p><code class="language-js">x</code><span>c</span>`},
		{true, `<p class="lead note">a</p><code class="language-js">x</code><span>c</span>`},
	}
	for _, c := range cases {
		if got := run(t, in, Options{KeepClasses: c.keep}); got != c.want {
			t.Errorf("keepClasses=%v:\n got  %s\n want %s", c.keep, got, c.want)
		}
	}
}

func TestLinkAndImageAttributes(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"rel added", `<a href="https://example.org/">x</a>`, `<a href="https://example.org/" rel="noopener noreferrer">x</a>`},
		{"rel replaced", `<a href="https://example.org/" rel="opener" target="_blank">x</a>`, `<a href="https://example.org/" rel="noopener noreferrer">x</a>`},
		{"anchor without href", `<a>x</a>`, `x`},
		{"img lazy no-referrer", `<img src="https://example.org/a.png" loading="eager" referrerpolicy="unsafe-url">`, `<img src="https://example.org/a.png" loading="lazy" referrerpolicy="no-referrer"/>`},
		{"img bad size", `<img src="https://example.org/a.png" width="100%" height="1e9">`, `<img src="https://example.org/a.png" loading="lazy" referrerpolicy="no-referrer"/>`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := run(t, c.in, Options{}); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestFootnoteIDs(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"footnote pair",
			`<p>text<sup><a href="#fn1" id="ref1">1</a></sup></p><ol><li id="fn1">note <a href="#ref1">↩</a></li></ol>`,
			`<p>text<sup><a href="#ac-fn1" id="ac-ref1" rel="noopener noreferrer">1</a></sup></p><ol><li id="ac-fn1">note <a href="#ac-ref1" rel="noopener noreferrer">↩</a></li></ol>`},
		{"unlinked id dropped", `<p id="intro">a</p>`, `<p>a</p>`},
		{"clobbering id linked", `<a href="#cookie">x</a><p id="cookie">y</p>`, `<a href="#ac-cookie" rel="noopener noreferrer">x</a><p id="ac-cookie">y</p>`},
		{"named anchor target", `<a name="cookie">x</a><a href="#cookie">y</a>`, `<a id="ac-cookie">x</a><a href="#ac-cookie" rel="noopener noreferrer">y</a>`},
		{"prototype name", `<a name="__proto__" href="#__proto__">x</a>`, `<a href="#ac-__proto__" id="ac-__proto__" rel="noopener noreferrer">x</a>`},
		{"colon in id", `<p id="fn:1">n</p><a href="#fn:1">1</a>`, `<p id="ac-fn-1">n</p><a href="#ac-fn-1" rel="noopener noreferrer">1</a>`},
		{"link to missing id", `<a href="#nowhere">x</a>`, `<a href="#nowhere" rel="noopener noreferrer">x</a>`},
		{"hostile id made safe", `<a href="#a&quot;b">x</a><p id="a&quot;b">y</p>`, `<a href="#ac-a-b" rel="noopener noreferrer">x</a><p id="ac-a-b">y</p>`},
		{"named anchor target", `<a href="#n1">1</a><p><a name="n1"></a>note</p>`, `<a href="#ac-n1" rel="noopener noreferrer">1</a><p><a id="ac-n1"></a>note</p>`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := run(t, c.in, Options{})
			if got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
			// Whatever the ids, every one kept carries the prefix.
			for _, id := range attrValues(t, got, "id") {
				if !strings.HasPrefix(id, idPrefix) {
					t.Errorf("id %q kept without the %q prefix", id, idPrefix)
				}
			}
		})
	}
}

func attrValues(t *testing.T, markup, key string) []string {
	t.Helper()
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(markup), ctx)
	if err != nil {
		t.Fatal(err)
	}
	var vals []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for _, a := range n.Attr {
			if a.Key == key {
				vals = append(vals, a.Val)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	return vals
}

func TestURLResolution(t *testing.T) {
	base := "https://news.example/section/story.html?id=7"
	cases := []struct{ name, in, want string }{
		{"relative path", `<a href="other.html">x</a>`, `<a href="https://news.example/section/other.html" rel="noopener noreferrer">x</a>`},
		{"root relative", `<a href="/about">x</a>`, `<a href="https://news.example/about" rel="noopener noreferrer">x</a>`},
		{"parent", `<a href="../up/x">x</a>`, `<a href="https://news.example/up/x" rel="noopener noreferrer">x</a>`},
		{"scheme relative", `<img src="//cdn.example/a.png">`, `<img src="https://cdn.example/a.png" loading="lazy" referrerpolicy="no-referrer"/>`},
		{"query only", `<a href="?page=2">x</a>`, `<a href="https://news.example/section/story.html?page=2" rel="noopener noreferrer">x</a>`},
		{"fragment stays", `<a href="#sec">x</a>`, `<a href="#sec" rel="noopener noreferrer">x</a>`},
		{"srcset relative", `<img src="a.png" srcset="a.png 1x, /b.png 2x">`, `<img src="https://news.example/section/a.png" srcset="https://news.example/section/a.png 1x, https://news.example/b.png 2x" loading="lazy" referrerpolicy="no-referrer"/>`},
		{"cite relative", `<q cite="src.html">q</q>`, `<q cite="https://news.example/section/src.html">q</q>`},
		{"absolute untouched", `<a href="http://other.example/x?a=1&amp;b=2">x</a>`, `<a href="http://other.example/x?a=1&amp;b=2" rel="noopener noreferrer">x</a>`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := run(t, c.in, Options{Base: mustURL(t, base)}); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestURLWithoutBase(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"relative kept", `<a href="x/y.html">x</a>`, `<a href="x/y.html" rel="noopener noreferrer">x</a>`},
		{"scheme relative dropped", `<a href="//evil.example/">x</a>`, `x`},
		{"srcset relative dropped", `<img src="https://example.org/a.png" srcset="a.png 2x">`, `<img src="https://example.org/a.png" loading="lazy" referrerpolicy="no-referrer"/>`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := run(t, c.in, Options{}); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestCleanURL(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"utm family", "https://example.org/a?utm_source=x&utm_medium=y&UTM_Campaign=z&id=3", "https://example.org/a?id=3"},
		{"click ids", "https://example.org/a?fbclid=1&gclid=2&msclkid=3&dclid=4&yclid=5&keep=1", "https://example.org/a?keep=1"},
		{"mailchimp hubspot", "https://example.org/?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4", "https://example.org/"},
		{"order kept", "https://example.org/?b=2&utm_source=x&a=1", "https://example.org/?b=2&a=1"},
		{"encoded name", "https://example.org/?utm%5Fsource=x&q=1", "https://example.org/?q=1"},
		{"youtube si", "https://www.youtube.com/watch?v=abc&si=TRACK", "https://www.youtube.com/watch?v=abc"},
		{"youtu.be si", "https://youtu.be/abc?si=TRACK", "https://youtu.be/abc"},
		{"m.youtube si", "https://m.youtube.com/watch?v=abc&si=TRACK", "https://m.youtube.com/watch?v=abc"},
		{"si elsewhere kept", "https://example.org/search?si=2&q=x", "https://example.org/search?si=2&q=x"},
		{"ref kept", "https://example.org/?ref=main", "https://example.org/?ref=main"},
		{"fragment kept", "https://example.org/a?utm_source=x#part", "https://example.org/a#part"},
		{"mailto", "mailto:a@example.org", "mailto:a@example.org"},
		{"javascript", "javascript:alert(1)", ""},
		{"javascript spaced", "  javascript:alert(1)", ""},
		{"vbscript", "VBScript:msgbox", ""},
		{"data", "data:text/html,x", ""},
		{"file", "file:///etc/passwd", ""},
		{"ftp", "ftp://example.org/", ""},
		{"empty", "", ""},
		{"blank", "   ", ""},
		{"fragment", "#x", "#x"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := CleanURL(c.in, nil, &report.Report{}); got != c.want {
				t.Errorf("CleanURL(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestTrackingCounted(t *testing.T) {
	r := &report.Report{}
	CleanURL("https://example.org/?utm_source=a&utm_medium=b&fbclid=c&x=1", nil, r)
	if r.Params != 3 {
		t.Errorf("Params = %d, want 3", r.Params)
	}
}

func TestTrackingInMarkup(t *testing.T) {
	in := `<a href="https://example.org/p?utm_source=n&amp;id=1">x</a><img src="https://img.example/a.jpg?fbclid=1"><a href="https://youtube.com/watch?v=1&amp;si=abc">y</a>`
	want := `<a href="https://example.org/p?id=1" rel="noopener noreferrer">x</a><img src="https://img.example/a.jpg" loading="lazy" referrerpolicy="no-referrer"/><a href="https://youtube.com/watch?v=1" rel="noopener noreferrer">y</a>`
	if got := run(t, in, Options{}); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestFixedPoint checks the promise of the package comment: the output
// parses and serialises back to itself.
func TestFixedPoint(t *testing.T) {
	inputs := []string{
		`<p>a<p>b`,
		`<table><td>x</td></table>`,
		`<a href="https://example.org/"><p>block in link</p></a>`,
		`<b><i>mis</b>nested</i>`,
		`<ul><li>a<li>b</ul>`,
		`<math><mi>x</mi><mtext><table><td>y</td></table></mtext></math>`,
		`<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>`,
		`<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;img src=1 onerror=alert(1)&gt;">`,
		`<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>`,
		`<mi>x</mi><mglyph>y</mglyph><p><mtext>z</mtext></p>`,
		`<pre>
leading newline</pre>`,
	}
	for _, in := range inputs {
		out := run(t, in, Options{})
		_, again, err := reparse(out)
		if err != nil {
			t.Fatal(err)
		}
		if again != out {
			t.Errorf("input %q: output is not a fixed point:\n out   %s\n again %s", in, out, again)
		}
	}
}
