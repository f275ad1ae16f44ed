package clutter

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"articleclean/internal/dom"
	"articleclean/internal/report"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// furnitureHeadings are the whole texts of headings that open a page's
// furniture rather than a part of the article: related-content rails,
// share and follow bars, tag lists, newsletter and comment forms. Pages
// that name their blocks plainly are caught by promoWords; these catch
// the rails whose only name is their visible heading. Lower-cased, in
// the languages of our users. Absent on purpose: "Comments" (on a forum
// or a discussion page the comments are the content) and "Latest" or
// "Recent posts" (on a blog's index they head the content itself).
var furnitureHeadings = dom.Set(
	// English
	"related", "related articles", "related posts", "related stories", "related content",
	"related reading", "related news", "related topics", "recommended", "recommended for you",
	"recommended stories", "recommended articles", "recommended reading", "you may also like",
	"you might also like", "you may also be interested in", "you might be interested in",
	"more stories", "more articles", "more to explore", "more to read", "read next",
	"what to read next", "up next", "popular posts", "popular articles", "popular stories",
	"most popular", "most read", "trending", "trending now", "trending stories",
	"share", "share this", "share this article", "share this post", "share this story",
	"share this page", "share on social media", "follow us", "follow me", "tags", "topics",
	"categories", "filed under", "leave a reply", "leave a comment", "add a comment",
	"post a comment", "join the conversation", "join the discussion", "newsletter",
	"subscribe", "subscribe to our newsletter", "sign up for our newsletter",
	"join our newsletter", "join our mailing list", "stay in the loop", "stay connected",
	// German
	"ähnliche artikel", "das könnte sie auch interessieren", "mehr zum thema",
	"weitere artikel", "artikel teilen", "teilen", "schlagwörter", "newsletter abonnieren",
	// French
	"articles similaires", "à lire aussi", "lire aussi", "sur le même sujet",
	"vous aimerez aussi", "partager", "partager cet article", "les plus lus",
	// Spanish
	"artículos relacionados", "noticias relacionadas", "te puede interesar",
	"también te puede interesar", "compartir", "lo más leído", "etiquetas",
	// Portuguese
	"artigos relacionados", "leia também", "veja também", "compartilhe", "mais lidas",
	// Russian
	"похожие статьи", "читайте также", "поделиться", "популярное",
	// Chinese
	"相关文章", "相关阅读", "相关新闻", "推荐阅读", "热门文章", "热门推荐", "猜你喜欢", "分享到",
	"相關文章", "相關閱讀", "延伸閱讀", "熱門文章",
	// Japanese
	"関連記事", "おすすめ記事", "人気記事", "この記事をシェアする",
)

// A furniture heading's section goes only when it looks like furniture
// too: mostly links (a rail, a tag list), or short (a share bar, a sign-up
// line). A long section of prose under such a heading is content.
const (
	furnitureLinkShare = 0.5
	furnitureMaxText   = 200
)

// removeFurnitureSections removes each heading named in furnitureHeadings
// together with its section: the siblings after it up to the next heading
// of the same or a higher rank, or, when the heading stands alone in its
// container, the container with the siblings after it.
func removeFurnitureSections(doc *html.Node, r *report.Report) {
	var headings []*html.Node
	dom.Elements(doc, func(n *html.Node) bool {
		if rank := dom.HeadingRank(n); rank > 1 {
			if !dom.TextLenOver(n, furnitureHeadingMaxText) && isFurnitureHeading(n) {
				headings = append(headings, n)
			}
			return false
		}
		return true
	})
	for _, h := range headings {
		if h.Parent == nil {
			continue // inside a section removed before
		}
		opener := h
		if onlyElementChild(h.Parent) && h.Parent.DataAtom != atom.Body {
			opener = h.Parent
		}
		section := sectionAfter(opener, dom.HeadingRank(h))
		if !looksLikeFurniture(section) {
			continue
		}
		r.Add(report.Element, "furniture-section", h, dom.Text(h))
		for _, n := range section {
			dom.Detach(n)
		}
		dom.Detach(opener)
	}
}

// furnitureHeadingMaxText bounds the headings looked up: every entry of
// furnitureHeadings is shorter.
const furnitureHeadingMaxText = 40

// isFurnitureHeading reports whether a heading's text, as
// furnitureHeadings spells it, is one of them. Every h2 to h6 is asked, so
// the text is built in buffers on the stack.
func isFurnitureHeading(n *html.Node) bool {
	var raw, folded, key [256]byte
	return furnitureHeadings[string(appendHeadingKey(key[:0], folded[:0], raw[:0], n))]
}

// appendHeadingKey appends to dst a heading's text as furnitureHeadings
// spells it: dom.Text's (white space folded), without punctuation or
// symbols at either end ("Related articles:", "— Share —", "Tags ▾"), and
// lower-cased. folded and raw are scratch space.
func appendHeadingKey(dst, folded, raw []byte, n *html.Node) []byte {
	for c := n.FirstChild; c != nil; {
		skip := false
		switch {
		case c.Type == html.TextNode:
			raw = append(raw, c.Data...)
		case dom.IsElement(c, atom.Script, atom.Style, atom.Template, atom.Noscript):
			skip = true
		}
		c = dom.Next(c, n, skip)
	}
	// The text is decoded whole, as dom.Text decodes it, so a character
	// split across two text nodes is still one.
	space := false
	for i := 0; i < len(raw); {
		r, size := utf8.DecodeRune(raw[i:])
		i += size
		if unicode.IsSpace(r) || r == '\u00a0' {
			space = len(folded) > 0
			continue
		}
		if space {
			folded = append(folded, ' ')
			space = false
		}
		folded = utf8.AppendRune(folded, r)
	}
	folded = bytes.TrimFunc(folded, func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
	})
	for i := 0; i < len(folded); {
		r, size := utf8.DecodeRune(folded[i:])
		i += size
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

func onlyElementChild(p *html.Node) bool {
	count := 0
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode:
			count++
		case c.Type == html.TextNode && !dom.IsBlank(c.Data):
			return false
		}
	}
	return count == 1
}

// sectionAfter returns the siblings after n up to the next heading of rank
// at most rank (or holding one).
func sectionAfter(n *html.Node, rank int) []*html.Node {
	var section []*html.Node
	for s := n.NextSibling; s != nil; s = s.NextSibling {
		if s.Type == html.ElementNode && holdsHeadingOfRank(s, rank) {
			break
		}
		section = append(section, s)
	}
	return section
}

func holdsHeadingOfRank(n *html.Node, rank int) bool {
	isHeading := func(c *html.Node) bool {
		r := dom.HeadingRank(c)
		return r > 0 && r <= rank
	}
	return isHeading(n) || dom.Find(n, isHeading) != nil
}

// looksLikeFurniture reports whether the nodes hold little text or mostly
// link text.
func looksLikeFurniture(nodes []*html.Node) bool {
	text, links := 0, 0
	for _, n := range nodes {
		for c := n; c != nil; c = dom.Next(c, n, false) {
			if c.Type != html.TextNode {
				continue
			}
			k := utf8.RuneCountInString(strings.TrimSpace(c.Data))
			text += k
			if inLink(c, n) {
				links += k
			}
		}
	}
	return text <= furnitureMaxText || float64(links) >= furnitureLinkShare*float64(text)
}

// inLink reports whether n is inside an <a>, looking no higher than root.
func inLink(n, root *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.A {
			return true
		}
		if p == root {
			break
		}
	}
	return false
}
