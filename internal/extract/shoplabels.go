package extract

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// shopLabel matches the whole text of the controls and badges a shop's
// category page strews over its cards and around its grid: sort and filter
// toggles, result counters, "Quick view" and "Add to cart" buttons, promo
// badges. Measured on wcxb-dev collection pages, no truth keeps one of them
// when it stands alone; labels the truth does keep on some shops ("Sale",
// "New", "Only 2 left", "3 colors", "Save 20%") are left out on purpose.
var shopLabel = regexp.MustCompile(`^(?:sort(?: by)?:?(?: .{1,20})?|filters?|filter (?:&|and) sort|` +
	`(?:showing |loaded )?[0-9,]+(?: ?[–-] ?[0-9,]+)?(?: of [0-9,]+)? (?:results|products|items)|` +
	`quick ?view(?: .{1,20})?|add to (?:cart|bag|basket|wishlist)|compare|` +
	`new arrivals?|top rated|best ?seller|low stock)$`)

// callToAction holds the whole texts of the links and buttons that lead a
// reader off a card or section ("Learn more", "Read more", "Shop now",
// "View details"), lower-cased. Standing alone, they are controls, not
// words of the page: measured on wcxb-dev, no truth keeps them, and each
// one breaks the text of the cards it sits between. Calls that some truths
// keep ("Get started", "View all", "Contact us") are left out.
var callToAction = dom.Set(
	"read more", "read full article", "shop now", "view details",
	"view full details", "see details", "see more", "see all", "find out more",
	"discover more", "start free trial", "book now", "apply now",
)

// shopLabelFirst holds every byte a shopLabel match can start with.
const shopLabelFirst = "sfqacntbl0123456789"

// shopLabelMaxLen bounds the text read to match shopLabel, so that no long
// block is copied.
const shopLabelMaxLen = 40

// removeShopLabels removes the elements of art whose whole text is a shop
// control or badge (see shopLabel) and that stand alone in their parent: a
// word of a sentence ("compare the two") is prose, and table cells are data.
func removeShopLabels(art *html.Node) {
	for _, n := range standaloneLabels(art, shopLabelMaxLen, isShopLabel) {
		// A space stands in for the label, so that the words either
		// side of an inline one do not run together.
		if n.Parent != nil {
			n.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, n)
			n.Parent.RemoveChild(n)
		}
	}
}

// isShopLabel reports whether text (folded by dom.Text) is a shopLabel.
func isShopLabel(text string) bool {
	// Most short texts are turned away by their first letter before the
	// pattern runs; lower-casing keeps an ASCII first byte's place.
	if text == "" || text[0] < utf8.RuneSelf && strings.IndexByte(shopLabelFirst, lowerASCII(text[0])) < 0 {
		return false
	}
	text = strings.ToLower(text)
	return strings.IndexByte(shopLabelFirst, text[0]) >= 0 && shopLabel.MatchString(text)
}

// standaloneLabels returns the elements of art, outside tables, whose whole
// text (folded, at most maxLen characters) label accepts and that stand
// alone in their parent.
func standaloneLabels(art *html.Node, maxLen int, label func(text string) bool) []*html.Node {
	var found []*html.Node
	dom.Elements(art, func(n *html.Node) bool {
		if n.DataAtom == atom.Table {
			return false
		}
		if dom.TextLenOver(n, maxLen) || !standsAlone(n) {
			return true
		}
		if label(dom.Text(n)) {
			found = append(found, n)
			return false
		}
		return true
	})
	return found
}

// posterRanks are the titles forum engines print under each poster's name
// (vBulletin's and XenForo's default ranks, phpBB's staff titles),
// lower-cased: a line of them between the posts of a thread breaks its
// text and says nothing of the post. Measured on wcxb-dev, no forum truth
// keeps one.
var posterRanks = dom.Set(
	"member", "new member", "junior member", "senior member", "active member", "full member",
	"well-known member", "established member", "veteran member", "legendary member",
	"registered user", "newbie", "moderator", "administrator",
)

// posterStatLabels are the labels of the statistics forum engines print
// beside each poster ("Join Date: Aug 2008", "Posts: 1,077"), lower-cased;
// a line of one with its short value is post furniture like posterRanks.
var posterStatLabels = dom.Set(
	"join date", "joined", "registered", "posts", "messages", "reaction score",
	"member since", "likes received", "trophy points",
)

// isPosterStat reports whether text, lower-cased, is a posterStatLabels
// label, a colon and a value of at most callMaxLen bytes.
func isPosterStat(text string) bool {
	label, value, ok := strings.Cut(text, ":")
	value = strings.TrimSpace(value)
	return ok && posterStatLabels[strings.TrimSpace(label)] && value != "" && len(value) <= callMaxLen
}

// callMaxLen bounds the text read to match callToAction, and a poster
// statistic's value; twice that bounds a statistic's whole line.
const callMaxLen = 24

// removeCallsToAction removes the elements of art whose whole text is a
// call to action (see callToAction), a poster's rank (see posterRanks) or
// a poster's statistic (see isPosterStat) and that stand alone in their
// parent ("… and more. Read more" is a sentence's end). It runs on the finished
// article, not in tidy: the attempts and the landmark fallback are chosen
// by the text they hold, and calls dropped before that tip the choice
// between near equals.
func removeCallsToAction(art *html.Node) {
	for _, n := range standaloneLabels(art, 2*callMaxLen, isCallOrPosterLine) {
		dom.Detach(n)
	}
}

// isCallOrPosterLine reports whether text is a call to action, a poster's
// rank or a poster's statistic.
func isCallOrPosterLine(text string) bool {
	text = strings.ToLower(text)
	return callToAction[strings.TrimRight(text, " ›»→>")] || posterRanks[strings.TrimSpace(text)] || isPosterStat(text)
}

// lowerASCII lower-cases an ASCII letter.
func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// standsAlone reports whether n has no text beside it in its parent.
func standsAlone(n *html.Node) bool {
	for _, s := range []*html.Node{n.PrevSibling, n.NextSibling} {
		if s != nil && s.Type == html.TextNode && strings.TrimSpace(s.Data) != "" {
			return false
		}
	}
	return true
}
