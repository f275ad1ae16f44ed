// Package clutter is the pipeline stage that removes what is never article
// content, before the article is looked for: scripts and styles, controls,
// hidden elements, ad slots and ad labels, small promotional blocks
// (newsletter, app, share and follow bars) and tracking pixels.
//
// Remove works in place on the parsed document in one walk and counts every
// removal in the report. Its rules are the named tables in tables.go; each
// is general (no site names), and the ones that could also match content are
// bounded by size.
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

// Options tune Remove.
type Options struct {
	// KeepAll is set when the caller keeps the whole page (extract off):
	// promotional blocks stay, ads and trackers still go.
	KeepAll bool
}

// noscriptMessageMax is the most text a <noscript> without images may hold
// and still be a mere request to enable scripts; longer ones are the static
// copy of the page's content.
const noscriptMessageMax = 200

// overlayMaxShare bounds a dialog to this share of the
// page's text: a "dialog" holding most of the page is the page.
const overlayMaxShare = 0.5

// isDialog reports a modal dialog.
func isDialog(n *html.Node) bool {
	return dialogRoles[strings.ToLower(dom.Attr(n, "role"))] || strings.EqualFold(dom.Attr(n, "aria-modal"), "true")
}

// buttonMaxText is the longest label a real button has.
const buttonMaxText = 200

// hiddenKeepShare: a hidden element holding at least this share of the
// page's text (and hiddenMinText characters) is the content itself, hidden
// until a script (a consent gate, a lock screen, a tab switcher) shows it.
const (
	hiddenKeepShare = 0.3
	hiddenMinText   = 500
)

// adMaxShare bounds an ad-hinted block to this share of the page's text:
// a container named "ad…" that holds most of the page is a false match.
const adMaxShare = 0.3

// adMinText is the text, in characters, any ad-hinted block may hold.
const adMinText = 600

// Remove deletes clutter from doc in place, counting removals in r.
func Remove(doc *html.Node, opts Options, r *report.Report) {
	body := dom.Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		body = doc
	}
	pageText := dom.TextLen(body)
	adLimit := max(adMinText, int(adMaxShare*float64(pageText)))
	hiddenKeep := max(hiddenMinText, int(hiddenKeepShare*float64(pageText)))
	overlayLimit := max(adMinText, int(overlayMaxShare*float64(pageText)))
	// Read before the walk below removes the scripts that declare it.
	product := notProduct
	if !opts.KeepAll {
		product = productPageOf(doc)
	}
	reviewLimit := int(reviewMaxShare * float64(pageText))

	// Comments carry no content and can hide conditional markup.
	removeComments(doc)
	placeStreamedSegments(doc)
	// Before hidden elements go: each formula's one kept copy is hidden.
	standardizeMath(doc)
	revealHiddenNotes(doc)
	panels := disclosurePanels(doc)
	triggers := sectionTriggers{root: doc, panels: panels}

	dom.Elements(doc, func(n *html.Node) bool {
		if n.Namespace == "svg" {
			r.Add(report.Element, "svg", n, "")
			dom.Detach(n)
			return false
		}
		if n.Namespace == "math" {
			return false
		}
		if n.DataAtom == atom.Button && dom.TextLenOver(n, buttonMaxText) {
			// An unclosed <button> swallows the rest of the page; what a
			// button that large holds is content, not its label. It
			// becomes a plain block so the walk goes on into it.
			n.DataAtom, n.Data = atom.Div, "div"
			return true
		}
		if triggers.keepsLabel(n) {
			keepTriggerLabel(n)
			return true
		}
		if neverContent[n.DataAtom] || isCustomControl(n) {
			if n.DataAtom != atom.Script || dom.Attr(n, "type") != "application/ld+json" {
				r.Add(report.Element, "not-content", n, "")
			}
			dom.Detach(n)
			return false
		}
		if n.DataAtom == atom.Img || n.DataAtom == atom.Iframe {
			if rule := trackerRule(n); rule != "" {
				r.Add(report.Tracker, rule, n, "")
				dom.Detach(n)
				return false
			}
			return true
		}
		if n.DataAtom == atom.Html || n.DataAtom == atom.Body || n.DataAtom == atom.Head {
			return true
		}
		if n.DataAtom == atom.Noscript && !dom.TextLenOver(n, noscriptMessageMax-1) && !holdsMedia(n) {
			// "Please enable JavaScript" and the like.
			r.Add(report.Element, "noscript-message", n, "")
			dom.Detach(n)
			return false
		}
		if isHidden(n) && (!dom.TextLenOver(n, hiddenKeep-1) || isHiddenMenu(n)) && !isDisclosurePanel(n, panels) {
			r.Add(report.Element, "hidden", n, "")
			dom.Detach(n)
			return false
		}
		if isAdLabel(n) {
			r.Add(report.Ad, "ad-label", n, "")
			dom.Detach(n)
			return false
		}
		hints := hintsOf(n)
		// A consent manager is named clearly enough to go whatever its size
		// (its privacy text can outweigh a short article); a dialog goes
		// unless it holds the page.
		if hints&hintConsent != 0 || isDialog(n) && !dom.TextLenOver(n, overlayLimit) {
			r.Add(report.Element, "dialog-or-consent", n, "")
			dom.Detach(n)
			return false
		}
		if hints&hintAd != 0 && !dom.TextLenOver(n, adLimit) {
			r.Add(report.Ad, "ad-container", n, "")
			dom.Detach(n)
			return false
		}
		if !opts.KeepAll && hints&hintPromo != 0 && !dom.TextLenOver(n, promoMaxText) && !holdsMedia(n) && !(product == oneProduct && isProductInfoPanel(n)) {
			r.Add(report.Element, "promo", n, "")
			dom.Detach(n)
			return false
		}
		if product == oneProduct && isProductPart(n) {
			r.Add(report.Element, "product-part", n, "")
			dom.Detach(n)
			return false
		}
		if product != notProduct && (hints&hintReview != 0 || product == oneProduct && isProductRail(n)) && !dom.TextLenOver(n, reviewLimit) {
			r.Add(report.Element, "product-reviews", n, "")
			dom.Detach(n)
			return false
		}
		return true
	})
	if !opts.KeepAll {
		removeFurnitureSections(doc, r)
	}
	if product == oneProduct {
		removeRailSections(doc, pageText, r)
	}
	normalizeCodeBlocks(doc, r)
}

func removeComments(doc *html.Node) {
	for n := doc.FirstChild; n != nil; {
		next := dom.Next(n, doc, false)
		if n.Type == html.CommentNode {
			next = dom.Next(n, doc, true)
			dom.Detach(n)
		}
		n = next
	}
}

// placeStreamedSegments puts the content of a page rendered with streaming
// server-side rendering where the page's scripts would. React 18 streams
// each delayed part as <div hidden id="S:n"> at the end of the body and
// marks its place with <template id="B:n">; a browser's script swaps them,
// so without this step the article would look hidden. A segment whose slot
// is gone is shown where it is.
func placeStreamedSegments(doc *html.Node) {
	// Few pages stream: a look for a segment spares the others the list
	// of their <div>s.
	if dom.Find(doc, isStreamedSegment) == nil {
		return
	}
	var templates map[string]*html.Node
	for _, seg := range dom.FindAll(doc, atom.Div) {
		if !isStreamedSegment(seg) {
			continue
		}
		id := dom.Attr(seg, "id")
		if templates == nil {
			templates = map[string]*html.Node{}
			for _, t := range dom.FindAll(doc, atom.Template) {
				if tid := dom.Attr(t, "id"); strings.HasPrefix(tid, "B:") {
					templates[tid[2:]] = t
				}
			}
		}
		slot := templates[id[2:]]
		if slot == nil || slot.Parent == nil {
			// A page saved after its scripts ran, or stripped of them,
			// has lost the slot: the segment is still the page's content,
			// in the order it streamed.
			dom.DelAttr(seg, "hidden")
			continue
		}
		for c := seg.FirstChild; c != nil; {
			next := c.NextSibling
			seg.RemoveChild(c)
			slot.Parent.InsertBefore(c, slot)
			c = next
		}
		dom.Detach(slot)
		dom.Detach(seg)
	}
}

// isStreamedSegment reports a <div hidden id="S:n">, a segment of a page
// rendered with streaming.
func isStreamedSegment(n *html.Node) bool {
	return dom.IsElement(n, atom.Div) && strings.HasPrefix(dom.Attr(n, "id"), "S:") && dom.HasAttr(n, "hidden")
}

// disclosureMinText is the least text, in characters, a hidden disclosure
// panel holds to be kept: an answer or a tab of content, not a menu label.
const disclosureMinText = 80

// disclosurePanels returns the ids of the elements the page's own controls
// show and hide: targets of aria-controls on an element that also says
// whether it is expanded (an accordion header, a "show more" toggle). The
// text behind them is content the reader opens with a click, such as FAQ
// answers and specifications, and is hidden only until then.
func disclosurePanels(doc *html.Node) map[string]bool {
	var ids map[string]bool
	dom.Elements(doc, func(n *html.Node) bool {
		if !dom.HasAttr(n, "aria-expanded") {
			return true
		}
		for id := range strings.FieldsSeq(dom.Attr(n, "aria-controls")) {
			if ids == nil {
				ids = map[string]bool{}
			}
			ids[id] = true
		}
		return true
	})
	return ids
}

// isDisclosurePanel reports a hidden element that is the panel of a
// disclosure control and holds more than a label's worth of text: a
// control names it (aria-controls), it is an accordion region (ARIA's
// accordion pattern gives each panel role=region), or its class or id
// names it one (disclosureWords). Hidden tab panels are not among them:
// measured, the tabs pages hide are more often settings and install
// instructions than content.
func isDisclosurePanel(n *html.Node, panels map[string]bool) bool {
	if !panels[dom.Attr(n, "id")] && !strings.EqualFold(dom.Attr(n, "role"), "region") &&
		classHints.MatchNode(n)&hintDisclosure == 0 {
		return false
	}
	return dom.TextLenOver(n, disclosureMinText)
}

// isCustomControl reports custom elements that are players, ad frames or
// widgets rather than text: their content is script-rendered. Custom
// elements that wrap real text (a site's <article-body>) keep it.
func isCustomControl(n *html.Node) bool {
	if n.DataAtom != 0 || !strings.Contains(n.Data, "-") {
		return false
	}
	for _, a := range n.Attr {
		if strings.Contains(a.Val, "://") {
			return false // may be a player the media stage turns into a link
		}
	}
	return !dom.TextLenOver(n, 0) && dom.Find(n, func(c *html.Node) bool { return c.DataAtom == atom.Img }) == nil
}

// hiddenStyles are the inline style declarations that hide an element, as
// property and value. Only a whole declaration counts: a custom property
// such as "--footer-display: none" configures a theme and hides nothing.
var hiddenStyles = []struct{ property, value string }{
	{"display", "none"},
	{"visibility", "hidden"},
}

func isHidden(n *html.Node) bool {
	if dom.HasAttr(n, "hidden") {
		return true
	}
	if strings.EqualFold(dom.Attr(n, "aria-hidden"), "true") && !holdsMedia(n) {
		return true
	}
	return hidesByStyle(dom.Attr(n, "style"))
}

// hidesByStyle reports whether an inline style holds a hiddenStyles
// declaration ("!important" or not). It reads the declarations in place:
// every element with a style is asked.
func hidesByStyle(style string) bool {
	for style != "" {
		var decl string
		decl, style, _ = strings.Cut(style, ";")
		property, value, ok := strings.Cut(decl, ":")
		if !ok {
			continue
		}
		// "*display" and "_display" are old Internet Explorer hacks: the
		// author hid the element there, and a style sheet nearly always
		// hides it elsewhere (player menus, tooltips).
		property = strings.TrimLeft(strings.TrimSpace(property), "*_")
		value = strings.TrimSpace(value)
		if v, important := cutSuffixFold(value, "!important"); important {
			value = strings.TrimSpace(v)
		}
		for _, h := range hiddenStyles {
			if strings.EqualFold(property, h.property) && strings.EqualFold(value, h.value) {
				return true
			}
		}
	}
	return false
}

// cutSuffixFold is strings.CutSuffix, ignoring ASCII case.
func cutSuffixFold(s, suffix string) (string, bool) {
	if len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix) {
		return s[:len(s)-len(suffix)], true
	}
	return s, false
}

// adLabelMaxBytes bounds the text of an ad label: every entry of adLabels is
// shorter (a test checks), so a longer text is not looked up at all.
const adLabelMaxBytes = 48

// isAdLabel reports a small element whose whole text is an ad label. The
// text is gathered lower-cased into a small buffer and given up as soon as
// it outgrows every label, since most elements on a page are asked.
func isAdLabel(n *html.Node) bool {
	if n.FirstChild == nil || !dom.IsElement(n, atom.Span, atom.Div, atom.P, atom.Small, atom.Strong, atom.B, atom.Em, atom.I, atom.Label, atom.Aside, atom.Section, atom.Figcaption) {
		return false
	}
	var buf [adLabelMaxBytes + 1 + utf8.UTFMax]byte
	text := buf[:0]
	space := false
	for c := n.FirstChild; c != nil; {
		skip := false
		switch {
		case c.Type == html.TextNode:
			// ASCII, most of the text asked, is lower-cased byte by byte.
			for i := 0; i < len(c.Data); {
				r, size := rune(c.Data[i]), 1
				if r >= utf8.RuneSelf {
					r, size = utf8.DecodeRuneInString(c.Data[i:])
				}
				i += size
				if r < utf8.RuneSelf && asciiSpace(byte(r)) || r >= utf8.RuneSelf && (unicode.IsSpace(r) || r == '\u00a0') {
					space = len(text) > 0
					continue
				}
				if space {
					text = append(text, ' ')
					space = false
				}
				if r < utf8.RuneSelf {
					if 'A' <= r && r <= 'Z' {
						r += 'a' - 'A'
					}
					text = append(text, byte(r))
				} else {
					text = utf8.AppendRune(text, unicode.ToLower(r))
				}
				if len(text) > adLabelMaxBytes {
					return false
				}
			}
		case dom.IsElement(c, atom.Script, atom.Style, atom.Template, atom.Noscript):
			skip = true
		}
		c = dom.Next(c, n, skip)
	}
	text = bytes.TrimFunc(text, func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
	if len(text) == 0 || adLabelShapes[text[0]]&(1<<len(text)) == 0 {
		return false // no label begins so and is so long
	}
	return adLabels[string(text)]
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	return c == ' ' || '\t' <= c && c <= '\r'
}

// adLabelShapes has bit k of entry c set when an ad label is k bytes long
// (at most adLabelMaxBytes, under 64) and begins with the byte c. Most
// short texts have no label's shape, and are answered without the map
// lookup, whose hashing is slow in WebAssembly.
var adLabelShapes = labelShapes(adLabels)

func labelShapes(labels map[string]bool) *[256]uint64 {
	var shapes [256]uint64
	for l := range labels {
		if l != "" && len(l) < 64 {
			shapes[l[0]] |= 1 << len(l)
		}
	}
	return &shapes
}

// holdsMedia reports whether n contains an image or a video embed.
func holdsMedia(n *html.Node) bool {
	return dom.Find(n, func(c *html.Node) bool {
		return dom.IsElement(c, atom.Img, atom.Picture, atom.Video, atom.Iframe)
	}) != nil
}

// The tables an element's names can point to, as bits of hintsOf's result.
const (
	hintConsent = 1 << iota
	hintAd
	hintPromo
	hintDisclosure
	hintReview
)

// classHints and dataHints match class and id words, and data-* attribute
// name parts, against the tables, one bit per table in the order above.
var (
	classHints = dom.NewMatcher(consentWords, adWords, promoWords, disclosureWords, reviewWords)
	dataHints  = dom.NewMatcher(nil, dataAdWords, dataPromoWords)
)

// hintsOf returns which tables n's class and id, or its data-* attribute
// names, point to.
func hintsOf(n *html.Node) uint32 {
	var hints uint32
	for _, a := range n.Attr {
		switch {
		case a.Key == "class" || a.Key == "id":
			hints |= classHints.Match(a.Val)
		case strings.HasPrefix(a.Key, "data-"):
			hints |= dataHints.Match(a.Key[len("data-"):])
		}
	}
	return hints
}

// trackerRule names why an image or iframe is a tracker, or returns "".
func trackerRule(n *html.Node) string {
	w, h := dom.Attr(n, "width"), dom.Attr(n, "height")
	if isTiny(w) && (isTiny(h) || h == "") || isTiny(h) && w == "" {
		return "tracking-pixel"
	}
	if isHidden(n) {
		return "hidden-pixel"
	}
	// Lower-cased on the stack: every image is asked.
	var buf [512]byte
	src := appendLower(buf[:0], dom.Attr(n, "src"), false)
	for _, host := range beaconHosts {
		if bytes.Contains(src, []byte("//"+host)) || bytes.Contains(src, []byte("."+host)) {
			return "beacon-host"
		}
	}
	if n.DataAtom == atom.Img && !bytes.HasPrefix(src, []byte("data:")) {
		for _, p := range beaconPaths {
			if bytes.Contains(src, []byte(p)) {
				return "beacon-path"
			}
		}
	}
	return ""
}

// appendLower appends s to dst lower-cased as strings.ToLower does it (rune
// by rune, an invalid byte becoming U+FFFD), leaving out white space when
// compact is set.
func appendLower(dst []byte, s string, compact bool) []byte {
	for _, r := range s {
		if compact && unicode.IsSpace(r) {
			continue
		}
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			dst = append(dst, byte(r))
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// isTiny reports a width or height attribute of 0 or 1 pixel.
func isTiny(v string) bool {
	v = strings.TrimSuffix(strings.TrimSpace(v), "px")
	return v == "0" || v == "1"
}
