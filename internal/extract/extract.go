// Package extract finds the main article in a cleaned document.
package extract

import (
	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Options tune Article.
type Options struct {
	KeepAll bool
	Title   string
}

// Article returns the node holding the article.
func Article(doc *html.Node, opts Options) *html.Node {
	if b := dom.Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body }); b != nil {
		return b
	}
	return doc
}

// Readerable reports whether doc probably holds an article.
func Readerable(doc *html.Node) bool { return true }
