package extract

import (
	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A page its scripts were to fill, saved before they ran, holds nothing
// but its frame: the footer's link lists, the navigation, a side rail.
// Every attempt then takes that frame for the article, since it is all
// the text there is. The frame is never the article, so such a page has
// none.
const (
	// frameOnlyMaxUnits is the most text the page may hold outside its
	// declared furniture to count as a bare frame: a hidden heading or a
	// skip link, not a paragraph.
	frameOnlyMaxUnits = 80
	// frameOnlyMinShare: the declared furniture holds at least this share
	// of the page's text. A short page with a short footer is a stub whose
	// few words may be its content.
	frameOnlyMinShare = 0.8
)

// onlyFrame reports whether body's text lies all in blocks that its tags
// or ARIA roles declare to be furniture (footer, navigation, side rails;
// see declaredFurniture), but for a few words (see frameOnlyMaxUnits). An
// <article> or <main> inside such a block is content all the same, and is
// counted as such.
func onlyFrame(body *html.Node, pageUnits int) bool {
	if pageUnits == 0 {
		return false
	}
	frame := 0
	dom.Elements(body, func(n *html.Node) bool {
		if dom.IsElement(n, atom.Article, atom.Main) || isMainLandmark(n) {
			return false
		}
		if n != body && declaredFurniture(n) {
			if dom.Find(n, isArticleOrMain) != nil {
				return true
			}
			frame += unitsOf(n)
			return false
		}
		return true
	})
	rest := pageUnits - frame
	return rest <= frameOnlyMaxUnits && float64(frame) >= frameOnlyMinShare*float64(pageUnits)
}

func isArticleOrMain(n *html.Node) bool {
	return dom.IsElement(n, atom.Article, atom.Main) || isMainLandmark(n)
}
