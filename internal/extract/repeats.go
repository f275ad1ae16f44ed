package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
//
// Every container's text is a span of one folded copy of art's text
// (foldedSpans), so a page of deeply nested blocks costs one pass and one
// copy of its text, not a copy per level.
func dropRepeats(art *html.Node) {
	text, spans, withCode := foldedSpans(art)
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
		if !hasBlockChild(n) || withCode[n] {
			return false
		}
		sp := spans[n]
		key := strings.TrimSpace(text[sp.start:sp.end])
		if utf8.RuneCountInString(key) < repeatMinRunes {
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

// quoteMinRunes is the least text a quote holds to be taken for a copy of
// earlier text: a quoted "Thanks!" or "+1" may recur by chance.
const quoteMinRunes = 20

// dropQuotedRepeats removes the quotes in a thread's replies whose whole
// text stands in an earlier post: the reader has read that post already,
// and a quoted reply repeats it in full. Only posts the thread marks as
// such count (see markedPosts and threadPosts); an article's comment that
// quotes the article above the thread, and a post that quotes itself,
// keep their quotes. Measured on wcxb-dev, forum truths keep each post's
// text once.
func dropQuotedRepeats(art *html.Node) {
	quotes := dom.FindAll(art, atom.Blockquote)
	if len(quotes) == 0 {
		return
	}
	posts, threads := markedPosts(art), threadPosts(art)
	if len(posts) == 0 && len(threads) == 0 {
		return
	}
	text, spans, _ := foldedSpans(art)
	// Where the first post starts: text before it is the page's own (an
	// article above its comments), which a comment may quote and keep.
	first := len(text)
	for _, set := range []map[*html.Node]bool{posts, threads} {
		for p := range set {
			if sp, ok := spans[p]; ok && sp.start < first {
				first = sp.start
			}
		}
	}
	var copies []*html.Node
	for _, q := range quotes {
		sp, ok := spans[q]
		if !ok || inside(q, atom.Pre, atom.Code) {
			continue
		}
		key := strings.TrimSpace(text[sp.start:sp.end])
		if utf8.RuneCountInString(key) < quoteMinRunes {
			continue
		}
		// The copy stands in an earlier post, not earlier in the quote's
		// own: a post that quotes itself (an essay and its excerpts) keeps
		// both.
		own := ownPost(q, posts, threads)
		if own == nil {
			continue
		}
		if osp, ok := spans[own]; ok {
			if i := strings.Index(text[:osp.start], key); i >= first {
				copies = append(copies, q)
			}
		}
	}
	for _, q := range copies {
		dom.Detach(q)
	}
}

// ownPost returns the innermost post of posts or threads holding n, or
// nil.
func ownPost(n *html.Node, posts, threads map[*html.Node]bool) *html.Node {
	for p := n.Parent; p != nil; p = p.Parent {
		if posts[p] || threads[p] {
			return p
		}
	}
	return nil
}

// span is where an element's text lies in the folded text of foldedSpans.
type span struct{ start, end int }

// foldedSpans returns the text of root lower-cased with its white space
// runs folded to one space, where each container below root (an element
// with a block child, the only ones dropRepeats judges) finds its own, and
// the containers that hold a <pre>.
func foldedSpans(root *html.Node) (string, map[*html.Node]span, map[*html.Node]bool) {
	var b strings.Builder
	size := 0
	for n := root; n != nil; n = dom.Next(n, root, false) {
		if n.Type == html.TextNode {
			size += len(n.Data)
		}
	}
	b.Grow(size) // folding only shortens it, bar a few lower-case letters
	spans := map[*html.Node]span{}
	withCode := map[*html.Node]bool{}
	space := false // a white space run is pending
	var walk func(n *html.Node) bool
	walk = func(n *html.Node) (code bool) {
		start := b.Len()
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				for _, r := range c.Data {
					if unicode.IsSpace(r) {
						space = true
						continue
					}
					if space && b.Len() > 0 {
						b.WriteByte(' ')
					}
					space = false
					b.WriteRune(unicode.ToLower(r))
				}
			case html.ElementNode:
				if walk(c) || c.DataAtom == atom.Pre {
					code = true
				}
			}
		}
		if hasBlockChild(n) || n.DataAtom == atom.Blockquote {
			spans[n] = span{start, b.Len()}
			if code {
				withCode[n] = true
			}
		}
		return code
	}
	walk(root)
	return b.String(), spans, withCode
}

// alike reports whether a and b are the same kind of element: the same tag
// and the same class attribute, none included. Numbered and hashed classes
// count: they are what tells a layout's variants apart.
func alike(a, b *html.Node) bool {
	return a.Data == b.Data && strings.Join(strings.Fields(dom.Attr(a, "class")), " ") == strings.Join(strings.Fields(dom.Attr(b, "class")), " ")
}
