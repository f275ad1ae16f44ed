package extract

import (
	"slices"
	"strings"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// An article's standfirst (dek, lede, intro, summary) is often printed in
// the header block above the body, beside the headline, not in the
// container that holds the body: a documentation page's intro under its
// <h1>, a magazine's dek in the hero. Scoring, which starts from the body,
// leaves it behind with the headline and byline around it. findLead finds
// its paragraphs before the article is gathered, and they are put back at
// the article's start.

// leadWords name a block or paragraph that holds the standfirst itself; a
// glossary entry prints its short "definition" there.
var leadWords = dom.Set("dek", "deck", "standfirst", "lede", "lead", "intro", "introduction",
	"summary", "subtitle", "subheading", "subhead", "abstract", "ingress", "definition")

// headerWords name the article's header block: it holds the standfirst
// when it also holds the headline (an <h1>), and otherwise may be the
// site's own header.
var headerWords = dom.Set("header", "hero", "masthead")

// notLeadWords mark the header's other lines, which are not the
// standfirst even when they read as a sentence.
var notLeadWords = dom.Set("byline", "bylines", "author", "bio", "tooltip", "meta", "date", "time", "credit", "credits", "caption",
	"copyright", "breadcrumb", "breadcrumbs", "disclaimer", "disclosure", "share", "tags")

var leadHints = dom.NewMatcher(leadWords, headerWords, notLeadWords)

const (
	leadBit = 1 << iota
	headerBit
	notLeadBit
)

const (
	// leadLevels is how far above the body's container the header block
	// is looked for: the header is the body's sibling or its parent's.
	leadLevels = 3
	// leadMinUnits is the shortest standfirst paragraph: a sentence, not
	// a label or a date.
	leadMinUnits = 40
	// leadMaxShare bounds the standfirst's text against the body's: more
	// is another article's teaser, not this one's dek.
	leadMaxShare = 0.5
	// leadMaxLinkDensity keeps link lists and "read more" teasers out; an
	// intro may link a few terms.
	leadMaxLinkDensity = 0.5
)

// findLead returns the standfirst paragraphs printed above top, the scored
// body, in document order, or nil.
func findLead(top, body *html.Node, st stats) []*html.Node {
	n := top
	for range leadLevels {
		if n == body || n.Parent == nil {
			return nil
		}
		if isMainLandmark(n) {
			return headerLeadBefore(n, top, st)
		}
		if paras := leadBefore(n, top, st); paras != nil {
			return paras
		}
		n = n.Parent
	}
	return nil
}

// leadBefore returns the standfirst printed among the siblings before n,
// the body or one of its containers, or nil. The nearest block with text
// decides: a standfirst is printed right above the body, never past other
// text. Two kinds of block may stand between: the header's short lines
// (date, byline, reading time), which are passed, and prose blocks right
// under the block holding the headline, which are the standfirst itself
// when that block is reached.
func leadBefore(n, top *html.Node, st stats) []*html.Node {
	var prose []*html.Node // nearest first
	limit := leadMaxShare * float64(st.units(top))
	for s := n.PrevSibling; s != nil; s = s.PrevSibling {
		if s.Type != html.ElementNode || st.units(s) == 0 || dom.IsElement(s, atom.Aside, atom.Nav, atom.Figure, atom.Form) {
			continue
		}
		if prose == nil {
			if paras := leadParagraphs(s, false); paras != nil && float64(unitsOfAll(paras)) <= limit {
				return paras
			}
		}
		if holdsHeadline(s) {
			paras := leadParagraphs(s, true)
			for i := len(prose) - 1; i >= 0; i-- {
				paras = append(paras, proseParagraphs(prose[i])...)
			}
			if float64(unitsOfAll(paras)) <= limit {
				return paras
			}
			return nil
		}
		switch {
		case isHeaderLine(s, st):
		case isProseBlock(s) && !repeatsBody(s, top):
			prose = append(prose, s)
		default:
			return nil
		}
	}
	return nil
}

// leadLineMax is the most text (in units) of a header line that stands
// between the headline and the body without being prose: a date, a
// byline with the author's title, a reading time.
const leadLineMax = 100

// isHeaderLine reports a short block that is not a sentence: one of the
// header's lines.
func isHeaderLine(s *html.Node, st stats) bool {
	u := st.units(s)
	return u < leadMinUnits || u < leadLineMax && !endsSentence(dom.Text(s))
}

// isProseBlock reports a block that reads as a standfirst: sentences,
// mostly not links, no headings of its own, not one of the header's named
// lines.
func isProseBlock(s *html.Node) bool {
	if leadHints.MatchNode(s)&notLeadBit != 0 || !isLeadProse(s) || notLeadLabel(dom.Text(s)) {
		return false
	}
	return dom.Find(s, func(c *html.Node) bool {
		return dom.IsElement(c, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Ul, atom.Ol, atom.Table)
	}) == nil
}

// proseParagraphs returns the paragraphs of the prose block s that read
// as a standfirst, or s itself when it has none: the paragraphs are moved
// alone, so that the block's other lines (a source link, a button) stay
// behind.
func proseParagraphs(s *html.Node) []*html.Node {
	var paras []*html.Node
	for _, p := range dom.FindAll(s, atom.P) {
		if !notLeadBetween(p, s) && isLeadProse(p) {
			paras = append(paras, p)
		}
	}
	if paras == nil {
		return []*html.Node{s}
	}
	return paras
}

// repeatedLeadProbe is how much of a block's text (in bytes, folded) is
// looked for in the body to tell a summary box that repeats a paragraph.
const repeatedLeadProbe = 120

// repeatsBody reports whether the text of s is printed in the body top
// too: a summary box that repeats the first paragraph, which the reader
// needs once. The probe is taken from the middle of the box, past a label
// ("Summary") it may open with.
func repeatsBody(s, top *html.Node) bool {
	box := dom.Fold(dom.Text(s))
	from := len(box) / 4
	probe := box[from : from+min(repeatedLeadProbe, len(box)/2)]
	return strings.Contains(dom.Fold(dom.Text(top)), probe)
}

// notLeadLabel reports text that opens with a notLeadWords label
// ("Disclosure: ...", "Credit: ..."): the header's fine print, however
// well it reads.
func notLeadLabel(text string) bool {
	label, _, ok := strings.Cut(strings.TrimSpace(text), ":")
	return ok && len(label) <= 20 && notLeadWords[strings.ToLower(label)]
}

func holdsHeadline(s *html.Node) bool {
	return s.DataAtom == atom.H1 || dom.Find(s, func(n *html.Node) bool { return n.DataAtom == atom.H1 }) != nil
}

// leadParagraphs returns the standfirst paragraphs of block s: all its
// prose paragraphs when s is named as a standfirst or is a header block
// holding the headline, else, when s holds the headline, those paragraphs
// named as a standfirst. Above the body (above is set), a paragraph inside
// a block so named counts too: there the headline block is the article's
// own, whose intro wrapper names what it holds.
func leadParagraphs(s *html.Node, above bool) []*html.Node {
	bits := leadHints.MatchNode(s)
	if bits&notLeadBit != 0 || dom.IsElement(s, atom.Footer) {
		return nil
	}
	// Only the article's own header holds its headline: a related-posts
	// block also names its teasers "summary", but holds no <h1>.
	headline := dom.Find(s, func(n *html.Node) bool { return n.DataAtom == atom.H1 }) != nil
	whole := bits&leadBit != 0 || headline && (s.DataAtom == atom.Header || bits&headerBit != 0)
	if !whole && !headline {
		return nil
	}
	var paras []*html.Node
	var seen []string
	for _, p := range dom.FindAll(s, atom.P) {
		if !whole && !(above && namedLeadBetween(p, s) || leadHints.MatchNode(p)&leadBit != 0) || notLeadBetween(p, s) {
			continue
		}
		if !isLeadProse(p) {
			continue
		}
		// Headers often print their dek twice, for wide and narrow
		// screens; the reader needs it once.
		text := dom.Fold(dom.Text(p))
		if slices.Contains(seen, text) {
			continue
		}
		seen = append(seen, text)
		paras = append(paras, p)
	}
	if paras == nil && bits&leadBit != 0 && isLeadProse(s) && !holdsBlocks(s) {
		// A standfirst block writes its sentence without a <p>.
		return []*html.Node{s}
	}
	return paras
}

// holdsBlocks reports whether n holds a block-level element: a block
// without one is a paragraph, whatever its tag.
func holdsBlocks(n *html.Node) bool {
	return dom.Find(n, func(c *html.Node) bool {
		return c != n && dom.IsElement(c, atom.P, atom.Div, atom.Section, atom.Ul, atom.Ol, atom.Table, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Blockquote, atom.Header)
	}) != nil
}

// notLeadBetween reports whether p, or a block between p and the header s,
// is another of the header's lines (a byline, an author's tooltip bio, a
// fact-check note folded in <details>) or not text at all.
func notLeadBetween(p, s *html.Node) bool {
	for n := p; n != nil && n != s; n = n.Parent {
		if leadHints.MatchNode(n)&notLeadBit != 0 ||
			dom.IsElement(n.Parent, atom.A, atom.Nav, atom.Button, atom.Footer, atom.Figure, atom.Blockquote, atom.Details) {
			return true
		}
	}
	return false
}

// namedLeadBetween reports whether p, or a block between p and the header
// s, is named as the standfirst.
func namedLeadBetween(p, s *html.Node) bool {
	for n := p; n != nil && n != s; n = n.Parent {
		if leadHints.MatchNode(n)&leadBit != 0 {
			return true
		}
	}
	return false
}

// isLeadProse reports whether p reads as a standfirst sentence: long
// enough, ending like a sentence, and mostly not links.
func isLeadProse(p *html.Node) bool {
	units := unitsOf(p)
	if units < leadMinUnits || !endsSentence(dom.Text(p)) {
		return false
	}
	links := 0
	for _, a := range dom.FindAll(p, atom.A) {
		links += unitsOf(a)
	}
	return float64(links) < leadMaxLinkDensity*float64(units)
}

func unitsOfAll(nodes []*html.Node) int {
	total := 0
	for _, n := range nodes {
		total += unitsOf(n)
	}
	return total
}

// keepHeaderLead prunes a header block that stripUnlikely condemns down
// to its headline and standfirst, when it is the article's header (it
// holds the headline) and has one, and reports whether it did. The pruned
// block stays where it was, so that scoring and findLead meet the
// standfirst where the page put it; the headline goes later with the
// title (see tidy).
func keepHeaderLead(n *html.Node) bool {
	paras := leadParagraphs(n, false)
	if paras == nil {
		return false
	}
	keep := func(c *html.Node) bool {
		return c.DataAtom == atom.H1 || slices.Contains(paras, c)
	}
	var prune func(p *html.Node)
	prune = func(p *html.Node) {
		for c := p.FirstChild; c != nil; {
			next := c.NextSibling
			switch {
			case c.Type == html.ElementNode && keep(c):
			case c.Type == html.ElementNode && dom.Find(c, keep) != nil:
				prune(c)
			default:
				p.RemoveChild(c)
			}
			c = next
		}
	}
	prune(n)
	return true
}

// prependLead moves the standfirst paragraphs to the start of art, in
// their order, unless gathering already brought them in.
func prependLead(art *html.Node, lead []*html.Node) {
	first := art.FirstChild
	for _, p := range lead {
		if isAncestor(art, p) {
			continue
		}
		dom.Detach(p)
		art.InsertBefore(p, first)
	}
}
