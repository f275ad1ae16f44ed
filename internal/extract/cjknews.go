package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Chinese news pages frame the story with lines of furniture that readers
// show apart or not at all: "2005-04-27 14:32更新 来源：某网 发表评论",
// "编辑：某人", "第1页/共1页 << 上一页 | 下一页 >>". Such a line is made
// only of labelled fields, dates, times and page controls, so it is told
// by its words rather than by the page's class names.

// zhMetaLabels introduce a field of such a line ("来源：新华网"); the value
// after the label is free text. Longer labels come first so "文章来源" is
// not read as "文章" + "来源".
var zhMetaLabels = []string{
	"责任编辑", "文章来源", "新闻来源", "信息来源", "稿件来源", "本文来源",
	"发布时间", "发表时间", "更新时间", "发布日期", "发表日期",
	"来源", "稿源", "出处", "作者", "编辑", "时间", "日期",
}

// zhMetaWords are the whole fields such a line may hold besides labelled
// ones: update marks, comment, print and share prompts, page controls.
var zhMetaWords = map[string]bool{
	"更新": true, "发表评论": true, "我要评论": true, "评论": true, "打印": true,
	"关闭": true, "收藏": true, "分享到": true,
}

// zhPageControls are the fields of a story's page bar ("第1页/共2页",
// "上一页", "下一页"), digits taken out.
var zhPageControls = map[string]bool{
	"上一页": true, "下一页": true, "首页": true, "尾页": true,
	"第页": true, "共页": true, "第页/共页": true,
}

// zhMetaMaxRunes bounds such a line: a longer block is prose.
const zhMetaMaxRunes = 80

// zhMetaBlocks are the elements such a line sits in; inline elements are
// left alone, as a date inside a sentence is the sentence's.
var zhMetaBlocks = []atom.Atom{
	atom.P, atom.Div, atom.Td, atom.Tr, atom.Table, atom.Tbody, atom.Li,
	atom.Section, atom.Header, atom.Footer, atom.Center, atom.Dd, atom.Dt,
}

// zhNoticeLabels head the legal notices news sites print under every
// story: the rights they reserve, the reprints they forbid, the liability
// they disclaim.
var zhNoticeLabels = []string{
	"反侵权公告", "版权声明", "免责声明", "郑重声明", "特别声明", "转载声明", "版权说明", "法律声明",
}

// zhNoticeMaxRunes bounds such a notice; a longer block holds more.
const zhNoticeMaxRunes = 1000

// removeZhMetaLines removes the blocks of art that are only a Chinese
// news page's furniture line (see zhMetaLabels) or its legal notice (see
// zhNoticeLabels). A thread is left alone: each post's date and poster
// are part of it.
func removeZhMetaLines(art *html.Node) {
	if !hasHanText(art) || len(markedPosts(art)) > 0 {
		return
	}
	detachWhere(art, func(n *html.Node) bool {
		if n == art || !dom.IsElement(n, zhMetaBlocks...) && !dom.IsElement(n, atom.Span) {
			return false
		}
		if dom.TextLenOver(n, zhNoticeMaxRunes) {
			return false
		}
		// Only a line's worth of text is copied: most blocks asked are
		// paragraphs, and a notice is told by its opening label.
		if dom.IsElement(n, zhMetaBlocks...) && !dom.TextLenOver(n, zhMetaMaxRunes) {
			text := dom.Text(n)
			return isZhNotice(text) || isZhMetaLine(text)
		}
		return isZhNotice(leadingText(n, zhNoticeLeadBytes))
	})
}

// zhNoticeLeadBytes is as much of a block's opening text as isZhNotice
// reads: brackets, the longest label and its colon, with room to spare.
const zhNoticeLeadBytes = 64

// leadingText returns the start of n's text, at least limit bytes of it
// when there are as many (it may end inside a character), without blank
// text before it counting towards the limit.
func leadingText(n *html.Node, limit int) string {
	var b strings.Builder
	for c := n; c != nil && b.Len() < limit; c = dom.Next(c, n, false) {
		if c.Type != html.TextNode || b.Len() == 0 && dom.IsBlank(c.Data) {
			continue
		}
		b.WriteString(c.Data[:min(len(c.Data), limit-b.Len()+utf8.UTFMax)])
	}
	return b.String()
}

// isZhNotice reports text that opens with a notice label and its colon.
func isZhNotice(text string) bool {
	text = strings.TrimLeft(strings.TrimSpace(text), "【[　")
	for _, l := range zhNoticeLabels {
		if rest, ok := strings.CutPrefix(text, l); ok {
			rest = strings.TrimLeft(rest, "】] ")
			return strings.HasPrefix(rest, "：") || strings.HasPrefix(rest, ":")
		}
	}
	return false
}

// isZhMetaLine reports text made only of labelled fields, dates, times and
// page controls, with at least one label or date and some Han text.
func isZhMetaLine(text string) bool {
	text = strings.TrimSpace(text)
	if text == "" || utf8.RuneCountInString(text) > zhMetaMaxRunes || !strings.ContainsFunc(text, isHan) {
		return false
	}
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || r == '|' || r == '｜'
	})
	dated, labelled, controls := false, false, false
	valueNext := false // a label ended its field with the colon; the value follows
	for _, f := range fields {
		if valueNext {
			valueNext = false
			continue
		}
		if rest, ok := cutZhLabel(f); ok {
			labelled = true
			valueNext = rest == ""
			continue
		}
		core := strings.TrimFunc(f, isDateRune)
		if core != f && strings.ContainsFunc(f, unicode.IsDigit) {
			dated = dated || hasDatePart(f)
		}
		core = strings.Map(func(r rune) rune {
			if unicode.IsDigit(r) {
				return -1
			}
			return r
		}, core)
		core = strings.Trim(core, "<>«»()（）[]【】,，.。:：-—·")
		if zhPageControls[core] {
			controls = true
			continue
		}
		if zhMetaWords[core] {
			labelled = true
			continue
		}
		if core == "" {
			continue
		}
		return false
	}
	// A line of labels alone ("来源：新华网", "编辑：某人") is kept: as
	// often as not the story ends with it and counts it as its own; the
	// line with the time or the page controls is the page's. A date alone
	// may be the signature's, closing a notice or a letter.
	return dated && labelled || controls
}

// cutZhLabel reports a field that starts with a label and a colon
// ("来源：新华网") and returns the value after it.
func cutZhLabel(f string) (rest string, ok bool) {
	f = strings.TrimLeft(f, "【[（(")
	for _, l := range zhMetaLabels {
		after, found := strings.CutPrefix(f, l)
		if !found {
			continue
		}
		for _, colon := range []string{"：", ":"} {
			if v, ok := strings.CutPrefix(after, colon); ok {
				return strings.TrimRight(v, "】]）)"), true
			}
		}
	}
	return "", false
}

// isDateRune reports the characters dates and times are written in.
func isDateRune(r rune) bool {
	return unicode.IsDigit(r) || strings.ContainsRune("-/:.年月日时分秒", r)
}

// hasDatePart reports a field holding a four-digit year or a clock time.
func hasDatePart(f string) bool {
	digits := 0
	for _, r := range f {
		switch {
		case unicode.IsDigit(r):
			digits++
			if digits == 4 {
				return true
			}
		case r == ':' && digits > 0:
			return true
		default:
			digits = 0
		}
	}
	return false
}

func isHan(r rune) bool { return r >= firstHan && unicode.Is(unicode.Han, r) }

// firstHan is below every Han character (the CJK radicals), so most text
// is told apart without a table lookup.
const firstHan = 0x2E80

// hasHanText reports whether any text below n is written in Han: the
// Chinese furniture and notices are looked for only then.
func hasHanText(n *html.Node) bool {
	for c := n; c != nil; c = dom.Next(c, n, false) {
		if c.Type == html.TextNode && strings.ContainsFunc(c.Data, isHan) {
			return true
		}
	}
	return false
}

// titlePrefixShare is how much of the metadata title a leading line must
// repeat to be taken for it: the <title> often runs on past the headline
// into the site's name ("头条--某某新闻", "Headline | Site").
const titlePrefixShare = 0.6

// removeTitleLine removes the article's first line when it repeats the
// title but is not a heading element: old table layouts set the headline
// in a <div class="title">, a <b> or a <font>, where removeTitleHeading
// does not look. Only Chinese titles are looked for: elsewhere a
// product's or a thread's name opening the text is kept as content.
func removeTitleLine(art *html.Node, title string) {
	want := normTitle(title)
	if want == "" || !strings.ContainsFunc(want, isHan) {
		return
	}
	var first *html.Node
	for n := art.FirstChild; n != nil; {
		if n.Type == html.TextNode && !dom.IsBlank(n.Data) {
			first = n
			break
		}
		n = dom.Next(n, art, false)
	}
	if first == nil {
		return
	}
	block := first.Parent
	for block != art && !blockTags[block.DataAtom] && block.Parent != art {
		block = block.Parent
	}
	if block == art || dom.TextLenOver(block, 2*len([]rune(want))) {
		return
	}
	got := normTitle(dom.Text(block))
	if got == want || (strings.HasPrefix(want, got) && float64(len([]rune(got))) >= titlePrefixShare*float64(len([]rune(want)))) {
		dom.Detach(block)
	}
}

// formShare is the most of the article's text a form may hold and still
// be taken for a form: pages built on one server-side form (ASP.NET's)
// wrap the whole article in it.
const formShare = 0.25

// removeForms removes the forms left in art: a comment or contact form's
// labels and hints ("E-mail (不显示)", "可使用以下tags") are no article
// text once clutter has taken its fields.
func removeForms(art *html.Node) {
	total := dom.TextLen(art)
	threads := threadPosts(art) // a thread's engine may set each post's text in its edit form
	detachWhere(art, func(n *html.Node) bool {
		return n.DataAtom == atom.Form && float64(dom.TextLen(n)) < formShare*float64(total) && !inPost(n, threads)
	})
}

// zhReporterRoles name the people a Chinese story credits on its own line
// above the text ("本报记者 某某 某某", "本报实习生某某"); readers show the
// byline apart, as removeBylineLine does for the metadata's one.
var zhReporterRoles = []string{"记者", "實習生", "实习生", "通讯员", "通訊員", "記者"}

// zhHeadSearch is how many of the article's first text blocks are searched
// for a reporter line or a column tag ("【新春走基层】").
const zhHeadSearch = 6

// zhTagMaxRunes bounds a column tag in 【】.
const zhTagMaxRunes = 12

// removeZhHeadLines removes the reporter lines and column tags among the
// first blocks of art, ahead of most of its text. Lower down, a reporter
// line closes the story and is kept with it.
func removeZhHeadLines(art *html.Node) {
	seen := 0
	var found []*html.Node
	dom.Elements(art, func(n *html.Node) bool {
		if seen >= zhHeadSearch {
			return false
		}
		if n == art || !dom.IsElement(n, zhMetaBlocks...) || hasBlockChild(n) {
			return true
		}
		if dom.TextLenOver(n, zhMetaMaxRunes) {
			seen++
			return false
		}
		text := strings.TrimSpace(dom.Text(n))
		if text == "" {
			return false
		}
		seen++
		if isZhReporterLine(text) || isZhColumnTag(text) {
			found = append(found, n)
		}
		return false
	})
	total := dom.TextLen(art)
	for _, n := range found {
		if 2*textBefore(art, n) < total {
			dom.Detach(n)
		}
	}
}

// textBefore is how much of art's text comes before n, which is in art.
func textBefore(art, n *html.Node) int {
	before := 0
	for c := art.FirstChild; c != nil && c != n; {
		if c.Type == html.TextNode {
			before += dom.TextLen(c)
		}
		c = dom.Next(c, art, false)
	}
	return before
}

// isZhReporterLine reports a line of a short source ("本报", "光明日报"),
// a reporter role and names of two to four Han characters.
func isZhReporterLine(text string) bool {
	cut := -1
	for _, r := range zhReporterRoles {
		if i := strings.LastIndex(text, r); i >= 0 && i+len(r) > cut {
			cut = i + len(r)
		}
	}
	if cut < 0 || utf8.RuneCountInString(text[:cut]) > 10 || strings.ContainsAny(text, "，。！？：:；") {
		return false // a sentence that mentions a reporter
	}
	names := strings.FieldsFunc(text[cut:], func(r rune) bool {
		return unicode.IsSpace(r) || r == '、' || r == '，' || r == ','
	})
	if len(names) == 0 || len(names) > 6 {
		return false
	}
	for _, n := range names {
		if c := utf8.RuneCountInString(n); c < 2 || c > 4 || !allHanRunes(n) {
			return false
		}
	}
	return true
}

// isZhColumnTag reports a line that is only a short name in 【】: the
// column or series the story runs in.
func isZhColumnTag(text string) bool {
	inner, ok := strings.CutPrefix(text, "【")
	if !ok {
		return false
	}
	inner, ok = strings.CutSuffix(inner, "】")
	return ok && inner != "" && !strings.ContainsAny(inner, "【】") && utf8.RuneCountInString(inner) <= zhTagMaxRunes
}

func allHanRunes(s string) bool {
	for _, r := range s {
		if !isHan(r) {
			return false
		}
	}
	return true
}

// zhCountPhrases, digits taken out, are the counters blogs and forums
// print under a post ("已被阅读178次", "已有3条评论"): the page's
// furniture, told by the counter whatever text surrounds it.
var zhCountPhrases = []string{"已被阅读次", "已被浏览次", "已被点击次", "已有件评论", "已有条评论", "条评论", "件评论"}

// zhCommentPrompts stand alone as the heading of a comment form.
var zhCommentPrompts = dom.Set("发表评论", "我要评论", "网友评论", "发表回复", "评论")

// blogFurnitureMaxRunes bounds a counter line or a trackback line.
const blogFurnitureMaxRunes = 120

// blogFurnitureBlocks are the elements that hold a counter line, a
// trackback line or a comment prompt: the furniture lines' blocks, and
// headings and spans.
var blogFurnitureBlocks = append(append([]atom.Atom{}, zhMetaBlocks...), atom.H2, atom.H3, atom.H4, atom.Span)

// removeBlogFurniture removes the short blocks of art that hold a post's
// counters, its trackback address or a comment form's heading.
func removeBlogFurniture(art *html.Node) {
	if len(markedPosts(art)) > 0 {
		return
	}
	detachWhere(art, func(n *html.Node) bool {
		if n == art || !dom.IsElement(n, blogFurnitureBlocks...) || dom.TextLenOver(n, blogFurnitureMaxRunes) {
			return false
		}
		return isBlogFurniture(strings.TrimSpace(dom.Text(n)))
	})
}

// isBlogFurniture reports a counter line, a trackback line, a comment
// prompt alone or a page bar.
func isBlogFurniture(text string) bool {
	if text == "" {
		return false
	}
	if zhCommentPrompts[text] || containsFoldASCII(text, "trackback") {
		return true
	}
	// Counters and page bars hold numbers; most short blocks asked do not.
	if !strings.ContainsFunc(text, unicode.IsDigit) {
		return false
	}
	if isPageBar(text) {
		return true
	}
	// Most lines with numbers hold no counter's last character: they are
	// answered without a copy of the text.
	mayCount := false
	for _, p := range zhCountPhrases {
		r, _ := utf8.DecodeLastRuneInString(p)
		mayCount = mayCount || strings.ContainsRune(text, r)
	}
	if !mayCount {
		return false
	}
	bare := strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) || unicode.IsSpace(r) {
			return -1
		}
		return r
	}, text)
	for _, p := range zhCountPhrases {
		if strings.Contains(bare, p) && strings.ContainsFunc(text, unicode.IsDigit) {
			return true
		}
	}
	return false
}

// minPageBarNumbers is how many page numbers a page bar shows at least.
const minPageBarNumbers = 3

// containsFoldASCII reports whether s holds sub, an ASCII word, in any
// ASCII case.
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// isPageBar reports a line of page numbers alone, counting up from 1
// ("[1] [2] [3]", "1 | 2 | 3 | 下一页"): the story's own pages, which the
// reader does not turn.
func isPageBar(text string) bool {
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune("[]【】|｜·,，", r)
	})
	want := 1
	for _, f := range fields {
		if isDigits(f) {
			if f != itoa(want) {
				return false
			}
			want++
			continue
		}
		if !zhPageControls[f] {
			return false
		}
	}
	return want > minPageBarNumbers
}

// itoa writes a small positive number.
func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for n > 0 || i == len(b) {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}
