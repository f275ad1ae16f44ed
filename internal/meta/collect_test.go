package meta

import (
	"strings"
	"testing"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
)

// TestClassLists checks the one-pass class matcher against the plain
// substring test it replaces, on every list.
func TestClassLists(t *testing.T) {
	lists := map[int][]string{listHeadline: headlineClasses, listByline: bylineClasses, listNotByline: notBylineClasses, listDate: dateClasses}
	for _, class := range []string{
		"", "x", "entry-title", "Post-Meta", "c-byline__author", "comment-author vcard", "author-bio",
		"PublishDate", "timestamp", "nav menu", "article__title headline", "ab", "autho", "more-from-author",
		"wp-block-post-date has-small-font-size", "ÄUTHOR", "dateline",
	} {
		want := 0
		for bit, words := range lists {
			if containsAny(strings.ToLower(class), words) {
				want |= bit
			}
		}
		if got := classLists(class); got != want {
			t.Errorf("classLists(%q) = %04b, want %04b", class, got, want)
		}
	}
}

// TestNonSpaceOver checks the bounded length test against the text it
// stands for.
func TestNonSpaceOver(t *testing.T) {
	for _, tc := range []struct {
		html  string
		limit int
		noSVG bool
		want  bool
	}{
		{`<div>a b c</div>`, 3, false, false},
		{`<div>a b c d</div>`, 3, false, true},
		{"<div>ab\u00a0\u00a0 <b>c</b></div>", 3, false, false},
		{`<div>ab<script>var x = 1</script><noscript>long long</noscript>c</div>`, 3, false, false},
		{`<div>ab<svg><text>xyz</text></svg></div>`, 3, false, true},
		{`<div>ab<svg><text>xyz</text></svg></div>`, 3, true, false},
		{`<div>長い名前です</div>`, 5, false, true},
	} {
		doc, err := html.Parse(strings.NewReader(tc.html))
		if err != nil {
			t.Fatal(err)
		}
		div := findTag(doc, "div")
		if got := nonSpaceOver(div, tc.limit, tc.noSVG); got != tc.want {
			t.Errorf("nonSpaceOver(%s, %d, %v) = %v, want %v", tc.html, tc.limit, tc.noSVG, got, tc.want)
		}
	}
}

// TestMayHoldBylineLabel checks the indexed stem search against the list.
func TestMayHoldBylineLabel(t *testing.T) {
	for _, s := range []string{"", "plain text", "Author: Jane", "（记者 王明）", "本报讯 记者", "Автор: Иван", "Aut", "Au", "日期 2024", "文"} {
		if got, want := mayHoldBylineLabel(s), containsAny(s, bylineLabelStems); got != want {
			t.Errorf("mayHoldBylineLabel(%q) = %v, want %v", s, got, want)
		}
	}
}

func findTag(n *html.Node, tag string) *html.Node {
	if n.Type == html.ElementNode && n.Data == tag {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findTag(c, tag); f != nil {
			return f
		}
	}
	return nil
}

// TestLabelBeforeName checks a byline label whose name is the next text,
// as in "作者：<a>王明</a>".
func TestLabelBeforeName(t *testing.T) {
	for _, tc := range []struct{ html, want string }{
		{`<p>出版社：某出版社 作者：<a href="/a">王明</a></p>`, "王明"},
		{`<p>Author: <span>Jane Doe</span></p>`, "Jane Doe"},
		{`<p>Author: <span>this text is far too long to be a name</span></p>`, ""},
		{`<p>作者：</p><p>  </p><p>李华</p>`, "李华"},
	} {
		doc, err := html.Parse(strings.NewReader(tc.html))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if tb := collect(doc).textBylines; len(tb) > 0 {
			got = tb[0].name
		}
		if got != tc.want {
			t.Errorf("%s: byline %q, want %q", tc.html, got, tc.want)
		}
	}
}

// TestFold checks fold against dom.Fold, and that text folded already is
// returned without a copy.
func TestFold(t *testing.T) {
	for _, s := range []string{
		"", "a", " a", "a ", "\n\t a b\u00a0 ", " a  b ", "\u3000x\u3000", "a  b", "a b", "a\tb", "a\u00a0b", "a\u2003b", "a\u0085b", "a\xffb", "\xe4\xbd", "日本 語", "x\ny", "  ",
	} {
		if got, want := fold(s), dom.Fold(s); got != want {
			t.Errorf("fold(%q) = %q, want %q", s, got, want)
		}
	}
	const s = "A heading, folded already"
	if n := testing.AllocsPerRun(100, func() { fold(s) }); n != 0 {
		t.Errorf("fold allocates %v times on folded text, want 0", n)
	}
}

// TestClosePunct checks closePunct against the replacer it spares, and
// that a byline without such a space is not copied.
func TestClosePunct(t *testing.T) {
	for _, s := range []string{"", "Jane Doe", "Jane Doe , Editor", "A . B ; C )", "x ,", " ,", "a,b"} {
		if got, want := closePunct(s), spaceBeforePunct.Replace(s); got != want {
			t.Errorf("closePunct(%q) = %q, want %q", s, got, want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { closePunct("By Jane Doe, Editor") }); n != 0 {
		t.Errorf("closePunct allocates %v times, want 0", n)
	}
}

func TestLatinLabelledName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Written by Jane Doe", "Jane Doe"},
		{"By: Jane Doe", "Jane Doe"},
		{"Authors: Jane Doe", "Jane Doe"},
		{"By clicking here you agree", ""},
		{"Bypass the kettle", ""},
		{"by", ""},
		{"by Jane Doe - 2025-09-13", "Jane Doe - 2025-09-13"},
		{"By Jane Doe on March 3, 2025", "Jane Doe on March 3, 2025"},
		{"By Jane Doe and others", ""},
	}
	for _, tc := range tests {
		if got := latinLabelledName(tc.in); got != tc.want {
			t.Errorf("latinLabelledName(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() {
		latinLabelledName("Written by Jane Doe")
		latinLabelledName("By clicking here you agree")
	}); n != 0 {
		t.Errorf("latinLabelledName allocates %v times, want 0", n)
	}
}
