// Package notes finds an article's footnotes and rewrites them into one
// shape. Find takes an article tree and gives the note bodies, in order and
// numbered, with the in-text markers that refer to them; Normalize takes
// the article subtree after extraction and rewrites it so every marker is
// <sup id="fnref:N"><a href="#fn:N">N</a></sup> and every note an item of
// one list at the end, <li id="fn:N">… <a href="#fnref:N">↩</a></li>, the
// standardized form of Defuddle. The Markdown renderer reads the same Set
// to write GFM footnotes.
//
// Notes are recognised by shape, not by class or id names, so that every
// site's convention (Wikipedia, WordPress plugins, Pandoc, Hugo,
// MultiMarkdown, Substack, plain numbered lists) is one case: a short
// marker link, usually in <sup>, whose fragment points at an element of the
// article whose list item or paragraph is the note's body. When nothing
// links (the page linked nothing, or the target ids were lost), superscript
// numbers 1…k matched to a numbered list or numbered paragraphs after them
// are taken, and only as a complete set.
package notes

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxMarkerRunes bounds the text of a marker link that is not in <sup>:
// "[12]", "†", "iv" are markers, "see the notes" is an ordinary link.
const maxMarkerRunes = 5

// maxNoteRunes bounds a footnote body; a target longer than this is a
// section the link jumps to, not a note.
const maxNoteRunes = 6000

// noteBodyTags are the elements that can hold one footnote's text, tried
// from the link's target outwards.
var noteBodyTags = map[atom.Atom]bool{
	atom.Li: true, atom.P: true, atom.Div: true, atom.Aside: true,
	atom.Dd: true, atom.Section: true, atom.Footer: true,
}

// headings end the search for a note's body: a link to a heading jumps to
// a section.
var headings = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// backLinkTexts are the texts of links that lead from a note back to its
// reference (the arrows of Pandoc, Hugo, WordPress plugins and
// MultiMarkdown, Wikipedia's caret, and their words).
var backLinkTexts = map[string]bool{
	"↩": true, "↩︎": true, "↑": true, "^": true, "⤴": true, "⤶": true,
	"↵": true, "back": true, "return": true, "[return]": true, "^ back": true,
}

// markerSymbols are the characters besides digits that mark a note
// (the typographic sequence *, †, ‡, §, ¶).
const markerSymbols = "*†‡§¶"

// Set is the footnotes found in one tree. A nil *Set has no notes; every
// method accepts it.
type Set struct {
	label  map[*html.Node]string // body → label
	order  []*html.Node          // bodies in document order
	refs   map[*html.Node]string // marker → label
	sups   map[*html.Node]bool   // <sup> elements that hold markers
	refIDs map[string]bool       // ids on or around markers: back-link targets
	// furniture are the rule and heading that introduce notes written as
	// loose paragraphs where they stood; with the notes gathered
	// elsewhere they would introduce whatever follows.
	furniture map[*html.Node]bool
}

func newSet() *Set {
	return &Set{
		label: map[*html.Node]string{}, refs: map[*html.Node]string{},
		sups: map[*html.Node]bool{}, refIDs: map[string]bool{},
		furniture: map[*html.Node]bool{},
	}
}

// Notes returns the note bodies in document order.
func (s *Set) Notes() []*html.Node {
	if s == nil {
		return nil
	}
	return s.order
}

// Label returns the number of the note whose body is n, or "".
func (s *Set) Label(n *html.Node) string {
	if s == nil {
		return ""
	}
	return s.label[n]
}

// IsNote reports whether n is a note's body.
func (s *Set) IsNote(n *html.Node) bool {
	if s == nil {
		return false
	}
	_, ok := s.label[n]
	return ok
}

// RefLabel returns the number of the note the marker n refers to, or "".
func (s *Set) RefLabel(n *html.Node) string {
	if s == nil {
		return ""
	}
	return s.refs[n]
}

// IsMarkerSup reports whether n is a <sup> that holds markers.
func (s *Set) IsMarkerSup(n *html.Node) bool {
	return s != nil && s.sups[n]
}

// IsFurniture reports whether n is a rule or heading that introduced notes
// written as loose paragraphs.
func (s *Set) IsFurniture(n *html.Node) bool {
	return s != nil && s.furniture[n]
}

// IsBackLink reports whether n, inside the body of note, only leads back
// to the text or repeats the note's number.
func (s *Set) IsBackLink(n, note *html.Node) bool {
	if s == nil || n.Type != html.ElementNode {
		return false
	}
	switch n.DataAtom {
	case atom.A:
		href := dom.Attr(n, "href")
		if i := strings.IndexByte(href, '#'); i >= 0 && s.refIDs[href[i+1:]] {
			return true
		}
		t := foldedText(n)
		return strings.HasPrefix(href, "#") && (backLinkTexts[strings.ToLower(t)] || t == s.label[note])
	case atom.Sup:
		t := strings.Trim(foldedText(n), "[]().")
		return t != "" && t == s.label[note]
	}
	return false
}

// Find finds the markers and note bodies below root; nil when there are
// none.
func Find(root *html.Node) *Set {
	if root == nil {
		return nil
	}
	s := find(root)
	if s == nil || len(s.order) == 0 {
		return nil
	}
	s.markFurniture(root)
	return s
}

func find(root *html.Node) *Set {
	ids := map[string]*html.Node{}
	var anchors []*html.Node
	for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
		if n.Type != html.ElementNode {
			continue
		}
		if id := dom.Attr(n, "id"); id != "" {
			if _, dup := ids[id]; !dup {
				ids[id] = n
			}
		}
		if n.DataAtom == atom.A && strings.Contains(dom.Attr(n, "href"), "#") {
			anchors = append(anchors, n)
		}
	}
	if len(anchors) == 0 {
		return numbered(root, ids)
	}
	s := newSet()
	refBody := map[*html.Node]*html.Node{}
	bodyOf := map[*html.Node]*html.Node{} // noteBody per target, computed once
	targetOf := func(a *html.Node) *html.Node {
		return ids[fragment(dom.Attr(a, "href"))]
	}
	seen := map[*html.Node]bool{}
	for _, a := range anchors {
		seen[a] = true
		target := targetOf(a)
		if target == nil || contains(target, a) {
			continue
		}
		if isBackLinkPair(a, target, seen, targetOf) {
			continue
		}
		sup := markerSup(a)
		if sup == nil && !isMarkerText(shortText(a)) {
			continue
		}
		body, done := bodyOf[target]
		if !done {
			body = noteBody(target, root)
			bodyOf[target] = body
		}
		if body == nil || contains(body, a) {
			continue
		}
		refBody[a] = body
		s.label[body] = ""
		if sup != nil {
			s.sups[sup] = true
		}
		for c, i := a, 0; c != nil && c != root && i < 3; c, i = c.Parent, i+1 {
			if id := dom.Attr(c, "id"); id != "" {
				s.refIDs[id] = true
			}
		}
	}
	if len(refBody) == 0 {
		return numbered(root, ids)
	}
	// Every item of a notes list is a note, referenced or not.
	lists := map[*html.Node]bool{}
	for body := range s.label {
		if body.DataAtom != atom.Li || body.Parent == nil || lists[body.Parent] {
			continue
		}
		lists[body.Parent] = true
		for c := body.Parent.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Li {
				s.label[c] = ""
			}
		}
	}
	for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
		if _, ok := s.label[n]; ok && n.Type == html.ElementNode {
			s.order = append(s.order, n)
			s.label[n] = strconv.Itoa(len(s.order))
		}
	}
	for a, body := range refBody {
		s.refs[a] = s.label[body]
	}
	return s
}

// Outside returns the blocks of page holding the notes that markers in art
// lead to but art lacks: each note's list, or the note itself when it is
// not in a list; once each, in page order. Blocks sharing an id with art
// are left out, so a list the article already holds part of is not added
// twice.
func Outside(art, page *html.Node) []*html.Node {
	have := map[string]bool{}
	var wanted []string
	for n := art.FirstChild; n != nil; n = dom.Next(n, art, false) {
		if n.Type != html.ElementNode {
			continue
		}
		if id := dom.Attr(n, "id"); id != "" {
			have[id] = true
		}
		if n.DataAtom == atom.A && strings.HasPrefix(dom.Attr(n, "href"), "#") &&
			(markerSup(n) != nil || isMarkerText(shortText(n))) {
			wanted = append(wanted, fragment(dom.Attr(n, "href")))
		}
	}
	missing := map[string]bool{}
	for _, id := range wanted {
		if id != "" && !have[id] {
			missing[id] = true
		}
	}
	if len(missing) == 0 {
		return nil
	}
	boxes := map[*html.Node]bool{}
	artText := ""
	for n := page.FirstChild; n != nil; n = dom.Next(n, page, false) {
		if n.Type != html.ElementNode || !missing[dom.Attr(n, "id")] {
			continue
		}
		body := noteBody(n, page)
		if body == nil {
			continue
		}
		// Tidying may have dropped only the note's empty anchor: a note
		// whose text the article holds is there already.
		if artText == "" {
			artText = dom.Text(art)
		}
		if t := dom.Text(body); t == "" || strings.Contains(artText, t) {
			continue
		}
		box := body
		if body.DataAtom == atom.Li && body.Parent != nil {
			box = body.Parent
		}
		if !inFurniture(box) {
			boxes[box] = true
		}
	}
	var out []*html.Node
	for n := page.FirstChild; n != nil && len(boxes) > 0; {
		if !boxes[n] {
			n = dom.Next(n, page, false)
			continue
		}
		delete(boxes, n)
		if !sharesID(n, have) {
			out = append(out, n)
		}
		n = dom.Next(n, page, true)
	}
	return out
}

// inFurniture reports whether n sits in a page footer, header, navigation
// or sidebar: the legal small print a product page numbers there is not
// the article's notes.
func inFurniture(n *html.Node) bool {
	for p := n; p != nil; p = p.Parent {
		switch p.DataAtom {
		case atom.Footer, atom.Header, atom.Nav, atom.Aside:
			return true
		}
		switch strings.ToLower(dom.Attr(p, "role")) {
		case "contentinfo", "banner", "navigation", "complementary":
			return true
		}
	}
	return false
}

// sharesID reports whether an element at or below n has an id in ids.
func sharesID(n *html.Node, ids map[string]bool) bool {
	for c := n; c != nil; c = dom.Next(c, n, false) {
		if c.Type == html.ElementNode && ids[dom.Attr(c, "id")] && dom.Attr(c, "id") != "" {
			return true
		}
	}
	return false
}

// fragment returns what follows the first '#' of href, or "".
func fragment(href string) string {
	if i := strings.IndexByte(href, '#'); i >= 0 {
		return href[i+1:]
	}
	return ""
}

// isBackLinkPair reports whether a leads back to an earlier link that
// leads to a: a note's link back to its reference, whose target is the
// reference's paragraph, not a note. seen holds the links before a.
func isBackLinkPair(a, target *html.Node, seen map[*html.Node]bool, targetOf func(*html.Node) *html.Node) bool {
	b := target
	if b.DataAtom != atom.A {
		b = nil
		for c := target.FirstChild; c != nil && b == nil; c = dom.Next(c, target, false) {
			if c.Type == html.ElementNode && c.DataAtom == atom.A {
				b = c
			}
		}
	}
	if b == nil || b == a || !seen[b] {
		return false
	}
	t := targetOf(b)
	return t != nil && (contains(t, a) || t == a.Parent || t == a)
}

// markerSup returns the <sup> a marker link sits in or holds.
func markerSup(a *html.Node) *html.Node {
	for c, i := a.Parent, 0; c != nil && i < 2; c, i = c.Parent, i+1 {
		if c.Type == html.ElementNode && c.DataAtom == atom.Sup {
			return c
		}
	}
	for c := a.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Sup {
			return c
		}
	}
	return nil
}

// isMarkerText reports whether a link's text looks like a note marker.
func isMarkerText(t string) bool {
	t = strings.Trim(t, "[]() ")
	if t == "" || utf8.RuneCountInString(t) > maxMarkerRunes {
		return false
	}
	for _, r := range t {
		if !(r >= '0' && r <= '9' || strings.ContainsRune(markerSymbols, r)) {
			return false
		}
	}
	return true
}

// noteBody finds the element holding a note from the link's target: the
// target or a near ancestor that is a list item, paragraph or box, short
// enough to be one note.
func noteBody(target, root *html.Node) *html.Node {
	for c, i := target, 0; c != nil && c != root && i < 4; c, i = c.Parent, i+1 {
		if c.Type != html.ElementNode || headings[c.DataAtom] {
			return nil
		}
		if !noteBodyTags[c.DataAtom] {
			continue
		}
		if c.DataAtom != atom.Li && hasDescendant(c, atom.Li) {
			return nil
		}
		if textRunesOver(c, maxNoteRunes) {
			return nil
		}
		return c
	}
	return nil
}

// textRunesOver reports whether the text below n is longer than limit
// runes, reading no further than needed.
func textRunesOver(n *html.Node, limit int) bool {
	count := 0
	for c := n.FirstChild; c != nil; {
		skip := false
		switch {
		case c.Type == html.TextNode:
			if count += utf8.RuneCountInString(c.Data); count > limit {
				return true
			}
		case skipped[c.DataAtom]:
			skip = true
		}
		c = dom.Next(c, n, skip)
	}
	return false
}

// skipped are elements whose content is never article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true,
}

func hasDescendant(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = dom.Next(c, n, false) {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return true
		}
	}
	return false
}

// contains reports whether n is d or an ancestor of d.
func contains(n, d *html.Node) bool {
	for ; d != nil; d = d.Parent {
		if d == n {
			return true
		}
	}
	return false
}

// maxNotesHeadingRunes bounds the text of a heading taken for the notes'
// own ("Notes", "Footnotes", "References and notes").
const maxNotesHeadingRunes = 40

// markFurniture finds the rule and heading set just before notes written
// as loose paragraphs at the end of their block (climbing out of wrappers
// that hold only the notes).
func (s *Set) markFurniture(root *html.Node) {
	c := s.order[0]
	if c.DataAtom == atom.Li || !endsItsBlock(s.order[len(s.order)-1]) {
		// A notes list keeps its heading (Defuddle's convention), and
		// notes followed by more text are no section of their own.
		return
	}
	for c.Parent != nil && c.Parent != root && s.holdsOnlyNotes(c.Parent, c) {
		c = c.Parent
	}
	for i := 0; c != nil && c != root && i < 4; i++ {
		prev := c.PrevSibling
		for prev != nil && (prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "" || prev.Type == html.CommentNode) {
			prev = prev.PrevSibling
		}
		if prev == nil {
			c = c.Parent
			continue
		}
		if !isNotesIntro(prev) {
			return
		}
		s.furniture[prev] = true
		c = prev
	}
}

// endsItsBlock reports whether nothing but white space follows n in its
// parent.
func endsItsBlock(n *html.Node) bool {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && foldedText(c) != "" || c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return false
		}
	}
	return true
}

// holdsOnlyNotes reports whether every element child of p other than c is
// a note or its furniture (or an empty element).
func (s *Set) holdsOnlyNotes(p, c *html.Node) bool {
	for ch := p.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case ch == c:
		case ch.Type == html.TextNode:
			if strings.TrimSpace(ch.Data) != "" {
				return false
			}
		case ch.Type == html.ElementNode:
			if _, ok := s.label[ch]; !ok && foldedText(ch) != "" {
				return false
			}
		}
	}
	return true
}

// isNotesIntro reports a rule, or a short heading, that may introduce the
// notes.
func isNotesIntro(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if n.DataAtom == atom.Hr {
		return true
	}
	return headings[n.DataAtom] && utf8.RuneCountInString(foldedText(n)) <= maxNotesHeadingRunes
}

// maxNumberedNotes bounds the notes matched by number alone.
const maxNumberedNotes = 999

// numbered is the fallback when no marker links to its note: markers are
// superscript or bracketed numbers, notes are the numbered items of an
// ordered list, or paragraphs led by a superscript number, after the first
// marker. It accepts only a complete match: markers numbered 1 to k, each
// with its note, so an exponent such as x² is never taken for a note.
func numbered(root *html.Node, ids map[string]*html.Node) *Set {
	markers := map[*html.Node]int{}
	defs := map[int]*html.Node{}
	seen := map[int]bool{}
	maxNum := 0
	for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Sup:
			num := markerNumber(shortText(n))
			if num == 0 || hasElementOtherThan(n, atom.A) {
				continue
			}
			if p := n.Parent; p != nil && p.DataAtom == atom.P && firstContent(p) == n {
				if len(markers) > 0 && defs[num] == nil {
					defs[num] = p
				}
				continue
			}
			if p := n.Parent; p != nil && p.DataAtom == atom.A && firstContent(p) == n && p.FirstChild == p.LastChild {
				markers[p] = num // the link around the number is the marker
				continue
			}
			markers[n] = num
		case atom.A:
			href := dom.Attr(n, "href")
			if !strings.Contains(href, "#") || ids[fragment(href)] != nil || markerSup(n) != nil || dom.HasElementChild(n) {
				continue
			}
			t := shortText(n)
			if !strings.HasPrefix(t, "[") || !strings.HasSuffix(t, "]") {
				continue
			}
			if num := markerNumber(t); num > 0 {
				markers[n] = num
			}
		case atom.Ol:
			if len(markers) == 0 {
				continue
			}
			next, err := strconv.Atoi(dom.Attr(n, "start"))
			if err != nil || next < 1 {
				next = 1
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.DataAtom == atom.Li {
					if next <= maxNumberedNotes && defs[next] == nil {
						defs[next] = c
					}
					next++
				}
			}
		}
	}
	for _, num := range markers {
		seen[num] = true
		maxNum = max(maxNum, num)
	}
	if maxNum == 0 {
		return nil
	}
	for i := 1; i <= maxNum; i++ {
		if !seen[i] || defs[i] == nil {
			return nil
		}
		// An item of nothing but punctuation is no note; normalised, it
		// would be emptied (see trimLeading).
		if strings.Trim(dom.Text(defs[i]), leftoverMarks) == "" && !hasMedia(defs[i]) {
			return nil
		}
	}
	s := newSet()
	for i := 1; i <= maxNum; i++ {
		s.label[defs[i]] = strconv.Itoa(i)
		s.order = append(s.order, defs[i])
	}
	for m, num := range markers {
		if contains(defs[num], m) {
			return nil
		}
		s.refs[m] = strconv.Itoa(num)
	}
	return s
}

// markerNumber reads a note number such as "3" or "[3]"; 0 if it is not.
func markerNumber(t string) int {
	t = strings.TrimSpace(strings.Trim(t, "[]() "))
	if t == "" || len(t) > 3 {
		return 0
	}
	v, err := strconv.Atoi(t)
	if err != nil || v < 1 {
		return 0
	}
	return v
}

// hasElementOtherThan reports whether n holds an element other than a.
func hasElementOtherThan(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = dom.Next(c, n, false) {
		// An element HTML does not know (a custom tag) is no content of
		// its own: the sanitizer drops it and keeps its text, and the
		// output cleaned again must find the same markers.
		if c.Type == html.ElementNode && c.DataAtom != a && c.DataAtom != 0 {
			return true
		}
	}
	return false
}

// firstContent returns the first child of n that is an element or
// non-blank text.
func firstContent(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode || c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return c
		}
	}
	return nil
}

// maxMarkerNodes bounds the nodes read for a marker's text: markers are
// tiny, and reading no further keeps deep trees linear.
const maxMarkerNodes = 8

// shortText is the folded text of a small subtree, or "" for a large one.
func shortText(n *html.Node) string {
	count := 0
	for c := n.FirstChild; c != nil; c = dom.Next(c, n, false) {
		if count++; count > maxMarkerNodes {
			return ""
		}
	}
	return foldedText(n)
}

// foldedText is the text below n as a reader perceives it.
func foldedText(n *html.Node) string {
	return dom.Text(n)
}
