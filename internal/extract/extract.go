// Package extract is the pipeline stage that finds the main article in a
// document whose clutter is already gone.
//
// Article takes the document tree and returns a new <div> holding the
// article's nodes (moved out of the document). Paragraphs score their
// ancestors, the best-scored block and its related siblings form the
// article, and the article is then tidied (link farms, empty blocks and
// the repeated title heading removed). When the result is too short the
// search is repeated with looser rules, as Readability and trafilatura do,
// and the longest result is kept. Last, its footnotes, in whatever style
// the page wrote them, become one list with back-links.
package extract

import (
	"cmp"
	"math"
	"slices"
	"strings"

	"articleclean/internal/dom"
	"articleclean/internal/notes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Options tune Article.
type Options struct {
	// KeepAll returns the whole body, tidied, instead of the article.
	KeepAll bool
	// Title is the article's title from the metadata; a heading repeating
	// it is removed from the content, since readers show the title apart.
	Title string
	// ArticleBody is the text the page's structured data gives as the
	// article (JSON-LD articleBody), or "".
	ArticleBody string
	// ProductDescription is the description of the page's product from
	// its structured data, when the page shows it (see
	// addProductDescription), or "".
	ProductDescription string
	// Byline is the author as the metadata found it; the short line that
	// shows it ("By Jo Quill · 14 May") is removed from the content, as
	// readers show the byline apart.
	Byline string
}

// flags are the rules an attempt applies; later attempts drop them.
type flags struct {
	stripUnlikely      bool
	weightClasses      bool
	cleanConditionally bool
	// discussion: the page declares itself a thread (see
	// isDiscussionPage), whose comment-named blocks are its content.
	discussion bool
}

// attempts are tried in order until one finds enough text.
var attempts = []flags{
	{stripUnlikely: true, weightClasses: true, cleanConditionally: true},
	{weightClasses: true, cleanConditionally: true},
	{cleanConditionally: true},
	{},
}

// Article returns a <div> holding the article of doc, its footnotes
// gathered into one list with back-links (internal/notes). Notes kept in a
// block of their own beside the article, which scoring leaves behind, are
// brought in when the article's markers lead to them.
func Article(doc *html.Node, opts Options) *html.Node {
	art := find(doc, opts)
	if !opts.KeepAll {
		addProductDescription(art, opts.ProductDescription)
		for _, box := range notes.Outside(art, doc) {
			art.AppendChild(dom.Clone(box))
		}
	}
	notes.Normalize(art)
	dropStrayRules(art)
	dropLabelPanels(art)
	dropRepeats(art)
	dropQuotedRepeats(art)
	removeCallsToAction(art)
	return art
}

// ruleContent are the elements that count as content between two rules,
// besides text.
var ruleContent = []atom.Atom{atom.Img, atom.Picture, atom.Video, atom.Audio, atom.Iframe, atom.Object, atom.Embed, atom.Math, atom.Svg}

// dropStrayRules removes the horizontal rules of art that separate nothing:
// before its first content, after its last, and the later of two with no
// content between. They are what is left of the blocks removed around them
// (a table of contents between two rules, related posts after the last).
func dropStrayRules(art *html.Node) {
	var stray []*html.Node
	var pending *html.Node // a rule after content, kept if content follows
	seen := false
	for n := art.FirstChild; n != nil; {
		skip := false
		switch {
		case n.Type == html.TextNode && !dom.IsBlank(n.Data):
			seen, pending = true, nil
		case n.Type != html.ElementNode:
		case n.DataAtom == atom.Hr:
			if !seen || pending != nil {
				stray = append(stray, n)
			} else {
				pending = n
			}
		case dom.IsElement(n, ruleContent...):
			seen, pending, skip = true, nil, true
		}
		n = dom.Next(n, art, skip)
	}
	if pending != nil {
		stray = append(stray, pending)
	}
	for _, n := range stray {
		dom.Detach(n)
	}
}

// find returns a <div> holding the article of doc.
func find(doc *html.Node, opts Options) *html.Node {
	body := dom.Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		body = doc
	}
	if opts.KeepAll {
		out := newDiv()
		moveChildren(body, out)
		tidy(out, measure(out), flags{}, opts)
		return out
	}
	pageUnits := unitsOf(body)
	if onlyFrame(body, pageUnits) {
		return newDiv()
	}
	enough := min(retryUnits, pageUnits/2)
	var best *html.Node
	bestUnits := -1
	discussion := isDiscussionPage(body)
	for _, f := range attempts {
		// Each attempt consumes a copy, so the next one, and the landmark
		// fallback below, start from the whole page.
		f.discussion = discussion
		art := attempt(dom.Clone(body), f, opts)
		u := unitsOf(art)
		if u > bestUnits {
			best, bestUnits = art, u
		}
		if u >= enough {
			break
		}
	}
	// Pages rendered by scripts may hold the article only in their
	// structured data: when it is much longer than what was found, it is
	// the article.
	if body := bodyFromStructuredData(opts.ArticleBody); body != nil {
		if u := unitsOf(body); u >= structuredMinUnits && float64(bestUnits) < structuredShare*float64(u) {
			return body
		}
	}
	// Listings, product pages and hubs have no article-like block: their
	// content is many short, linked items that scoring rightly distrusts
	// in an article. When every attempt found little of a page with much
	// text, the page's own main container, stripped of furniture, is the
	// better answer.
	//
	// The same container also wins when it holds much more prose than the
	// scored block: the page's text is split into sibling blocks (a thread's
	// posts, a service page's sections, an article interrupted by
	// full-width figures) that no single candidate spans. That is trusted
	// only where the page declares the container: without one, the whole
	// body's extra prose is as often comments and teasers. A page of short
	// sections, which holds little prose anywhere, is judged by its text
	// instead (see sectioned).
	//
	// The whole body, which no landmark declares, replaces a weak result
	// only when it adds prose or at least weakBodyGrowth times its text:
	// a thread of one-line posts, all of them found, gains only the
	// page's menus and footers from it.
	bestProse := proseIn(best)
	weak := bestUnits < int(weakShare*float64(pageUnits)) && bestUnits < weakUnits && bestProse < articleProse
	if !weak && !landmarkMayHoldMore(body, bestUnits, bestProse) {
		return best
	}
	// A copy too: the page stays whole for the notes the article refers
	// to (see Article).
	art, declared := landmarkAttempt(dom.Clone(body), discussion, opts)
	lp, au := proseIn(art), unitsOf(art)
	more := declared && float64(lp) >= landmarkProseGrowth*float64(bestProse) && lp-bestProse >= landmarkProseUnits
	if weak && au > bestUnits && (declared || lp > bestProse || float64(au) >= weakBodyGrowth*float64(bestUnits)) || more || declared && sectioned(best, art, bestProse, pageUnits) {
		best = art
	}
	return best
}

// landmarkMayHoldMore reports whether a main landmark of body holds enough
// text that its prose could outgrow the scored block's (see find): the
// landmark attempt, which copies and re-tidies the page, is skipped when
// even all of the largest landmark's text would not be enough.
func landmarkMayHoldMore(body *html.Node, bestUnits, bestProse int) bool {
	largest := -1
	dom.Elements(body, func(n *html.Node) bool {
		if !isMainLandmark(n) {
			return true
		}
		largest = max(largest, unitsOf(n))
		return false // a landmark inside it holds less
	})
	if largest < 0 {
		return false
	}
	if bestProse < sectionedMaxProse && float64(largest) >= sectionedGrowth*float64(bestUnits) {
		return true
	}
	return float64(largest) >= landmarkProseGrowth*float64(bestProse) && largest-bestProse >= landmarkProseUnits
}

// sectioned reports whether the landmark's article art is a page of many
// short sections of which scoring took one: a service or landing page whose
// headings, short paragraphs and feature lists no prose measure counts. It
// holds much more text than the scored block best and at least half of the
// page's, the text it adds is mostly not links (unlike the card grids and
// link lists around a collection's description; a page of headed sections
// may link more, see headedSections), and best is no long
// article, whose surroundings are more often newsletter boxes and
// testimonials. A landmark holding a small part of a page full of other
// text is no surer a guide than the scoring.
func sectioned(best, art *html.Node, bestProse, pageUnits int) bool {
	if bestProse >= sectionedMaxProse {
		return false
	}
	bs, _ := proseWalk(best)
	as, _ := proseWalk(art)
	extra := as.units - bs.units
	if extra <= 0 || float64(as.units) < sectionedGrowth*float64(bs.units) || float64(as.units) < sectionedPageShare*float64(pageUnits) {
		return false
	}
	links := float64(as.linkUnits - bs.linkUnits)
	return links < sectionedLinkDensity*float64(extra) || links < headedLinkDensity*float64(extra) && headedSections(art)
}

// proseIn sums the text of the blocks of art whose own text is long enough
// to be prose: <p> elements, and the text runs of <br>-separated layouts.
func proseIn(art *html.Node) int {
	count := 0
	for c := art.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			_, prose := proseWalk(c)
			count += prose
		}
	}
	return count
}

// proseWalk returns n's stat as measure computes it (commas and scores
// aside) and the prose proseIn finds in n's subtree, n included, in one
// post-order walk: the whole article is measured without a stats map.
func proseWalk(n *html.Node) (s stat, prose int) {
	below := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			u, _ := textUnits(c.Data)
			s.units += u
			s.directUnits += u
		case html.ElementNode:
			cs, cp := proseWalk(c)
			s.units += cs.units
			s.linkUnits += cs.linkUnits
			if blockTags[c.DataAtom] {
				s.blockChild = true
			} else {
				s.directUnits += cs.units
			}
			below += cp
		}
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		s.linkUnits = s.units
		return s, 0 // a link is never prose, nor is anything in it
	}
	own := s.directUnits
	if !s.blockChild {
		own = s.units
	}
	if own >= proseUnits && linkShare(s) < maxLinkDensity {
		return s, own
	}
	return s, below
}

// linkShare is stats.linkDensity for a stat at hand.
func linkShare(s stat) float64 {
	if s.units == 0 {
		return 0
	}
	return float64(s.linkUnits) / float64(s.units)
}

// bodyFromStructuredData builds an article from a JSON-LD articleBody:
// markup is parsed as such, plain text becomes one paragraph per line.
func bodyFromStructuredData(text string) *html.Node {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	art := newDiv()
	if strings.Contains(text, "</") {
		nodes, err := html.ParseFragment(strings.NewReader(text), art)
		if err != nil {
			return nil
		}
		for _, n := range nodes {
			art.AppendChild(n)
		}
		return art
	}
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
			p.AppendChild(&html.Node{Type: html.TextNode, Data: line})
			art.AppendChild(p)
		}
	}
	return art
}

// landmarkAttempt returns the page's main landmark (or the whole body)
// with furniture stripped, or nil.
func landmarkAttempt(body *html.Node, discussion bool, opts Options) (art *html.Node, declared bool) {
	stripUnlikely(body, discussion)
	removePostFurniture(body)
	root := landmark(body)
	art = newDiv()
	moveChildren(root, art)
	tidy(art, measure(art), flags{}, opts)
	return art, root != body
}

// landmark finds the container the page declares as its main content:
// the largest <main> or role=main, else body.
//
// The text is measured as measure does (see proseWalk), but only for the
// body and the landmarks: no stats map for the whole page.
func landmark(body *html.Node) *html.Node {
	var best *html.Node
	bestUnits := 0
	for _, n := range dom.FindAll(body, atom.Main, atom.Div, atom.Section) {
		if n.DataAtom != atom.Main && !strings.EqualFold(dom.Attr(n, "role"), "main") {
			continue
		}
		if s, _ := proseWalk(n); best == nil || s.units > bestUnits {
			best, bestUnits = n, s.units
		}
	}
	if best == nil {
		return body
	}
	if s, _ := proseWalk(body); bestUnits*4 < s.units {
		return body
	}
	return best
}

// attempt runs one extraction with the given rules on body, which it
// consumes.
func attempt(body *html.Node, f flags, opts Options) *html.Node {
	if f.stripUnlikely {
		stripUnlikely(body, f.discussion)
	} else {
		stripDeclaredFurniture(body)
	}
	removePostFurniture(body)
	st := measure(body)
	score(body, st, f)
	top := pickTop(body, st)
	top = declaredBody(top, body, st)
	top = repeatedAncestor(top, body, st)
	top = nestedThread(top, body, st)
	top = cardList(top, body, st)
	top = productGrid(top, body, st)
	top = sectionRun(top, body, st)
	top = proseAncestor(top, body, st)
	lead := findLead(top, body, st)
	art := gather(top, body, st)
	prependLead(art, lead)
	// The gathered nodes keep their stats: gathering moves whole subtrees.
	tidy(art, st, f, opts)
	return art
}

// unitsOf measures the text below n without keeping per-node stats.
func unitsOf(n *html.Node) int { return unitsUpTo(n, math.MaxInt) }

// unitsAtLeast reports whether unitsOf(n) >= limit, stopping as soon as it
// is: a block asked whether it holds half the page need not be read to its
// end once it does.
func unitsAtLeast(n *html.Node, limit int) bool {
	return limit <= 0 || unitsUpTo(n, limit) >= limit
}

// unitsUpTo is unitsOf(n), counted no further than limit.
func unitsUpTo(n *html.Node, limit int) int {
	units := 0
	for c := n; c != nil; {
		skip := false
		switch {
		case c.Type == html.TextNode:
			u, _ := textUnits(c.Data)
			if units += u; units >= limit {
				return units
			}
		case dom.IsElement(c, atom.Script, atom.Style, atom.Template):
			skip = true
		}
		c = dom.Next(c, n, skip)
	}
	return units
}

// stripUnlikely removes blocks whose class, id, role or tag says they are
// navigation, comments or furniture, unless they hold most of the page.
// A block that says so by its tag or ARIA role goes whatever its size when
// the page declares its main content elsewhere: legal footnotes and mega
// menus can outweigh a product or landing page's own text, and the page's
// markup says which is which.
//
// A block's text is measured only when its markup already condemns it, and
// before anything inside it is removed: the walk reaches a block before
// its descendants. On a discussion page the blocks named as replies stay
// (see isDiscussionPage).
func stripUnlikely(body *html.Node, discussion bool) {
	total := unitsOf(body)
	mains := mainLandmarks(body)
	dom.Elements(body, func(n *html.Node) bool {
		if dom.IsElement(n, atom.A, atom.Body, atom.Html, atom.Article, atom.Main) {
			return true
		}
		declared := declaredFurniture(n)
		if (declared || unlikelyBlock(n) && !(discussion && namesPosts(n)) && !pagedGrid(n) && !componentPart(n)) && !tablePart(n) && (!unitsAtLeast(n, (total+1)/2) || declared && mainOutside(n, mains)) {
			if !keepHeaderLead(n) {
				dom.Detach(n)
			}
			return false
		}
		// What code holds is judged with it, not part by part.
		return !dom.IsElement(n, atom.Pre, atom.Code)
	})
}

// sectionsInCells are the containers that can hold a whole page section
// (a comment list, a sidebar) inside a table cell; sectionInCellUnits is
// the least text such a section holds. Smaller or other elements in a data
// table are the table's own labels: pricing grids and card tables name their
// cells "header" or "banner".
var sectionsInCells = []atom.Atom{atom.Div, atom.Ol, atom.Ul, atom.Section, atom.Aside, atom.Nav, atom.Dl, atom.Form}

const sectionInCellUnits = 200

// tablePart reports whether n belongs to a data table rather than sitting
// in it: table parts and cell contents within three levels of the table
// (as Readability.js spares them), and anything but a sizeable section
// deeper down. Old table layouts, which put the whole page in one table,
// are judged like any other markup: their comment lists and side columns
// are blocks like any other.
func tablePart(n *html.Node) bool {
	for p, depth := n.Parent, 1; p != nil; p, depth = p.Parent, depth+1 {
		if p.DataAtom == atom.Table && isDataTable(p) {
			return depth <= 3 || !dom.IsElement(n, sectionsInCells...) || !unitsAtLeast(n, sectionInCellUnits)
		}
	}
	return false
}

// declaredFurniture reports a block whose tag or ARIA role says it is
// navigation, a footer or a complementary rail.
func declaredFurniture(n *html.Node) bool {
	return unlikelyRoles[strings.ToLower(dom.Attr(n, "role"))] || dom.IsElement(n, atom.Nav, atom.Aside, atom.Footer)
}

// stripDeclaredFurniture removes, whatever their size, the blocks whose tag
// or role says they are furniture when the page declares its main content
// outside them. Unlike class names, which later attempts stop trusting,
// landmarks are the page's own statement of its structure, so every
// attempt honours them.
func stripDeclaredFurniture(body *html.Node) {
	mains := mainLandmarks(body)
	if len(mains) == 0 {
		return
	}
	dom.Elements(body, func(n *html.Node) bool {
		if declaredFurniture(n) && !dom.IsElement(n, atom.Body, atom.Html, atom.Article, atom.Main) && mainOutside(n, mains) {
			dom.Detach(n)
			return false
		}
		return !dom.IsElement(n, atom.Table, atom.Pre, atom.Code)
	})
}

// removePostFurniture removes the blocks a discussion repeats around each
// post (signatures, vote counters, poster statistics). It runs before
// scoring, in every attempt, so that the block is chosen by the text that
// will be kept. Only short blocks go, so a container of posts whose class
// happens to hold such a word stays.
func removePostFurniture(body *html.Node) {
	removePostMarkers(body)
	detachWhere(body, func(n *html.Node) bool {
		return isPostFurniture(n) && !unitsAtLeast(n, postFurnitureMaxUnits+1)
	})
}

// detachWhere removes the elements below root that match, looking neither
// inside a match nor inside code, whose class names describe the code.
func detachWhere(root *html.Node, match func(n *html.Node) bool) {
	var found []*html.Node
	dom.Elements(root, func(n *html.Node) bool {
		if match(n) {
			found = append(found, n)
			return false
		}
		return !dom.IsElement(n, atom.Pre, atom.Code)
	})
	for _, n := range found {
		dom.Detach(n)
	}
}

// isPostFurniture reports whether n's class, or the role or component name
// a forum engine gives it instead (Invision's data-role, NodeBB's
// component), holds a postFurnitureWords word.
func isPostFurniture(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Namespace == "" && postFurnitureAttrs[a.Key] && postFurniture.Match(a.Val) != 0 {
			return true
		}
	}
	return false
}

// mainLandmarks returns the page's <main> and role=main elements that hold
// a paragraph's worth of text.
func mainLandmarks(body *html.Node) []*html.Node {
	var mains []*html.Node
	dom.Elements(body, func(n *html.Node) bool {
		if isMainLandmark(n) && unitsAtLeast(n, minParagraph) {
			mains = append(mains, n)
		}
		return true
	})
	return mains
}

func isMainLandmark(n *html.Node) bool {
	return n.DataAtom == atom.Main || strings.EqualFold(dom.Attr(n, "role"), "main")
}

// mainOutside reports whether one of mains lies outside n's subtree.
func mainOutside(n *html.Node, mains []*html.Node) bool {
	for _, m := range mains {
		if m != n && !isAncestor(n, m) {
			return true
		}
	}
	return false
}

func inside(n *html.Node, tags ...atom.Atom) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if dom.IsElement(p, tags...) {
			return true
		}
	}
	return false
}

// hasClassOrID reports whether n has a class or id with a word in it. Only
// such elements get a class weight, itemprop included: measured, weighing
// an itemprop alone picks worse candidates.
func hasClassOrID(n *html.Node) bool {
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && a.Namespace == "" && !dom.IsBlank(a.Val) {
			return true
		}
	}
	return false
}

// classWeightOf scores n's class and id against the hint tables.
func classWeightOf(n *html.Node) float64 {
	if !hasClassOrID(n) {
		return 0
	}
	hints := classHints.MatchNode(n)
	w := 0.0
	if hints&hintNegative != 0 && !collapsedPanel(n) {
		w -= classWeight
	}
	if hints&hintPositive != 0 {
		w += classWeight
	}
	if ip := strings.ToLower(dom.Attr(n, "itemprop")); articleBodyItemprops[ip] {
		w += classWeight
	}
	return w
}

// collapsedPanel reports an accordion or expander panel that is negative
// only because its class says it is closed ("accordion-panel-hidden"):
// the reader opens it with a click, and its text is content.
func collapsedPanel(n *html.Node) bool {
	return panelHints.MatchNode(n) == 1
}

// paragraphTags are the elements whose own text is scored as a paragraph.
var paragraphTags = map[atom.Atom]bool{
	atom.P: true, atom.Pre: true, atom.Td: true, atom.Blockquote: true, atom.Li: true,
	atom.Dd: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Center: true, atom.Figure: true,
}

// score gives every paragraph's score to its ancestors.
func score(body *html.Node, st stats, f flags) {
	dom.Elements(body, func(n *html.Node) bool {
		s := st[n]
		if s == nil || !paragraphTags[n.DataAtom] {
			return true
		}
		// A block's own text is a paragraph: all of it for a leaf block,
		// the direct text runs for a block that also holds other blocks.
		units, commas := s.directUnits, s.directCommas
		if !s.blockChild {
			units, commas = s.units, s.commas
		}
		if units < minParagraph {
			return true
		}
		if n.DataAtom == atom.Li && st.linkDensity(n) > 0.5 {
			return true
		}
		points := 1 + float64(commas) + float64(min(units/unitsPerPoint, maxLengthPoints))
		// A mixed block's direct text is its own paragraph; a leaf block
		// hands its score to its parent like a <p>.
		p := n.Parent
		level := 0
		if s.blockChild {
			p = n
		}
		for ; p != nil && level < ancestorLevels; p, level = p.Parent, level+1 {
			if p.Type != html.ElementNode {
				break
			}
			ps := st.get(p)
			if !ps.scored {
				ps.scored = true
				ps.score = tagWeights[p.DataAtom]
				if f.weightClasses {
					ps.score += threadWeight(p, f)
				}
			}
			switch level {
			case 0:
				ps.score += points
			case 1:
				ps.score += points / 2
			default:
				ps.score += points / float64(level*3)
			}
			if p.DataAtom == atom.Body {
				break
			}
		}
		return true
	})
	for n, s := range st {
		if s.scored {
			s.score *= 1 - st.linkDensity(n)
		}
	}
}

// pickTop chooses the block the article is built around.
func pickTop(body *html.Node, st stats) *html.Node {
	type cand struct {
		n     *html.Node
		score float64
	}
	var cands []cand
	for n, s := range st {
		if s.scored && n.Type == html.ElementNode {
			cands = append(cands, cand{n, s.score})
		}
	}
	if len(cands) == 0 {
		return body
	}
	slices.SortFunc(cands, func(a, b cand) int {
		if a.score != b.score {
			return cmp.Compare(b.score, a.score)
		}
		return cmp.Compare(st[a.n].order, st[b.n].order)
	})
	top := cands[0].n
	topScore := cands[0].score

	// Several strong candidates under one ancestor mean the article is
	// split into sections: take the ancestor that holds them.
	var strong []*html.Node
	for _, c := range cands[1:min(len(cands), 5)] {
		if c.score >= 0.75*topScore {
			strong = append(strong, c.n)
		}
	}
	if len(strong) >= 3 {
		for p := top.Parent; p != nil && p != body; p = p.Parent {
			holds := 0
			for _, s := range strong {
				if isAncestor(p, s) {
					holds++
				}
			}
			if holds >= 3 {
				top = p
				break
			}
		}
	}

	// Climb while a parent scores better, as the article's true container
	// often does once its sections' scores add up.
	last := st.get(top).score
	threshold := last / 3
	for p := top.Parent; p != nil && p != body; p = p.Parent {
		ps := st[p]
		if ps == nil || !ps.scored {
			continue
		}
		if ps.score < threshold {
			break
		}
		if ps.score > last {
			top = p
			break
		}
		last = ps.score
	}
	for top.Parent != nil && top.Parent != body && onlyElementChild(top.Parent) == top {
		top = top.Parent
	}
	return top
}

func isAncestor(a, n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p == a {
			return true
		}
	}
	return false
}

func onlyElementChild(p *html.Node) *html.Node {
	var only *html.Node
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			if only != nil {
				return nil
			}
			only = c
		case html.TextNode:
			if !dom.IsBlank(c.Data) {
				return nil
			}
		}
	}
	return only
}

// gather builds the article from the top candidate and the siblings that
// belong with it.
func gather(top, body *html.Node, st stats) *html.Node {
	art := newDiv()
	if top == body || top.Parent == nil {
		moveChildren(body, art)
		return art
	}
	topScore := st.get(top).score
	threshold := max(10, topScore*siblingShare)
	if !st.get(top).scored {
		threshold = 10
	}
	topClass := dom.Attr(top, "class")
	var keep []*html.Node
	for s := top.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s == top {
			keep = append(keep, s)
			continue
		}
		if s.Type != html.ElementNode {
			continue
		}
		ss := st[s]
		if ss == nil {
			continue
		}
		bonus := 0.0
		if topClass != "" && dom.Attr(s, "class") == topClass {
			bonus = topScore * 0.2
		}
		switch {
		case ss.scored && ss.score+bonus >= threshold:
			keep = append(keep, s)
		case hasSignature(top) && sameSignature(s, top) && ss.units > 0 &&
			(st.linkDensity(s) < maxListLinkDensity || markedTwin(top, s)):
			// Page builders and forums repeat one container per section
			// or post; the top one's twins are part of the same content.
			// A post marked as one joins however short, its title and
			// poster links outweighing a one-line reply.
			keep = append(keep, s)
		case dom.IsElement(s, atom.P, atom.Blockquote, atom.Pre, atom.Ul, atom.Ol, atom.Table, atom.Figure, atom.H2, atom.H3, atom.H4):
			ld := st.linkDensity(s)
			u := ss.units
			switch {
			case u > 80 && ld < 0.25:
				keep = append(keep, s)
			case u > 0 && u <= 80 && ld == 0 && endsSentence(dom.Text(s)):
				keep = append(keep, s)
			case dom.IsElement(s, atom.Figure) && u < 400:
				keep = append(keep, s)
			}
		}
	}
	parent := top.Parent
	for _, n := range keep {
		parent.RemoveChild(n)
		art.AppendChild(n)
	}
	return art
}

// sentenceEnds are the marks that end a sentence in the scripts we serve.
const sentenceEnds = ".!?。！？…:：;；\"”'’)）»」』"

func endsSentence(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	r := []rune(s)
	return strings.ContainsRune(sentenceEnds, r[len(r)-1])
}

// declaredBody reconciles the scored top candidate with the container the
// page itself declares as the article (a single <article>, or an
// itemprop=articleBody): scoring undervalues lists, tables and short
// paragraphs inside it, and overreaches into rails around it.
func declaredBody(top, body *html.Node, st stats) *html.Node {
	var decl *html.Node
	count := 0
	dom.Elements(body, func(n *html.Node) bool {
		if n.DataAtom == atom.Article || strings.EqualFold(dom.Attr(n, "itemprop"), "articleBody") {
			if st.units(n) >= minParagraph {
				count++
				if decl == nil || isAncestor(n, decl) {
					decl = n
				}
			}
		}
		return true
	})
	if decl == nil || count > declaredMax {
		return top
	}
	du, tu := st.units(decl), st.units(top)
	switch {
	case isAncestor(decl, top) && tu < du*declaredShare/100 && st.linkDensity(decl) < maxLinkDensityPositive:
		return decl // scoring took too little of the declared article
	case isAncestor(top, decl) && du >= tu*declaredShare/100:
		return decl // scoring took the article and its surroundings
	}
	return top
}

// proseAncestor climbs from top while the parent adds text that reads like
// more of the article (little of it in links): articles split into
// sections, each scored apart, are whole only at their common container.
func proseAncestor(top, body *html.Node, st stats) *html.Node {
	for top.Parent != nil && top.Parent != body && top != body {
		p := top.Parent
		extra := st.units(p) - st.units(top)
		if extra <= 0 {
			top = p
			continue
		}
		extraLinks := st.get(p).linkUnits - st.get(top).linkUnits
		if float64(extraLinks) > proseLinkDensity*float64(extra) || extra > st.units(top)*proseGrowth ||
			!hasProseOutside(p, top, st) {
			break
		}
		top = p
	}
	return top
}

// hasProseOutside reports whether p holds, outside the subtree of inner, a
// paragraph long enough to be prose: headers, datelines and credits around
// an article are short, its other sections are not.
func hasProseOutside(p, inner *html.Node, st stats) bool {
	found := false
	dom.Elements(p, func(n *html.Node) bool {
		if found || n == inner {
			return false
		}
		s := st[n]
		if s != nil && !s.blockChild && s.units >= proseUnits && st.linkDensity(n) < proseLinkDensity {
			found = true
		}
		return !found
	})
	return found
}

// sameSignature reports whether a and b have the same tag and the same
// class tokens, ignoring tokens with digits (post-123, item-4).
func sameSignature(a, b *html.Node) bool {
	if a.DataAtom != b.DataAtom || a.Data != b.Data {
		return false
	}
	ca, cb := classSignature(a), classSignature(b)
	if ca != "" || cb != "" {
		return ca == cb
	}
	ia := numberedID(a)
	return ia != "" && ia == numberedID(b)
}

// hasSignature reports whether n has a signature twins can share: a class,
// or an id numbered like a post's.
func hasSignature(n *html.Node) bool {
	return classSignature(n) != "" || numberedID(n) != ""
}

// numberedID returns n's id with its digits dropped when it has digits
// ("post-4812" and "post-4813" are twins), or "".
func numberedID(n *html.Node) string {
	id := dom.Attr(n, "id")
	if !strings.ContainsAny(id, "0123456789") {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, id) + "#"
}

func classSignature(n *html.Node) string {
	// The tokens are gathered on the stack when few, as they mostly are:
	// every element of a grid or thread is asked.
	var arr [8]string
	toks := arr[:0]
	for t := range strings.FieldsSeq(dom.Attr(n, "class")) {
		toks = append(toks, t)
	}
	kept := toks[:0]
	for _, t := range toks {
		if !strings.ContainsAny(t, "0123456789") {
			kept = append(kept, t)
		}
	}
	if len(kept) == 0 {
		// Only numbered classes: the numbers are a level ("sect1" on
		// every section of a manual), kept whole so that numbered
		// regions ("layer81", "layer82") stay apart.
		kept = toks
	}
	slices.Sort(kept)
	return strings.Join(kept, " ")
}

// repeatedAncestor climbs from top to the container of one post of a
// thread or one section of a page builder, whose twin siblings hold the
// rest. A post marked as one is looked for first, up to postLevels: a
// microdata item of a postTypes type, or an element whose id is numbered
// like its twin's (post-4812, post-4813). Forum engines nest a post's text
// deep in cells for the poster's card and the post's toolbar, and those
// cells have twins of their own. Otherwise the nearest ancestor, at most
// repeatLevels up, with a twin of the same tag and classes is taken.
func repeatedAncestor(top, body *html.Node, st stats) *html.Node {
	if n := twinAncestor(top, body, st, postLevels, func(n, s *html.Node) bool {
		return isPostItem(n) || markedTwin(n, s)
	}); n != nil {
		return n
	}
	if n := twinAncestor(top, body, st, repeatLevels, func(n, s *html.Node) bool { return true }); n != nil {
		return n
	}
	return top
}

// twinAncestor returns the nearest of top and its ancestors, at most
// levels up, that has a twin sibling accept takes, or nil.
func twinAncestor(top, body *html.Node, st stats, levels int, accept func(n, twin *html.Node) bool) *html.Node {
	n := top
	for level := 0; level <= levels && n != nil && n != body && n.Parent != nil; level++ {
		if hasTwin(n, st, accept) {
			return n
		}
		n = n.Parent
	}
	return nil
}

// hasTwin reports whether n has a sibling of its signature, with text and
// not mostly links, that accept takes.
func hasTwin(n *html.Node, st stats, accept func(n, twin *html.Node) bool) bool {
	if !hasSignature(n) {
		return false
	}
	for s := n.Parent.FirstChild; s != nil; s = s.NextSibling {
		if s != n && s.Type == html.ElementNode && sameSignature(s, n) &&
			st.units(s) >= minParagraph && st.linkDensity(s) < maxListLinkDensity && accept(n, s) {
			return true
		}
	}
	return false
}

// markedTwin reports whether twin is marked as a post like n: a microdata
// item of a post type, or numbered alike.
func markedTwin(n, twin *html.Node) bool {
	return isPostItem(twin) || numberedID(n) != "" && numberedID(n) == numberedID(twin)
}

// isPostItem reports whether n is a microdata item of a post type.
func isPostItem(n *html.Node) bool {
	return dom.HasAttr(n, "itemscope") && schemaTypeIs(dom.Attr(n, "itemtype"), postTypes)
}

// schemaTypeIs reports whether an itemtype ("Comment",
// "https://schema.org/Comment", several separated by spaces) names one of
// types.
func schemaTypeIs(s string, types map[string]bool) bool {
	for _, f := range strings.Fields(s) {
		if i := strings.LastIndexAny(f, "/#:"); i >= 0 {
			f = f[i+1:]
		}
		if types[strings.ToLower(f)] {
			return true
		}
	}
	return false
}

func newDiv() *html.Node {
	return &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
}

func moveChildren(from, to *html.Node) {
	for c := from.FirstChild; c != nil; {
		next := c.NextSibling
		from.RemoveChild(c)
		to.AppendChild(c)
		c = next
	}
}
