package render

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Footnotes are recognised by shape, not by class or id names (the
// sanitizer keeps neither): a short marker link, usually in <sup>, whose
// fragment points at an element of the article. That element's list item
// or paragraph is the footnote's body; it is written as a GFM definition
// ([^1]: …) at the end, and the marker as a reference ([^1]).

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

// backLinkTexts are the texts of links that lead from a note back to its
// reference; they mean nothing in Markdown.
var backLinkTexts = map[string]bool{
	"↩": true, "↩︎": true, "↑": true, "^": true, "⤴": true, "⤶": true,
	"↵": true, "back": true, "return": true, "[return]": true, "^ back": true,
}

type footnotes struct {
	label  map[*html.Node]string // body → label
	order  []*html.Node          // bodies in document order
	refs   map[*html.Node]string // marker link → label
	sups   map[*html.Node]bool   // <sup> elements that hold markers
	refIDs map[string]bool       // ids on or around markers: back-link targets
	// furniture are the rule and heading that introduce the notes where
	// they stood; with the notes written as definitions at the end they
	// would introduce whatever follows.
	furniture map[*html.Node]bool
	written   bool
}

// maxNotesHeadingRunes bounds the text of a heading taken for the notes'
// own ("Notes", "Footnotes", "References and notes").
const maxNotesHeadingRunes = 40

// markFurniture finds the rule and heading set just before notes written
// as loose paragraphs at the end of their block (climbing out of wrappers
// that hold only the notes) and marks them to be skipped.
func (f *footnotes) markFurniture(root *html.Node) {
	if f == nil || len(f.order) == 0 {
		return
	}
	f.furniture = map[*html.Node]bool{}
	c := f.order[0]
	if c.DataAtom == atom.Li || !endsItsBlock(f.order[len(f.order)-1]) {
		// A notes list keeps its heading (Defuddle's convention), and
		// notes followed by more text are no section of their own.
		return
	}
	for c.Parent != nil && c.Parent != root && f.holdsOnlyNotes(c.Parent, c) {
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
		if !f.isNotesIntro(prev) {
			return
		}
		f.furniture[prev] = true
		c = prev
	}
}

// endsItsBlock reports whether nothing but white space follows n in its
// parent.
func endsItsBlock(n *html.Node) bool {
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode && foldedText(s) != "" || s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return false
		}
	}
	return true
}

// holdsOnlyNotes reports whether every element child of p other than c is
// a note or its furniture (or an empty element).
func (f *footnotes) holdsOnlyNotes(p, c *html.Node) bool {
	for ch := p.FirstChild; ch != nil; ch = ch.NextSibling {
		switch {
		case ch == c:
		case ch.Type == html.TextNode:
			if strings.TrimSpace(ch.Data) != "" {
				return false
			}
		case ch.Type == html.ElementNode:
			if _, ok := f.label[ch]; !ok && foldedText(ch) != "" {
				return false
			}
		}
	}
	return true
}

// isNotesIntro reports a rule, or a short heading, that may introduce
// the notes.
func (f *footnotes) isNotesIntro(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	if n.DataAtom == atom.Hr {
		return true
	}
	if _, ok := headingLevel[n.DataAtom]; ok {
		return utf8.RuneCountInString(foldedText(n)) <= maxNotesHeadingRunes
	}
	return false
}

func (f *footnotes) isFurniture(n *html.Node) bool {
	return f != nil && f.furniture[n]
}

func (f *footnotes) isBody(n *html.Node) bool {
	if f == nil {
		return false
	}
	_, ok := f.label[n]
	return ok
}

func (f *footnotes) refLabel(n *html.Node) string {
	if f == nil {
		return ""
	}
	return f.refs[n]
}

func (f *footnotes) noteSup(n *html.Node) bool {
	return f != nil && f.sups[n]
}

// isBackLink reports whether n, inside the body of note, only leads back
// to the text or repeats the note's number.
func (f *footnotes) isBackLink(n, note *html.Node) bool {
	if f == nil {
		return false
	}
	switch n.DataAtom {
	case atom.A:
		href := attr(n, "href")
		if i := strings.IndexByte(href, '#'); i >= 0 && f.refIDs[href[i+1:]] {
			return true
		}
		t := foldedText(n)
		return strings.HasPrefix(href, "#") && (backLinkTexts[strings.ToLower(t)] || t == f.label[note])
	case atom.Sup:
		t := strings.Trim(foldedText(n), "[]().")
		return t != "" && t == f.label[note]
	}
	return false
}

// findFootnotes finds the markers and bodies below root.
func findFootnotes(root *html.Node) *footnotes {
	ids := map[string]*html.Node{}
	var anchors []*html.Node
	for n := root.FirstChild; n != nil; n = nextIn(n, root) {
		if n.Type != html.ElementNode {
			continue
		}
		if id := attr(n, "id"); id != "" {
			if _, dup := ids[id]; !dup {
				ids[id] = n
			}
		}
		if n.DataAtom == atom.A && strings.Contains(attr(n, "href"), "#") {
			anchors = append(anchors, n)
		}
	}
	if len(anchors) == 0 {
		return numberedFootnotes(root, ids)
	}
	f := &footnotes{
		label: map[*html.Node]string{}, refs: map[*html.Node]string{},
		sups: map[*html.Node]bool{}, refIDs: map[string]bool{},
	}
	refBody := map[*html.Node]*html.Node{}
	bodyOf := map[*html.Node]*html.Node{} // noteBody per target, computed once
	targetOf := func(a *html.Node) *html.Node {
		href := attr(a, "href")
		return ids[href[strings.IndexByte(href, '#')+1:]]
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
		f.label[body] = ""
		if sup != nil {
			f.sups[sup] = true
		}
		for c, i := a, 0; c != nil && c != root && i < 3; c, i = c.Parent, i+1 {
			if id := attr(c, "id"); id != "" {
				f.refIDs[id] = true
			}
		}
	}
	if len(refBody) == 0 {
		return numberedFootnotes(root, ids)
	}
	// Every item of a notes list is a note, referenced or not.
	for body := range f.label {
		if body.DataAtom != atom.Li || body.Parent == nil {
			continue
		}
		for c := body.Parent.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == atom.Li {
				f.label[c] = ""
			}
		}
	}
	for n := root.FirstChild; n != nil; n = nextIn(n, root) {
		if _, ok := f.label[n]; ok && n.Type == html.ElementNode {
			f.order = append(f.order, n)
			f.label[n] = strconv.Itoa(len(f.order))
		}
	}
	for a, body := range refBody {
		f.refs[a] = f.label[body]
	}
	return f
}

// isBackLinkPair reports whether a leads back to an earlier link that
// leads to a: a note's link back to its reference, whose target is the
// reference's paragraph, not a note. seen holds the links before a.
func isBackLinkPair(a, target *html.Node, seen map[*html.Node]bool, targetOf func(*html.Node) *html.Node) bool {
	b := target
	if b.DataAtom != atom.A {
		b = nil
		for c := target.FirstChild; c != nil && b == nil; c = nextIn(c, target) {
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
		if !(r >= '0' && r <= '9' || strings.ContainsRune("*†‡§¶", r)) {
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
		if c.Type != html.ElementNode {
			return nil
		}
		if _, ok := headingLevel[c.DataAtom]; ok {
			return nil
		}
		if !noteBodyTags[c.DataAtom] {
			continue
		}
		if c.DataAtom != atom.Li && hasDescendant(c, atom.Li) {
			return nil
		}
		if utf8.RuneCountInString(rawText(c, false)) > maxNoteRunes {
			return nil
		}
		return c
	}
	return nil
}

func hasDescendant(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = nextIn(c, n) {
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

// writeDefinitions writes the notes as GFM footnote definitions, their
// later lines indented so they stay inside the definition.
func (f *footnotes) writeDefinitions(w *mdWriter) {
	if f == nil || f.written {
		return
	}
	f.written = true
	for _, body := range f.order {
		text := w.subRender(body, false, body)
		if text == "" {
			continue
		}
		var b strings.Builder
		b.WriteString("[^" + f.label[body] + "]: ")
		for i, line := range strings.Split(text, "\n") {
			if i > 0 {
				b.WriteByte('\n')
				if line != "" {
					b.WriteString("    ")
				}
			}
			b.WriteString(line)
		}
		w.breakLines(2)
		w.raw(b.String())
		w.breakLines(2)
	}
}

// maxNumberedNotes bounds the notes matched by number alone.
const maxNumberedNotes = 999

// numberedFootnotes is the fallback when no marker links to its note (the
// page linked nothing, or the link's target id did not survive): markers
// are superscript or bracketed numbers, notes are the numbered items of an
// ordered list, or paragraphs led by a superscript number, after the first
// marker. It accepts only a complete match: markers numbered 1 to k, each
// with its note, so an exponent such as x² is never taken for a note.
func numberedFootnotes(root *html.Node, ids map[string]*html.Node) *footnotes {
	markers := map[*html.Node]int{}
	defs := map[int]*html.Node{}
	seen := map[int]bool{}
	maxNum := 0
	for n := root.FirstChild; n != nil; n = nextIn(n, root) {
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
			href := attr(n, "href")
			i := strings.IndexByte(href, '#')
			if i < 0 || ids[href[i+1:]] != nil || markerSup(n) != nil || hasElementChild(n) {
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
			next, err := strconv.Atoi(attr(n, "start"))
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
	}
	f := &footnotes{
		label: map[*html.Node]string{}, refs: map[*html.Node]string{},
		sups: map[*html.Node]bool{}, refIDs: map[string]bool{},
	}
	for i := 1; i <= maxNum; i++ {
		f.label[defs[i]] = strconv.Itoa(i)
		f.order = append(f.order, defs[i])
	}
	for m, num := range markers {
		if contains(defs[num], m) {
			return nil
		}
		f.refs[m] = strconv.Itoa(num)
	}
	return f
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

func hasElementOtherThan(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = nextIn(c, n) {
		if c.Type == html.ElementNode && c.DataAtom != a {
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
	for c := n.FirstChild; c != nil; c = nextIn(c, n) {
		if count++; count > maxMarkerNodes {
			return ""
		}
	}
	return foldedText(n)
}
