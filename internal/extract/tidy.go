package extract

import (
	"strings"
	"unicode"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// conditionalTags are the containers tidy judges by their content: link
// farms, widget grids and form remnants hide in them.
var conditionalTags = map[atom.Atom]bool{
	atom.Div: true, atom.Section: true, atom.Ul: true, atom.Ol: true, atom.Table: true,
	atom.Form: true, atom.Fieldset: true, atom.Aside: true, atom.Header: true, atom.Footer: true,
	atom.Nav: true, atom.Dl: true,
}

// Link-density limits for a container to stay (Readability's values): a
// container with no class signal may be a fifth links; one whose class says
// it is content may be half links. Lists of links (navigation) stay only
// when they are mostly text.
const (
	maxLinkDensity         = 0.2
	maxLinkDensityPositive = 0.5
	maxListLinkDensity     = 0.5
	// shortUnits: a container with less text than this and no image is
	// removed when it is partly links.
	shortUnits = 25
)

// emptyRemovable are elements removed when they hold no text and no media.
var emptyRemovable = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Span: true, atom.Figure: true,
	atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Blockquote: true, atom.Article: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Main: true, atom.Figcaption: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.A: true, atom.Strong: true, atom.B: true, atom.Em: true, atom.I: true, atom.Form: true,
	atom.Table: true, atom.Tbody: true, atom.Tr: true, atom.Center: true, atom.Font: true,
}

// mediaTags keep an otherwise empty element alive.
var mediaTags = []atom.Atom{atom.Img, atom.Picture, atom.Video, atom.Audio, atom.Iframe, atom.Math, atom.Hr, atom.Br, atom.Td, atom.Th}

// tidy cleans the gathered article in place.
func tidy(art *html.Node, st stats, f flags, opts Options) {
	if f.cleanConditionally {
		cleanConditionally(art, st, f)
	}
	removeAuthorBoxes(art)
	removeWidgets(art)
	removeEndMatter(art)
	removeTitleHeading(art, opts.Title)
	removeTitleLine(art, opts.Title)
	removeBylineLine(art, opts.Byline)
	removeDateLine(art)
	removeZhMetaLines(art)
	removeZhHeadLines(art)
	removeBlogFurniture(art)
	removeForms(art)
	removeShopLabels(art)
	removeEmpty(art)
}

// cleanConditionally removes containers whose content says they are not
// part of the article. It works from the deepest container up, so a
// container is judged after its bad children are gone.
func cleanConditionally(art *html.Node, st stats, f flags) {
	posts, threads := markedPosts(art), threadPosts(art)
	grids := gridsIn(art, st)
	var conts []*html.Node
	dom.Elements(art, func(n *html.Node) bool {
		if conditionalTags[n.DataAtom] {
			conts = append(conts, n)
		}
		return !dom.IsElement(n, atom.Pre, atom.Code)
	})
	for i := len(conts) - 1; i >= 0; i-- {
		n := conts[i]
		if n.Parent == nil || inside(n, atom.Pre, atom.Code) {
			continue
		}
		inThread := inPost(n, threads)
		g := f
		g.weightClasses = f.weightClasses && !inThread // a thread's posts are named as comments (see threadPosts)
		if shouldRemove(n, st, g, inThread || inPost(n, posts)) && !inGrid(n, grids) {
			dom.Detach(n)
		}
	}
}

// shouldRemove judges the container n; inPost says it is a post marked as
// one (see markedPosts) or inside one. There a container is judged as one
// whose class says it is content, and the links of its headings (the
// post's title, linking to the post itself) are not counted: a short
// reply's text is outweighed by its title and poster links, and a thread
// keeps its replies.
func shouldRemove(n *html.Node, st stats, f flags, inPost bool) bool {
	s := st[n]
	if s == nil {
		return false
	}
	weight := 0.0
	if f.weightClasses {
		weight = threadWeight(n, f)
	}
	// The class weight alone condemns a container here: its candidate score
	// measured the article, not whether this block belongs to it.
	if weight < 0 && s.units < 1000 {
		return true
	}
	if s.commas >= 10 {
		return false
	}
	if n.DataAtom == atom.Table && isDataTable(n) {
		return !listTable(n) && st.linkDensity(n) > maxListLinkDensity
	}
	ld := st.linkDensity(n)
	isList := dom.IsElement(n, atom.Ul, atom.Ol, atom.Dl)
	if isList {
		return ld > maxListLinkDensity
	}
	var paras, imgs, lis, inputs, figureUnits, headLinks int
	dom.Elements(n, func(c *html.Node) bool {
		switch c.DataAtom {
		case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
			if inPost {
				headLinks += st.get(c).linkUnits
			}
		case atom.Figure:
			figureUnits += st.units(c)
			imgs++
			return false
		case atom.P:
			paras++
		case atom.Img:
			if !inside(c, atom.Figure) {
				imgs++
			}
		case atom.Li:
			lis++
		case atom.Input, atom.Select, atom.Textarea:
			inputs++
		}
		return true
	})
	if figureUnits > 0 && s.units-figureUnits < shortUnits {
		return false // a wrapper of figures: images and embeds are content
	}
	if headLinks > 0 && s.units > 0 {
		ld = float64(s.linkUnits-headLinks) / float64(s.units)
	}
	switch {
	case inputs > paras/3 && inputs > 0:
		return true
	case lis > paras && lis > 0 && ld > maxListLinkDensity:
		return true
	case s.units < shortUnits && imgs == 0 && ld > 0:
		return true
	case !inPost && weight < classWeight && ld > maxLinkDensity && s.units < 2000:
		return true
	case (inPost || weight >= classWeight) && ld > maxLinkDensityPositive:
		return true
	}
	return false
}

// isDataTable reports a table that holds data rather than layout.
func isDataTable(t *html.Node) bool {
	if dom.Attr(t, "role") == "presentation" {
		return false
	}
	if dom.Find(t, func(n *html.Node) bool {
		return dom.IsElement(n, atom.Caption, atom.Th, atom.Thead, atom.Colgroup, atom.Col, atom.Tfoot)
	}) != nil {
		return true
	}
	if dom.Find(t, func(n *html.Node) bool { return n.DataAtom == atom.Table }) != nil {
		return false // nested tables are layout
	}
	rows := len(dom.FindAll(t, atom.Tr))
	cells := len(dom.FindAll(t, atom.Td))
	return rows >= 3 && cells >= 2*rows
}

// removeTitleHeading removes the first heading that repeats the title.
func removeTitleHeading(art *html.Node, title string) {
	want := normTitle(title)
	if want == "" {
		return
	}
	h := dom.Find(art, func(n *html.Node) bool {
		return dom.IsElement(n, atom.H1, atom.H2, atom.H3)
	})
	if h != nil && normTitle(dom.Text(h)) == want {
		dom.Detach(h)
	}
}

// bylineSearch is how many leading blocks of the article are searched for
// the byline line, and bylineExtra how much more text than the name that
// line may hold (a date, "By", a separator).
const (
	bylineSearch = 6
	bylineExtra  = 60
)

// removeBylineLine removes the short block near the top of the article
// that shows the byline.
func removeBylineLine(art *html.Node, byline string) {
	name := normTitle(byline)
	if name == "" {
		return
	}
	seen := 0
	var found *html.Node
	dom.Elements(art, func(n *html.Node) bool {
		if found != nil || seen >= bylineSearch {
			return false
		}
		if !dom.IsElement(n, atom.P, atom.Div, atom.Span, atom.Address, atom.Section, atom.Header) {
			return true
		}
		if dom.TextLenOver(n, 2*(len(name)+bylineExtra)) {
			// Far too long to be the byline line; measured before the
			// text is taken, since outer blocks hold the whole article.
			seen++
			return true
		}
		text := normTitle(dom.Text(n))
		if text == "" {
			return true
		}
		if len(text) > len(name)+bylineExtra {
			seen++
			return true // a longer block may hold the byline line inside
		}
		if strings.Contains(text, name) {
			found = n
		}
		seen++
		return false
	})
	if found != nil {
		dom.Detach(found)
	}
}

func normTitle(s string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if unicode.IsPunct(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s))
}

// removeEmpty removes elements without text or media, deepest first, so a
// wrapper emptied by the removal of its children goes too.
func removeEmpty(art *html.Node) {
	var all []*html.Node
	dom.Elements(art, func(n *html.Node) bool {
		all = append(all, n)
		return !dom.IsElement(n, atom.Pre, atom.Math)
	})
	for i := len(all) - 1; i >= 0; i-- {
		n := all[i]
		if n.Parent == nil || !emptyRemovable[n.DataAtom] {
			continue
		}
		if hasContent(n) {
			continue
		}
		dom.Detach(n)
	}
}

func hasContent(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = dom.Next(c, n, false) {
		switch c.Type {
		case html.TextNode:
			if !dom.IsBlank(c.Data) {
				return true
			}
		case html.ElementNode:
			if dom.IsElement(c, mediaTags...) || c.Namespace == "math" {
				return true
			}
		}
	}
	return false
}

// inPost reports whether n is one of posts or inside one.
func inPost(n *html.Node, posts map[*html.Node]bool) bool {
	if len(posts) == 0 {
		return false
	}
	for p := n; p != nil; p = p.Parent {
		if posts[p] {
			return true
		}
	}
	return false
}

// markedPosts returns the elements of art that are posts marked as such
// (see repeatedAncestor): microdata items of a post type, and siblings
// whose ids are numbered alike.
func markedPosts(art *html.Node) map[*html.Node]bool {
	posts := map[*html.Node]bool{}
	markNumberedChildren(art, posts)
	dom.Elements(art, func(n *html.Node) bool {
		if isPostItem(n) {
			posts[n] = true
		}
		markNumberedChildren(n, posts)
		return true
	})
	return posts
}

// markNumberedChildren adds to posts the children of n whose ids are
// numbered like another child's of the same tag.
func markNumberedChildren(n *html.Node, posts map[*html.Node]bool) {
	// Most parents have at most one child with a numbered id, which makes
	// no group: they are answered without building the keys.
	numbered := 0
	for c := n.FirstChild; c != nil && numbered < 2; c = c.NextSibling {
		if c.Type == html.ElementNode && strings.ContainsAny(dom.Attr(c, "id"), "0123456789") {
			numbered++
		}
	}
	if numbered < 2 {
		return
	}
	var groups map[string][]*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if id := numberedID(c); id != "" && c.Type == html.ElementNode {
			if groups == nil {
				groups = map[string][]*html.Node{}
			}
			key := c.Data + " " + id
			groups[key] = append(groups[key], c)
		}
	}
	for _, g := range groups {
		if len(g) > 1 {
			for _, c := range g {
				posts[c] = true
			}
		}
	}
}

// removeAuthorBoxes removes the boxes about the writer (see authorBoxWords)
// from the gathered article. It runs after scoring: the box often shares
// the article's column, and taking it out earlier can change which block
// wins.
func removeAuthorBoxes(art *html.Node) {
	detachWhere(art, func(n *html.Node) bool {
		return isAuthorBox(dom.Attr(n, "class")) && !unitsAtLeast(n, authorBoxMaxUnits+1)
	})
}

// isAuthorBox reports a class that names an author box (see
// authorBoxNames).
// Every element of the article is asked, so an ASCII token (nearly all of
// them) is compared without a lower-cased copy.
func isAuthorBox(class string) bool {
	for tok := range strings.FieldsSeq(class) {
		ascii := dom.IsASCII(tok)
		if !ascii {
			tok = strings.ToLower(tok)
		}
		for _, name := range authorBoxNames {
			if len(tok) < len(name) || ascii && !strings.EqualFold(tok[len(tok)-len(name):], name) || !ascii && !strings.HasSuffix(tok, name) {
				continue
			}
			if rest := tok[:len(tok)-len(name)]; rest == "" || strings.HasSuffix(rest, "-") || strings.HasSuffix(rest, "_") {
				return true
			}
		}
	}
	return false
}

// removeDateLine removes the short block among the article's first blocks
// whose text is only a date (see dateLineWords).
func removeDateLine(art *html.Node) {
	if len(markedPosts(art)) > 0 {
		return // a thread: each post's date is part of it
	}
	seen := 0
	var found []*html.Node
	dom.Elements(art, func(n *html.Node) bool {
		if seen >= bylineSearch {
			return false
		}
		if !dom.IsElement(n, atom.P, atom.Div, atom.Span, atom.Time, atom.Section, atom.Header) {
			return true
		}
		if dom.TextLenOver(n, dateLineMaxLen) {
			seen++
			return true
		}
		text := strings.TrimSpace(dom.Text(n))
		if text == "" {
			return true
		}
		if isDateLine(text) || isReadingTime(text) {
			found = append(found, n)
			seen++
			return false
		}
		if hasBlockChild(n) {
			return true
		}
		seen++
		return false
	})
	for _, n := range found {
		dom.Detach(n)
	}
}

// isDateLine reports text made only of a date: a year, a month (by name
// or number) and dateLineWords.
func isDateLine(text string) bool {
	year, month := false, false
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		switch {
		case isDigits(w) && len(w) == 4 && (w[:2] == "19" || w[:2] == "20"):
			year = true
		case isDigits(w) && len(w) <= 2:
		case len(w) > 2 && isDigits(w[:len(w)-2]) && dateLineWords[w[len(w)-2:]]:
			// an ordinal day: 16th
		case dateLineWords[w]:
			if monthWords[w] {
				month = true
			}
		default:
			return false
		}
	}
	return year && (month || strings.ContainsAny(text, "/-."))
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// isReadingTime reports a line that only gives the article's reading
// time ("3 min read", "Reading time: 4 minutes").
func isReadingTime(text string) bool {
	num, unit := false, false
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		switch {
		case isDigits(w):
			num = true
		case readingTimeUnits[w]:
			unit = true
		case readingTimeWords[w]:
		default:
			return false
		}
	}
	return num && unit
}

// removeWidgets removes the blocks that blog engines add to every post
// (see widgetWords) and the notes on how the site earns from its links
// (see isDisclosure).
func removeWidgets(art *html.Node) {
	detachWhere(art, func(n *html.Node) bool {
		return (widgetHints.Match(dom.Attr(n, "class")) != 0 || widgetHints.Match(dom.Attr(n, "id")) != 0 || isDisclosure(n)) && !dom.TextLenOver(n, widgetMaxLen)
	})
}

// isDisclosure reports a short block that the page names a disclaimer or
// disclosure and whose text is about the site's income from what it
// recommends (see disclosureClassWords).
func isDisclosure(n *html.Node) bool {
	if disclosureHints.Match(dom.Attr(n, "class")) == 0 && disclosureHints.Match(dom.Attr(n, "id")) == 0 {
		return false
	}
	if dom.TextLenOver(n, disclosureMaxLen) {
		return false
	}
	low := strings.ToLower(dom.Text(n))
	for _, w := range disclosureTextWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// hasBlockChild reports whether n has a child element that is a block.
func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && blockTags[c.DataAtom] {
			return true
		}
	}
	return false
}
