package extract

import (
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Rules left around removed blocks separate nothing and go; a rule between
// two parts of the article stays.
func TestDropStrayRules(t *testing.T) {
	tests := []struct {
		name, in string
		rules    int
	}{
		{"leading", `<hr><p>One.</p><hr><p>Two.</p>`, 1},
		{"trailing", `<p>One.</p><hr><p>Two.</p><div><hr></div>`, 1},
		{"two in a row", `<p>One.</p><hr> <div><hr></div><p>Two.</p>`, 1},
		{"an image counts as content", `<p>One.</p><hr><figure><img src="a.jpg"></figure>`, 1},
		{"only rules", `<hr><hr>`, 0},
		{"between parts", `<p>One.</p><hr><p>Two.</p><hr><p>Three.</p>`, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			nodes, err := html.ParseFragment(strings.NewReader(tc.in), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
			if err != nil {
				t.Fatal(err)
			}
			art := newDiv()
			for _, n := range nodes {
				art.AppendChild(n)
			}
			dropStrayRules(art)
			if got := len(dom.FindAll(art, atom.Hr)); got != tc.rules {
				var b strings.Builder
				html.Render(&b, art)
				t.Errorf("%d rules left, want %d: %s", got, tc.rules, b.String())
			}
		})
	}
}

// In a page laid out by one big table, the comment list beside the article
// is stripped like any other unlikely block; labels inside a data table
// are the table's own.
func TestStripUnlikelyInTables(t *testing.T) {
	para := strings.Repeat("Every sentence of this paragraph adds to the article's own text, and to the comments too. ", 6)
	reply := strings.Repeat("A reader replies at length with a view of their own on the matter. ", 6)
	comments := `<ol class="commentlist"><li id="comment-1"><p>` + reply + `</p></li></ol>`
	tests := []struct {
		name, in string
		gone     string // text that must be removed, or ""
		kept     string // text that must stay
	}{
		{
			name: "comments deep in a layout table",
			in:   `<table><tr><td><img src="a.gif"></td><td><div><p>Article. ` + para + `</p>` + comments + `</div></td></tr></table>`,
			gone: "A reader replies", kept: "Article.",
		},
		{
			name: "comments deep in a cell of a table judged data",
			in: `<table><tr><td>1</td><td>2</td></tr><tr><td>3</td><td>4</td></tr><tr><td>5</td><td><div><p>Article. ` + para + `</p>` +
				comments + `</div></td></tr></table>`,
			gone: "A reader replies", kept: "Article.",
		},
		{
			name: "labels in a data table",
			in: `<table><tr><th>Plan</th><th>Price</th></tr><tr><td><div><div><span class="header">Basic plan</span></div></div></td><td>1</td></tr>` +
				`<tr><td><div><div class="banner">Premium plan</div></div></td><td>2</td></tr></table><p>Article. ` + para + `</p>`,
			kept: "Premium plan",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(`<!DOCTYPE html><html><body>` + tc.in + `</body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			body := dom.Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
			stripUnlikely(body, false)
			text := dom.Text(body)
			if tc.gone != "" && strings.Contains(text, tc.gone) {
				t.Errorf("%q kept: %s", tc.gone, text)
			}
			if !strings.Contains(text, tc.kept) {
				t.Errorf("%q removed: %s", tc.kept, text)
			}
			if tc.name == "labels in a data table" && !strings.Contains(text, "Basic plan") {
				t.Errorf("a label in a data table removed: %s", text)
			}
		})
	}
}

// A manual whose sections share a numbered class ("sect1", as AsciiDoc
// writes them) is one article: the sections are twins, whichever holds
// the most text. Numbered classes that differ name different regions.
func TestNumberedClassTwins(t *testing.T) {
	para := func(s string) string {
		return "<p>" + strings.Repeat(s+" explains one more part of the command and how it behaves, in plain words. ", 4) + "</p>"
	}
	section := func(class, name string, paras int) string {
		var b strings.Builder
		b.WriteString(`<div class="` + class + `"><h2>` + name + `</h2><div class="sectionbody">`)
		if paras > 3 {
			// An option list, as manuals write them.
			b.WriteString(`<div class="dlist"><dl>`)
			for i := range paras {
				b.WriteString(`<dt>--option-` + string(rune('a'+i)) + `</dt><dd>` + para(name) + `</dd>`)
			}
			b.WriteString(`</dl></div>`)
		}
		for range min(paras, 3) {
			b.WriteString(`<div class="paragraph">` + para(name) + `</div>`)
		}
		b.WriteString(`</div></div>`)
		return b.String()
	}
	doc, err := parse.Document(`<html><body><div id="content">` + section("sect1", "DESCRIPTION", 1) +
		section("sect1", "OPTIONS", 14) + section("sect1", "EXAMPLES", 1) + `</div>` +
		`<div class="layer81"><a href="/a">SIDEBAR one</a> <a href="/b">Another page</a> <a href="/c">A third page</a></div></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{}), []string{"DESCRIPTION explains", "OPTIONS explains", "EXAMPLES explains"}, []string{"SIDEBAR"})
}
