// Package dom holds the small tree helpers that every stage shares: reading
// and writing attributes, collecting text, walking and detaching nodes of a
// golang.org/x/net/html tree.
//
// All walkers here are iterative, so a hostile page nested a hundred thousand
// levels deep cannot exhaust the stack.
package dom

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Attr returns the value of the attribute key on n, or "".
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val
		}
	}
	return ""
}

// HasAttr reports whether n carries the attribute key.
func HasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return true
		}
	}
	return false
}

// SetAttr sets key to val on n, replacing an existing value.
func SetAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// DelAttr removes key from n and reports whether it was there.
func DelAttr(n *html.Node, key string) bool {
	for i, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			n.Attr = append(n.Attr[:i], n.Attr[i+1:]...)
			return true
		}
	}
	return false
}

// HeadingRank is the rank of a heading element, 1 for <h1> to 6 for <h6>,
// or 0 for any other node.
func HeadingRank(n *html.Node) int {
	if n == nil || n.Type != html.ElementNode {
		return 0
	}
	switch n.DataAtom {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// IsElement reports whether n is an element with one of the given atoms.
func IsElement(n *html.Node, tags ...atom.Atom) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	for _, t := range tags {
		if n.DataAtom == t {
			return true
		}
	}
	return false
}

// Detach removes n from its parent, if it has one.
func Detach(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// Unwrap replaces n by its children.
func Unwrap(n *html.Node) {
	p := n.Parent
	if p == nil {
		return
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		p.InsertBefore(c, n)
		c = next
	}
	p.RemoveChild(n)
}

// Next returns the node after n in document order, staying inside root.
// With skipChildren it does not descend into n. Walking with Next instead of
// recursion keeps deep trees safe, and a caller may detach n before moving
// on provided it computed the next node first.
func Next(n, root *html.Node, skipChildren bool) *html.Node {
	if !skipChildren && n.FirstChild != nil {
		return n.FirstChild
	}
	for ; n != nil && n != root; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// Elements calls fn for every element below root (root excluded) in
// document order. fn returns false to skip the element's children; it may
// detach the element it is given.
func Elements(root *html.Node, fn func(n *html.Node) (descend bool)) {
	for n := root.FirstChild; n != nil; {
		if n.Type != html.ElementNode {
			n = Next(n, root, false)
			continue
		}
		parent, next := n.Parent, Next(n, root, true)
		descend := fn(n)
		if n.Parent != parent {
			// fn moved or detached n: continue after where it was.
			n = next
			continue
		}
		n = Next(n, root, !descend)
	}
}

// HasElementChild reports whether n has a child element.
func HasElementChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return true
		}
	}
	return false
}

// Find returns the first element below root for which match is true.
func Find(root *html.Node, match func(*html.Node) bool) *html.Node {
	for n := root.FirstChild; n != nil; n = Next(n, root, false) {
		if n.Type == html.ElementNode && match(n) {
			return n
		}
	}
	return nil
}

// FindAll returns every element below root with one of the given atoms.
func FindAll(root *html.Node, tags ...atom.Atom) []*html.Node {
	var out []*html.Node
	for n := root.FirstChild; n != nil; n = Next(n, root, false) {
		if IsElement(n, tags...) {
			out = append(out, n)
		}
	}
	return out
}

// Text returns the text below n with whitespace runs folded to one space
// and trimmed, the way a reader perceives it.
func Text(n *html.Node) string {
	switch {
	case n.Type == html.TextNode:
		return Fold(n.Data)
	case n.FirstChild != nil && n.FirstChild == n.LastChild && n.FirstChild.Type == html.TextNode:
		// The common case of an element holding one run of text needs no
		// copy of it.
		return Fold(n.FirstChild.Data)
	}
	// The raw text is gathered at its exact size: on the stack when short,
	// as most elements asked are, and folded into the one string returned.
	size := 0
	for c := n.FirstChild; c != nil; {
		skip := false
		switch {
		case c.Type == html.TextNode:
			size += len(c.Data)
		case IsElement(c, atom.Script, atom.Style, atom.Template, atom.Noscript):
			skip = true
		}
		c = Next(c, n, skip)
	}
	var buf [256]byte
	if size <= len(buf) {
		return foldBytes(appendRawText(buf[:0], n))
	}
	var b strings.Builder
	b.Grow(size)
	AppendText(&b, n)
	return Fold(b.String())
}

// appendRawText is AppendText into a byte slice.
func appendRawText(b []byte, n *html.Node) []byte {
	for c := n.FirstChild; c != nil; {
		skip := false
		switch {
		case c.Type == html.TextNode:
			b = append(b, c.Data...)
		case IsElement(c, atom.Script, atom.Style, atom.Template, atom.Noscript):
			skip = true
		}
		c = Next(c, n, skip)
	}
	return b
}

// foldBytes is Fold(string(raw)), copying raw only once.
func foldBytes(raw []byte) string {
	folded, prevSpace := true, true
	for _, r := range string(raw) {
		switch {
		case r == ' ':
			folded = folded && !prevSpace
			prevSpace = true
		case unicode.IsSpace(r) || r == '\u00a0' || r == utf8.RuneError:
			folded = false
		default:
			prevSpace = false
		}
		if !folded {
			break
		}
	}
	if folded && (len(raw) == 0 || !prevSpace) {
		return string(raw)
	}
	var b strings.Builder
	b.Grow(len(raw))
	space := false
	for _, r := range string(raw) {
		if unicode.IsSpace(r) || r == '\u00a0' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// AppendText writes the raw text of every text node below n (n included)
// to b, skipping script, style, template and noscript contents.
func AppendText(b *strings.Builder, n *html.Node) {
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
		return
	}
	for c := n.FirstChild; c != nil; {
		skip := false
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case IsElement(c, atom.Script, atom.Style, atom.Template, atom.Noscript):
			skip = true
		}
		c = Next(c, n, skip)
	}
}

// Fold collapses every run of Unicode white space in s to one space and
// trims both ends.
func Fold(s string) string {
	if isFolded(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// isFolded reports whether Fold would return s unchanged: no white space at
// either end, and none inside but single ASCII spaces.
func isFolded(s string) bool {
	if s == "" {
		return true
	}
	prevSpace := true // a leading space is not folded
	for _, r := range s {
		switch {
		case r == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case unicode.IsSpace(r) || r == '\u00a0' || r == utf8.RuneError:
			// Fold writes an invalid byte as U+FFFD: not unchanged.
			return false
		default:
			prevSpace = false
		}
	}
	return !prevSpace
}

// TextLen returns the number of non-space characters of text below n, a
// length that is fair to every script. Script, style and template contents
// are not text a reader sees and are skipped.
func TextLen(n *html.Node) int {
	if n.Type == html.TextNode {
		return countNonSpace(n.Data)
	}
	count := 0
	for c := n.FirstChild; c != nil; {
		skip := false
		switch {
		case c.Type == html.TextNode:
			count += countNonSpace(c.Data)
		case IsElement(c, atom.Script, atom.Style, atom.Template):
			skip = true
		}
		c = Next(c, n, skip)
	}
	return count
}

func countNonSpace(s string) int {
	count := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if !asciiSpace[c] {
				count++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			count++
		}
		i += size
	}
	return count
}

// asciiSpace is unicode.IsSpace for ASCII, as a table for the byte loop.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// TextLenOver reports whether TextLen(n) > limit, stopping as soon as it
// is, so a check on every element costs O(limit) instead of O(subtree).
func TextLenOver(n *html.Node, limit int) bool {
	if n.Type == html.TextNode {
		return countNonSpace(n.Data) > limit
	}
	count := 0
	for c := n.FirstChild; c != nil; {
		skip := false
		switch {
		case c.Type == html.TextNode:
			if count += countNonSpace(c.Data); count > limit {
				return true
			}
		case IsElement(c, atom.Script, atom.Style, atom.Template):
			skip = true
		}
		c = Next(c, n, skip)
	}
	return false
}

// IsBlank reports whether s holds only white space.
func IsBlank(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) && r != '\u00a0' {
			return false
		}
	}
	return true
}

// UTF16Len is the length of s as JavaScript counts it, which is what
// Readability's `length` reports.
func UTF16Len(s string) int {
	n := 0
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// Clone returns a deep copy of n, detached from any tree. The copy's nodes
// and attributes are allocated in two blocks, not one by one: extraction
// clones the whole page for each attempt.
func Clone(n *html.Node) *html.Node {
	nodes, attrs := 0, 0
	for c := n; c != nil; c = Next(c, n, false) {
		nodes++
		attrs += len(c.Attr)
	}
	a := cloneArena{nodeBlock: make([]html.Node, nodes), attrBlock: make([]html.Attribute, attrs)}
	cp := a.shallow(n)
	// Walk the source and the copy together, iteratively.
	src, dst := n, cp
	for src != nil {
		if src.FirstChild != nil {
			c := a.shallow(src.FirstChild)
			dst.AppendChild(c)
			src, dst = src.FirstChild, c
			continue
		}
		for src != n && src.NextSibling == nil {
			src, dst = src.Parent, dst.Parent
		}
		if src == n {
			break
		}
		c := a.shallow(src.NextSibling)
		dst.Parent.AppendChild(c)
		src, dst = src.NextSibling, c
	}
	return cp
}

// cloneArena hands out the nodes and attribute slices of one Clone.
type cloneArena struct {
	nodeBlock []html.Node
	attrBlock []html.Attribute
}

func (a *cloneArena) shallow(n *html.Node) *html.Node {
	c := &a.nodeBlock[0]
	a.nodeBlock = a.nodeBlock[1:]
	c.Type, c.DataAtom, c.Data, c.Namespace = n.Type, n.DataAtom, n.Data, n.Namespace
	if k := len(n.Attr); k > 0 {
		// Capped, so an append to one node's attributes cannot overwrite
		// the next node's.
		c.Attr = a.attrBlock[:k:k]
		a.attrBlock = a.attrBlock[k:]
		copy(c.Attr, n.Attr)
	}
	return c
}

// IsLineNumbers reports whether text holds only consecutive numbers, one a
// line: the gutter a code highlighter sets beside the code, not code.
func IsLineNumbers(text string) bool {
	prev := -1
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		v, err := strconv.Atoi(line)
		if err != nil || (prev >= 0 && v != prev+1) {
			return false
		}
		prev = v
	}
	return prev >= 0
}
