package dom

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// body parses s as a document and returns its <body>.
func body(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	b := Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if b == nil {
		t.Fatal("no body")
	}
	return b
}

func render(t *testing.T, n *html.Node) string {
	t.Helper()
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

func TestClone(t *testing.T) {
	const src = `<div id="a" class="x"><p>one <b>two</b></p><!--c--><ul><li>3</li><li>4<i>5</i></li></ul>tail</div><p>after</p>`
	b := body(t, src)
	div := b.FirstChild
	want := func() string {
		var s strings.Builder
		html.Render(&s, div)
		return s.String()
	}()

	cp := Clone(div)
	if cp.Parent != nil || cp.PrevSibling != nil || cp.NextSibling != nil {
		t.Error("clone is attached to a tree")
	}
	var got strings.Builder
	html.Render(&got, cp)
	if got.String() != want {
		t.Fatalf("clone renders\n%s\nwant\n%s", got.String(), want)
	}

	// Deep: changing the clone leaves the original alone.
	SetAttr(cp, "id", "changed")
	Find(cp, func(n *html.Node) bool { return n.DataAtom == atom.B }).FirstChild.Data = "CHANGED"
	Detach(Find(cp, func(n *html.Node) bool { return n.DataAtom == atom.Ul }))
	var after strings.Builder
	html.Render(&after, div)
	if after.String() != want {
		t.Errorf("original changed with its clone:\n%s", after.String())
	}
	if Attr(div, "id") != "a" {
		t.Error("attributes are shared between clone and original")
	}

	// Adding an attribute to one cloned element leaves its neighbour's
	// alone, though their attributes were allocated together.
	pair := Clone(body(t, `<p class="a"></p><p class="b" id="c"></p>`))
	first := pair.FirstChild
	SetAttr(first, "title", "added")
	if got := Attr(first.NextSibling, "class"); got != "b" || Attr(first.NextSibling, "id") != "c" {
		t.Errorf("appending to one clone's attributes changed the next: class=%q", got)
	}

	// A leaf and a deep chain.
	leaf := Clone(&html.Node{Type: html.TextNode, Data: "x"})
	if leaf.Data != "x" || leaf.FirstChild != nil {
		t.Errorf("clone of a text node: %+v", leaf)
	}
	deep := body(t, strings.Repeat("<div>", 400)+"core"+strings.Repeat("</div>", 400))
	if Text(Clone(deep)) != "core" {
		t.Error("clone of a deep chain lost its text")
	}
}

func TestNextWalksDocumentOrder(t *testing.T) {
	b := body(t, `<div><p>a</p><p>b<i>c</i></p></div><span>d</span>`)
	var tags []string
	for n := b.FirstChild; n != nil; n = Next(n, b, false) {
		if n.Type == html.ElementNode {
			tags = append(tags, n.Data)
		}
	}
	if want := []string{"div", "p", "p", "i", "span"}; !slices.Equal(tags, want) {
		t.Errorf("order %v, want %v", tags, want)
	}
	// skipChildren jumps over the div.
	if n := Next(b.FirstChild, b, true); n == nil || n.Data != "span" {
		t.Errorf("Next(div, skip) = %v, want span", n)
	}
	// The walk stays inside root.
	div := b.FirstChild
	var last *html.Node
	for n := div.FirstChild; n != nil; n = Next(n, div, false) {
		last = n
	}
	if last == nil || last.Data != "c" {
		t.Errorf("walk inside div ended at %v, want the text c", last)
	}
}

func TestElementsDetachDuringWalk(t *testing.T) {
	b := body(t, `<div class="drop"><p>gone</p></div><p>keep1</p><div><span class="drop">x</span><p>keep2</p></div><aside class="drop">y</aside><p>keep3</p>`)
	var visited []string
	Elements(b, func(n *html.Node) bool {
		visited = append(visited, n.Data+"."+Attr(n, "class"))
		if Attr(n, "class") == "drop" {
			Detach(n)
			return false
		}
		return true
	})
	if got, want := render(t, b), `<p>keep1</p><div><p>keep2</p></div><p>keep3</p>`; got != want {
		t.Errorf("after walk:\n%s\nwant\n%s", got, want)
	}
	want := []string{"div.drop", "p.", "div.", "span.drop", "p.", "aside.drop", "p."}
	if !slices.Equal(visited, want) {
		t.Errorf("visited %v, want %v", visited, want)
	}
}

func TestElementsSkipChildren(t *testing.T) {
	b := body(t, `<section><p>in</p></section><p>out</p>`)
	var visited []string
	Elements(b, func(n *html.Node) bool {
		visited = append(visited, n.Data)
		return n.DataAtom != atom.Section
	})
	if want := []string{"section", "p"}; !slices.Equal(visited, want) {
		t.Errorf("visited %v, want %v", visited, want)
	}
}

func TestElementsUnwrapDuringWalk(t *testing.T) {
	b := body(t, `<span class="w"><b>x</b></span><i>y</i>`)
	var visited []string
	Elements(b, func(n *html.Node) bool {
		visited = append(visited, n.Data)
		if n.DataAtom == atom.Span {
			Unwrap(n)
			return false
		}
		return true
	})
	if got := render(t, b); got != `<b>x</b><i>y</i>` {
		t.Errorf("after unwrap: %s", got)
	}
	if !slices.Contains(visited, "i") {
		t.Errorf("walk stopped after unwrap: visited %v", visited)
	}
}

// TestElementsDeepTree checks that the walkers need no stack for depth. The
// depth is moderate because Elements climbs the ancestors of each node to
// find where to continue, so its time grows with depth × size; the parse
// stage bounds the depth of real documents.
func TestElementsDeepTree(t *testing.T) {
	n := 10000
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	p := root
	for i := 0; i < n; i++ {
		c := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		p.AppendChild(c)
		p = c
	}
	p.AppendChild(&html.Node{Type: html.TextNode, Data: "deep"})
	count := 0
	Elements(root, func(*html.Node) bool { count++; return true })
	if count != n {
		t.Errorf("visited %d elements, want %d", count, n)
	}
	if TextLen(root) != 4 || Text(root) != "deep" {
		t.Errorf("TextLen = %d, Text = %q", TextLen(root), Text(root))
	}
}

func TestTextAndTextLen(t *testing.T) {
	tests := []struct {
		in      string
		text    string
		textLen int
	}{
		{`<p>  Hello,   <b>world</b>!  </p>`, "Hello, world!", 12},
		{`<p>中文 新闻</p>`, "中文 新闻", 4},
		{"<p>a\u00a0\u00a0b</p>", "a b", 2},
		{`<div>x<script>var a = 1;</script><style>p{}</style>y</div>`, "xy", 2},
		{`<div></div>`, "", 0},
	}
	for _, tc := range tests {
		b := body(t, tc.in)
		if got := Text(b); got != tc.text {
			t.Errorf("Text(%s) = %q, want %q", tc.in, got, tc.text)
		}
		// TextLen counts the non-space characters a reader sees.
		if got := TextLen(b); got != tc.textLen {
			t.Errorf("TextLen(%s) = %d, want %d", tc.in, got, tc.textLen)
		}
	}
}

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"a", "a"},
		{"  a  b  ", "a b"},
		{"a\n\t\r\fb", "a b"},
		{"a\u00a0b", "a b"},
		{"a\u3000b", "a b"}, // ideographic space
		{"中文\n\n新闻", "中文 新闻"},
		{"already folded", "already folded"},
		{"bad \xff byte", "bad \ufffd byte"},
		{"a  b", "a b"},
		{" a", "a"},
		{"a ", "a"},
	}
	for _, tc := range tests {
		if got := Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// Folded text, the common case, comes back without a copy.
	if n := testing.AllocsPerRun(10, func() { _ = Fold("Folded text, already one line.") }); n != 0 {
		t.Errorf("Fold of folded text allocates %v times", n)
	}
}

func TestTextOfOneTextNode(t *testing.T) {
	doc, err := html.Parse(strings.NewReader("<p>  One   run\n of text </p><script>x</script><div>a<b>b</b></div>"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		tag  atom.Atom
		want string
	}{{atom.P, "One run of text"}, {atom.Script, "x"}, {atom.Div, "ab"}} {
		if got := Text(Find(doc, func(n *html.Node) bool { return n.DataAtom == tc.tag })); got != tc.want {
			t.Errorf("Text(<%s>) = %q, want %q", tc.tag, got, tc.want)
		}
	}
}

func TestUTF16Len(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"é", 1},
		{"中文", 2},
		{"😀", 2},
		{"a😀b", 4},
		{"\xff", 1}, // an invalid byte is one U+FFFD
	}
	for _, tc := range tests {
		if got := UTF16Len(tc.in); got != tc.want {
			t.Errorf("UTF16Len(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestMatcherMatchesParts(t *testing.T) {
	m := NewMatcher(Set("unused"), Set("ad"))
	tests := []struct {
		class, id string
		match     bool
	}{
		{"ad-slot", "", true},
		{"", "topAd", true},
		{"side_ad_box", "", true},
		{"AD", "", true},
		{"card ad", "", true},
		{"header", "", false},
		{"shadow", "", false},
		{"gradient", "", false},
		{"read-more", "", false},
		{"", "loadMore", false},
		{"adhesive", "", false},
	}
	for _, tc := range tests {
		n := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		if tc.class != "" {
			n.Attr = append(n.Attr, html.Attribute{Key: "class", Val: tc.class})
		}
		if tc.id != "" {
			n.Attr = append(n.Attr, html.Attribute{Key: "id", Val: tc.id})
		}
		n.Attr = append(n.Attr, html.Attribute{Key: "title", Val: "ad"})
		if got := m.MatchNode(n) == 2; got != tc.match {
			t.Errorf("class=%q id=%q: match %v, want %v", tc.class, tc.id, got, tc.match)
		}
	}
}

func TestAppendWordsParts(t *testing.T) {
	got := AppendWords(AppendWords(nil, "post-Body  sideBar"), "main_col")
	want := []string{"post-body", "post", "body", "sidebar", "side", "bar", "main_col", "main", "col"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("AppendWords = %q, want %q", got, want)
	}
	if w := AppendWords(nil, " \t\n"); len(w) != 0 {
		t.Errorf("white space only: %q", w)
	}
}

func TestAttrHelpers(t *testing.T) {
	n := &html.Node{Type: html.ElementNode, Data: "img", DataAtom: atom.Img, Attr: []html.Attribute{
		{Key: "src", Val: "a"}, {Namespace: "xlink", Key: "href", Val: "ns"},
	}}
	if Attr(n, "href") != "" || HasAttr(n, "href") {
		t.Error("namespaced attribute read as a plain one")
	}
	SetAttr(n, "src", "b")
	SetAttr(n, "alt", "c")
	if Attr(n, "src") != "b" || Attr(n, "alt") != "c" || len(n.Attr) != 3 {
		t.Errorf("after SetAttr: %v", n.Attr)
	}
	if !DelAttr(n, "src") || DelAttr(n, "src") || HasAttr(n, "src") {
		t.Errorf("DelAttr: %v", n.Attr)
	}
	if !IsElement(n, atom.P, atom.Img) || IsElement(n, atom.P) || IsElement(nil, atom.Img) {
		t.Error("IsElement")
	}
}

func TestSplitSrcset(t *testing.T) {
	tests := []struct {
		in   string
		want []Candidate
	}{
		{"", nil},
		{"a.jpg", []Candidate{{"a.jpg", ""}}},
		{"a.jpg 1x, b.jpg 2x", []Candidate{{"a.jpg", "1x"}, {"b.jpg", "2x"}}},
		{" a.jpg 320w ,b.jpg 640w ", []Candidate{{"a.jpg", "320w"}, {"b.jpg", "640w"}}},
		// CDN addresses with commas survive.
		{"https://cdn.example/w_320,h_200/a.jpg 320w, https://cdn.example/w_640,h_400/a.jpg 640w",
			[]Candidate{{"https://cdn.example/w_320,h_200/a.jpg", "320w"}, {"https://cdn.example/w_640,h_400/a.jpg", "640w"}}},
		// A URL ends only at white space, so a comma between two URLs
		// without a space belongs to the URL (the HTML standard's rule).
		{"a.jpg,b.jpg 2x", []Candidate{{"a.jpg,b.jpg", "2x"}}},
		{"a.jpg, b.jpg 2x", []Candidate{{"a.jpg", ""}, {"b.jpg", "2x"}}},
	}
	for _, tc := range tests {
		if got := SplitSrcset(tc.in); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("SplitSrcset(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMatcherBits(t *testing.T) {
	m := NewMatcher(Set("cookie", "consent"), Set("ad", "banner"), Set("newsletter"), Set(strings.Repeat("b", 70)))
	tests := []struct {
		s    string
		want uint32
	}{
		{"", 0},
		{"article body", 0},
		{"cookie-banner", 1 | 2},
		{"CookieConsent", 1},
		{"NEWSLETTER signup", 4},
		{"sideAd newsletter-box", 2 | 4},
		{"ÄD ad", 2},
		{"shadow header", 0},
		{strings.Repeat("x", 100) + "-ad", 2},
		{strings.Repeat("X", 100) + " Ad", 2},
		{"ab ac Ae", 0}, // first letter and length of "ad", other words
		{"Cookie-BANNER", 1 | 2},
		{strings.Repeat("a", 70), 0},
		{strings.Repeat("B", 70), 8}, // past the lengths the prefilter tells apart
	}
	for _, tc := range tests {
		if got := m.Match(tc.s); got != tc.want {
			t.Errorf("Match(%q) = %b, want %b", tc.s, got, tc.want)
		}
	}
}

func TestHeadingRank(t *testing.T) {
	for _, tc := range []struct {
		n    *html.Node
		want int
	}{
		{&html.Node{Type: html.ElementNode, Data: "h1", DataAtom: atom.H1}, 1},
		{&html.Node{Type: html.ElementNode, Data: "h6", DataAtom: atom.H6}, 6},
		{&html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}, 0},
		{&html.Node{Type: html.TextNode, Data: "h1"}, 0},
		{nil, 0},
	} {
		if got := HeadingRank(tc.n); got != tc.want {
			t.Errorf("HeadingRank(%v) = %d, want %d", tc.n, got, tc.want)
		}
	}
}

// TestTextFoldsLikeFold checks Text's one-copy folding against Fold over
// the gathered raw text, across the cases Fold treats specially.
func TestTextFoldsLikeFold(t *testing.T) {
	for _, parts := range [][]string{
		{"", ""}, {" ", " "}, {"a", "b"}, {"a ", " b"}, {"a", " "}, {" a", "b "},
		{"x\u00a0", "y"}, {"a\n\n", "\tb"}, {"a  b", "c"}, {"\xff", "z"}, {"é", "\u2003ü"},
		{strings.Repeat("long text ", 40), strings.Repeat(" more  ", 30)},
	} {
		div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		span := &html.Node{Type: html.ElementNode, Data: "span", DataAtom: atom.Span}
		div.AppendChild(&html.Node{Type: html.TextNode, Data: parts[0]})
		div.AppendChild(span)
		span.AppendChild(&html.Node{Type: html.TextNode, Data: parts[1]})
		if got, want := Text(div), Fold(parts[0]+parts[1]); got != want {
			t.Errorf("Text(%q) = %q, want %q", parts, got, want)
		}
	}
}
