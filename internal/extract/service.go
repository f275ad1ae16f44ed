package extract

import (
	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Service and landing pages are a run of <section> elements, one per
// topic: a hero, a feature grid, testimonials, pricing, an FAQ. Each holds
// headings and short paragraphs, so scoring takes the one with the longest
// text (often the FAQ) and leaves the others, which the page gives equal
// weight. Page builders name each section after its topic, so the twins
// that repeatedAncestor and gather look for by class are not found; the
// <section> tag itself is the sign.
const (
	// sectionRunLevels is how far above the top candidate the section
	// holding it is looked for. A section farther up holds a widget of its
	// own (an accordion, a tab set, a product's spec sheet) whose layout
	// scoring already judged: on wcxb-dev, 4 and more levels pull product
	// pages' buy boxes and spec grids into their description.
	sectionRunLevels = 3
	// sectionRunMin is the least number of sections with text, the top
	// candidate's among them, that make a run.
	sectionRunMin = 3
	// sectionRunLinkDensity: a run whose text is more links than this is
	// a rail of cards or a site map, not the page's own sections.
	sectionRunLinkDensity = 0.2
	// sectionRunOthersShare: the other sections together hold at least
	// this share of the text of the one holding the top candidate. An
	// article set in a section dwarfs the promo and related-post sections
	// around it.
	sectionRunOthersShare = 1.0
)

// sectionRun climbs from top to the parent of a run of sections when top
// lies in one of them, the page's <body> included: landing pages often set
// their sections straight in it, beside a <header> and <footer> that
// stripping and tidying take out.
func sectionRun(top, body *html.Node, st stats) *html.Node {
	n := top
	for level := 0; level <= sectionRunLevels && n != nil && n != body && n.Parent != nil; level++ {
		if n.DataAtom == atom.Section {
			if p := n.Parent; sectionsWithText(p, st) >= sectionRunMin && st.linkDensity(p) < sectionRunLinkDensity &&
				float64(sectionUnits(p, st)-st.units(n)) >= sectionRunOthersShare*float64(st.units(n)) {
				return p
			}
			return top
		}
		n = n.Parent
	}
	return top
}

// sectionUnits sums the text of the <section> children of p.
func sectionUnits(p *html.Node, st stats) int {
	sum := 0
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if dom.IsElement(c, atom.Section) {
			sum += st.units(c)
		}
	}
	return sum
}

// sectionsWithText counts the <section> children of p holding text.
func sectionsWithText(p *html.Node, st stats) int {
	count := 0
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if dom.IsElement(c, atom.Section) && st.units(c) >= minParagraph {
			count++
		}
	}
	return count
}
