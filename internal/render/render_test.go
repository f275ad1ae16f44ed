package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// parse builds the tree the renderers get: a <div> holding the fragment.
func parse(t testing.TB, s string) *html.Node {
	t.Helper()
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	for _, n := range nodes {
		ctx.AppendChild(n)
	}
	return ctx
}

func TestText(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", ``, ``},
		{"paragraphs", `<p>One  two</p><p>three</p>`, "One two\n\nthree"},
		{"no glue between blocks", `<div>alpha</div><div>beta</div><h2>gamma</h2>delta`, "alpha\n\nbeta\n\ngamma\n\ndelta"},
		{"inline folds", "<p>a <b>bold</b>\n\tand <i>it</i>al</p>", "a bold and ital"},
		{"br", `<p>line one<br>line two</p>`, "line one\nline two"},
		{"list items by line", `<ul><li>a</li><li>b</li></ul><p>after</p>`, "a\nb\n\nafter"},
		{"table rows and cells", `<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`, "a b\nc d"},
		{"pre kept", "<p>x</p><pre>  indented\n\n    more</pre><p>y</p>", "x\n\n  indented\n\n    more\n\ny"},
		{"pre with br", `<pre>a<br>b</pre>`, "a\nb"},
		{"nbsp folds", "<p>a&nbsp;&nbsp; b</p>", "a b"},
		{"no edge blank lines", `<div><p></p><p>x</p><p> </p></div>`, "x"},
		{"hr separates", `a<hr>b`, "a\n\nb"},
		{"figure and caption", `<figure><img src="x.png" alt="alt"><figcaption>Cap</figcaption></figure>`, "Cap"},
		{"dt dd", `<dl><dt>term</dt><dd>def</dd></dl>`, "term\n\ndef"},
		{"blockquote", `<p>a</p><blockquote><p>q</p></blockquote>`, "a\n\nq"},
		{"script skipped", `<p>a<script>x()</script></p>`, "a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Text(parse(t, tt.in)); got != tt.want {
				t.Errorf("Text(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestMarkdown(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", ``, ``},
		{"paragraphs", `<p>One  two</p><p>three</p>`, "One two\n\nthree"},
		{"headings", `<h1>Title</h1><h2>Sub</h2><h3>Third <em>x</em></h3><p>t</p>`, "## Title\n\n## Sub\n\n### Third x\n\nt"},
		{"heading plain text", `<h2>1. <a href="https://e.com/">Item</a> <code>x_y</code><a href="#s">¶</a></h2>`, "## 1\\. Item x\\_y"},
		{"heading br flattened", `<h2>a<br>b</h2>`, "## a b"},
		{"callout with title", `<p>a</p><blockquote title="info"><p><strong>Heads up</strong></p><p>Body.</p><p>More.</p></blockquote><p>b</p>`, "a\n\n> [!info] Heads up\n> Body.\n>\n> More.\n\nb"},
		{"callout without title", `<blockquote title="warning"><p>Careful.</p></blockquote>`, "> [!warning] Warning\n> Careful."},
		{"callout title only", `<blockquote title="tip"><p><strong>Tip</strong></p></blockquote><h3>Next</h3>`, "> [!tip] Tip\n\n### Next"},
		{"notes after a rule lose the rule", `<p>a<sup><a href="#n1" id="r1">1</a></sup></p><hr><p id="n1"><sup>1</sup> note</p>`, "a[^1]\n\n[^1]: note"},
		{"notes list keeps its heading", `<p>a<a href="#n1">[1]</a></p><h4>Notes</h4><ol><li id="n1">note</li></ol>`, "a[^1]\n\n#### Notes\n\n[^1]: note"},
		{"back-link is no marker", `<p>text<sup><a href="#n1" id="r1">1</a></sup> more</p><div><div><sup id="n1"><a href="#r1">1</a></sup><p>the note</p></div></div>`, "text[^1] more\n\n[^1]: the note"},
		{"quote with another title", `<blockquote title="Seneca"><p>Q</p></blockquote>`, "> Q"},
		{"empty heading dropped", `<h2> </h2><p>x</p>`, "x"},
		{"emphasis", `<p>a <em>b</em> <strong>c</strong> <b><i>d</i></b></p>`, "a *b* **c** ***d***"},
		{"emphasis spaces outside", `<p>a<em> b </em>c</p>`, "a *b* c"},
		{"empty emphasis", `<p>a<em> </em>b<strong></strong></p>`, "a b"},
		{"nested same emphasis", `<p><b>x <strong>y</strong></b></p>`, "**x y**"},
		{"strikethrough", `<p><del>old</del> <s>gone</s></p>`, "~~old~~ ~~gone~~"},
		{"sub sup html", `<p>H<sub>2</sub>O x<sup>2</sup></p>`, "H<sub>2</sub>O x<sup>2</sup>"},
		{"link", `<p><a href="https://e.com/a">text</a></p>`, "[text](https://e.com/a)"},
		{"link title", `<p><a href="https://e.com/" title="A &quot;t&quot;">x</a></p>`, `[x](https://e.com/ "A \"t\"")`},
		{"link parens", `<p><a href="https://e.com/A_(b)">x</a></p>`, `[x](https://e.com/A_\(b\))`},
		{"empty link dropped", `<p>a<a href="https://e.com/"></a> b</p>`, "a b"},
		{"autolink", `<p>Mail <a href="mailto:me@e.com">me@e.com</a> or <a href="https://e.com/">https://e.com/</a></p>`, "Mail <me@e.com> or <https://e.com/>"},
		{"image", `<p><img src="https://e.com/i.png" alt="An [x]"></p>`, `![An \[x\]](https://e.com/i.png)`},
		{"image title", `<img src="https://e.com/i.png" alt="" title="T">`, `![](https://e.com/i.png "T")`},
		{"image without src", `<p>a<img alt="x">b</p>`, "ab"},
		{"linked image", `<a href="https://e.com/"><img src="https://e.com/i.png" alt="i"></a>`, "[![i](https://e.com/i.png)](https://e.com/)"},
		{"figure", `<figure><img src="https://e.com/i.png" alt="d"><figcaption>A <em>caption</em></figcaption></figure><p>next</p>`, "![d](https://e.com/i.png)\n\nA *caption*\n\nnext"},
		{"bullet list", `<ul><li>a</li><li>b <em>c</em></li></ul>`, "- a\n- b *c*"},
		{"ordered list start", `<ol start="3"><li>a</li><li>b</li></ol>`, "3. a\n4. b"},
		{"ordered list value", `<ol><li>a</li><li value="7">b</li><li>c</li></ol>`, "1. a\n7. b\n8. c"},
		{"reversed list", `<ol reversed><li>a</li><li>b</li></ol>`, "2. a\n1. b"},
		{"nested list", `<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li><li>d</li></ul>`, "- a\n\t- b\n\t\t1. c\n- d"},
		{"list item paragraphs", `<ul><li><p>a</p><p>b</p></li><li><p>c</p></li></ul>`, "- a\n\n\tb\n- c"},
		{"list around paragraphs", `<p>x</p><ul><li>a</li></ul><p>y</p>`, "x\n\n- a\n\ny"},
		{"empty item keeps marker", `<ol><li>a</li><li></li><li>c</li></ol>`, "1. a\n2.\n3. c"},
		{"blockquote", `<blockquote><p>a</p><p>b</p></blockquote>`, "> a\n>\n> b"},
		{"nested blockquote", `<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote>`, "> a\n>\n> > b"},
		{"quote in list", `<ul><li><blockquote>q</blockquote></li></ul>`, "- > q"},
		{"pre fenced", "<pre><code class=\"language-go\">func f() {\n\treturn\n}\n</code></pre>", "```go\nfunc f() {\n\treturn\n}\n```"},
		{"pre lang prefix", "<pre class=\"lang-py\"><code>x = 1</code></pre>", "```py\nx = 1\n```"},
		{"pre no lang", "<pre>plain\n  text</pre>", "```\nplain\n  text\n```"},
		{"pre with backticks", "<pre><code>a ``` b</code></pre>", "````\na ``` b\n````"},
		{"pre br lines", "<pre><code>a<br>b</code></pre>", "```\na\nb\n```"},
		{"pre in list", "<ul><li>x<pre>a\n\nb</pre></li></ul>", "- x\n\n\t```\n\ta\n\n\tb\n\t```"},
		{"pre in quote", "<blockquote><pre>a\n\nb</pre></blockquote>", "> ```\n> a\n>\n> b\n> ```"},
		{"line number gutter dropped", "<pre>1\n2\n3</pre><pre>code</pre>", "```\ncode\n```"},
		{"code wrapping pre", "<code><pre><code class=\"language-ts\">let a</code></pre></code>", "```ts\nlet a\n```"},
		{"multi-line code alone", "<div><code>a\n  b</code></div>", "```\na\n  b\n```"},
		{"inline code", "<p>Use <code>x_y*</code> now</p>", "Use `x_y*` now"},
		{"inline code backticks", "<p><code>a`b</code> <code>`x</code></p>", "``a`b`` `` `x ``"},
		{"inline code keeps links out", `<p><code><a href="https://e.com/">List</a> Nat</code></p>`, "`List Nat`"},
		{"hr", `<p>a</p><hr><p>b</p>`, "a\n\n---\n\nb"},
		{"br", `<p>a<br>b</p>`, "a  \nb"},
		{"double br is a paragraph", `<p>a<br><br>b</p>`, "a\n\nb"},
		{"trailing br dropped", `<p>a<br></p><p>b</p>`, "a\n\nb"},
		{"br in quote", `<blockquote>a<br>b</blockquote>`, "> a  \n> b"},
		{"escapes", `<p>a*b_c [d] \ e ` + "`" + `f</p>`, "a\\*b\\_c \\[d\\] \\\\ e \\`f"},
		{"autolink-like text", `<p>Reach &lt;me@e.com&gt;.</p>`, "Reach <me@e.com>."},
		{"tag-like text", `<p>Monte&lt;video&gt; and 1 &lt; 2</p>`, `Monte\<video> and 1 < 2`},
		{"line start escapes", `<p>- not a list</p><p>1. not ordered</p><p># not heading</p><p>&gt; no quote</p><p>+ no</p><p>===</p>`,
			"\\- not a list\n\n1\\. not ordered\n\n\\# not heading\n\n\\> no quote\n\n\\+ no\n\n\\===",
		},
		{"heading text escaped", `<h2>1. Start</h2>`, "## 1\\. Start"},
		{"mid-line not escaped", `<p>a - b 1. c # d</p>`, "a - b 1. c # d"},
		{"table", `<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td><td><b>2</b></td></tr></tbody></table>`,
			"| A | B |\n| --- | --- |\n| 1 | **2** |"},
		{"table without thead", `<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`,
			"| a | b |\n| --- | --- |\n| c | d |"},
		{"table pipes and breaks", `<table><tr><th>a|b</th><th>c<br>d</th></tr><tr><td></td><td>x</td></tr></table>`,
			"| a\\|b | c d |\n| --- | --- |\n|  | x |"},
		{"table align and colspan", `<table><tr><th align="right">a</th><th align="center">b</th><th>c</th></tr><tr><td colspan="2">wide</td><td>z</td></tr></table>`,
			"| a | b | c |\n| ---: | :---: | --- |\n| wide |  | z |"},
		{"table ragged rows", `<table><tr><th>a</th><th>b</th></tr><tr><td>1</td></tr></table>`,
			"| a | b |\n| --- | --- |\n| 1 |  |"},
		{"table caption", `<table><caption>Cap</caption><tr><th>a</th><th>b</th></tr></table>`, "Cap\n\n| a | b |\n| --- | --- |"},
		{"empty table", `<p>x</p><table><tr><td> </td><td></td></tr></table><p>y</p>`, "x\n\ny"},
		{"layout table single column", `<table><tr><td><h2>Hi</h2></td></tr><tr><td><p>Body</p></td></tr></table>`, "## Hi\n\nBody"},
		{"layout table with nested table", `<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td><td>side</td></tr></table>`,
			"| a | b |\n| --- | --- |\n\nside"},
		{"table in list", `<ul><li>x<table><tr><th>a</th><th>b</th></tr></table></li></ul>`, "- x\n\n\t| a | b |\n\t| --- | --- |"},
		{"footnotes", `<p>Text<sup id="r1"><a href="#n1">1</a></sup> more<sup><a href="#n2">[2]</a></sup>.</p>` +
			`<ol><li id="n1">First <a href="#r1">↩</a></li><li id="n2"><p>Second with <a href="https://e.com/">link</a>.</p></li></ol>`,
			"Text[^1] more[^2].\n\n[^1]: First\n\n[^2]: Second with [link](https://e.com/)."},
		{"footnote unreferenced sibling", `<p>a<sup><a href="#b">2</a></sup></p><ol><li id="a">one</li><li id="b">two</li></ol>`,
			"a[^2]\n\n[^1]: one\n\n[^2]: two"},
		{"footnote anchor holding sup", `<p>a<a href="#fn"><sup>1</sup></a></p><p id="fn">The note.</p>`, "a[^1]\n\n[^1]: The note."},
		{"footnote multi paragraph", `<p>a<sup><a href="#n">1</a></sup></p><ol><li id="n"><p>p1</p><p>p2</p></li></ol>`,
			"a[^1]\n\n[^1]: p1\n\n    p2"},
		{"numbered notes without links", `<p>One<sup>1</sup> two<sup>2</sup></p><hr><ol><li>first</li><li>second</li></ol>`,
			"One[^1] two[^2]\n\n---\n\n[^1]: first\n\n[^2]: second"},
		{"numbered notes as paragraphs", `<p>A<sup>1</sup></p><p><sup>1</sup> The note.</p>`, "A[^1]\n\n[^1]: The note."},
		{"bracket markers with lost targets", `<p>x <a href="#r1">[1]</a> y <a href="#r2">[2]</a></p><ol><li>one</li><li>two</li></ol>`,
			"x [^1] y [^2]\n\n[^1]: one\n\n[^2]: two"},
		{"exponent is not a note", `<p>x<sup>2</sup> grows</p><ol><li>a</li><li>b</li></ol>`, "x<sup>2</sup> grows\n\n1. a\n2. b"},
		{"anchor to heading is a link", `<p><a href="#sec">1</a></p><h2 id="sec">S</h2>`, "[1](#sec)\n\n## S"},
		{"ordinary in-page link", `<p><a href="#n">see the notes</a></p><ol><li id="n">x</li></ol>`, "[see the notes](#n)\n\n1. x"},
		{"math annotation inline", `<p>So <math><semantics><mi>x</mi><annotation encoding="application/x-tex">x^2</annotation></semantics></math> holds</p>`,
			"So $x^2$ holds"},
		{"math block", `<math display="block" alttext="a \neq 0"><mi>a</mi></math>`, "$$\na \\neq 0\n$$"},
		{"math without tex", `<p><math><mi>y</mi></math></p>`, "y"},
		{"dl", `<dl><dt>T</dt><dd>D</dd></dl>`, "T\n\nD"},
		{"nbsp folds", "<p>a&nbsp;&nbsp;b</p>", "a b"},
		{"whitespace newlines fold", "<p>a\n\n\nb</p>\n\n\n<p>c</p>", "a b\n\nc"},
		{"details", `<details><summary>More</summary><p>Hidden</p></details>`, "More\n\nHidden"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Markdown(parse(t, tt.in)); got != tt.want {
				t.Errorf("Markdown(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

// TestMarkdownFixture renders the fixture article and checks properties
// the output must always have.
func TestMarkdownFixture(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		t.Fatal(err)
	}
	root := parse(t, string(raw))
	md := Markdown(root)
	for _, want := range []string{"## Field notes", "- first", "\t- nested", "```sh", "| Name | Value |", "[^1]: A note.", "> quoted"} {
		if !strings.Contains(md, want) {
			t.Errorf("fixture Markdown lacks %q:\n%s", want, md)
		}
	}
	checkClean(t, md)
	txt := Text(root)
	if strings.Contains(txt, "notesFirst") || !strings.Contains(txt, "Field notes\n\n") {
		t.Errorf("fixture text glues blocks:\n%s", txt)
	}
}

// checkClean asserts the layout rules every Markdown output keeps.
func checkClean(t *testing.T, md string) {
	t.Helper()
	if strings.Contains(md, "\n\n\n") {
		t.Errorf("three line breaks in a row:\n%q", md)
	}
	if md != strings.TrimSpace(md) {
		t.Errorf("untrimmed output: %q", md)
	}
	for _, l := range strings.Split(md, "\n") {
		if strings.HasSuffix(l, " ") && !strings.HasSuffix(l, "  ") || strings.HasSuffix(l, "\t") {
			t.Errorf("trailing white space on %q", l)
		}
	}
}

// TestDeep checks that hostile depth neither panics nor exhausts the
// stack, for every kind of nesting the renderers track.
func TestDeep(t *testing.T) {
	const depth = 10000
	for _, tag := range []string{"div", "blockquote", "ul", "em", "a", "table", "sup", "code", "li", "h2"} {
		t.Run(tag, func(t *testing.T) {
			root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
			n := root
			for i := 0; i < depth; i++ {
				outer, inner := deepNode(tag)
				n.AppendChild(outer)
				n = inner
			}
			n.AppendChild(&html.Node{Type: html.TextNode, Data: "deep text"})
			md := Markdown(root)
			if !strings.Contains(md, "deep") {
				t.Errorf("%s: text lost", tag)
			}
			if len(md) > 2_000_000 {
				t.Errorf("%s: output grew to %d bytes", tag, len(md))
			}
			if !strings.Contains(Text(root), "deep text") {
				t.Errorf("%s: text lost in Text", tag)
			}
		})
	}
}

// deepNode makes one level of a deep tree and returns the node the next
// level goes in; tables nest through their rows and cells, as a parser
// would build them.
func deepNode(tag string) (outer, inner *html.Node) {
	el := func(a atom.Atom, attrs ...html.Attribute) *html.Node {
		return &html.Node{Type: html.ElementNode, Data: a.String(), DataAtom: a, Attr: attrs}
	}
	switch tag {
	case "table":
		t, tr, td1, td2 := el(atom.Table), el(atom.Tr), el(atom.Td), el(atom.Td)
		t.AppendChild(tr)
		tr.AppendChild(td1)
		tr.AppendChild(td2)
		td2.AppendChild(&html.Node{Type: html.TextNode, Data: "x"})
		return t, td1
	case "a":
		a := el(atom.A, html.Attribute{Key: "href", Val: "https://e.com/"})
		return a, a
	}
	a := el(atom.Lookup([]byte(tag)))
	return a, a
}

func TestNoPanicOnOddTrees(t *testing.T) {
	inputs := []string{
		`<li>orphan item</li>`,
		`<td>orphan cell</td>`,
		`<table></table><table><tr></tr></table>`,
		`<ol start="-5"><li>x</li></ol><ol start="99999999999"><li>y</li></ol>`,
		`<a href="#x"><sup>1</sup></a><a href="#x">2</a><div id="x"><a href="#x">3</a></div>`,
		`<sup><a href="#q">1</a></sup><ol><li id="q"><sup><a href="#q">1</a></sup></li></ol>`,
		`<math display="block"><annotation encoding="TeX"></annotation></math>`,
		`<pre></pre><code></code><h1></h1><blockquote></blockquote><ul><li></li></ul>`,
		"<p>\u00a0</p><p>\x00</p>",
		`<img src=""><a href="">x</a><a href="   ">y</a>`,
	}
	for _, in := range inputs {
		root := parse(t, in)
		md := Markdown(root)
		checkClean(t, md)
		_ = Text(root)
	}
	if Markdown(nil) != "" || Text(nil) != "" {
		t.Error("nil root must give empty output")
	}
}

func BenchmarkMarkdown(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	if err != nil {
		b.Fatal(err)
	}
	big := strings.Repeat(string(raw), 50)
	root := parse(b, big)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Markdown(root)
		Text(root)
	}
}
