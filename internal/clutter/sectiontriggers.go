package clutter

import (
	"strings"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Accordions and disclosure sections title each section with a button
// that opens it: WAI-ARIA's accordion pattern wraps the button in a
// heading (<h3><button>Specifications</button></h3>), and many themes put
// the heading in the button instead. Removed as a control, the button
// takes the section's title with it, and the heading left behind is empty.
// Such a button is kept as the text it labels; other buttons are controls.
//
// A trigger whose section (its aria-controls target) is missing, empty or
// hidden for good goes as a control all the same: a title over nothing,
// like a FAQ whose answers a script loads, is not content (measured on
// wcxb-dev: the truth drops such questions, and keeps those whose answers
// are on the page).

// headingTags are the elements that title a section.
var headingTags = []atom.Atom{atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6}

// sectionTriggers judges the buttons of one page. Its index of the page's
// ids is built when a trigger first names its section, so pages without
// accordions never pay for it.
type sectionTriggers struct {
	root   *html.Node
	panels map[string]bool // see disclosurePanels
	byID   map[string]*html.Node
}

// keepsLabel reports whether the button n titles a section that is on the
// page (see sectionTriggers): it is the only content of a heading, or it
// holds a heading, and the section it controls, if it names one, holds
// text that stays.
func (t *sectionTriggers) keepsLabel(n *html.Node) bool {
	if n.DataAtom != atom.Button || dom.TextLenOver(n, buttonMaxText) {
		return false
	}
	if p := n.Parent; !(p != nil && isHeading(p) && aloneIn(n, p)) && dom.Find(n, isHeading) == nil {
		return false
	}
	controls := strings.Fields(dom.Attr(n, "aria-controls"))
	if len(controls) == 0 {
		return true
	}
	if t.byID == nil {
		t.byID = map[string]*html.Node{}
		dom.Elements(t.root, func(e *html.Node) bool {
			if id := dom.Attr(e, "id"); id != "" {
				if _, seen := t.byID[id]; !seen {
					t.byID[id] = e
				}
			}
			return true
		})
	}
	for _, id := range controls {
		if s := t.byID[id]; s != nil && dom.TextLenOver(s, 0) && (!isHidden(s) || isDisclosurePanel(s, t.panels)) {
			return true
		}
	}
	return false
}

// isHeading reports a heading element or an element of ARIA role heading.
func isHeading(n *html.Node) bool {
	return dom.IsElement(n, headingTags...) || strings.EqualFold(dom.Attr(n, "role"), "heading")
}

// aloneIn reports whether n is the only child of p that holds text.
func aloneIn(n, p *html.Node) bool {
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c == n {
			continue
		}
		switch {
		case c.Type == html.TextNode && !dom.IsBlank(c.Data):
			return false
		case c.Type == html.ElementNode && dom.TextLenOver(c, 0):
			return false
		}
	}
	return true
}

// keepTriggerLabel turns the section trigger n into the plain element
// that holds its label: inline inside a heading, a block around one.
func keepTriggerLabel(n *html.Node) {
	if dom.Find(n, isHeading) != nil {
		n.DataAtom, n.Data = atom.Div, "div"
		return
	}
	n.DataAtom, n.Data = atom.Span, "span"
}
