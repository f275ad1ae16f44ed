package extract

import (
	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Shop categories and listings print their headline and intro in a header
// block set just before the page's <main>, which holds only the shelf or
// the list. Anything else outside <main> is the site's; a header block
// holding the headline right before a <main> that holds a card grid is
// the page's own. Service and landing pages set a hero there too, whose
// tagline readers of the page's sections do not need.

// headerLeadBefore returns the standfirst of the header block right before
// the main landmark m, when that block holds the headline (see
// leadParagraphs) and m a card grid (see gridUnits), or nil.
func headerLeadBefore(m, top *html.Node, st stats) []*html.Node {
	if grid, _ := largestGrid(m, st); grid == nil {
		return nil
	}
	for s := m.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type != html.ElementNode || st.units(s) == 0 || dom.IsElement(s, atom.Aside, atom.Nav, atom.Figure, atom.Form) {
			continue
		}
		if dom.Find(s, func(n *html.Node) bool { return n.DataAtom == atom.H1 }) == nil {
			return nil
		}
		if paras := leadParagraphs(s, false); paras != nil && float64(unitsOfAll(paras)) <= leadMaxShare*float64(st.units(top)) {
			return paras
		}
		return nil
	}
	return nil
}
