package render

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxPrefixes bounds the nesting of quotes and lists that is shown as
// indentation; deeper levels share the deepest prefix, so a hostile tree
// cannot make every line as long as the tree is deep.
const maxPrefixes = 24

// inlineDelims are the elements written as a pair of delimiters around
// their content. Conventions follow Obsidian Web Clipper (Defuddle on
// Turndown): "*" emphasis, "**" strong, "~~" strikethrough; sub and sup
// have no Markdown form, so they pass through as HTML.
var inlineDelims = map[atom.Atom][2]string{
	atom.Em:     {"*", "*"},
	atom.I:      {"*", "*"},
	atom.Strong: {"**", "**"},
	atom.B:      {"**", "**"},
	atom.Del:    {"~~", "~~"},
	atom.S:      {"~~", "~~"},
	atom.Strike: {"~~", "~~"},
	atom.Sub:    {"<sub>", "</sub>"},
	atom.Sup:    {"<sup>", "</sup>"},
}

// headingLevel maps heading elements to their ATX marker. h1 becomes a
// second-level heading: the article's title is the document's one first
// level (a note's title in Obsidian), the convention of Defuddle, whose
// Markdown is our reference.
var headingLevel = map[atom.Atom]string{
	atom.H1: "## ", atom.H2: "## ", atom.H3: "### ",
	atom.H4: "#### ", atom.H5: "##### ", atom.H6: "###### ",
}

// codeLangPrefixes are the class prefixes that name a code block's
// language (the HTML spec's convention, and highlight.js's older one).
var codeLangPrefixes = []string{"language-", "lang-"}

// prefix is one level of line prefix: a quote's "> " or a list item's
// marker, which is written on the item's first line only.
type prefix struct {
	first, cont  string
	firstPending bool
}

// pendingOpen is an opening delimiter not yet written: it is written just
// before the first content inside its element, so empty elements vanish
// and white space stays outside the delimiters.
type pendingOpen struct {
	open   string
	opened bool
}

// mdWriter builds Markdown with separators written lazily: block breaks,
// folded spaces and hard breaks are wanted first and written only before
// the next content, so they never pile up or dangle.
type mdWriter struct {
	b        strings.Builder
	prefixes []prefix
	extra    int // prefixes not pushed because of maxPrefixes
	// shared is how many prefixes the last content's line and the next
	// one share: blank lines between them carry only those.
	shared     int
	nl         int // line breaks wanted before the next content (0–2)
	space      bool
	hardBreak  bool
	needPrefix bool // the current line has no prefix yet
	lineStart  bool // no text yet on the current line
	pending    []*pendingOpen
	flat       int // inside a heading or table cell: breaks become spaces
	markerWait int // list markers waiting for their item's content
	notes      *footnotes
	depth      int // renderers this one runs inside
	// tight keeps the next content on the next line, not after a blank
	// one: a callout's body follows its header line directly.
	tight bool
}

func newMDWriter(notes *footnotes, depth int) *mdWriter {
	return &mdWriter{needPrefix: true, notes: notes, depth: depth}
}

// breakLines wants n line breaks before the next content (2: a blank line).
func (w *mdWriter) breakLines(n int) {
	if w.flat > 0 {
		w.space = true
		return
	}
	if w.markerWait > 0 {
		return
	}
	if n > w.nl {
		w.nl = n
	}
	w.space = false
}

func (w *mdWriter) writePrefix(blank bool) {
	if blank {
		var p strings.Builder
		for _, e := range w.prefixes[:min(w.shared, len(w.prefixes))] {
			p.WriteString(e.cont)
		}
		w.b.WriteString(strings.TrimRight(p.String(), " \t"))
		return
	}
	for i := range w.prefixes {
		e := &w.prefixes[i]
		if e.firstPending {
			w.b.WriteString(e.first)
			e.firstPending = false
			w.markerWait--
		} else {
			w.b.WriteString(e.cont)
		}
	}
}

// content writes what is wanted before new content: line breaks with
// their prefixes, a hard break or a space, then pending delimiters.
func (w *mdWriter) content() {
	if w.b.Len() > 0 {
		if w.tight && w.nl > 1 {
			w.nl = 1
		}
		switch {
		case w.nl > 0:
			for i := 1; i < w.nl; i++ {
				w.b.WriteByte('\n')
				w.writePrefix(true)
			}
			w.b.WriteByte('\n')
			w.needPrefix = true
		case w.hardBreak:
			w.b.WriteString("  \n")
			w.needPrefix = true
		case w.space:
			w.b.WriteByte(' ')
		}
	}
	w.tight = false
	if w.needPrefix {
		w.writePrefix(false)
		w.needPrefix = false
		w.lineStart = true
	}
	w.nl, w.space, w.hardBreak = 0, false, false
	w.shared = len(w.prefixes)
	for _, p := range w.pending {
		w.b.WriteString(p.open)
		p.opened = true
	}
	w.pending = w.pending[:0]
}

// raw writes s as content that needs no escaping.
func (w *mdWriter) raw(s string) {
	if s == "" {
		return
	}
	w.content()
	w.lineStart = false
	w.b.WriteString(s)
}

// newline starts a new line inside one block, such as a code fence's.
func (w *mdWriter) newline(blankOK bool) {
	w.b.WriteByte('\n')
	if blankOK {
		w.writePrefix(true)
	} else {
		w.writePrefix(false)
	}
}

// text writes inline text with white space folded and Markdown escaped.
func (w *mdWriter) text(s string) {
	start := -1
	for i, r := range s {
		if isSpace(r) {
			if start >= 0 {
				w.word(s[start:i], true)
				start = -1
			}
			if w.b.Len() > 0 {
				w.space = true
			}
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		w.word(s[start:], false)
	}
}

func (w *mdWriter) word(s string, spaceAfter bool) {
	w.content()
	if w.lineStart {
		w.lineStart = false
		s = w.lineStartEscape(s, spaceAfter)
	}
	escapeInline(&w.b, s)
}

// lineStartEscape escapes what would turn a line into another block: a
// list marker, heading, quote, rule, setext underline or fence. It writes
// the escaped head and returns the rest for inline escaping.
func (w *mdWriter) lineStartEscape(s string, spaceAfter bool) string {
	switch s[0] {
	case '-', '+', '=', '>', '#', '~':
		c := s[0]
		run := 0
		for run < len(s) && s[run] == c {
			run++
		}
		need := false
		switch c {
		case '-', '=', '>':
			need = true
		case '+':
			need = run == 1 && len(s) == 1 && spaceAfter
		case '#':
			need = run <= 6 && run == len(s) && spaceAfter
		case '~':
			need = run >= 3
		}
		if need {
			w.b.WriteByte('\\')
		}
		return s
	}
	digits := 0
	for digits < len(s) && s[digits] >= '0' && s[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits <= 9 && digits == len(s)-1 && (s[digits] == '.' || s[digits] == ')') && spaceAfter {
		w.b.WriteString(s[:digits])
		w.b.WriteByte('\\')
		return s[digits:]
	}
	return s
}

// escapeInline writes s with the characters that start inline Markdown
// escaped: the set Turndown escapes everywhere, plus "<" where it would
// open raw HTML or an autolink.
func escapeInline(b *strings.Builder, s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '*', '_', '`', '[', ']':
			b.WriteByte('\\')
		case '<':
			if opensHTML(s[i+1:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
}

// opensHTML reports whether text after "<" would start raw HTML. An
// autolink such as <me@example.com> is left alone, as the reference does:
// it renders as the address it shows.
func opensHTML(rest string) bool {
	if rest == "" {
		return false
	}
	c := rest[0]
	if c != '/' && c != '!' && c != '?' && (c|0x20 < 'a' || c|0x20 > 'z') {
		return false
	}
	end := strings.IndexByte(rest, '>')
	if end < 0 {
		return true
	}
	return !strings.ContainsAny(rest[:end], "@:")
}

func (w *mdWriter) pushPrefix(p prefix) {
	if len(w.prefixes) >= maxPrefixes {
		w.extra++
		return
	}
	if p.firstPending {
		w.markerWait++
	}
	w.prefixes = append(w.prefixes, p)
}

// popPrefix removes the innermost prefix and reports whether its first
// line was never written (an empty list item).
func (w *mdWriter) popPrefix() bool {
	if w.extra > 0 {
		w.extra--
		return false
	}
	last := w.prefixes[len(w.prefixes)-1]
	if last.firstPending {
		w.markerWait--
	}
	w.prefixes = w.prefixes[:len(w.prefixes)-1]
	w.shared = min(w.shared, len(w.prefixes))
	return last.firstPending
}

// open wants an opening delimiter before the next content.
func (w *mdWriter) open(s string) *pendingOpen {
	p := &pendingOpen{open: s}
	w.pending = append(w.pending, p)
	return p
}

// close writes the closing delimiter of p, or forgets p if nothing was
// written inside it.
func (w *mdWriter) close(p *pendingOpen, s string) {
	if p == nil {
		return
	}
	if p.opened {
		w.b.WriteString(s)
		return
	}
	for i := len(w.pending) - 1; i >= 0; i-- {
		if w.pending[i] == p {
			w.pending = append(w.pending[:i], w.pending[i+1:]...)
			return
		}
	}
}

// String returns the Markdown written so far, trimmed.
func (w *mdWriter) String() string {
	return strings.TrimRight(strings.TrimLeft(w.b.String(), "\n"), " \t\n")
}

// frame is what leave needs to know about an element enter handled.
type frame struct {
	open       *pendingOpen
	close      string
	prefix     bool // pushed a prefix
	list       bool // pushed a list counter
	flat       bool // raised flat
	li         bool
	after      int // line breaks wanted after the element
	delimAtom  atom.Atom
	linkActive bool
	plainText  bool
}

// listState numbers the items of one list.
type listState struct {
	ordered bool
	next    int
	step    int
}

// mdRenderer holds the state of one walk over a tree.
type mdRenderer struct {
	w      *mdWriter
	frames []frame
	lists  []listState
	delims map[atom.Atom]int // open emphasis of each kind; inner repeats add nothing
	links  int
	// plain counts open headings: their content is written as text only,
	// the convention of Defuddle, which keeps headings free of links and
	// emphasis.
	plain int
	// inNote is the footnote body being rendered, whose back-links are
	// dropped.
	inNote *html.Node
	// skip is an element already written another way (a callout's title).
	skip *html.Node
}

func markdown(root *html.Node) string {
	if root == nil {
		return ""
	}
	found := findFootnotes(root)
	w := newMDWriter(found, 0)
	renderInto(w, root, nil)
	found.writeDefinitions(w)
	return w.String()
}

// renderInto renders the children of root into w.
func renderInto(w *mdWriter, root *html.Node, note *html.Node) {
	r := &mdRenderer{w: w, delims: map[atom.Atom]int{}, inNote: note}
	walk(root, r.enter, r.leave)
}

// subRender renders the children of n with a fresh writer one level
// deeper; flat keeps it on one line. Past maxNested it gives plain text.
func (w *mdWriter) subRender(n *html.Node, flat bool, note *html.Node) string {
	if w.depth >= maxNested {
		var b strings.Builder
		escapeInline(&b, foldedText(n))
		return b.String()
	}
	sub := newMDWriter(w.notes, w.depth+1)
	if flat {
		sub.flat = 1
	}
	renderInto(sub, n, note)
	return sub.String()
}

func (r *mdRenderer) enter(n *html.Node) bool {
	w := r.w
	switch n.Type {
	case html.TextNode:
		if n.Parent != nil && w.notes.IsMarkerSup(n.Parent) && isBracketText(n.Data) {
			return false
		}
		w.text(n.Data)
		return false
	case html.ElementNode:
	default:
		return false
	}
	r.frames = append(r.frames, frame{})
	f := &r.frames[len(r.frames)-1]
	if skipped[n.DataAtom] {
		return false
	}
	if n == r.skip || w.notes.IsNote(n) || w.notes.IsFurniture(n) {
		return false
	}
	if label := w.notes.RefLabel(n); label != "" {
		w.raw("[^" + label + "]")
		return false
	}
	if r.inNote != nil && w.notes.IsBackLink(n, r.inNote) {
		return false
	}

	if r.plain > 0 {
		switch {
		case n.DataAtom == atom.A && isPermalink(n):
			return false
		case n.DataAtom == atom.Br:
			w.space = true
			return false
		case n.DataAtom == atom.Img:
			return false
		}
		if h, ok := headingLevel[n.DataAtom]; !ok || h == "" {
			return true
		}
	}
	switch n.DataAtom {
	case atom.Br:
		if w.flat > 0 {
			w.space = true
		} else if w.b.Len() > 0 {
			if w.hardBreak {
				w.breakLines(2)
			}
			w.hardBreak = true
		}
		return false
	case atom.Hr:
		if w.flat > 0 {
			w.space = true
			return false
		}
		w.breakLines(2)
		w.raw("---")
		w.breakLines(2)
		return false
	case atom.Img:
		r.image(n)
		return false
	case atom.Pre:
		r.pre(n)
		return false
	case atom.Code, atom.Tt:
		if hasBlockDescendant(n) {
			return true // a highlighter's wrapper around a code block
		}
		if w.flat == 0 && isDisplayCode(n) {
			r.pre(n)
			return false
		}
		r.inlineCode(n)
		return false
	case atom.Math:
		return r.math(n)
	case atom.Table:
		return r.table(n, f)
	case atom.A:
		return r.link(n, f)
	case atom.Ul, atom.Ol:
		r.list(n, f)
		return true
	case atom.Li:
		r.item(n, f)
		return true
	case atom.Blockquote:
		w.breakLines(2)
		w.pushPrefix(prefix{first: "> ", cont: "> "})
		f.prefix, f.after = true, 2
		if kind := calloutKind(n); kind != "" && w.flat == 0 {
			r.calloutHeader(n, kind)
		}
		return true
	}
	if d, ok := inlineDelims[n.DataAtom]; ok {
		if n.DataAtom == atom.Sup && w.notes.IsMarkerSup(n) {
			return true // a footnote marker: its references are written alone
		}
		key := delimKey(n.DataAtom)
		if r.delims[key] == 0 {
			f.open, f.close = w.open(d[0]), d[1]
		}
		r.delims[key]++
		f.delimAtom = key
		return true
	}
	if h, ok := headingLevel[n.DataAtom]; ok {
		w.breakLines(2)
		if w.flat == 0 {
			f.open = w.open(h)
		}
		w.flat++
		r.plain++
		f.flat, f.plainText, f.after = true, true, 2
		return true
	}
	if isBlock(n) {
		w.breakLines(2)
		f.after = 2
	}
	return true
}

// delimKey makes synonyms share one counter, so <b><strong>x</strong></b>
// gives **x**, not ****x****.
func delimKey(a atom.Atom) atom.Atom {
	switch a {
	case atom.I:
		return atom.Em
	case atom.B:
		return atom.Strong
	case atom.S, atom.Strike:
		return atom.Del
	}
	return a
}

func (r *mdRenderer) leave(n *html.Node) {
	if n.Type != html.ElementNode {
		return
	}
	w := r.w
	f := r.frames[len(r.frames)-1]
	r.frames = r.frames[:len(r.frames)-1]
	if f.delimAtom != 0 {
		r.delims[f.delimAtom]--
	}
	if f.open != nil {
		w.close(f.open, f.close)
	}
	if f.linkActive {
		r.links--
	}
	if f.flat {
		w.flat--
	}
	if f.plainText {
		r.plain--
	}
	if f.li {
		if w.extra == 0 && len(w.prefixes) > 0 && w.prefixes[len(w.prefixes)-1].firstPending {
			// An empty item keeps its marker so the numbering stays visible.
			p := &w.prefixes[len(w.prefixes)-1]
			p.first = strings.TrimRight(p.first, " ")
			w.content()
			w.lineStart = false
		}
		w.popPrefix()
		if w.flat == 0 && w.b.Len() > 0 {
			w.nl = 1
			w.space, w.hardBreak = false, false
		}
	} else if f.prefix {
		w.popPrefix()
		w.tight = false
	}
	if f.list {
		r.lists = r.lists[:len(r.lists)-1]
	}
	if f.after > 0 {
		w.breakLines(f.after)
	}
}

func (r *mdRenderer) list(n *html.Node, f *frame) {
	w := r.w
	if n.Parent != nil && n.Parent.DataAtom == atom.Li && n.Parent.Type == html.ElementNode {
		w.breakLines(1)
		f.after = 1
	} else {
		w.breakLines(2)
		f.after = 2
	}
	ls := listState{ordered: n.DataAtom == atom.Ol, next: 1, step: 1}
	if ls.ordered {
		if _, ok := findAttr(n, "reversed"); ok {
			ls.step = -1
			ls.next = countItems(n)
		}
		if v, err := strconv.Atoi(attr(n, "start")); err == nil && v >= 0 && v < 1e9 {
			ls.next = v
		}
	}
	r.lists = append(r.lists, ls)
	f.list = true
}

func (r *mdRenderer) item(n *html.Node, f *frame) {
	w := r.w
	marker := "- "
	if p := n.Parent; p != nil && p.Type == html.ElementNode && p.DataAtom == atom.Ol && len(r.lists) > 0 {
		ls := &r.lists[len(r.lists)-1]
		if v, err := strconv.Atoi(attr(n, "value")); err == nil && v >= 0 && v < 1e9 {
			ls.next = v
		}
		if ls.next < 0 {
			ls.next = 0
		}
		marker = strconv.Itoa(ls.next) + ". "
		ls.next += ls.step
	}
	if w.flat > 0 {
		w.space = true
		return
	}
	w.breakLines(1)
	w.pushPrefix(prefix{first: marker, cont: "\t", firstPending: true})
	f.li = true
}

func findAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

func countItems(n *html.Node) int {
	c := 0
	for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
		if ch.Type == html.ElementNode && ch.DataAtom == atom.Li {
			c++
		}
	}
	return c
}

func (r *mdRenderer) link(n *html.Node, f *frame) bool {
	w := r.w
	href := strings.TrimSpace(attr(n, "href"))
	if href == "" || r.links > 0 {
		return true
	}
	if !dom.HasElementChild(n) {
		t := foldedText(n)
		if t != "" && (t == href || "mailto:"+t == href) && !strings.ContainsAny(t, " <>") {
			w.raw("<" + t + ">")
			return false
		}
	}
	f.open = w.open("[")
	f.close = "](" + escapeURL(href) + titlePart(attr(n, "title")) + ")"
	f.linkActive = true
	r.links++
	return true
}

// escapeURL makes a link destination safe inside (…): parentheses are
// escaped (as Turndown does) and spaces, which would end it, encoded.
func escapeURL(u string) string {
	if !strings.ContainsAny(u, "() \n\t<>") {
		return u
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		switch c := u[i]; c {
		case '(', ')':
			b.WriteByte('\\')
			b.WriteByte(c)
		case ' ', '\n', '\t':
			b.WriteString("%20")
		case '<':
			b.WriteString("%3C")
		case '>':
			b.WriteString("%3E")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func titlePart(title string) string {
	title = dom.Fold(title)
	if title == "" {
		return ""
	}
	return ` "` + strings.ReplaceAll(strings.ReplaceAll(title, `\`, `\\`), `"`, `\"`) + `"`
}

func (r *mdRenderer) image(n *html.Node) {
	src := strings.TrimSpace(attr(n, "src"))
	if src == "" {
		return
	}
	var alt strings.Builder
	for _, c := range dom.Fold(attr(n, "alt")) {
		if c == '[' || c == ']' || c == '\\' {
			alt.WriteByte('\\')
		}
		alt.WriteRune(c)
	}
	r.w.raw("![" + alt.String() + "](" + escapeURL(src) + titlePart(attr(n, "title")) + ")")
}

// inlineCode writes code as a code span whose backtick fence is longer
// than any run of backticks inside (CommonMark's rule).
func (r *mdRenderer) inlineCode(n *html.Node) {
	code := dom.Fold(rawText(n, false))
	if code == "" {
		return
	}
	r.w.raw(codeSpan(code))
}

func codeSpan(code string) string {
	fence := 1
	for used := backtickRuns(code); used[fence]; {
		fence++
	}
	delim := strings.Repeat("`", fence)
	pad := ""
	if code[0] == '`' || code[len(code)-1] == '`' || (code[0] == ' ' && code[len(code)-1] == ' ') {
		pad = " "
	}
	return delim + pad + code + pad + delim
}

// backtickRuns returns the lengths of the runs of backticks in s.
func backtickRuns(s string) map[int]bool {
	runs := map[int]bool{}
	run := 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] == '`' {
			run++
			continue
		}
		if run > 0 {
			runs[run] = true
		}
		run = 0
	}
	return runs
}

// pre writes a fenced code block, its language taken from a class on the
// pre or its code element.
func (r *mdRenderer) pre(n *html.Node) {
	w := r.w
	code := rawText(n, true)
	if w.flat > 0 {
		if c := dom.Fold(code); c != "" {
			w.raw(codeSpan(c))
		}
		return
	}
	code = strings.ReplaceAll(code, "\r\n", "\n")
	code = strings.TrimLeft(code, "\n")
	code = strings.TrimRight(code, " \t\n\r")
	if strings.TrimSpace(code) == "" || dom.IsLineNumbers(code) {
		return
	}
	fenceLen := 3
	for run := range backtickRuns(code) {
		if run >= fenceLen {
			fenceLen = run + 1
		}
	}
	fence := strings.Repeat("`", fenceLen)
	w.breakLines(2)
	w.raw(fence + codeLanguage(n))
	for _, line := range strings.Split(code, "\n") {
		w.newline(line == "")
		w.b.WriteString(line)
	}
	w.newline(false)
	w.b.WriteString(fence)
	w.breakLines(2)
}

// codeLanguage finds the language named by the pre or its code element.
func codeLanguage(pre *html.Node) string {
	candidates := []*html.Node{pre}
	for c := pre.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Code {
			candidates = append(candidates, c)
		}
	}
	for _, n := range candidates {
		lang := classWithPrefix(n, codeLangPrefixes...)
		if lang == "" {
			lang = attr(n, "data-lang")
		}
		if lang = sanitizeLang(lang); lang != "" {
			return lang
		}
	}
	return ""
}

// sanitizeLang keeps an info string to characters that cannot end the
// fence line or break it.
func sanitizeLang(s string) string {
	var b strings.Builder
	for _, c := range s {
		if c == '`' || isSpace(c) || c == '~' || c < ' ' {
			continue
		}
		b.WriteRune(c)
	}
	if b.Len() > 40 {
		return ""
	}
	return strings.ToLower(b.String())
}

// math writes MathML as TeX when the markup carries its source (an
// alttext attribute or a TeX annotation); otherwise its text is kept.
func (r *mdRenderer) math(n *html.Node) bool {
	tex := mathTeX(n)
	if tex == "" {
		return true
	}
	w := r.w
	if strings.EqualFold(attr(n, "display"), "block") && w.flat == 0 {
		w.breakLines(2)
		w.raw("$$")
		for _, line := range strings.Split(tex, "\n") {
			w.newline(strings.TrimSpace(line) == "")
			w.b.WriteString(line)
		}
		w.newline(false)
		w.b.WriteString("$$")
		w.breakLines(2)
		return false
	}
	w.raw("$" + dom.Fold(tex) + "$")
	return false
}

// mathTeX returns the TeX source a MathML formula carries (an alttext
// attribute or a TeX annotation), or "".
func mathTeX(n *html.Node) string {
	if tex := strings.TrimSpace(attr(n, "alttext")); tex != "" {
		return tex
	}
	for c := n; c != nil; c = nextIn(c, n) {
		if c.Type == html.ElementNode && c.DataAtom == atom.Annotation &&
			strings.Contains(strings.ToLower(attr(c, "encoding")), "tex") {
			return strings.TrimSpace(rawText(c, false))
		}
	}
	return ""
}

// nextIn is document order inside root, without recursion.
func nextIn(n, root *html.Node) *html.Node {
	if n.FirstChild != nil {
		return n.FirstChild
	}
	for ; n != nil && n != root; n = n.Parent {
		if n.NextSibling != nil {
			return n.NextSibling
		}
	}
	return nil
}

// rawText returns the text below n as written; with breaks, <br> and the
// edges of blocks inside count as line breaks, as a browser shows them in
// preformatted text.
func rawText(n *html.Node, breaks bool) string {
	var b strings.Builder
	var last byte
	write := func(s string) {
		if s != "" {
			b.WriteString(s)
			last = s[len(s)-1]
		}
	}
	lineBreak := func() {
		if b.Len() > 0 && last != '\n' {
			write("\n")
		}
	}
	walk(n, func(c *html.Node) bool {
		switch c.Type {
		case html.TextNode:
			write(c.Data)
			return false
		case html.ElementNode:
		default:
			return false
		}
		if skipped[c.DataAtom] {
			return false
		}
		if breaks && c.DataAtom == atom.Br {
			write("\n")
			return false
		}
		if breaks && isBlock(c) {
			lineBreak()
		}
		return true
	}, func(c *html.Node) {
		if breaks && isBlock(c) && !skipped[c.DataAtom] {
			lineBreak()
		}
	})
	return b.String()
}

func foldedText(n *html.Node) string {
	return dom.Fold(rawText(n, false))
}

// isBracketText reports whether s is only the brackets and separators
// that surround footnote markers, such as "[", "]" or ", ".
func isBracketText(s string) bool {
	for len(s) > 0 {
		r, size := utf8.DecodeRuneInString(s)
		s = s[size:]
		if !isSpace(r) && !strings.ContainsRune("[](),;", r) {
			return false
		}
	}
	return true
}

// codeBlockDepth is how deep below a code element a block is looked for:
// highlighters put the pre or table right inside their wrapper, and a
// shallow look keeps hostile nesting linear.
const codeBlockDepth = 3

func hasBlockDescendant(n *html.Node) bool {
	level := []*html.Node{n}
	for d := 0; d < codeBlockDepth && len(level) > 0; d++ {
		var next []*html.Node
		for _, p := range level {
			for c := p.FirstChild; c != nil; c = c.NextSibling {
				if isBlock(c) {
					return true
				}
				if c.FirstChild != nil {
					next = append(next, c)
				}
			}
		}
		level = next
	}
	return false
}

// isDisplayCode reports whether a code element outside pre is a code
// block all the same: it spans several lines and is the only content of
// its block (pages that style code with white-space: pre, a style the
// sanitizer removes).
func isDisplayCode(n *html.Node) bool {
	t := strings.Trim(rawText(n, true), " \t\r\n")
	if !strings.Contains(t, "\n") {
		return false
	}
	p := n.Parent
	if p == nil || !isBlock(p) {
		return false
	}
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c == n {
			continue
		}
		if c.Type == html.ElementNode || c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return false
		}
	}
	return true
}

// permalinkTexts are the texts of the anchors sites put in headings to
// link to themselves; they are not part of the heading.
var permalinkTexts = map[string]bool{
	"": true, "#": true, "¶": true, "§": true, "🔗": true, "⚓": true,
	"∞": true, "link": true, "permalink": true, "anchor": true,
}

// isPermalink reports whether a is an in-page anchor showing only a
// permalink sign.
func isPermalink(a *html.Node) bool {
	href := attr(a, "href")
	if !strings.HasPrefix(href, "#") || hasDescendant(a, atom.Img) {
		return false
	}
	return permalinkTexts[strings.ToLower(foldedText(a))]
}

func hasDescendant(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = nextIn(c, n) {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return true
		}
	}
	return false
}
