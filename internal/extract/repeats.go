package extract

import (
	"strings"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Carousels and marquees repeat their slides so that they can scroll
// without end (the clones a slider script adds), and responsive layouts
// write a section twice, once for small screens and once for large. A
// reader shows each once: a container whose text is the same as an earlier
// container's, not its own ancestor, is such a copy; so is a quote of a
// whole earlier post. Paragraphs and other blocks without blocks inside
// are left alone: those recur by design (a refrain, a repeated "Add to
// cart" line), and test pages repeat filler paragraphs. So are repeats of
// the same kind (tag and classes): twin items repeat one another by design
// (an API's parameters shared by two calls, a shop's swatches, a manual's
// repeated warning), while a responsive copy or a slider's clone is marked
// apart by a class. Measured on wcxb-dev: without the kind test
// documentation and collection pages lose such text.
const (
	// repeatMinRunes is the least text a repeated container holds to be
	// taken for a copy: short labels legitimately recur.
	repeatMinRunes = 100
)

// dropRepeats removes the containers of art whose text repeats an earlier
// container's. Tables and containers of code are left whole: their rows
// and code samples repeat by design.
func dropRepeats(art *html.Node) {
	seen := map[string]*html.Node{}
	keys := map[*html.Node]string{}
	var copies []*html.Node
	dom.Elements(art, func(n *html.Node) bool {
		if n == art {
			return true
		}
		if dom.IsElement(n, atom.Table, atom.Pre, atom.Code) {
			return false
		}
		if !hasBlockChild(n) || dom.Find(n, func(c *html.Node) bool { return dom.IsElement(c, atom.Pre) }) != nil {
			return false
		}
		key := strings.ToLower(strings.Join(strings.Fields(dom.Text(n)), " "))
		if len([]rune(key)) < repeatMinRunes {
			return false
		}
		keys[n] = key
		if keys[n.Parent] == key {
			return true // a wrapper's only content, judged with the wrapper
		}
		if first, ok := seen[key]; ok && !isAncestor(first, n) && !alike(first, n) {
			copies = append(copies, n)
			return false
		}
		if _, ok := seen[key]; !ok {
			seen[key] = n
		}
		return true
	})
	for _, n := range copies {
		dom.Detach(n)
	}
}

// alike reports whether a and b are the same kind of element: the same tag
// and the same class attribute, none included. Numbered and hashed classes
// count: they are what tells a layout's variants apart.
func alike(a, b *html.Node) bool {
	return a.Data == b.Data && strings.Join(strings.Fields(dom.Attr(a, "class")), " ") == strings.Join(strings.Fields(dom.Attr(b, "class")), " ")
}
