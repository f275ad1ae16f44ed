package notes_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"articleclean/internal/article"
	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// TestCleanNotes runs whole pages through article.Clean and checks the
// footnotes in what users insert: one list at the end, markers and
// back-links that reach each other through the ids the sanitizer kept,
// and Markdown footnotes made from the same notes.
func TestCleanNotes(t *testing.T) {
	tests := []struct {
		fixture string
		notes   []string // each note's text, back-links left out
		markers int
		// backs is the number of back-links of each note.
		backs    []int
		markdown []string // lines the Markdown must hold
	}{
		{
			fixture: "page.html",
			notes: []string{
				"A field guide to the mammals of northern rivers, second edition.",
				"Notes on fur density in aquatic mammals.",
			},
			markers:  3,
			backs:    []int{1, 2},
			markdown: []string{"[^1]: A field guide to the mammals of northern rivers, second edition.", "[^2]: Notes on fur density in aquatic mammals."},
		},
		{
			fixture: "page-hugo.html",
			notes: []string{
				"Studies of starters from many countries found the same few species again and again.",
				"A night in the refrigerator is the usual choice.",
			},
			markers:  2,
			backs:    []int{1, 1},
			markdown: []string{"[^2]: A night in the refrigerator is the usual choice."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			page, err := os.ReadFile(filepath.Join("testdata", tt.fixture))
			if err != nil {
				t.Fatal(err)
			}
			res, err := article.Clean(page, article.Options{URL: "https://example.org/post", Markdown: true})
			if err != nil {
				t.Fatal(err)
			}
			root := parseOutput(t, res.Content)

			ids := map[string]*html.Node{}
			for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
				if id := dom.Attr(n, "id"); n.Type == html.ElementNode && id != "" {
					if ids[id] != nil {
						t.Errorf("id %q twice", id)
					}
					ids[id] = n
				}
			}
			links := 0
			for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
				href := dom.Attr(n, "href")
				if n.DataAtom != atom.A || !strings.HasPrefix(href, "#") {
					continue
				}
				links++
				if ids[href[1:]] == nil {
					t.Errorf("%s leads nowhere", href)
				}
			}
			if want := tt.markers * 2; links != want {
				t.Errorf("%d in-page links, want %d (a marker and a back-link per reference)\n%s", links, want, res.Content)
			}

			lists := 0
			var items []*html.Node
			for _, ol := range dom.FindAll(root, atom.Ol) {
				lists++
				items = dom.FindAll(ol, atom.Li)
			}
			if lists != 1 {
				t.Fatalf("%d lists, want 1\n%s", lists, res.Content)
			}
			if len(items) != len(tt.notes) {
				t.Fatalf("%d notes, want %d\n%s", len(items), len(tt.notes), res.Content)
			}
			for i, li := range items {
				var backs []*html.Node
				for _, a := range dom.FindAll(li, atom.A) {
					backs = append(backs, a)
				}
				if len(backs) != tt.backs[i] {
					t.Errorf("note %d has %d back-links, want %d", i+1, len(backs), tt.backs[i])
				}
				text := dom.Text(li)
				for _, a := range backs {
					text = strings.TrimSpace(strings.TrimSuffix(text, dom.Text(a)))
					// The back-link leads to a marker that leads here.
					sup := ids[strings.TrimPrefix(dom.Attr(a, "href"), "#")]
					if sup == nil || sup.DataAtom != atom.Sup {
						t.Errorf("note %d's back-link %s does not reach a marker", i+1, dom.Attr(a, "href"))
						continue
					}
					if m := dom.FindAll(sup, atom.A); len(m) != 1 || dom.Attr(m[0], "href") != "#"+dom.Attr(li, "id") {
						t.Errorf("marker %s does not lead to note %d", dom.Attr(sup, "id"), i+1)
					}
				}
				if text != tt.notes[i] {
					t.Errorf("note %d = %q, want %q", i+1, text, tt.notes[i])
				}
			}
			for _, line := range tt.markdown {
				if !strings.Contains(res.Markdown, line) {
					t.Errorf("Markdown lacks %q\n%s", line, res.Markdown)
				}
			}
			// The text numbers the notes as the list shows them, and
			// leaves the arrows out.
			for i, note := range tt.notes {
				if want := strconv.Itoa(i+1) + ". " + note; !strings.Contains(res.TextContent, want) {
					t.Errorf("text lacks %q\n%s", want, res.TextContent)
				}
			}
			// Markers are bracketed, so a number never runs into the
			// figure before it.
			if got := strings.Count(res.TextContent, "["); got != tt.markers {
				t.Errorf("text has %d bracketed markers, want %d\n%s", got, tt.markers, res.TextContent)
			}
			if strings.Contains(res.TextContent, "↩") {
				t.Errorf("text holds back-link arrows\n%s", res.TextContent)
			}
			if strings.Count(res.Markdown, "[^") != tt.markers+len(tt.notes) {
				t.Errorf("Markdown has %d footnote marks, want %d\n%s", strings.Count(res.Markdown, "[^"), tt.markers+len(tt.notes), res.Markdown)
			}
		})
	}
}

// parseOutput parses the cleaned HTML as a browser's innerHTML would.
func parseOutput(t *testing.T, s string) *html.Node {
	t.Helper()
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), root)
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return root
}
