package meta

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Bounds on the walk, so a huge page costs no more than a big one. Meta
// tags and JSON-LD are looked for in the whole document (they are cheap to
// spot and some sites put them at the end of <body>); the visible hints
// (headings, bylines, datelines) only in the first part of the body, where
// an article's header is.
const (
	maxNodes        = 400000
	maxBodyElements = 20000
	maxHeadings     = 12
	maxH12          = 64
	maxBylines      = 12
	maxDatelines    = 12
	maxTimes        = 12
	maxLDScripts    = 32
	maxHintRunes    = 200 // longer text is a paragraph, not a byline or dateline
)

// page is the raw material Read draws on, gathered in one walk.
type page struct {
	htmlLang, htmlDir, bodyDir string
	mainDir                    string // the first <main> or <article> dir
	title                      string
	metas                      map[string]string
	rd                         map[string]string // keyed as Readability keys them
	h12Texts                   []string          // <h1> and <h2> texts, for the <title> heuristic
	h1Count                    int
	firstH1                    string
	canonical                  string
	jsonld                     []string
	headings                   []heading
	bylines                    []string
	textBylines                []textByline // after a label such as 作者：
	times                      []timeHint
	datelines                  []timeHint
	// hints counts the times and datelines seen, so each knows its place
	// in the document; headlineAt is the count when the first <h1> began
	// (-1 before it), telling the dates under the headline from those in
	// the navigation above it.
	hints      int
	headlineAt int
	itemprops  map[string]string
	relAuthors []string
	// pendingLabel is 1 + the rank of a byline label that ended its
	// text, whose name is the next text; 0 when none waits.
	pendingLabel int
	// bodyTexts counts the body's texts and afterHeadline says the last
	// was a bold headline, for nameLine.
	bodyTexts     int
	afterHeadline bool
}

// heading is a visible title candidate.
type heading struct {
	text  string
	level int // 1 for h1 and itemprop=headline, 2 for title-classed elements
}

// timeHint is a date as a page shows or marks it, with how it was marked.
type timeHint struct {
	value   string
	labeled bool // in a <time pubdate>, an itemprop or a date-classed element
	seq     int  // place among all times and datelines, in document order
}

// addTime and addDateline record a date hint with its place in the page.
func (p *page) addTime(h timeHint) {
	h.seq = p.hints
	p.hints++
	p.times = append(p.times, h)
}

func (p *page) addDateline(h timeHint) {
	h.seq = p.hints
	p.hints++
	p.datelines = append(p.datelines, h)
}

// headlineClasses mark elements that hold the article's headline in common
// CMS themes (WordPress entry-title, many news themes' headline).
var headlineClasses = []string{"entry-title", "post-title", "article-title", "headline", "article__title", "story-title", "page-title"}

// bylineClasses mark elements that hold the author's name. The list follows
// Readability's byline test (byline|author|dateline|writtenby|p-author).
var bylineClasses = []string{"byline", "author", "writtenby", "dateline"}

// notBylineClasses mark author-related elements that are not the article's
// byline: comment authors, author biographies and boxes of avatars.
var notBylineClasses = []string{"comment", "bio", "description", "avatar", "about", "authors-list", "more-from"}

// dateClasses mark elements that hold the article's date.
var dateClasses = []string{"date", "time", "publish", "posted", "dateline", "meta", "byline", "pubdate", "timestamp"}

// Lists a class word belongs to, as bits, so one pass over a class
// attribute tells every list it hits.
const (
	listHeadline = 1 << iota
	listByline
	listNotByline
	listDate
)

// classIndex holds the class words by their first two bytes: a class
// attribute is read once, and at most bytes a bit test tells that no word
// starts there.
var classIndex = indexClassWords(map[int][]string{
	listHeadline:  headlineClasses,
	listByline:    bylineClasses,
	listNotByline: notBylineClasses,
	listDate:      dateClasses,
})

type classWord struct {
	word  string
	lists int
}

type wordIndex struct {
	// starts has bit b2 of row b1 set when a word starts with b1 b2.
	starts [256][4]uint64
	words  [256][]classWord // by first byte
}

func indexClassWords(lists map[int][]string) *wordIndex {
	idx := &wordIndex{}
	for bit, words := range lists {
		for _, w := range words {
			if len(w) < 2 {
				continue
			}
			idx.starts[w[0]][w[1]>>6] |= 1 << (w[1] & 63)
			first := &idx.words[w[0]]
			found := false
			for i := range *first {
				if (*first)[i].word == w {
					(*first)[i].lists |= bit
					found = true
				}
			}
			if !found {
				*first = append(*first, classWord{w, bit})
			}
		}
	}
	return idx
}

// classLists returns the lists (as bits) one of whose words occurs in the
// class string s, ignoring ASCII case. Folding only ASCII spares a copy of
// every class attribute; the class words are lower-case ASCII, which no
// other letter folds into in a way that could complete one.
func classLists(s string) int {
	hit := 0
	for i := 0; i+1 < len(s); i++ {
		b1, b2 := lowerASCII(s[i]), lowerASCII(s[i+1])
		if classIndex.starts[b1][b2>>6]&(1<<(b2&63)) == 0 {
			continue
		}
		for _, w := range classIndex.words[b1] {
			if hit&w.lists != w.lists && hasPrefixFold(s[i:], w.word) {
				hit |= w.lists
			}
		}
	}
	return hit
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefixFold is strings.HasPrefix with s read in ASCII lower case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if lowerASCII(s[i]) != prefix[i] {
			return false
		}
	}
	return true
}

// dateLabels are words that introduce a publication date in visible text.
var dateLabels = []string{"发布", "發布", "发表", "發表", "时间", "時間", "日期", "published", "posted", "veröffentlicht", "publié", "publicado", "pubblicato", "опубликовано", "更新"}

func collect(doc *html.Node) *page {
	p := &page{metas: map[string]string{}, itemprops: map[string]string{}, rd: map[string]string{}, headlineAt: -1}
	inBody, bodyElems, nodes := false, 0, 0
	for n := doc; n != nil; {
		nodes++
		if nodes > maxNodes {
			break
		}
		if n.Type != html.ElementNode {
			if n.Type == html.TextNode && inBody && bodyElems < maxBodyElements {
				p.textHint(n)
			}
			n = dom.Next(n, doc, false)
			continue
		}
		skip := false
		switch n.DataAtom {
		case atom.Html:
			if p.htmlLang == "" {
				p.htmlLang = dom.Attr(n, "lang")
				if p.htmlLang == "" {
					p.htmlLang = dom.Attr(n, "xml:lang")
				}
				p.htmlDir = dom.Attr(n, "dir")
			}
		case atom.Body:
			inBody = true
			p.bodyDir = dom.Attr(n, "dir")
		case atom.Title:
			if p.title == "" && !inSVG(n) {
				p.title = nodeText(n)
			}
			skip = true
		case atom.Meta:
			p.meta(n)
		case atom.Link:
			p.link(n)
		case atom.Script:
			if len(p.jsonld) < maxLDScripts && isLDJSON(dom.Attr(n, "type")) {
				var b strings.Builder
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					if c.Type == html.TextNode {
						b.WriteString(c.Data)
					}
				}
				p.jsonld = append(p.jsonld, b.String())
			}
			skip = true
		case atom.Style, atom.Template, atom.Noscript, atom.Svg, atom.Math:
			skip = true
		}
		if inBody && !skip {
			bodyElems++
			if bodyElems < maxBodyElements {
				skip = p.bodyElement(n)
			}
		}
		n = dom.Next(n, doc, skip)
	}
	return p
}

func inSVG(n *html.Node) bool {
	for a := n.Parent; a != nil; a = a.Parent {
		if a.DataAtom == atom.Svg {
			return true
		}
	}
	return false
}

func isLDJSON(typ string) bool {
	typ = strings.ToLower(strings.TrimSpace(typ))
	return typ == "application/ld+json" || strings.HasPrefix(typ, "application/ld+json;")
}

// meta records a <meta>'s content under each of its names, first one wins.
// Keys are lower case with "." read as ":" so DC.creator and dc:creator
// meet.
func (p *page) meta(n *html.Node) {
	content := strings.TrimSpace(dom.Attr(n, "content"))
	if content == "" {
		content = strings.TrimSpace(dom.Attr(n, "value"))
	}
	if content == "" {
		return
	}
	p.rdMeta(dom.Attr(n, "property"), dom.Attr(n, "name"), content)
	for _, attr := range [...]string{"property", "name", "itemprop", "http-equiv"} {
		for key := range strings.FieldsSeq(dom.Attr(n, attr)) {
			key = metaKey(key)
			if _, seen := p.metas[key]; !seen {
				p.metas[key] = content
			}
		}
	}
}

func metaKey(k string) string {
	return strings.ReplaceAll(strings.ToLower(k), ".", ":")
}

func (p *page) link(n *html.Node) {
	href := strings.TrimSpace(dom.Attr(n, "href"))
	if href == "" {
		return
	}
	for rel := range strings.FieldsSeq(strings.ToLower(dom.Attr(n, "rel"))) {
		if rel == "canonical" && p.canonical == "" {
			p.canonical = href
		}
	}
}

// bodyElement records the visible hints an element carries and reports
// whether its children need no further look. It runs on every element of
// the body, so the cheap tests come first and text is taken only from
// elements short enough to be a hint.
func (p *page) bodyElement(n *html.Node) (skip bool) {
	// One look at the attributes; the first of each name counts, as in
	// dom.Attr.
	var itemprop, class, id string
	var seen [3]bool
	for _, a := range n.Attr {
		if a.Namespace != "" {
			continue
		}
		switch {
		case a.Key == "itemprop" && !seen[0]:
			itemprop, seen[0] = a.Val, true
		case a.Key == "class" && !seen[1]:
			class, seen[1] = a.Val, true
		case a.Key == "id" && !seen[2]:
			id, seen[2] = a.Val, true
		}
	}
	if itemprop != "" {
		p.itemprop(n, itemprop)
	}
	switch n.DataAtom {
	case atom.Main, atom.Article:
		if p.mainDir == "" {
			p.mainDir = dom.Attr(n, "dir")
		}
	case atom.H2:
		if len(p.h12Texts) < maxH12 {
			p.h12Texts = append(p.h12Texts, nodeText(n))
		}
	case atom.H1:
		p.h1Count++
		var t string
		if p.h1Count == 1 || len(p.h12Texts) < maxH12 {
			t = nodeText(n)
		}
		if p.h1Count == 1 {
			p.firstH1 = t
			p.headlineAt = p.hints
		}
		if len(p.h12Texts) < maxH12 {
			p.h12Texts = append(p.h12Texts, t)
		}
		if len(p.headings) < maxHeadings {
			if t := headingText(n); t != "" {
				p.headings = append(p.headings, heading{text: t, level: 1})
			}
		}
		return true
	case atom.Time:
		if len(p.times) < maxTimes {
			v := dom.Attr(n, "datetime")
			if v == "" {
				v = nodeText(n)
			}
			if v != "" {
				p.addTime(timeHint{value: v, labeled: dom.HasAttr(n, "pubdate") || strings.Contains(strings.ToLower(itemprop), "datepublished")})
			}
		}
	case atom.A:
		if strings.EqualFold(dom.Attr(n, "rel"), "author") && len(p.relAuthors) < maxBylines {
			if t := nodeText(n); t != "" {
				p.relAuthors = append(p.relAuthors, t)
			}
		}
	}
	if class == "" && id == "" {
		return false
	}
	wantHeading := len(p.headings) < maxHeadings && n.DataAtom != atom.Body && isHeadingTag(n.DataAtom)
	wantByline := len(p.bylines) < maxBylines
	wantDate := len(p.datelines) < maxDatelines
	if !wantHeading && !wantByline && !wantDate {
		return false
	}
	// No class word holds a space, so class and id are matched apart.
	hit := classLists(class) | classLists(id)
	if wantHeading && hit&listHeadline != 0 {
		if t := headingText(n); t != "" {
			p.headings = append(p.headings, heading{text: t, level: 2})
		}
	}
	if wantByline && hit&listByline != 0 && hit&listNotByline == 0 && !nonSpaceOver(n, maxHintRunes, true) {
		if t := spacedText(n); t != "" && runeLen(t) <= maxHintRunes {
			p.bylines = append(p.bylines, t)
		}
	}
	if wantDate && hit&listDate != 0 && !nonSpaceOver(n, maxHintRunes, false) {
		if t := nodeText(n); t != "" && runeLen(t) <= maxHintRunes && hasYear(t) && holdsDay(t) {
			p.addDateline(timeHint{value: t, labeled: true})
		}
	}
	return false
}

// nonSpaceOver reports whether the text below n, read as dom.Text reads it
// (and without <svg> when noSVG), holds more than limit non-space
// characters, stopping once it does: such text is longer than any hint
// once folded, and containers (a "meta" or "author" classed wrapper of the
// whole article) need not be read whole to learn that.
func nonSpaceOver(n *html.Node, limit int, noSVG bool) bool {
	count := 0
	for c := n.FirstChild; c != nil; {
		skip := false
		switch c.Type {
		case html.TextNode:
			for _, r := range c.Data {
				if !unicode.IsSpace(r) && r != '\u00a0' {
					if count++; count > limit {
						return true
					}
				}
			}
		case html.ElementNode:
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript:
				skip = true
			case atom.Svg:
				skip = noSVG
			}
		}
		c = dom.Next(c, n, skip)
	}
	return false
}

// spacedText returns the text below n with a space where elements meet,
// so a byline's name and the date in the next element ("Jane Doe" and
// "December 2") do not run together.
func spacedText(n *html.Node) string {
	if c := n.FirstChild; c != nil && c.NextSibling == nil && c.Type == html.TextNode {
		return closePunct(fold(c.Data))
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; {
		skip := false
		switch c.Type {
		case html.TextNode:
			b.WriteString(c.Data)
		case html.ElementNode:
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg:
				skip = true
			case atom.B, atom.I, atom.Em, atom.Strong, atom.U, atom.Small, atom.Sup, atom.Sub:
			default:
				b.WriteByte(' ')
			}
		}
		if c.Type == html.ElementNode && !skip && c.FirstChild == nil || skip || c.Type != html.ElementNode {
			// Leaving c: mark the end of every element we climb out of.
			for d := c; d != n && d.NextSibling == nil; d = d.Parent {
				if d.Parent != n && d.Parent != nil {
					b.WriteByte(' ')
				}
			}
		}
		c = dom.Next(c, n, skip)
	}
	return closePunct(fold(b.String()))
}

// spaceBeforePunct undoes the space spacedText puts before punctuation
// that followed an element ("<a>Jane Doe</a>, Editor").
var spaceBeforePunct = strings.NewReplacer(" ,", ",", " .", ".", " ;", ";", " )", ")")

// closePunct applies spaceBeforePunct, without its copy of s when no space
// stands before such punctuation, as in most bylines.
func closePunct(s string) string {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == ' ' && strings.IndexByte(",.;)", s[i+1]) >= 0 {
			return spaceBeforePunct.Replace(s)
		}
	}
	return s
}

// anchorMarks are the symbols documentation generators append to headings
// as permalinks (Sphinx's ¶, GitHub's and MkDocs' #, §).
const anchorMarks = "¶#§🔗\uf0c1 "

// headingText returns a heading's text as it reads: a <br> or a block
// inside it separates words, and a trailing permalink mark is dropped.
func headingText(n *html.Node) string {
	if c := n.FirstChild; c != nil && c.NextSibling == nil && c.Type == html.TextNode {
		return strings.TrimRight(fold(c.Data), anchorMarks)
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; {
		skip := false
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode:
			switch c.DataAtom {
			case atom.Script, atom.Style, atom.Template, atom.Noscript, atom.Svg:
				skip = true
			case atom.Br, atom.Div, atom.P:
				b.WriteByte(' ')
			}
		}
		c = dom.Next(c, n, skip)
	}
	return strings.TrimRight(fold(b.String()), anchorMarks)
}

// isHeadingTag lists the elements a theme may mark as the headline with a
// class; a headline-classed <div> is too often a teaser's.
func isHeadingTag(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.Header, atom.Span, atom.Div:
		return true
	}
	return false
}

func (p *page) itemprop(n *html.Node, ip string) {
	for key := range strings.FieldsSeq(strings.ToLower(ip)) {
		if _, seen := p.itemprops[key]; seen {
			continue
		}
		var v string
		switch key {
		case "headline", "datepublished", "datecreated":
			v = firstAttr(n, "content", "datetime")
			if v == "" {
				v = nodeText(n)
			}
		case "author", "creator":
			v = firstAttr(n, "content")
			if v == "" {
				if name := dom.Find(n, func(c *html.Node) bool {
					return strings.EqualFold(dom.Attr(c, "itemprop"), "name")
				}); name != nil {
					v = firstAttr(name, "content")
					if v == "" {
						v = nodeText(name)
					}
				} else {
					v = nodeText(n)
				}
			}
		default:
			continue
		}
		if v != "" && runeLen(v) <= 4*maxHintRunes {
			p.itemprops[key] = v
		}
	}
}

// textHint records a short text that looks like a dateline: it has a year
// and either sits right after a label such as "Published" or holds little
// else.
func (p *page) textHint(n *html.Node) {
	p.nameLine(n)
	if p.pendingLabel > 0 && !dom.IsBlank(n.Data) {
		rank := p.pendingLabel - 1
		p.pendingLabel = 0
		if t := fold(n.Data); len(p.textBylines) < maxBylines && len(n.Data) < 4*maxHintRunes {
			if hasCJK(t) {
				p.addLabelled(t, rank)
			} else if f := strings.Fields(t); len(f) <= maxLatinNameWords || len(f) <= 2*maxLatinNameWords+1 && slices.Contains(f, "and") {
				// A text of its own holds the whole name, spaces and all.
				p.textBylines = append(p.textBylines, textByline{strings.Join(f, " "), rank})
			}
		}
	}
	if len(p.textBylines) < maxBylines {
		latin := "" // the text trimmed of its indentation, after the headline
		if p.headlineAt >= 0 {
			latin = strings.TrimSpace(n.Data)
		}
		if latin != "" && len(latin) <= maxLatinLabelBytes && isLatinBylineLabel(latin) {
			p.pendingLabel = 1 // rank 0, an author
		} else if name := latinLabelledName(latin); name != "" {
			p.textBylines = append(p.textBylines, textByline{name, 0})
		} else if len(n.Data) < 4*maxHintRunes {
			if mayHoldBylineLabel(n.Data) {
				p.labelledByline(fold(n.Data))
			}
		} else {
			// A story's closing credit ends its last paragraph.
			p.creditByline(n.Data[len(n.Data)-maxCreditBytes:])
		}
	}
	if len(p.datelines) >= maxDatelines || len(n.Data) < 8 || len(n.Data) > 4*maxHintRunes || !hasYear(n.Data) {
		return
	}
	if n.Parent != nil && (n.Parent.DataAtom == atom.Script || n.Parent.DataAtom == atom.Style) {
		return
	}
	t := fold(n.Data)
	if runeLen(t) > maxHintRunes {
		return
	}
	if !holdsDay(t) {
		return
	}
	low := strings.ToLower(t)
	p.addDateline(timeHint{value: t, labeled: containsAny(low, dateLabels)})
}

// nodeText is dom.Text(n), without a copy when n holds one text that is
// folded already, as most headings, links and dates are.
func nodeText(n *html.Node) string {
	if c := n.FirstChild; c != nil && c.NextSibling == nil && c.Type == html.TextNode {
		return fold(c.Data)
	}
	return dom.Text(n)
}

// fold is dom.Fold, returning a slice of s when folding would only trim
// it (markup often indents text).
func fold(s string) string {
	if t := strings.TrimFunc(s, isFoldSpace); isFolded(t) {
		return t
	}
	return dom.Fold(s)
}

// isFoldSpace is the white space dom.Fold folds.
func isFoldSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }

// isFolded reports whether dom.Fold would return s unchanged: valid UTF-8
// whose only white space is single ASCII spaces between other characters.
func isFolded(s string) bool {
	space := true // at the start, as after a space: none may come first
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			switch c {
			case ' ':
				if space {
					return false
				}
				space = true
			case '\t', '\n', '\v', '\f', '\r':
				return false
			default:
				space = false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsSpace(r) || r == '\u00a0' {
			return false
		}
		space = false
		i += size
	}
	return !space || s == ""
}

// holdsDay reports whether s names a whole calendar day, so a headline
// that merely mentions a year ("Best laptops of 2025") does not take one of
// the few dateline places.
func holdsDay(s string) bool {
	_, ok := parseLoose(s, dayFirst)
	return ok
}

// bylineLabels introduce the author's name in visible text, where no
// class marks it; Chinese and Japanese news pages write them in a line
// with the source and the date. rank orders them: the author first, then
// the reporter, then the editor (Chinese news pages credit the editor
// where no author is named), then (after a closing credit) the source, which names a person only
// on small sites (orgName filters out the newspapers).
var bylineLabels = []struct {
	label string
	rank  int
}{
	{"作者：", 0}, {"作者:", 0}, {"作者 ", 0}, {"文／", 0}, {"文/", 0}, {"撰文：", 0}, {"撰稿：", 0},
	{"Autor:", 0}, {"Autorin:", 0}, {"Auteur :", 0}, {"Auteur:", 0}, {"Author:", 0}, {"Автор:", 0},
	{"记者：", 1}, {"记者:", 1}, {"記者：", 1}, {"記者:", 1}, {"记者 ", 1}, {"記者 ", 1},
	{"责任编辑：", 2}, {"责任编辑:", 2}, {"責任編輯：", 2}, {"编辑：", 2}, {"编辑:", 2}, {"編輯：", 2},
	{"来源：", 4}, {"来源:", 4}, {"來源：", 4},
}

// bylineLabelStems are the words every entry of bylineLabels starts with,
// and the marks of a closing credit ("（记者 王明）", "上海报道"): a cheap
// test that spares most text nodes the folding and the search.
var bylineLabelStems = []string{"作者", "文", "撰", "Aut", "Автор", "记者", "記者", "编辑", "編輯", "责任", "責任", "来源", "來源", "（", "报道"}

// stemIndex holds bylineLabelStems by first byte, so mayHoldBylineLabel,
// run on every text node of the body, reads the text once.
var stemIndex = indexStems(bylineLabelStems)

func indexStems(stems []string) *[256][]string {
	var idx [256][]string
	for _, s := range stems {
		if s != "" {
			idx[s[0]] = append(idx[s[0]], s)
		}
	}
	return &idx
}

func mayHoldBylineLabel(s string) bool {
	for i := 0; i < len(s); i++ {
		for _, stem := range stemIndex[s[i]] {
			if strings.HasPrefix(s[i:], stem) {
				return true
			}
		}
	}
	return false
}

// latinBylineLabels stand alone in a text of their own before the
// author's name in another element ("By <a>Jane Doe</a>", a "Written by"
// caption over the name), where no class marks the byline. Only after the
// first <h1>: before it a "By" names the site's owner in its header, and
// a listing without a headline credits each item ("by <a>user</a>").
var latinBylineLabels = []string{"by", "written by", "authored by", "posted by", "article by", "words by", "story by", "author", "authors", "contributor", "contributors"}

// maxLatinLabelBytes bounds a text that may be one of latinBylineLabels,
// white space and a colon included.
const maxLatinLabelBytes = 40

func isLatinBylineLabel(s string) bool {
	s = strings.TrimRight(strings.TrimSpace(s), ":")
	for _, l := range latinBylineLabels {
		if strings.EqualFold(s, l) {
			return true
		}
	}
	return false
}

// latinLabelledName returns the name in a text that is a Latin byline
// label and a name alone ("Written by Jane Doe"): up to
// maxLatinNameWords words, each capitalised, so a sentence ("By clicking
// here you agree") is not one. It does not allocate: it runs on every
// text after the headline.
func latinLabelledName(s string) string {
	if len(s) > maxLatinLabelBytes+maxHintRunes || !startsWithByLabel(s) {
		return ""
	}
	for _, l := range latinBylineLabels {
		if len(s) <= len(l)+1 || !strings.EqualFold(s[:len(l)], l) || s[len(l)] != ' ' && s[len(l)] != ':' {
			continue
		}
		name := strings.TrimLeft(s[len(l):], " :")
		words := 0
		for w := range strings.FieldsSeq(name) {
			if words > 0 && endsLatinName(w) {
				break // the date or section after the name: cleanByline cuts it
			}
			words++
			if words > maxLatinNameWords || !startsUpper(w) {
				return ""
			}
		}
		if words == 0 {
			return ""
		}
		return name
	}
	return ""
}

// endsLatinName reports whether w, after a name in a byline, begins what
// follows it: a separator, "on" before a date, or a number.
func endsLatinName(w string) bool {
	switch w {
	case "-", "–", "—", "|", "·", "•", "on":
		return true
	}
	return w[0] >= '0' && w[0] <= '9'
}

// startsWithByLabel is a cheap first test for latinLabelledName, run on
// every text: the text begins with a letter of a label (b, w, a, p, s).
func startsWithByLabel(s string) bool {
	s = strings.TrimLeft(s, " \t\n\r\u00a0")
	if s == "" {
		return false
	}
	switch s[0] | 0x20 {
	case 'b', 'w', 'a', 'p', 's':
		return true
	}
	return false
}

// maxLatinNameWords bounds a name that is a text of its own after a label;
// two names joined by "and" may take twice as many.
const maxLatinNameWords = 4

// textByline is a name found after a label in visible text.
type textByline struct {
	name string
	rank int
}

// maxCJKNameRunes bounds a CJK author name found after a label; Chinese
// names are two to four characters, pen names a few more.
const maxCJKNameRunes = 8

// maxCreditNames bounds how many space-separated names a credit may list.
const maxCreditNames = 6

// labelledByline records the names after a byline label. A CJK label
// followed by a space may credit several people ("记者 王明 李华").
func (p *page) labelledByline(t string) {
	if len(p.textBylines) >= maxBylines {
		return
	}
	for _, l := range bylineLabels {
		i := strings.Index(t, l.label)
		if i < 0 {
			continue
		}
		rest := strings.TrimLeft(t[i+len(l.label):], " \u3000")
		if rest == "" {
			// "作者：<a>王明</a>": the name is the next text.
			p.pendingLabel = l.rank + 1
			return
		}
		p.addLabelled(rest, l.rank)
		return
	}
	p.creditByline(t)
}

// addLabelled records the name at the start of rest, the text after a
// byline label of the given rank.
func (p *page) addLabelled(rest string, rank int) {
	var name string
	if hasCJK(rest) {
		name = cjkNames(rest)
	} else {
		// The name runs to the next space or punctuation.
		if end := strings.IndexFunc(rest, isNameEnd); end >= 0 {
			rest = rest[:end]
		}
		name = rest
	}
	if name != "" && !(rank == sourceRank && (orgName(name) || contains(notSourceNames, name))) {
		p.textBylines = append(p.textBylines, textByline{name, rank})
	}
}

func isNameEnd(r rune) bool {
	return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '·' && r != '.' && r != '&' && r != '-'
}

// cjkNames reads the space-separated names at the start of s, each a run
// of Han characters no longer than a name; a longer run is a sentence
// that happened to hold the label.
func cjkNames(s string) string {
	var names []string
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u3000' }) {
		end := strings.IndexFunc(f, isNameEnd)
		word := f
		if end >= 0 {
			word = f[:end]
		}
		n := utf8.RuneCountInString(word)
		if word == "" || n > maxCJKNameRunes || !hasCJK(word) && len(names) > 0 {
			break
		}
		names = append(names, word)
		if end >= 0 || len(names) == maxCreditNames {
			break
		}
	}
	return strings.Join(names, " ")
}

// orgSuffixes end the names of newspapers, sites and agencies.
var orgSuffixes = []string{"报", "網", "网", "社", "台", "刊", "站", "部", "局", "所", "院", "会", "中心", "新闻", "日报", "时报", "晚报", "在线", "频道", "网站", "传媒", "集团", "公司", "政府"}

// notSourceNames follow a source label or fill parentheses without naming
// anyone: "with pictures", "original", "this site", "the web", "reprint",
// "special topic", "organiser".
var notSourceNames = []string{"附图", "组图", "图", "原创", "本站", "网络", "網絡", "互联网", "转载", "專題", "专题", "承办", "未知", "综合"}

func orgName(s string) bool {
	for _, suf := range orgSuffixes {
		if strings.HasSuffix(s, suf) {
			return true
		}
	}
	return false
}

// creditByline reads the credit Chinese news stories end with, in
// full-width parentheses: "（记者 王明）", "（王明 李华）", "（王明 上海报道）".
func (p *page) creditByline(t string) {
	t = strings.TrimRight(t, " \u3000")
	var inner string
	for _, pair := range [...][2]string{{"（", "）"}, {"(", ")"}} {
		if !strings.HasSuffix(t, pair[1]) {
			continue
		}
		if open := strings.LastIndex(t, pair[0]); open >= 0 {
			inner = strings.TrimSpace(t[open+len(pair[0]) : len(t)-len(pair[1])])
		}
		break
	}
	if i := strings.LastIndex(inner, "记者"); i >= 0 {
		inner = inner[i+len("记者"):]
	}
	fields := strings.Fields(inner)
	if n := len(fields); n > 1 && strings.HasSuffix(fields[n-1], "报道") {
		fields = fields[:n-1]
	}
	if len(fields) == 0 || len(fields) > maxCreditNames {
		return
	}
	for _, f := range fields {
		if n := utf8.RuneCountInString(f); n < 2 || n > 4 || !allHan(f) || contains(notSourceNames, f) {
			return
		}
	}
	p.textBylines = append(p.textBylines, textByline{strings.Join(fields, " "), creditRank})
}

// maxCreditBytes is how much of a long text's end may hold its credit.
const maxCreditBytes = 120

// creditRank places an end-of-story credit after a labelled author,
// reporter or editor: parentheses close many other things ("(组图)").
// sourceRank is the source label's, the last resort.
const (
	creditRank = 3
	sourceRank = 4
)

func allHan(s string) bool {
	for _, r := range s {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// hasYear reports whether s holds a run of exactly four digits starting
// with 19 or 20, a cheap test run before parsing.
func hasYear(s string) bool {
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			run++
			continue
		}
		if run == 4 && (s[i-4] == '1' && s[i-3] == '9' || s[i-4] == '2' && s[i-3] == '0') {
			return true
		}
		run = 0
	}
	return false
}

func firstAttr(n *html.Node, keys ...string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(dom.Attr(n, k)); v != "" {
			return v
		}
	}
	return ""
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

func runeLen(s string) int {
	return utf8.RuneCountInString(s)
}
