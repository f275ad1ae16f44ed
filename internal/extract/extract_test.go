package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func load(t *testing.T, name string) *html.Node {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Document(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func renderNode(t *testing.T, n *html.Node) string {
	t.Helper()
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// checkText asserts that every marker of keep is in the article's text
// and no marker of gone is.
// bodyAfter parses in, applies fn to its <body> and returns the body's
// markup.
func bodyAfter(t *testing.T, in string, fn func(body *html.Node)) string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	body := dom.FindAll(doc, atom.Body)[0]
	fn(body)
	var b strings.Builder
	if err := html.Render(&b, body); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// articleOf returns the article Article finds in a page of the given body.
func articleOf(t *testing.T, body string) *html.Node {
	t.Helper()
	doc, err := parse.Document("<html><body>" + body + "</body></html>")
	if err != nil {
		t.Fatal(err)
	}
	return Article(doc, Options{})
}

// checkMarkup reports each of keep that out lacks and each of gone that
// it holds, for the case named name.
func checkMarkup(t *testing.T, name, out string, keep, gone []string) {
	t.Helper()
	for _, s := range gone {
		if strings.Contains(out, s) {
			t.Errorf("%s: %q kept in %s", name, s, out)
		}
	}
	for _, s := range keep {
		if !strings.Contains(out, s) {
			t.Errorf("%s: %q lost from %s", name, s, out)
		}
	}
}

func checkText(t *testing.T, art *html.Node, keep, gone []string) {
	t.Helper()
	text := dom.Text(art)
	for _, s := range keep {
		if !strings.Contains(text, s) {
			t.Errorf("article lacks %q:\n%s", s, renderNode(t, art))
		}
	}
	for _, s := range gone {
		if strings.Contains(text, s) {
			t.Errorf("article holds %q:\n%s", s, renderNode(t, art))
		}
	}
}

func TestArticleFindsTheStory(t *testing.T) {
	doc := load(t, "article-page.html")
	art := Article(doc, Options{Title: "Rebuilding the Millbrook footbridge"})
	if art == nil {
		t.Fatal("Article returned nil")
	}
	checkText(t, art,
		[]string{"PARA-ONE", "PARA-TWO", "PARA-THREE", "PARA-FOUR", "PARA-FIVE", "What the work involves"},
		[]string{"NAVLINK", "SIDEBAR", "FOOTER-TEXT", "COMMENT-TEXT", "COMMENT-SECTION"})

	// Paragraph order is kept.
	text := dom.Text(art)
	last := -1
	for _, m := range []string{"PARA-ONE", "PARA-TWO", "PARA-THREE", "PARA-FOUR", "PARA-FIVE"} {
		i := strings.Index(text, m)
		if i < last {
			t.Errorf("%s is out of order", m)
		}
		last = i
	}
}

func TestArticleKeepsListsAndTables(t *testing.T) {
	doc := load(t, "article-page.html")
	art := Article(doc, Options{Title: "Rebuilding the Millbrook footbridge"})
	lis := dom.FindAll(art, atom.Li)
	var items []string
	for _, li := range lis {
		items = append(items, dom.Text(li))
	}
	for _, want := range []string{"LIST-ITEM-A", "LIST-ITEM-B", "LIST-ITEM-C"} {
		found := false
		for _, it := range items {
			if strings.Contains(it, want) {
				found = true
			}
		}
		if !found {
			t.Errorf("list item %s lost (items %q)", want, items)
		}
	}
	tables := dom.FindAll(art, atom.Table)
	if len(tables) != 1 {
		t.Fatalf("%d tables in the article, want the data table:\n%s", len(tables), renderNode(t, art))
	}
	if n := len(dom.FindAll(tables[0], atom.Tr)); n != 4 {
		t.Errorf("table has %d rows, want 4", n)
	}
	for _, s := range []string{"Estimated costs", "TABLE-CELL", "£41,500", "Temporary crossing"} {
		if !strings.Contains(dom.Text(tables[0]), s) {
			t.Errorf("table lost %q", s)
		}
	}
}

func TestArticleRemovesTitleHeading(t *testing.T) {
	for _, tc := range []struct {
		title  string
		wantH1 bool
	}{
		{"Rebuilding the Millbrook footbridge", false},
		{"  rebuilding the millbrook footbridge! ", false}, // case, space and punctuation do not matter
		{"A different headline", true},
		{"", true},
	} {
		doc := load(t, "article-page.html")
		art := Article(doc, Options{Title: tc.title})
		has := strings.Contains(dom.Text(art), "Rebuilding the Millbrook footbridge")
		if has != tc.wantH1 {
			t.Errorf("title %q: heading kept = %v, want %v", tc.title, has, tc.wantH1)
		}
		// Subheadings are content.
		if !strings.Contains(dom.Text(art), "What the work involves") {
			t.Errorf("title %q: subheading removed", tc.title)
		}
	}
}

func TestArticleCJKShortParagraphs(t *testing.T) {
	doc := load(t, "cjk-page.html")
	art := Article(doc, Options{Title: "山区小学开通新校车线路"})
	checkText(t, art,
		[]string{"段落一", "段落二", "段落三", "段落四", "段落五", "段落六", "段落七"},
		[]string{"导航", "侧栏", "页脚"})
}

func TestArticleKeepAll(t *testing.T) {
	doc := load(t, "article-page.html")
	art := Article(doc, Options{KeepAll: true, Title: "Rebuilding the Millbrook footbridge"})
	checkText(t, art,
		[]string{"PARA-ONE", "PARA-FIVE", "LIST-ITEM-B", "TABLE-CELL", "NAVLINK News", "SIDEBAR", "FOOTER-TEXT", "COMMENT-TEXT"},
		nil)
}

// Every attempt must hand back a detached container and leave nothing of
// the article in the document twice.
func TestArticleResultIsDetached(t *testing.T) {
	for _, name := range []string{"article-page.html", "cjk-page.html", "nav-only.html"} {
		doc := load(t, name)
		art := Article(doc, Options{})
		if art == nil || art.Parent != nil {
			t.Errorf("%s: article is nil or attached", name)
		}
	}
}

func TestArticleOnDegenerateInput(t *testing.T) {
	for _, in := range []string{"", "plain text only", "<p>one short line</p>", "<div><div><div></div></div></div>"} {
		doc, err := parse.Document(in)
		if err != nil {
			t.Fatal(err)
		}
		art := Article(doc, Options{})
		if art == nil {
			t.Fatalf("Article(%q) = nil", in)
		}
		if want := dom.Text(mustParse(t, in)); dom.Text(art) != want {
			t.Errorf("Article(%q) text = %q, want the whole text %q", in, dom.Text(art), want)
		}
	}
}

func mustParse(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := parse.Document(s)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestReaderable(t *testing.T) {
	tests := []struct {
		file string
		want bool
	}{
		{"article-page.html", true},
		{"nav-only.html", false},
	}
	for _, tc := range tests {
		if got := Readerable(load(t, tc.file)); got != tc.want {
			t.Errorf("Readerable(%s) = %v, want %v", tc.file, got, tc.want)
		}
	}
}

func TestReaderableIgnoresHiddenAndUnlikely(t *testing.T) {
	para := "<p>" + strings.Repeat("The engineers brought drawings of a timber truss on the old stone piers. ", 5) + "</p>"
	body := strings.Repeat(para, 4)
	tests := []struct {
		name string
		html string
		want bool
	}{
		{"visible", "<div>" + body + "</div>", true},
		{"hidden", `<div hidden>` + body + `</div>`, false},
		{"display none", `<div style="display: none">` + body + `</div>`, false},
		// Like Readability, only a block's own class and id count.
		{"comment paragraphs", strings.ReplaceAll(body, "<p>", `<p class="comment">`), false},
		{"too short", "<p>Short.</p><p>Also short.</p>", false},
	}
	for _, tc := range tests {
		if got := Readerable(mustParse(t, tc.html)); got != tc.want {
			t.Errorf("%s: Readerable = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A closed accordion panel says "hidden" in its class; its answer is the
// article's, unlike a block named hidden for another reason.
func TestArticleKeepsClosedAccordionPanels(t *testing.T) {
	para := strings.Repeat("The lock keeper opens the upper gate at dawn, and the first barges pass before the market opens. ", 4)
	body := `<div class="article-body"><p>BODY-ONE ` + para + `</p><p>BODY-TWO ` + para + `</p>` +
		`<h2>Questions</h2><div class="faq-accordion"><h3>When does the lock open?</h3>` +
		`<div class="accordion-panel accordion-panel-hidden"><p>ANSWER-TEXT At dawn, every day of the year, weather allowing.</p></div></div>` +
		`<div class="share-hidden"><p>SHARE-TEXT Share on <a href="/s">social</a> networks now.</p></div>` +
		`<p>BODY-THREE ` + para + `</p></div>`
	art := articleOf(t, body)
	checkText(t, art, []string{"BODY-ONE", "ANSWER-TEXT", "BODY-THREE"}, []string{"SHARE-TEXT"})
}
