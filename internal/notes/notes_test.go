package notes

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// load parses a fixture as the content of a <div>, the way the pipeline
// hands the article to Normalize.
func load(t *testing.T, name string) *html.Node {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return parseFragment(t, string(raw))
}

func parseFragment(t *testing.T, s string) *html.Node {
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

func serialize(t *testing.T, root *html.Node) string {
	t.Helper()
	var b strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			t.Fatal(err)
		}
	}
	return b.String()
}

// normalized is what a test reads back from a normalised tree.
type normalized struct {
	markers  []string   // the marker numbers in text order
	notes    []string   // each note's text without its back-links
	back     [][]string // each note's back-link targets
	heading  string     // the heading inside the notes section
	sections int
}

func read(t *testing.T, root *html.Node) normalized {
	t.Helper()
	var got normalized
	var section *html.Node
	for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
		if n.Type != html.ElementNode {
			continue
		}
		if n.DataAtom == atom.Section && dom.Attr(n, "class") == listClass {
			got.sections++
			section = n
		}
		if n.DataAtom == atom.Sup && strings.HasPrefix(dom.Attr(n, "id"), refIDPrefix) {
			got.markers = append(got.markers, dom.Text(n))
		}
	}
	if section == nil {
		return got
	}
	for c := section.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom != atom.Ol {
			got.heading = dom.Text(c)
		}
	}
	for _, li := range dom.FindAll(section, atom.Li) {
		var back []string
		var text strings.Builder
		for n := li.FirstChild; n != nil; {
			if n.Type == html.ElementNode && n.DataAtom == atom.A && dom.Text(n) == backLinkText {
				back = append(back, dom.Attr(n, "href"))
				n = dom.Next(n, li, true)
				continue
			}
			if n.Type == html.TextNode {
				text.WriteString(n.Data)
			}
			if n.Type == html.ElementNode && n.DataAtom == atom.P && text.Len() > 0 {
				text.WriteByte(' ')
			}
			n = dom.Next(n, li, false)
		}
		got.notes = append(got.notes, dom.Fold(text.String()))
		got.back = append(got.back, back)
	}
	return got
}

func TestNormalize(t *testing.T) {
	tests := []struct {
		fixture string
		want    normalized
		// contains are fragments the output must hold, lacks those it
		// must not.
		contains, lacks []string
	}{
		{
			fixture: "wikipedia.html",
			want: normalized{
				markers: []string{"1", "2"},
				notes:   []string{"A field guide to otters, 2001.", "Tool use in marine mammals."},
				back:    [][]string{{"#fnref:1"}, {"#fnref:2"}},
				heading: "References", sections: 1,
			},
			lacks: []string{"cite_note", "[1]", "^"},
		},
		{
			fixture: "wikipedia-twice.html",
			want: normalized{
				markers:  []string{"1", "1"},
				notes:    []string{"The waggle dance explained."},
				back:     [][]string{{"#fnref:1", "#fnref:1-2"}},
				sections: 1,
			},
			contains: []string{`<sup id="fnref:1-2"><a href="#fn:1">1</a></sup>`},
			lacks:    []string{"<b>a</b>", "^"},
		},
		{
			fixture: "wordpress.html",
			want: normalized{
				markers:  []string{"1", "2"},
				notes:    []string{"Since version six.", "Many of them."},
				back:     [][]string{{"#fnref:1"}, {"#fnref:2"}},
				sections: 1,
			},
			lacks: []string{"↩︎", "a1b2"},
		},
		{
			fixture: "pandoc.html",
			want: normalized{
				markers:  []string{"1"},
				notes:    []string{"Like this one."},
				back:     [][]string{{"#fnref:1"}},
				sections: 1,
			},
			contains: []string{`<li id="fn:1"><p>Like this one. <a href="#fnref:1">↩</a></p></li>`},
			lacks:    []string{"<hr", "fnref1"},
		},
		{
			fixture: "hugo.html",
			want: normalized{
				markers:  []string{"1", "2"},
				notes:    []string{"First.", "Second, in two paragraphs. The second paragraph."},
				back:     [][]string{{"#fnref:1"}, {"#fnref:2"}},
				sections: 1,
			},
			// The decoy's id reads as fn-2 once made safe: it must go so
			// the note's id is the only one.
			contains: []string{`<span>decoy</span>`},
			lacks:    []string{"<hr", `id="fn-2"`},
		},
		{
			fixture: "multimarkdown.html",
			want: normalized{
				markers:  []string{"1"},
				notes:    []string{"Without a superscript."},
				back:     [][]string{{"#fnref:1"}},
				sections: 1,
			},
			contains: []string{`markers<sup id="fnref:1"><a href="#fn:1">1</a></sup> inline`},
		},
		{
			fixture: "substack.html",
			want: normalized{
				markers:  []string{"1"},
				notes:    []string{"In their own boxes."},
				back:     [][]string{{"#fnref:1"}},
				sections: 1,
			},
			lacks: []string{"footnote-anchor"},
		},
		{
			fixture: "numbered.html",
			want: normalized{
				markers:  []string{"1", "2"},
				notes:    []string{"The first note.", "The second note."},
				back:     [][]string{{"#fnref:1"}, {"#fnref:2"}},
				heading:  "Notes",
				sections: 1,
			},
		},
		{
			fixture: "paragraphs.html",
			want: normalized{
				markers:  []string{"1", "2"},
				notes:    []string{"The first, as a paragraph.", "The second."},
				back:     [][]string{{"#fnref:1"}, {"#fnref:2"}},
				sections: 1,
			},
			// The rule introduced the loose notes; it goes with them.
			lacks: []string{"<hr", "1.", "name="},
		},
		{
			fixture: "missing.html",
			want: normalized{
				markers:  []string{"1"},
				notes:    []string{"The note that survived."},
				back:     [][]string{{"#fnref:1"}},
				sections: 1,
			},
			// The marker of the lost note keeps its number, not its link.
			contains: []string{`cut<sup id="fnref-b">2</sup>`, `<a href="#top">a link to the top</a>`},
			lacks:    []string{"#fn-b"},
		},
		{
			fixture: "exponent.html",
			want:    normalized{},
			contains: []string{
				"r<sup>2</sup>, not r<sup>3</sup>",
				"<ol><li>one</li><li>two</li></ol>",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			root := load(t, tt.fixture)
			Normalize(root)
			out := serialize(t, root)
			got := read(t, root)
			if !slices.Equal(got.markers, tt.want.markers) {
				t.Errorf("markers = %q, want %q\n%s", got.markers, tt.want.markers, out)
			}
			if !slices.Equal(got.notes, tt.want.notes) {
				t.Errorf("notes = %q, want %q\n%s", got.notes, tt.want.notes, out)
			}
			if !slices.EqualFunc(got.back, tt.want.back, slices.Equal) {
				t.Errorf("back-links = %q, want %q", got.back, tt.want.back)
			}
			if got.heading != tt.want.heading || got.sections != tt.want.sections {
				t.Errorf("section heading %q ×%d, want %q ×%d\n%s", got.heading, got.sections, tt.want.heading, tt.want.sections, out)
			}
			for _, s := range tt.contains {
				if !strings.Contains(out, s) {
					t.Errorf("output lacks %q\n%s", s, out)
				}
			}
			for _, s := range tt.lacks {
				if strings.Contains(out, s) {
					t.Errorf("output holds %q\n%s", s, out)
				}
			}
			checkLinks(t, root)
			// Normalising the normalised form changes nothing.
			Normalize(root)
			if again := serialize(t, root); again != out {
				t.Errorf("not idempotent:\n%s\n---\n%s", out, again)
			}
		})
	}
}

// checkLinks asserts that every link Normalize made reaches an element,
// that ids are unique once made safe, and that the notes section ends
// the tree.
func checkLinks(t *testing.T, root *html.Node) {
	t.Helper()
	ids := map[string]int{}
	for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
		if id := dom.Attr(n, "id"); n.Type == html.ElementNode && id != "" {
			ids[safeForm(id)]++
		}
	}
	for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
		if n.Type != html.ElementNode || n.DataAtom != atom.A {
			continue
		}
		href := dom.Attr(n, "href")
		if !strings.HasPrefix(href, "#"+noteIDPrefix) && !strings.HasPrefix(href, "#"+refIDPrefix) {
			continue
		}
		if c := ids[safeForm(href[1:])]; c != 1 {
			t.Errorf("%s reaches %d elements", href, c)
		}
	}
	if last := root.LastChild; ids[safeForm(noteIDPrefix+"1")] > 0 && (last == nil || last.DataAtom != atom.Section) {
		t.Errorf("the notes are not at the end")
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, in string
		labels   []string // the note labels, in order
		refs     int
	}{
		{"linked list", `<p>a<sup><a href="#n1">1</a></sup></p><ol><li id="n1">x</li></ol>`, []string{"1"}, 1},
		{"unreferenced sibling counts", `<p>a<sup><a href="#b">2</a></sup></p><ol><li id="a">one</li><li id="b">two</li></ol>`, []string{"1", "2"}, 1},
		{"link to a heading is no note", `<p><a href="#s">1</a></p><h2 id="s">S</h2>`, nil, 0},
		{"long link text is no marker", `<p><a href="#n">see the notes</a></p><ol><li id="n">x</li></ol>`, nil, 0},
		{"exponent alone", `<p>x<sup>2</sup></p><ol><li>a</li><li>b</li></ol>`, nil, 0},
		{"numbered", `<p>a<sup>1</sup> b<sup>2</sup></p><ol><li>x</li><li>y</li></ol>`, []string{"1", "2"}, 2},
		{"numbered incomplete", `<p>a<sup>1</sup> b<sup>3</sup></p><ol><li>x</li><li>y</li></ol>`, nil, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := parseFragment(t, tt.in)
			s := Find(root)
			var labels []string
			for _, n := range s.Notes() {
				labels = append(labels, s.Label(n))
			}
			if !slices.Equal(labels, tt.labels) {
				t.Errorf("labels = %q, want %q", labels, tt.labels)
			}
			refs := 0
			for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
				if s.RefLabel(n) != "" {
					refs++
				}
			}
			if refs != tt.refs {
				t.Errorf("refs = %d, want %d", refs, tt.refs)
			}
		})
	}
}

func TestNilSafe(t *testing.T) {
	Normalize(nil)
	var s *Set
	if s.IsNote(nil) || s.RefLabel(nil) != "" || s.IsMarkerSup(nil) || s.IsFurniture(nil) || s.Notes() != nil {
		t.Error("a nil Set has no notes")
	}
	if Find(nil) != nil {
		t.Error("Find(nil) found notes")
	}
}

func TestOutside(t *testing.T) {
	const article = `<p>A claim<sup><a href="#n1">1</a></sup> and another<sup><a href="#n2">2</a></sup>.</p>`
	tests := []struct {
		name, art, page string
		want            []string // texts of the blocks brought in
	}{
		{"notes in a block beside the article", article,
			`<div class="post">` + article + `</div><div class="notes"><ol><li id="n1">First note.</li><li id="n2">Second note.</li></ol></div>`,
			[]string{"First note.Second note."}},
		{"article holds its notes", article + `<ol><li id="n1">First note.</li><li id="n2">Second note.</li></ol>`,
			`<div>` + article + `<ol><li id="n1">First note.</li><li id="n2">Second note.</li></ol></div>`, nil},
		{"article holds the notes but lost their anchors", article + `<ol><li>First note.</li><li>Second note.</li></ol>`,
			`<div>` + article + `<ol><li><a id="n1"></a>First note.</li><li><a id="n2"></a>Second note.</li></ol></div>`, nil},
		{"small print in the page footer", article,
			`<div>` + article + `</div><footer><ol><li id="n1">Terms apply.</li><li id="n2">Prices vary.</li></ol></footer>`, nil},
		{"links that are not markers", `<p>See <a href="#n1">the method section</a>.</p>`,
			`<div><p>See <a href="#n1">the method section</a>.</p></div><p id="n1">Method.</p>`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, box := range Outside(parseFragment(t, tc.art), parseFragment(t, tc.page)) {
				got = append(got, dom.Text(box))
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("Outside brought %q, want %q", got, tc.want)
			}
		})
	}
}
