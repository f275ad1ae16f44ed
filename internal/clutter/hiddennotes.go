package clutter

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Footnote plugins that show a note in a popup or a margin keep its text
// in the page, hidden until the reader hovers or clicks: inside the marker
// itself (<span class="footnote">1<span style="display:none">text</span>
// </span>, as WordPress's inline-footnote plugins and Bigfoot print it), or
// in a hidden element elsewhere that the marker names in a data attribute
// instead of a link (<span data-definition="fn0">). The hidden-element
// rule would drop the note, and internal/notes, which finds notes by the
// links between marker and body, could not see the second kind.
// revealHiddenNotes runs before that rule and rewrites both into the
// shape of an ordinary linked footnote: a marker link to a visible body.

// noteTargetAttributes name, on a marker, the id of its hidden note body.
var noteTargetAttributes = []string{"data-definition", "data-footnote", "data-footnote-id", "data-note"}

// inlineNoteWords name a hidden note body kept inside its marker, or the
// marker.
var inlineNoteWords = dom.Set("footnote", "footnotes", "sidenote", "marginnote", "fn")

var inlineNoteHints = dom.NewMatcher(inlineNoteWords)

// maxNoteLabelRunes bounds a marker's own text ("1", "*", "[12]", "iv").
const maxNoteLabelRunes = 5

// revealHiddenNotes rewrites the hidden footnotes below doc (see above).
func revealHiddenNotes(doc *html.Node) {
	var targeted, inline []*html.Node
	var ids map[string]*html.Node
	dom.Elements(doc, func(n *html.Node) bool {
		if n.Namespace != "" {
			return false
		}
		if noteTarget(n) != "" {
			targeted = append(targeted, n)
		}
		if isHidden(n) && (inlineNoteHints.MatchNode(n) != 0 || n.Parent != nil && inlineNoteHints.MatchNode(n.Parent) != 0) {
			inline = append(inline, n)
			return false
		}
		return true
	})
	if len(targeted) > 0 {
		ids = map[string]*html.Node{}
		dom.Elements(doc, func(n *html.Node) bool {
			if id := dom.Attr(n, "id"); id != "" {
				if _, seen := ids[id]; !seen {
					ids[id] = n
				}
			}
			return true
		})
	}
	for _, marker := range targeted {
		id := noteTarget(marker)
		body := ids[id]
		if body == nil || !isHidden(body) || isAncestorOf(marker, body) || isAncestorOf(body, marker) || !isNoteLabel(dom.Text(marker)) {
			continue
		}
		unhide(body)
		if body.DataAtom == atom.Aside {
			// A popup's <aside> is a note, not a sidebar for later
			// stages to drop.
			body.Data, body.DataAtom = "div", atom.Div
		}
		linkMarker(marker, id)
	}
	for k, body := range inline {
		revealInlineNote(body, k)
	}
}

func noteTarget(n *html.Node) string {
	for _, a := range noteTargetAttributes {
		if v := strings.TrimSpace(dom.Attr(n, a)); v != "" {
			return strings.TrimPrefix(v, "#")
		}
	}
	return ""
}

// revealInlineNote moves a hidden note body out of its marker, after the
// block the marker stands in, and links the marker to it. It does nothing
// when the body's parent is not a marker (its own text, besides the body,
// is no short label).
func revealInlineNote(body *html.Node, k int) {
	marker := body.Parent
	if marker == nil || marker.Type != html.ElementNode || dom.IsElement(marker, atom.P, atom.Div, atom.Li, atom.Body) {
		return
	}
	label := strings.TrimSpace(dom.Text(marker))
	label = strings.TrimSpace(strings.TrimSuffix(label, strings.TrimSpace(dom.Text(body))))
	if !isNoteLabel(label) || !dom.TextLenOver(body, 0) {
		return
	}
	block := marker.Parent
	for block != nil && !dom.IsElement(block, atom.P, atom.Li, atom.Div, atom.Td, atom.Blockquote, atom.Dd, atom.Section, atom.Article, atom.Body) {
		block = block.Parent
	}
	if block == nil || block.Parent == nil || block.DataAtom == atom.Body {
		return
	}
	id := dom.Attr(body, "id")
	if id == "" {
		id = "inline-note-" + strconv.Itoa(k+1)
		dom.SetAttr(body, "id", id)
	}
	marker.RemoveChild(body)
	unhide(body)
	body.Data, body.DataAtom = "div", atom.Div
	block.Parent.InsertBefore(body, block.NextSibling)
	linkMarker(marker, id)
}

// isNoteLabel reports whether s reads as a footnote marker's label.
func isNoteLabel(s string) bool {
	s = strings.Trim(strings.TrimSpace(s), "[]()")
	return s != "" && utf8.RuneCountInString(s) <= maxNoteLabelRunes
}

// unhide removes what hides a note body.
func unhide(n *html.Node) {
	dom.DelAttr(n, "hidden")
	dom.DelAttr(n, "aria-hidden")
	dom.DelAttr(n, "style")
}

// linkMarker points marker's link at #id, or wraps its text in one.
func linkMarker(marker *html.Node, id string) {
	if marker.DataAtom == atom.A {
		dom.SetAttr(marker, "href", "#"+id)
		return
	}
	if a := dom.Find(marker, func(n *html.Node) bool { return n.DataAtom == atom.A }); a != nil {
		dom.SetAttr(a, "href", "#"+id)
		return
	}
	a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{{Key: "href", Val: "#" + id}}}
	for c := marker.FirstChild; c != nil; {
		next := c.NextSibling
		marker.RemoveChild(c)
		a.AppendChild(c)
		c = next
	}
	marker.AppendChild(a)
}
