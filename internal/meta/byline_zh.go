package meta

import (
	"unicode/utf8"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Chinese essays and columns print the author's name alone on the line
// under the headline, with no label ("犬儒病(上)" / "胡平" / text). The
// name is two to four Han characters, as Chinese names are; the line
// before it is the headline, set in bold or a heading element.

// nameLineRank places such a name after every labelled or credited one:
// it is taken only when the page names its author nowhere else.
const nameLineRank = sourceRank + 1

// maxNameLineTexts is how many of the body's first texts may hold the
// headline: the name line stands at the top of the story.
const maxNameLineTexts = 40

// nameLineParents hold the name line's text directly; a name in a link or
// a menu item is navigation.
var nameLineParents = []atom.Atom{atom.P, atom.Div, atom.Td, atom.Center, atom.Body}

// nameLine records n's text as a byline when it is a Chinese name alone
// on its line right under a bold headline, and notes whether n is such a
// headline for the text that follows.
func (p *page) nameLine(n *html.Node) {
	if dom.IsBlank(n.Data) || p.bodyTexts >= maxNameLineTexts {
		return
	}
	p.bodyTexts++
	afterHeadline := p.afterHeadline
	p.afterHeadline = isHeadlineText(n)
	if !afterHeadline || n.Parent == nil || !dom.IsElement(n.Parent, nameLineParents...) {
		return
	}
	t := fold(n.Data)
	if c := utf8.RuneCountInString(t); c < 2 || c > 4 || !allHan(t) || len(p.textBylines) >= maxBylines {
		return
	}
	if next := n.NextSibling; next != nil && !(next.Type == html.ElementNode && next.DataAtom == atom.Br) {
		return // the line runs on: a sentence, not a name
	}
	p.textBylines = append(p.textBylines, textByline{t, nameLineRank})
}

// isHeadlineText reports a short text set in bold or a heading.
func isHeadlineText(n *html.Node) bool {
	if utf8.RuneCountInString(n.Data) > maxHintRunes/2 {
		return false
	}
	for a := n.Parent; a != nil && a.Type == html.ElementNode; a = a.Parent {
		switch a.DataAtom {
		case atom.Strong, atom.B, atom.H1, atom.H2, atom.H3:
			return true
		case atom.P, atom.Div, atom.Td, atom.Body:
			return false
		}
	}
	return false
}
