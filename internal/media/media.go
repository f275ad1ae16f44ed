// Package media is the pipeline stage that makes images and embeds survive
// into a static, script-free article.
//
// Resolve works in place on the document: lazy-loaded images get their real
// address (data-src and its kin, <noscript> fallbacks, <picture> sources,
// the largest srcset candidate), placeholders and spacers go, <picture> is
// flattened into its <img>, and players (iframes, <video>, <audio>,
// <object>, custom player elements) become a figure with a plain link to
// the video, audio or post, marked with its duration when the page shows
// one. No iframe survives this stage.
package media

import (
	"net/url"
	"strconv"
	"strings"

	"articleclean/internal/dom"
	"articleclean/internal/report"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Resolve rewrites images and embeds in doc in place. base resolves
// relative addresses found in lazy attributes; it may be nil.
func Resolve(doc *html.Node, base *url.URL, r *report.Report) {
	standardizeCallouts(doc, r)
	for _, n := range dom.FindAll(doc, atom.Noscript) {
		useNoscript(n, r)
	}
	for _, n := range dom.FindAll(doc, atom.Picture) {
		flattenPicture(n)
	}
	for _, n := range dom.FindAll(doc, atom.Img) {
		if !fixImage(n) {
			r.Add(report.Element, "placeholder-image", n, "")
			dom.Detach(n)
		}
	}
	removeDuplicateImages(doc, r)
	var players []*html.Node
	dom.Elements(doc, func(n *html.Node) bool {
		switch {
		case dom.IsElement(n, atom.Iframe, atom.Video, atom.Audio, atom.Object, atom.Embed):
			players = append(players, n)
			return false
		case n.DataAtom == 0 && strings.Contains(n.Data, "-") && embedURL(n) != "":
			players = append(players, n)
			return false
		}
		return true
	})
	for _, n := range players {
		replacePlayer(n, r)
	}
}

// removeDuplicateImages removes an image that repeats the one just before
// it with nothing to read between them: the same picture at another size
// (a responsive set written out as separate images), or the full-size copy
// a lightbox keeps beside its linked thumbnail. The first stays.
func removeDuplicateImages(doc *html.Node, r *report.Report) {
	var kept *html.Node
	for _, img := range dom.FindAll(doc, atom.Img) {
		if kept != nil && nothingBetween(kept, img) && sameImage(kept, img) {
			r.Add(report.Element, "duplicate-image", img, "")
			dom.Detach(img)
			continue
		}
		kept = img
	}
}

// duplicateReach bounds the nodes walked between two images that count as
// side by side: wrappers and white space, not a stretch of the page.
const duplicateReach = 12

// nothingBetween reports whether b follows a closely, with no text between.
func nothingBetween(a, b *html.Node) bool {
	n := a
	for range duplicateReach {
		n = dom.Next(n, nil, n == a)
		switch {
		case n == nil:
			return false
		case n == b:
			return true
		case n.Type == html.TextNode && !dom.IsBlank(n.Data):
			return false
		}
	}
	return false
}

// sameImage reports whether two images show the same picture: one links
// to the other's address (a lightbox's thumbnail and its full-size copy),
// or two pictures that are not icons have the same address or file names
// that differ only in a size word ("photo-large.webp", "photo-small.jpg").
// Icons repeat on purpose: five stars are a rating.
func sameImage(a, b *html.Node) bool {
	sa, sb := dom.Attr(a, "src"), dom.Attr(b, "src")
	if sa == "" || sb == "" {
		return false
	}
	if linkedAddress(a) == sb || linkedAddress(b) == sa {
		return true
	}
	if mayBeIcon(a) || mayBeIcon(b) {
		return false
	}
	if sa == sb {
		return true
	}
	na, nb := imageFileName(sa), imageFileName(sb)
	if na == "" || nb == "" || na == nb {
		// Without a file name the address names a resizing service, and
		// one name in two folders ("image.jpg") is as often two pictures.
		return false
	}
	stem := imageStem(na)
	return len(stem) >= minImageStem && stem == imageStem(nb)
}

// iconMaxSize is the largest declared width or height of an image that may
// be an icon (CSS pixels).
const iconMaxSize = 64

// mayBeIcon reports an SVG image or one declared small.
func mayBeIcon(img *html.Node) bool {
	if strings.HasSuffix(strings.ToLower(imageFileName(dom.Attr(img, "src"))), ".svg") {
		return true
	}
	for _, k := range []string{"width", "height"} {
		if v, err := strconv.Atoi(strings.TrimSpace(dom.Attr(img, k))); err == nil && v > 0 && v <= iconMaxSize {
			return true
		}
	}
	return false
}

// imageFileName is the last path segment of an image address when it has
// an image file ending (see imageFileEndings, plus .svg), lower-cased, or "".
func imageFileName(src string) string {
	if i := strings.IndexAny(src, "?#"); i >= 0 {
		src = src[:i]
	}
	name := strings.ToLower(src[strings.LastIndexByte(src, '/')+1:])
	if isImageAddress(name) || strings.HasSuffix(name, ".svg") {
		return name
	}
	return ""
}

// linkedAddress is the href of a link wrapping img, or "".
func linkedAddress(img *html.Node) string {
	for p, up := img.Parent, 0; p != nil && up < 2; p, up = p.Parent, up+1 {
		if p.DataAtom == atom.A {
			return dom.Attr(p, "href")
		}
	}
	return ""
}

// imageSizeWords are the words image pipelines append to a file name for
// one size of the same picture ("photo-large.webp", "hero_thumb.jpg",
// "cat@2x.png", "map-1280x720.jpg").
var imageSizeWords = dom.Set("large", "medium", "small", "thumb", "thumbnail", "full", "fullsize",
	"original", "orig", "scaled", "retina", "hd", "sm", "md", "lg", "xl")

// minImageStem is the shortest stem compared: shorter names ("1", "img")
// are shared by unrelated pictures.
const minImageStem = 4

// imageStem is an image file name without its extension and without
// trailing size words, dimensions ("1280x720", "800w") or density ("2x").
func imageStem(name string) string {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	for {
		i := strings.LastIndexAny(name, "-_@")
		if i <= 0 || !isSizeWord(name[i+1:]) {
			return name
		}
		name = name[:i]
	}
}

// isSizeWord reports a size word, a width or density ("800w", "2x") or
// dimensions ("1280x720"). A bare number is not one: it tells pictures
// apart ("image-2").
func isSizeWord(w string) bool {
	if imageSizeWords[w] {
		return true
	}
	n := leadingDigits(w)
	if n == 0 {
		return false
	}
	rest := w[n:]
	switch {
	case rest == "w" || rest == "x":
		return true
	case len(rest) > 1 && rest[0] == 'x':
		return leadingDigits(rest[1:]) == len(rest)-1
	}
	return false
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// useNoscript resolves a <noscript> (parsed with scripting off, so its
// content is elements). When it holds just an image that stands for a
// lazy image beside it, the better of the two stays; otherwise the noscript
// is unwrapped and its content judged like the rest of the page.
func useNoscript(n *html.Node, r *report.Report) {
	img := onlyImage(n)
	if img == nil {
		dom.Unwrap(n)
		return
	}
	prev := n.PrevSibling
	for prev != nil && prev.Type == html.TextNode && dom.IsBlank(prev.Data) {
		prev = prev.PrevSibling
	}
	if prev == nil && n.Parent != nil && onlyImage(n.Parent) != nil {
		prev = onlyImage(n.Parent)
		if prev == img {
			prev = nil
		}
	}
	if prev != nil && prev.DataAtom == atom.Img {
		if hasRealSource(prev) && !isLazy(prev) {
			r.Add(report.Element, "duplicate-noscript-image", n, "")
			dom.Detach(n)
			return
		}
		r.Add(report.Element, "lazy-image-replaced", prev, "")
		dom.Detach(prev)
	}
	dom.Unwrap(n)
}

// onlyImage returns the single <img> below n when n holds nothing else
// worth keeping (no text), or nil.
func onlyImage(n *html.Node) *html.Node {
	imgs := dom.FindAll(n, atom.Img)
	if len(imgs) != 1 || dom.TextLen(n) > 0 {
		return nil
	}
	return imgs[0]
}

// isLazy reports an image whose real address is in a lazy-loading
// attribute.
func isLazy(img *html.Node) bool {
	return firstAttr(img, lazySrcAttrs) != "" || firstAttr(img, lazySrcsetAttrs) != ""
}

// flattenPicture moves the best source of a <picture> into its <img> and
// replaces the picture by the img.
func flattenPicture(p *html.Node) {
	img := dom.Find(p, func(n *html.Node) bool { return n.DataAtom == atom.Img })
	var best dom.Candidate
	bestSize := -1.0
	for _, s := range dom.FindAll(p, atom.Source) {
		set := dom.Attr(s, "srcset")
		for _, a := range lazySrcsetAttrs {
			if v := dom.Attr(s, a); v != "" {
				set = v
			}
		}
		if c, size := largest(set); size > bestSize && c.URL != "" {
			best, bestSize = c, size
		}
	}
	if img == nil {
		if best.URL == "" {
			dom.Detach(p)
			return
		}
		img = &html.Node{Type: html.ElementNode, Data: "img", DataAtom: atom.Img}
		p.AppendChild(img)
	}
	if !hasRealSource(img) && best.URL != "" {
		dom.SetAttr(img, "src", best.URL)
	}
	img.Parent.RemoveChild(img)
	p.Parent.InsertBefore(img, p)
	dom.Detach(p)
}

// hasRealSource reports whether img already names a real image.
func hasRealSource(img *html.Node) bool {
	if !isPlaceholder(dom.Attr(img, "src")) {
		return true
	}
	for _, a := range lazySrcAttrs {
		if v := dom.Attr(img, a); v != "" && !isPlaceholder(v) {
			return true
		}
	}
	return dom.Attr(img, "srcset") != "" || firstAttr(img, lazySrcsetAttrs) != "" || unnamedLazySrc(img) != ""
}

// unnamedLazySrc returns the value of a data-* attribute of img that is a
// single image address (see imageFileEndings), or "". An absolute address
// wins over a relative one, which is as often a path kept for a script
// ("data-image-path") as the address itself.
func unnamedLazySrc(img *html.Node) string {
	relative := ""
	for _, a := range img.Attr {
		if a.Namespace != "" || !strings.HasPrefix(a.Key, "data-") {
			continue
		}
		v := strings.TrimSpace(a.Val)
		if !isImageAddress(v) || isPlaceholder(v) {
			continue
		}
		if strings.Contains(v, "://") || strings.HasPrefix(v, "//") {
			return v
		}
		if relative == "" {
			relative = v
		}
	}
	return relative
}

// isImageAddress reports a value that is one URL (no spaces) whose path
// ends in an image file ending.
func isImageAddress(v string) bool {
	if v == "" || strings.ContainsAny(v, " \t\n\r\f") {
		return false
	}
	path := v
	if i := strings.IndexAny(path, "?#"); i >= 0 {
		path = path[:i]
	}
	for _, e := range imageFileEndings {
		if len(path) > len(e) && strings.EqualFold(path[len(path)-len(e):], e) {
			return true
		}
	}
	return false
}

// fixImage gives img its real address and reports whether it is an image
// worth keeping.
func fixImage(img *html.Node) bool {
	src := dom.Attr(img, "src")
	if isPlaceholder(src) {
		src = ""
	}
	for _, a := range lazySrcAttrs {
		if v := strings.TrimSpace(dom.Attr(img, a)); v != "" && !isPlaceholder(v) {
			src = v
			break
		}
	}
	if src == "" {
		src = unnamedLazySrc(img)
	}
	srcset := dom.Attr(img, "srcset")
	if v := firstAttr(img, lazySrcsetAttrs); v != "" {
		srcset = v
	}
	if srcset != "" {
		dom.SetAttr(img, "srcset", srcset)
		if c, _ := largest(srcset); c.URL != "" && !isPlaceholder(c.URL) {
			// The largest candidate offered is the one a reader wants.
			src = c.URL
		}
	}
	if src == "" {
		return false
	}
	dom.SetAttr(img, "src", src)
	return true
}

func firstAttr(n *html.Node, keys []string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(dom.Attr(n, k)); v != "" {
			return v
		}
	}
	return ""
}

// isPlaceholder reports an empty, inline or stand-in image address.
func isPlaceholder(src string) bool {
	src = strings.TrimSpace(strings.ToLower(src))
	if src == "" || src == "#" || strings.HasPrefix(src, "data:") || strings.HasPrefix(src, "about:") {
		return true
	}
	name := src
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	for _, w := range placeholderWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// largest returns the srcset candidate with the largest width or density,
// and that size (widths count as-is; densities as width-less multiples).
func largest(srcset string) (dom.Candidate, float64) {
	var best dom.Candidate
	bestSize := -1.0
	for _, c := range dom.SplitSrcset(srcset) {
		size := 1.0
		if d := c.Descriptor; len(d) > 1 {
			if v, err := strconv.ParseFloat(d[:len(d)-1], 64); err == nil {
				switch d[len(d)-1] {
				case 'w':
					size = v
				case 'x':
					size = v * 1000 // a 2x candidate beats a 1x one; widths are rarely given with x
				}
			}
		}
		if size > bestSize {
			best, bestSize = c, size
		}
	}
	return best, bestSize
}

// embedURL returns the first attribute value of n (or of its <source>
// children) that a known embed service or a media file address matches.
func embedURL(n *html.Node) string {
	check := func(e *html.Node) string {
		for _, a := range e.Attr {
			if strings.Contains(a.Val, "://") || strings.HasPrefix(a.Val, "//") {
				for _, em := range embeds() {
					if em.match.MatchString(a.Val) {
						return a.Val
					}
				}
			}
		}
		return ""
	}
	if u := check(n); u != "" {
		return u
	}
	for _, s := range dom.FindAll(n, atom.Source) {
		if u := check(s); u != "" {
			return u
		}
	}
	return ""
}

// replacePlayer turns a player element into a figure with a link, or
// removes it when it plays nothing recognisable.
func replacePlayer(n *html.Node, r *report.Report) {
	if n.Parent == nil {
		return
	}
	href, label := "", ""
	if u := embedURL(n); u != "" {
		for _, em := range embeds() {
			if m := em.match.FindStringSubmatch(u); m != nil {
				href = em.link(m[1])
				label = em.service + " " + em.kind
				break
			}
		}
	}
	if href == "" && silentClip(n) {
		stillOf(n, r)
		return
	}
	if href == "" && dom.IsElement(n, atom.Video, atom.Audio) {
		href = mediaFile(n)
		label = "Video"
		if n.DataAtom == atom.Audio {
			label = "Audio"
		}
	}
	if href == "" {
		r.Add(report.Element, "unknown-embed", n, "")
		dom.Detach(n)
		return
	}
	if t := strings.TrimSpace(dom.Attr(n, "title")); t != "" && len(t) < 200 {
		label = t
	}
	if d := takeDuration(n); d != "" {
		label += " (" + d + ")"
	}
	fig := &html.Node{Type: html.ElementNode, Data: "figure", DataAtom: atom.Figure}
	if poster := dom.Attr(n, "poster"); poster != "" && !isPlaceholder(poster) {
		img := &html.Node{Type: html.ElementNode, Data: "img", DataAtom: atom.Img,
			Attr: []html.Attribute{{Key: "src", Val: poster}, {Key: "alt", Val: label}}}
		fig.AppendChild(img)
	}
	cap := &html.Node{Type: html.ElementNode, Data: "figcaption", DataAtom: atom.Figcaption}
	a := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{{Key: "href", Val: href}}}
	a.AppendChild(&html.Node{Type: html.TextNode, Data: "▶ " + label})
	cap.AppendChild(a)
	fig.AppendChild(cap)
	n.Parent.InsertBefore(fig, n)
	r.Add(report.Element, "embed-to-link", n, "")
	dom.Detach(n)
}

// silentClip reports whether n is a <video> a reader cannot play: muted,
// without controls, it loops behind a hero banner or plays as a product
// shot does, a moving picture rather than a film. A "▶ Video" link for it
// reads as a line of text the page never showed; measured on wcxb-dev such
// clips fill landing and product pages with those lines.
func silentClip(n *html.Node) bool {
	return n.DataAtom == atom.Video && !dom.HasAttr(n, "controls") && dom.HasAttr(n, "muted")
}

// stillOf replaces a silent clip with its poster, the picture the page
// shows before the clip plays, or removes it when it has none.
func stillOf(n *html.Node, r *report.Report) {
	if poster := dom.Attr(n, "poster"); poster != "" && !isPlaceholder(poster) {
		img := &html.Node{Type: html.ElementNode, Data: "img", DataAtom: atom.Img,
			Attr: []html.Attribute{{Key: "src", Val: poster}, {Key: "alt", Val: ""}}}
		n.Parent.InsertBefore(img, n)
	}
	r.Add(report.Element, "silent-clip", n, "")
	dom.Detach(n)
}

// mediaFile returns the address a <video> or <audio> plays.
func mediaFile(n *html.Node) string {
	if s := dom.Attr(n, "src"); s != "" && !strings.HasPrefix(s, "blob:") && !strings.HasPrefix(s, "data:") {
		return s
	}
	for _, s := range dom.FindAll(n, atom.Source) {
		if v := dom.Attr(s, "src"); v != "" && !strings.HasPrefix(v, "blob:") && !strings.HasPrefix(v, "data:") {
			return v
		}
	}
	return ""
}

// durationSearchDepth is how many ancestors of a player are searched for
// its duration label: players sit in a wrapper beside their poster.
const durationSearchDepth = 3

// takeDuration finds a duration label (a <time> or short element reading
// like 2:08) near the player, removes it, and returns its text normalised.
func takeDuration(n *html.Node) string {
	p := n.Parent
	for i := 0; i < durationSearchDepth && p != nil && p.DataAtom != atom.Body; i, p = i+1, p.Parent {
		found := dom.Find(p, func(c *html.Node) bool {
			if c.FirstChild == nil || c.FirstChild != c.LastChild || c.FirstChild.Type != html.TextNode {
				return false
			}
			return isDuration(strings.TrimSpace(c.FirstChild.Data))
		})
		if found != nil {
			d := strings.TrimSpace(found.FirstChild.Data)
			dom.Detach(found)
			return strings.TrimPrefix(d, "0")
		}
	}
	return ""
}
