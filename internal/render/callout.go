package render

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// calloutKinds are the kinds of callout the media stage marks on a
// blockquote's title (its standard form of admonitions and alerts). They
// are written as Obsidian callouts, "> [!kind] Title", the convention of
// Defuddle, whose Markdown is our reference.
var calloutKinds = map[string]bool{
	"note": true, "info": true, "tip": true, "hint": true, "important": true,
	"success": true, "check": true, "done": true, "question": true, "help": true,
	"faq": true, "warning": true, "caution": true, "attention": true, "failure": true,
	"fail": true, "missing": true, "danger": true, "error": true, "bug": true,
	"example": true, "quote": true, "cite": true, "abstract": true, "summary": true,
	"tldr": true, "todo": true,
}

// calloutKind returns the callout kind a blockquote is marked with, or "".
func calloutKind(n *html.Node) string {
	k := strings.ToLower(strings.TrimSpace(attr(n, "title")))
	if calloutKinds[k] {
		return k
	}
	return ""
}

// calloutHeader writes a callout's first line: its kind and title. A
// leading paragraph holding only strong text is the title; without one
// the kind, capitalised, stands for it (as Obsidian shows it).
func (r *mdRenderer) calloutHeader(n *html.Node, kind string) {
	title := ""
	if p := firstElementChild(n); p != nil && p.DataAtom == atom.P {
		if s := firstElementChild(p); s != nil && (s.DataAtom == atom.Strong || s.DataAtom == atom.B) &&
			foldedText(s) == foldedText(p) && foldedText(p) != "" {
			title = foldedText(p)
			r.skip = p
		}
	}
	if title == "" {
		title = strings.ToUpper(kind[:1]) + kind[1:]
	}
	var b strings.Builder
	escapeInline(&b, title)
	r.w.raw("[!" + kind + "] " + b.String())
	r.w.breakLines(1)
	r.w.tight = true
}

func firstElementChild(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
	}
	return nil
}
