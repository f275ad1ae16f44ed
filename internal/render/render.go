// Package render turns the sanitized article tree into the text outputs of
// a result. It takes the <div> that holds the cleaned article (the
// sanitizer's output parsed again) and gives plain text, block by block, and
// Markdown (CommonMark with GFM tables, strikethrough and footnotes).
//
// Both renderers walk the tree without recursion, so a hostile tree nested
// tens of thousands of levels deep costs heap, not stack; the only nested
// calls (table cells, footnote bodies) are bounded by maxNested.
package render

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxNested bounds how many renderers may run inside one another (a table
// cell inside a table cell …). Deeper content is rendered as plain text.
const maxNested = 32

// Text returns the readable text of the article below root: blocks
// separated by a blank line (list items and table rows by a line break),
// white space inside a block folded, preformatted text kept as it is.
func Text(root *html.Node) string {
	return text(root)
}

// Markdown returns root's content as CommonMark with the GFM extensions
// (tables, strikethrough, footnotes) in the conventions of Obsidian Web
// Clipper's converter: ATX headings, "-" bullets, "*" and "**" emphasis,
// fenced code, tab-indented nesting.
func Markdown(root *html.Node) string {
	return markdown(root)
}

// walk visits the nodes below root in document order. enter is called on
// the way down and returns whether to visit the node's children; leave is
// called on the way up for every node enter was called on.
func walk(root *html.Node, enter func(*html.Node) bool, leave func(*html.Node)) {
	if root == nil {
		return
	}
	n := root.FirstChild
	for n != nil {
		if enter(n) && n.FirstChild != nil {
			n = n.FirstChild
			continue
		}
		leave(n)
		for n.NextSibling == nil {
			n = n.Parent
			if n == nil || n == root {
				return
			}
			leave(n)
		}
		n = n.NextSibling
	}
}

// skipped are elements whose content is never article text, should any
// reach the renderers.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true,
	atom.Head: true, atom.Title: true, atom.Iframe: true,
	atom.Object: true, atom.Svg: true, atom.Button: true, atom.Select: true,
	atom.Textarea: true, atom.Input: true,
}

// blockTags are the elements a reader sees as separate blocks; the text
// and Markdown renderers end a paragraph at their edges.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true,
	atom.Details: true, atom.Dialog: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Html: true,
	atom.Legend: true, atom.Li: true, atom.Main: true, atom.Menu: true,
	atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true,
	atom.Td: true, atom.Tfoot: true, atom.Th: true, atom.Thead: true,
	atom.Tr: true, atom.Ul: true, atom.Video: true, atom.Audio: true,
}

// isBlock reports whether n is an element shown as its own block.
func isBlock(n *html.Node) bool {
	return n.Type == html.ElementNode && blockTags[n.DataAtom]
}

// isSpace reports whether r is white space a browser folds, no-break space
// included (readers see it as a space, and the references fold it too).
func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2028', '\u2029', '\u3000',
		'\u1680', '\u2000', '\u2001', '\u2002', '\u2003', '\u2004', '\u2005',
		'\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u202f', '\u205f':
		return true
	}
	return false
}

// attr returns the value of key on n, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// classWithPrefix returns the rest of the first class token of n that
// starts with one of prefixes, or "".
func classWithPrefix(n *html.Node, prefixes ...string) string {
	class := attr(n, "class")
	for class != "" {
		var tok string
		i := 0
		for i < len(class) && class[i] != ' ' && class[i] != '\t' && class[i] != '\n' {
			i++
		}
		tok, class = class[:i], class[min(i+1, len(class)):]
		for _, p := range prefixes {
			if len(tok) > len(p) && tok[:len(p)] == p {
				return tok[len(p):]
			}
		}
	}
	return ""
}
