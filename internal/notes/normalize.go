package notes

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The normalised shape follows Defuddle's standardized footnotes (ids
// fn:N, fnref:N and fnref:N-k for a note's later references, a ↩ link per
// reference). The sanitizer keeps these ids because links point at them,
// and rewrites both the ids and the links with its own prefix.
const (
	noteIDPrefix = "fn:"
	refIDPrefix  = "fnref:"
	backLinkText = "↩"
	// listClass names the gathered list for readers who keep classes.
	listClass = "footnotes"
)

// markerBrackets are the characters that may surround or separate markers
// inside one <sup>: "[1]", "(2)", "1, 3".
const markerBrackets = "[](),; \t\n\u00a0"

// Normalize rewrites the footnotes below root into one shape: each marker
// becomes <sup id="fnref:N"><a href="#fn:N">N</a></sup>, and the notes,
// taken out of wherever they stood, become the items of one
// <section class="footnotes"><ol> appended to root, each ending with a
// link back to every reference to it. Links into a note or to a marker
// are pointed at the new ids; marker links whose note is not in the tree
// lose their link and keep their text. Rules and headings that introduced
// loose-paragraph notes go with them; a notes list's heading stays.
func Normalize(root *html.Node) {
	if root == nil {
		return
	}
	if root.Type == html.DocumentNode {
		if body := dom.Find(root, func(n *html.Node) bool { return n.DataAtom == atom.Body }); body != nil {
			root = body
		}
	}
	s := Find(root)
	if s != nil {
		s.rewrite(root)
	}
	unlinkDeadMarkers(root)
}

// marker is one reference to a note, in document order.
type marker struct {
	node  *html.Node // the marker as found (a link, or a bare <sup>)
	label string
	id    string // the new id of its <sup>
}

func (s *Set) rewrite(root *html.Node) {
	// Markers in document order, so a note's first reference gets fnref:N.
	var markers []marker
	count := map[string]int{}
	for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
		label := s.refs[n]
		if label == "" {
			continue
		}
		count[label]++
		id := refIDPrefix + label
		if k := count[label]; k > 1 {
			id += "-" + strconv.Itoa(k)
		}
		markers = append(markers, marker{node: n, label: label, id: id})
	}

	// Where old links led: into a note's body, or to a marker.
	retarget := map[string]string{}
	for _, body := range s.order {
		to := noteIDPrefix + s.label[body]
		for n := body; n != nil; n = dom.Next(n, body, false) {
			if id := dom.Attr(n, "id"); id != "" && n.Type == html.ElementNode {
				if _, ok := retarget[id]; !ok {
					retarget[id] = to
				}
			}
		}
	}
	for _, m := range markers {
		for c, i := m.node, 0; c != nil && c != root && i < 3; c, i = c.Parent, i+1 {
			if id := dom.Attr(c, "id"); id != "" {
				if _, ok := retarget[id]; !ok {
					retarget[id] = m.id
				}
			}
		}
	}

	// The notes' items, built before the markers change so back-links
	// are still recognisable by their targets.
	refsOf := map[string][]string{}
	for _, m := range markers {
		refsOf[m.label] = append(refsOf[m.label], m.id)
	}
	items := make([]*html.Node, 0, len(s.order))
	for _, body := range s.order {
		items = append(items, s.item(body, refsOf[s.label[body]]))
	}

	s.replaceMarkers(markers)

	created := map[*html.Node]bool{}
	for n := range s.furniture {
		if n.Parent != nil {
			n.Parent.RemoveChild(n)
		}
	}
	// All bodies go first, then the shells they leave, each once: a list
	// emptied item by item would be measured again for every item.
	var parents []*html.Node
	for _, body := range s.order {
		if parent := body.Parent; parent != nil {
			parent.RemoveChild(body)
			if !slices.Contains(parents[max(0, len(parents)-1):], parent) {
				parents = append(parents, parent)
			}
		}
	}
	var listHeadings []*html.Node
	for _, parent := range parents {
		if parent.Parent == nil {
			continue // inside a shell already removed
		}
		if prev, at := removeEmptyShells(parent, root); at != nil {
			if h := listHeading(prev, at); h != nil && !slices.Contains(listHeadings, h) {
				listHeadings = append(listHeadings, h)
			}
		}
	}

	section := element(atom.Section, "class", listClass)
	list := element(atom.Ol)
	// The heading of a notes list goes with the list rather than stay
	// behind introducing nothing; when several lists were merged, the
	// first one's heading names them all.
	for i, h := range listHeadings {
		parent := h.Parent
		parent.RemoveChild(h)
		removeEmptyShells(parent, root)
		if i == 0 {
			section.AppendChild(h)
		}
	}
	section.AppendChild(list)
	for _, li := range items {
		list.AppendChild(li)
	}
	root.AppendChild(section)

	// Ours are the only ids the new links may reach: an id elsewhere
	// that reads the same once the sanitizer has made it safe is dropped.
	ours := map[string]bool{}
	for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
		if n.Type == html.ElementNode && dom.HasAttr(n, ourMark) {
			dom.DelAttr(n, ourMark)
			created[n] = true
			ours[safeForm(dom.Attr(n, "id"))] = true
		}
	}
	for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
		if n.Type != html.ElementNode || created[n] {
			continue
		}
		for _, key := range []string{"id", "name"} {
			if v := dom.Attr(n, key); v != "" && ours[safeForm(v)] {
				dom.DelAttr(n, key)
			}
		}
		if n.DataAtom == atom.A {
			if href := dom.Attr(n, "href"); strings.HasPrefix(href, "#") {
				if to, ok := retarget[href[1:]]; ok {
					dom.SetAttr(n, "href", "#"+to)
				}
			}
		}
	}
}

// ourMark tags the elements Normalize creates until the id pass has seen
// them; it never leaves Normalize.
const ourMark = "data-notes-own"

// element makes an element with the given attribute pairs.
func element(a atom.Atom, attrs ...string) *html.Node {
	n := &html.Node{Type: html.ElementNode, DataAtom: a, Data: a.String()}
	for i := 0; i+1 < len(attrs); i += 2 {
		n.Attr = append(n.Attr, html.Attribute{Key: attrs[i], Val: attrs[i+1]})
	}
	return n
}

// item builds the list item of one note: its content without the old
// back-links and number, then a link back to each reference.
func (s *Set) item(body *html.Node, refs []string) *html.Node {
	li := element(atom.Li, "id", noteIDPrefix+s.label[body], ourMark, "")
	var drop []*html.Node
	leading, led := true, false
	for n := body.FirstChild; n != nil; {
		if n.Type == html.ElementNode && (s.IsBackLink(n, body) && (n.DataAtom == atom.A || leading) || leading && isLeadingBackLink(n)) {
			// A superscript number is the note's own only where it leads.
			drop = append(drop, n)
			led = led || leading
			n = dom.Next(n, body, true)
			continue
		}
		if n.Type == html.TextNode && strings.Trim(n.Data, leftoverMarks) != "" {
			leading = false
		}
		n = dom.Next(n, body, false)
	}
	for _, n := range drop {
		parent := n.Parent
		if parent == nil {
			continue // inside a wrapper already removed
		}
		parent.RemoveChild(n)
		// Wrappers that held only back-links, and the carets between
		// them, go too.
		for parent != nil && parent != body && parent.Type == html.ElementNode &&
			strings.Trim(dom.Text(parent), leftoverMarks) == "" && !hasMedia(parent) {
			next := parent.Parent
			dom.Detach(parent)
			parent = next
		}
	}
	for c := body.FirstChild; c != nil; {
		next := c.NextSibling
		body.RemoveChild(c)
		li.AppendChild(c)
		c = next
	}
	if stripOwnNumber(li, s.label[body]) {
		led = true
	}
	// A note that is nothing but such marks is emptied as well: cleaning
	// the output again would empty it once its back-link is removed.
	if led || strings.Trim(dom.Text(li), leftoverMarks) == "" && !hasMedia(li) {
		trimLeading(li)
	}
	trimTrailing(li)
	if len(refs) == 0 {
		return li
	}
	// Back-links go at the end of the note's last paragraph, as in
	// Defuddle, so they do not stand alone as a block.
	into := li
	if last := lastContent(li); last != nil && last.Type == html.ElementNode && last.DataAtom == atom.P {
		into = last
	}
	for _, id := range refs {
		into.AppendChild(&html.Node{Type: html.TextNode, Data: " "})
		a := element(atom.A, "href", "#"+id, ourMark, "")
		a.AppendChild(&html.Node{Type: html.TextNode, Data: backLinkText})
		into.AppendChild(a)
	}
	return li
}

// maxNumberDepth bounds how far into a note's first blocks its printed
// number is looked for (<li><p><span>[2]</span>…).
const maxNumberDepth = 3

// stripOwnNumber removes the number a page printed before a note's text
// ("[2]", "1.", "(3)"): the list numbers the notes now, from 1 in order,
// so the page's own may even disagree. It reports whether it removed one.
func stripOwnNumber(li *html.Node, label string) bool {
	n := li
	for range maxNumberDepth {
		c := firstContent(n)
		if c == nil {
			return false
		}
		if c.Type == html.TextNode {
			t := strings.TrimLeft(c.Data, leftoverMarks)
			tok, rest, ok := strings.Cut(t, " ")
			if !ok || strings.TrimSpace(rest) == "" || !isOwnNumber(tok, label, false) {
				return false
			}
			c.Data = rest
			return true
		}
		if isOwnNumber(shortText(c), label, true) {
			n.RemoveChild(c)
			return true
		}
		if !noteBodyTags[c.DataAtom] && c.DataAtom != atom.Span {
			return false
		}
		n = c
	}
	return false
}

// isOwnNumber reports whether t is a note number as printed before the
// note: bracketed ("[2]", "(2)"), or the note's label followed by "." or
// ")", or, when it is an element of its own, the bare label.
func isOwnNumber(t, label string, whole bool) bool {
	t = strings.TrimSpace(t)
	if len(t) < 2 && !whole || t == "" {
		return false
	}
	if t[0] == '[' && t[len(t)-1] == ']' || t[0] == '(' && t[len(t)-1] == ')' {
		return isMarkerText(t)
	}
	core := strings.TrimRight(t, ".)")
	return core == label && (whole || core != t)
}

// isLeadingBackLink reports an in-page link with a marker's short text
// ("a", "b", "1.") before a note's text: the links back to each of its
// references (Wikipedia's "^ a b"), also to references that extraction
// left out.
func isLeadingBackLink(n *html.Node) bool {
	if n.DataAtom != atom.A || !strings.HasPrefix(dom.Attr(n, "href"), "#") {
		return false
	}
	t := strings.Trim(shortText(n), leftoverMarks)
	return t != "" && utf8.RuneCountInString(t) <= maxMarkerRunes
}

// replaceMarkers puts a normalised <sup> in place of each marker. A <sup>
// that holds only markers (and brackets) is replaced as a whole, by one
// <sup> per marker.
func (s *Set) replaceMarkers(markers []marker) {
	groups := map[*html.Node][]marker{}
	var order []*html.Node
	for _, m := range markers {
		c := m.node
		if m.node.DataAtom == atom.A {
			if g := s.markerGroup(m.node); g != nil {
				c = g
			}
		}
		if _, ok := groups[c]; !ok {
			order = append(order, c)
		}
		groups[c] = append(groups[c], m)
	}
	for _, c := range order {
		if c.Parent == nil {
			continue
		}
		for i, m := range groups[c] {
			if i > 0 && c.DataAtom != atom.Sup {
				// Markers that stood apart in brackets ("[3, 5]") stay apart.
				c.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, c)
			}
			sup := element(atom.Sup, "id", m.id, ourMark, "")
			a := element(atom.A, "href", "#"+noteIDPrefix+m.label, ourMark, "")
			a.AppendChild(&html.Node{Type: html.TextNode, Data: m.label})
			sup.AppendChild(a)
			c.Parent.InsertBefore(sup, c)
		}
		c.Parent.RemoveChild(c)
	}
}

// groupTags are the inline elements pages wrap around one or several
// markers with their brackets: <sup>[1]</sup>, a citation's
// <cite>[3, 5]</cite>, a plugin's <span>.
var groupTags = map[atom.Atom]bool{
	atom.Sup: true, atom.Cite: true, atom.Span: true, atom.Small: true,
}

// maxGroupLevels bounds how far out from a marker link its group is
// looked for.
const maxGroupLevels = 2

// markerGroup returns the outermost element, up to maxGroupLevels out from
// the marker link a, that holds only markers and their brackets, to be
// replaced as a whole; nil when there is none.
func (s *Set) markerGroup(a *html.Node) *html.Node {
	var group *html.Node
	for c, i := a.Parent, 0; c != nil && i < maxGroupLevels; c, i = c.Parent, i+1 {
		if c.Type != html.ElementNode || !groupTags[c.DataAtom] || !s.onlyMarkers(c) {
			break
		}
		group = c
	}
	return group
}

// onlyMarkers reports whether the text of sup is its markers' text and
// brackets only, so replacing it loses nothing.
func (s *Set) onlyMarkers(sup *html.Node) bool {
	for n := sup.FirstChild; n != nil; {
		if n.Type == html.ElementNode && s.refs[n] != "" {
			n = dom.Next(n, sup, true)
			continue
		}
		if n.Type == html.TextNode && strings.Trim(n.Data, markerBrackets) != "" {
			return false
		}
		n = dom.Next(n, sup, false)
	}
	return true
}

// mediaTags keep an otherwise empty element: they are content without
// text.
var mediaTags = map[atom.Atom]bool{
	atom.Img: true, atom.Picture: true, atom.Video: true, atom.Audio: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Embed: true, atom.Canvas: true, atom.Table: true,
}

func hasMedia(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = dom.Next(c, n, false) {
		if c.Type == html.ElementNode && mediaTags[c.DataAtom] {
			return true
		}
	}
	return false
}

// removeEmptyShells removes n and its ancestors below root while they hold
// no text and no media: the list, wrapper and rule the notes left behind.
// It returns where the outermost removed element stood (its previous
// sibling and its parent), or nils when nothing was removed.
func removeEmptyShells(n, root *html.Node) (prev, parent *html.Node) {
	for n != nil && n != root && n.Type == html.ElementNode {
		// TextLenOver stops at the first letter: a large container
		// costs little.
		if dom.TextLenOver(n, 0) || hasMedia(n) || n.Parent == nil {
			return prev, parent
		}
		prev, parent = n.PrevSibling, n.Parent
		parent.RemoveChild(n)
		n = parent
	}
	return prev, parent
}

// listHeading returns the heading just before where a notes list stood
// (prev, in parent) when nothing but white space follows it there: the
// list's own heading, left introducing nothing.
func listHeading(prev, parent *html.Node) *html.Node {
	for prev != nil && (prev.Type == html.TextNode && strings.TrimSpace(prev.Data) == "" || prev.Type == html.CommentNode) {
		prev = prev.PrevSibling
	}
	if prev == nil || prev.Type != html.ElementNode || !headings[prev.DataAtom] || !isNotesIntro(prev) {
		return nil
	}
	if prev.Parent != parent || !endsItsBlock(prev) {
		return nil
	}
	return prev
}

// lastContent returns the last child of n that is an element or
// non-blank text.
func lastContent(n *html.Node) *html.Node {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode || c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return c
		}
	}
	return nil
}

// leftoverMarks are the characters a removed back-link or number leaves
// around it: "^ ", ". ", ", ".
const leftoverMarks = "^↑.,;:)] \t\n\r\u00a0"

// trimLeading removes text left before a note's content by a removed
// number or back-link ("^ ", ". "), also inside its first paragraph or
// inline wrapper (which the sanitizer may drop, leaving the marks first).
func trimLeading(n *html.Node) {
	for n != nil {
		c := n.FirstChild
		for c != nil && c.Type == html.TextNode {
			if t := strings.TrimLeft(c.Data, leftoverMarks); t != "" {
				c.Data = t
				return
			}
			n.RemoveChild(c)
			c = n.FirstChild
		}
		if c == nil || c.Type != html.ElementNode || mediaTags[c.DataAtom] || c.DataAtom == atom.Pre || c.DataAtom == atom.Code {
			return
		}
		n = c
	}
}

// trailingMarks are what a removed back-link leaves at a note's end:
// white space and the separators between several back-links.
const trailingMarks = ",; \t\n\r\u00a0"

// trimTrailing removes white space and separators left at the end of a
// note, also inside its last paragraph or inline wrapper (which the
// sanitizer may drop: an <a> without href). An empty element after them does
// not protect them: the sanitizer may drop it (a <label>), and the next
// cleaning of the output would then trim what this one kept.
func trimTrailing(n *html.Node) {
	for n != nil {
		c := n.LastChild
		for c != nil {
			if c.Type == html.TextNode {
				if t := strings.TrimRight(c.Data, trailingMarks); t != "" {
					c.Data = t
					return
				}
				prev := c.PrevSibling
				n.RemoveChild(c)
				c = prev
				continue
			}
			if c.Type == html.ElementNode && c.DataAtom != atom.P && !mediaTags[c.DataAtom] && !hasMedia(c) && dom.IsBlank(dom.Text(c)) {
				c = c.PrevSibling
				continue
			}
			break
		}
		if c == nil || c.Type != html.ElementNode || mediaTags[c.DataAtom] || c.DataAtom == atom.Pre || c.DataAtom == atom.Code {
			return
		}
		n = c
	}
}

// safeForm is an id as the sanitizer keeps it, characters outside
// [A-Za-z0-9_-] made '-', so "fn:1" and "fn-1" are one id in the output.
func safeForm(id string) string {
	b := []byte(id)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			b[i] = '-'
		}
	}
	return string(b)
}

// unlinkDeadMarkers turns marker links whose target is not in the tree
// into their text: a link to a note that extraction left out leads
// nowhere.
func unlinkDeadMarkers(root *html.Node) {
	ids := map[string]bool{}
	for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
		if n.Type != html.ElementNode {
			continue
		}
		if id := dom.Attr(n, "id"); id != "" {
			ids[id] = true
		}
		if n.DataAtom == atom.A {
			if name := dom.Attr(n, "name"); name != "" {
				ids[name] = true
			}
		}
	}
	var dead []*html.Node
	for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
		if n.Type != html.ElementNode || n.DataAtom != atom.A {
			continue
		}
		href := dom.Attr(n, "href")
		if !strings.HasPrefix(href, "#") || len(href) < 2 || ids[href[1:]] {
			continue
		}
		if markerSup(n) != nil && isMarkerText(shortText(n)) {
			dead = append(dead, n)
		}
	}
	for _, n := range dead {
		dom.Unwrap(n)
	}
}
