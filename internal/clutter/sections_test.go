package clutter

import (
	"strings"
	"testing"
	"unicode"

	"articleclean/internal/dom"
	"articleclean/internal/parse"
	"articleclean/internal/report"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestFurnitureSections(t *testing.T) {
	links := `<ul><li><a href="/a">First other story</a></li><li><a href="/b">Second other story</a></li><li><a href="/c">Third other story</a></li></ul>`
	prose := `<p>` + strings.Repeat("A related finding came from a second laboratory that repeated the trial. ", 6) + `</p>`
	cases := []clutterCase{
		{name: "related rail", snippet: `<p>body</p><h2>Related articles</h2>` + links + `<h2>Next part</h2><p>more body</p>`,
			gone: []string{"Related articles", "Second other story"}, keep: []string{"Next part", "more body"}, kind: report.Element},
		{name: "heading in its own wrapper", snippet: `<p>body</p><div class="head"><h3>You may also like:</h3></div>` + links,
			gone: []string{"You may also like", "First other story"}, keep: []string{"body"}, kind: report.Element},
		{name: "share bar", snippet: `<p>body</p><h4>Share this article</h4><p><a href="/x">X</a> <a href="/f">Facebook</a></p>`,
			gone: []string{"Share this article", "Facebook"}, kind: report.Element},
		{name: "Chinese rail", snippet: `<p>正文</p><h3>相关阅读</h3>` + links,
			gone: []string{"相关阅读", "Third other story"}, keep: []string{"正文"}, kind: report.Element},
		{name: "German tags", snippet: `<p>Text</p><h2>Schlagwörter</h2><p><a href="/t/1">Politik</a>, <a href="/t/2">Wahl</a></p>`,
			gone: []string{"Schlagwörter", "Politik"}, kind: report.Element},
		// Under a furniture name, a section of prose is content.
		{name: "prose under a related heading", snippet: `<h2>Related</h2>` + prose,
			keep: []string{"Related", "second laboratory"}},
		// A blog index's own list is content.
		{name: "recent posts", snippet: `<h2>Recent posts</h2>` + links, keep: []string{"Recent posts", "First other story"}},
		// Only whole heading texts count.
		{name: "heading that mentions sharing", snippet: `<h2>Share prices fell</h2>` + links, keep: []string{"Share prices fell", "First other story"}},
		{name: "comments stay", snippet: `<h2>Comments</h2>` + links, keep: []string{"Comments", "First other story"}},
	}
	runClutterCases(t, cases, Options{})

	// With the whole page kept, furniture stays too.
	out, _ := clean(t, `<h2>Related articles</h2>`+links, Options{KeepAll: true})
	if !strings.Contains(out, "Related articles") {
		t.Errorf("KeepAll removed a furniture section:\n%s", out)
	}
}

// Every heading text must be short enough to be looked up.
func TestFurnitureHeadingsFit(t *testing.T) {
	for h := range furnitureHeadings {
		if n := len([]rune(h)); n > furnitureHeadingMaxText {
			t.Errorf("furniture heading %q is %d characters, over %d", h, n, furnitureHeadingMaxText)
		}
		if h != strings.ToLower(h) || h != strings.TrimSpace(h) {
			t.Errorf("furniture heading %q is not in lookup form", h)
		}
	}
}

// TestHeadingKey checks the key built on the stack against its definition
// (dom.Text trimmed of punctuation, symbols and spaces, lower-cased), on
// headings with markup, scripts, no-break spaces and a character whose
// bytes two text nodes share.
func TestHeadingKey(t *testing.T) {
	trim := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r) }
	for _, h := range []*html.Node{
		heading(t, "— Related\u00a0<b>Articles</b>: ▾"),
		heading(t, "  <span>Ähnliche</span>\n\t ARTIKEL <script>x()</script>"),
		heading(t, "相关文章"),
		heading(t, ""),
		{Type: html.ElementNode, Data: "h2", DataAtom: atom.H2},
	} {
		if len(h.Attr) == 0 && h.FirstChild == nil {
			h.AppendChild(&html.Node{Type: html.TextNode, Data: "Caf\xc3"})
			h.AppendChild(&html.Node{Type: html.TextNode, Data: "\xa9 \xff News"})
		}
		want := strings.ToLower(strings.TrimFunc(dom.Text(h), trim))
		if got := string(appendHeadingKey(nil, nil, nil, h)); got != want {
			t.Errorf("heading key = %q, want %q", got, want)
		}
	}
	h := heading(t, "Related Articles")
	if !isFurnitureHeading(h) {
		t.Error("a related-articles heading is not furniture")
	}
	if n := testing.AllocsPerRun(100, func() { isFurnitureHeading(h) }); n != 0 {
		t.Errorf("isFurnitureHeading allocates %v times, want 0", n)
	}
}

// heading parses an <h2> holding inner.
func heading(t *testing.T, inner string) *html.Node {
	t.Helper()
	doc, err := parse.Document("<h2>" + inner + "</h2>")
	if err != nil {
		t.Fatal(err)
	}
	return dom.FindAll(doc, atom.H2)[0]
}
