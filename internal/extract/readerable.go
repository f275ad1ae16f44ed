package extract

import (
	"math"
	"strings"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Readerable's thresholds follow Readability's isProbablyReaderable (a
// block counts when it has at least 140 characters; the page is readerable
// when the square roots of the excess add up to more than 20), measured in
// text units so CJK pages are judged fairly.
const (
	readerableMinUnits = 140
	readerableMinScore = 20
)

// Readerable reports cheaply whether doc probably holds an article: it
// looks only at paragraphs, pre blocks and the parents of <br> runs.
func Readerable(doc *html.Node) bool {
	seen := map[*html.Node]bool{}
	var blocks []*html.Node
	dom.Elements(doc, func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Script, atom.Style, atom.Noscript, atom.Template:
			return false
		case atom.P, atom.Pre, atom.Article:
			if !seen[n] {
				seen[n] = true
				blocks = append(blocks, n)
			}
		case atom.Br:
			if p := n.Parent; p != nil && p.DataAtom == atom.Div && !seen[p] {
				seen[p] = true
				blocks = append(blocks, p)
			}
		}
		return true
	})
	score := 0.0
	for _, n := range blocks {
		if !visible(n) || unlikelyBlock(n) || insideListItemParagraph(n) {
			continue
		}
		units := 0
		for c := n; c != nil; c = dom.Next(c, n, false) {
			if c.Type == html.TextNode {
				u, _ := textUnits(c.Data)
				units += u
			}
		}
		if units < readerableMinUnits {
			continue
		}
		score += math.Sqrt(float64(units - readerableMinUnits))
		if score > readerableMinScore {
			return true
		}
	}
	return false
}

func visible(n *html.Node) bool {
	for p := n; p != nil && p.Type == html.ElementNode; p = p.Parent {
		if dom.HasAttr(p, "hidden") {
			return false
		}
		style := strings.ReplaceAll(strings.ToLower(dom.Attr(p, "style")), " ", "")
		if strings.Contains(style, "display:none") || strings.Contains(style, "visibility:hidden") {
			return false
		}
		if dom.Attr(p, "aria-hidden") == "true" && !strings.Contains(dom.Attr(p, "class"), "fallback-image") {
			return false
		}
	}
	return true
}

// unlikelyBlock reports a block whose class or id names it furniture and
// not also content.
func unlikelyBlock(n *html.Node) bool {
	hints := classHints.MatchNode(n)
	return hints&hintUnlikely != 0 && hints&hintMaybe == 0
}

func insideListItemParagraph(n *html.Node) bool {
	return n.DataAtom == atom.P && n.Parent != nil && n.Parent.DataAtom == atom.Li
}
