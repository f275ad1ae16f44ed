package extract

import (
	"strings"
	"unicode"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// endMatterHeadings are the headings, whole, that open the blocks a site
// sets after its articles rather than the article's own sections: teasers
// for other articles, the writer's biography, the comment form, share and
// tag bars. Themes give these blocks no class scoring can read (utility
// classes, page-builder ids), but their headings are stock phrases.
// Reference extractions leave the blocks out. Measured on wcxb-dev:
// "comments", "references", "sources", "FAQ", "also read", "about the
// expert" and a bare "related" (a paper's related work) are left out, as
// the truths keep the sections so headed, and so are "read more" and "in
// case you missed it", which the readability set's news pages keep over
// their links.
var endMatterHeadings = dom.Set(
	"related posts", "related articles", "related stories", "related content",
	"related reading", "related guides", "related news", "related blogs", "related blog posts",
	"recommended reading", "recommended articles", "recommended posts", "recommended stories",
	"recommended for you", "you might also like", "you may also like", "you might also enjoy",
	"you may also enjoy", "you might like", "you may like", "you might be interested in",
	"you may be interested in", "you may also be interested in", "you might also be interested in",
	"more articles", "more stories", "more posts", "more like this", "more to read", "read next",
	"what to read next", "keep reading", "popular posts", "popular articles", "most popular",
	"most read", "trending", "trending now", "latest posts", "latest articles", "latest news",
	"recent posts", "recent articles", "leave a comment", "leave a reply", "post a comment", "add a comment", "join the conversation",
	"join the discussion", "share", "share this", "share this post", "share this article",
	"share this story", "share this page", "tags", "explore more", "subscribe to our newsletter",
	"sign up for our newsletter", "image credits", "photo credits", "also see", "editor's picks",
	"editors picks", "around the web", "from the web", "promoted stories", "sponsored stories",
	"related topics", "filed under",
)

// bioHeadings open the writer's biography. Unlike the blocks above, it
// is text about the article's own author, which some references keep when
// the page sets it apart (see removeEndMatter).
var bioHeadings = dom.Set("about the author", "about the authors", "about the writer", "about the reviewer",
	"meet the author", "author bio", "meet the testers")

// endMatterPrefixes open such a heading followed by more words: the
// site's or writer's name ("More from The Daily"), a qualifier ("Related
// articles that may interest you").
var endMatterPrefixes = []string{
	"more from ", "more articles ", "more stories ", "more posts from ", "related posts ",
	"related articles ", "related stories ", "you might also ", "you may also ",
	"other articles ", "explore more related ",
}

const (
	// endMatterStart: an end-matter heading is trusted only after this
	// share of the article's text; near the top the same words head a
	// byline block or a story about the subject.
	endMatterStart = 0.5
	// endMatterMaxShare bounds what one heading's block may take of the
	// article: more is the article itself under an unlucky heading.
	endMatterMaxShare = 0.35
	// endMatterHeadingLen bounds a heading's text, in bytes, before it is
	// read: the phrases are short.
	endMatterHeadingLen = 60
)

// removeEndMatter removes the blocks that an end-matter heading (see
// endMatterHeadings) opens in the latter part of the article: the heading,
// or the wrapper holding only it, and its following siblings up to the
// next heading of the same or higher rank.
//
// A heading whose block holds nothing else has lost its links to other
// rules and goes alone, but a biography's heading stays then: its text
// may follow in a block apart (a name under "About the Author"). A
// line standing in for a heading (a bold paragraph, a styled <div>) opens
// a block only of links, or a biography.
func removeEndMatter(art *html.Node) {
	total := unitsOf(art)
	if total == 0 {
		return
	}
	var heads []*html.Node
	seen := 0
	for n := art.FirstChild; n != nil; {
		skip := false
		switch {
		case n.Type == html.TextNode:
			u, _ := textUnits(n.Data)
			seen += u
		case dom.IsElement(n, atom.Script, atom.Style, atom.Template, atom.Pre, atom.Code):
			skip = true
		case headingRank(n) > 0:
			if float64(seen) >= endMatterStart*float64(total) && endMatterKind(n) != notEndMatter {
				heads = append(heads, n)
			}
		}
		n = dom.Next(n, art, skip)
	}
	for _, h := range heads {
		if h.Parent == nil {
			continue // inside a block an earlier heading removed
		}
		kind := endMatterKind(h)
		block := endMatterBlock(h, art)
		units, links := 0, 0
		for _, n := range block {
			units += unitsOf(n)
			links += linkUnitsOf(n)
		}
		rest := units - unitsOf(h)
		switch {
		case float64(units) > endMatterMaxShare*float64(total):
			continue
		case rest < minParagraph && kind == bioEndMatter:
			continue
		case headingRank(h) == pseudoHeadingRank && kind != bioEndMatter && float64(links) < pseudoLinkShare*float64(rest):
			continue
		}
		for _, n := range block {
			dom.Detach(n)
		}
	}
}

// linkUnitsOf measures the text inside links below n.
func linkUnitsOf(n *html.Node) int {
	units := 0
	for _, a := range dom.FindAll(n, atom.A) {
		units += unitsOf(a)
	}
	if n.DataAtom == atom.A {
		units = unitsOf(n)
	}
	return units
}

// pseudoHeadingRank is the rank of a line standing in for a heading: a
// paragraph or <div> of a few words and no blocks (see headingRank).
const pseudoHeadingRank = 7

// pseudoLinkShare: the block a pseudo-heading opens is at least this share
// links, as teasers and share bars are; a bold line over prose is the
// article's own.
const pseudoLinkShare = 0.5

// headingRank is 1 to 6 for h1 to h6, pseudoHeadingRank for a short
// paragraph or <div> without blocks, else 0.
func headingRank(n *html.Node) int {
	if r := dom.HeadingRank(n); r != 0 {
		return r
	}
	if dom.IsElement(n, atom.P, atom.Div) && !hasBlockChild(n) && !dom.TextLenOver(n, endMatterHeadingLen) {
		return pseudoHeadingRank
	}
	return 0
}

// The kinds of end-matter heading.
const (
	notEndMatter = iota
	linksEndMatter
	bioEndMatter
)

// endMatterKind tells whether h's text is an end-matter phrase, and
// which.
func endMatterKind(h *html.Node) int {
	if dom.TextLenOver(h, endMatterHeadingLen) {
		return notEndMatter
	}
	text := endMatterKey(dom.Text(h))
	if bioHeadings[text] || strings.HasPrefix(text, "about the author ") {
		return bioEndMatter
	}
	if endMatterHeadings[text] {
		return linksEndMatter
	}
	for _, p := range endMatterPrefixes {
		if strings.HasPrefix(text, p) {
			return linksEndMatter
		}
	}
	return notEndMatter
}

// endMatterKey lower-cases text, joins its words with single spaces and
// drops the punctuation and symbols around it ("Related Posts:", "— Share
// this —", "You Might Also Like…").
func endMatterKey(text string) string {
	text = strings.Join(strings.Fields(strings.ToLower(text)), " ")
	return strings.TrimFunc(text, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// endMatterBlock returns the nodes an end-matter heading h opens: h, or
// the outermost wrapper below art whose text is only h's, then that
// block's following siblings up to one that is or holds a heading of h's
// rank or higher.
func endMatterBlock(h, art *html.Node) []*html.Node {
	rank := headingRank(h)
	block := h
	own := unitsOf(h)
	for p := block.Parent; p != nil && p != art && unitsOf(p) == own; p = p.Parent {
		block = p
	}
	nodes := []*html.Node{block}
	for s := block.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode && holdsHeadingOf(s, rank) {
			break
		}
		nodes = append(nodes, s)
	}
	return nodes
}

// holdsHeadingOf reports whether n is or holds a heading of rank or
// higher (a smaller number).
func holdsHeadingOf(n *html.Node, rank int) bool {
	isHigher := func(c *html.Node) bool {
		r := headingRank(c)
		return r > 0 && r < pseudoHeadingRank && r <= rank
	}
	return isHigher(n) || dom.Find(n, isHigher) != nil
}
