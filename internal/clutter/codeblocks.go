package clutter

import (
	"strconv"
	"strings"

	"articleclean/internal/dom"
	"articleclean/internal/report"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// This file standardises code blocks, after the rest of clutter has gone
// (copy buttons, hidden tooltips): what highlighters put around and inside
// the code (line-number gutters, language labels, one element per line)
// becomes one <pre> holding plain text, with the language as a
// "language-…" class, the one form the sanitizer keeps and the renderers
// read. Defuddle standardises code blocks the same way.

// codeLangPrefixes introduce a code block's language in a class token
// (the HTML spec's language-, older tools' lang-, GitHub's
// highlight-source-, and highlight- of Hugo and others). The value says
// whether the rest must be a known language: "highlight-" also starts
// names such as "highlight-wrap".
var codeLangPrefixes = []struct {
	prefix    string
	needKnown bool
}{
	{"language-", false}, {"lang-", false}, {"highlight-source-", true}, {"highlight-", true},
}

// codeLangAttrs name the language directly (Hugo's data-lang, Shiki's and
// rehype-pretty-code's data-language and language).
var codeLangAttrs = []string{"data-lang", "data-language", "language"}

// plainLanguages are language names that mean "no language": a fence
// without an info string says the same.
var plainLanguages = dom.Set("text", "plaintext", "plain", "txt", "none", "nohighlight", "no-highlight", "output")

// knownLanguages are programming and markup language names as highlighters
// spell them. A bare class token (Hexo's "highlight sh") or a label
// element's text counts as a language only when it is one of these, since
// any word can be a class or a short caption.
var knownLanguages = dom.Set(
	"bash", "sh", "shell", "zsh", "fish", "console", "powershell", "ps1", "bat", "cmd",
	"c", "cpp", "c++", "cc", "h", "hpp", "csharp", "cs", "c#", "fsharp", "objectivec", "objc",
	"java", "kotlin", "kt", "scala", "groovy", "clojure", "go", "golang", "rust", "rs",
	"swift", "dart", "zig", "nim", "d", "julia", "r", "matlab", "fortran", "haskell", "hs",
	"ocaml", "elm", "erlang", "elixir", "ex", "lua", "perl", "php", "python", "py", "python3",
	"ruby", "rb", "javascript", "js", "jsx", "typescript", "ts", "tsx", "mjs", "coffeescript",
	"html", "xml", "svg", "css", "scss", "sass", "less", "vue", "svelte", "json", "jsonc",
	"json5", "yaml", "yml", "toml", "ini", "sql", "graphql", "diff", "patch", "dockerfile",
	"docker", "makefile", "make", "cmake", "nix", "hcl", "terraform", "protobuf", "proto",
	"markdown", "md", "latex", "tex", "asm", "nasm", "wasm", "solidity", "vim", "lean",
	"lean4", "coq", "agda", "idris", "prolog", "lisp", "scheme", "racket", "apl", "awk",
	"sed", "jq", "regex", "http", "nginx", "apache", "csv",
)

// gutterWords are class-token parts of the line-number gutters that
// highlighters set beside or inside code (highlight.js plugins, Pygments,
// Rouge, Chroma, Prism, react-syntax-highlighter, Expressive Code).
var gutterWords = dom.Set(
	"gutter", "lineno", "linenos", "linenum", "linenumber", "linenumbers", "line-number",
	"line-numbers", "ln", "lnt", "lntd", "numbers", "rouge-gutter", "hljs-ln-numbers",
	"line-numbers-rows", "react-syntax-highlighter-line-number",
)

// labelElements are the elements a highlighter's language label sits in.
// Headings and paragraphs are left alone: there a language name is prose.
var labelElements = map[atom.Atom]bool{
	atom.Div: true, atom.Span: true, atom.Header: true, atom.Figcaption: true, atom.Small: true,
}

// labelAncestors is how far above a <pre> a language, or a label beside
// the code, is looked for: highlighters wrap a block in two or three
// elements (a figure, a frame, a scroller).
const labelAncestors = 4

// blockCodeTokens mark a <code> outside <pre> that is shown as a block
// (Verso and other documentation tools style code.block with CSS).
var blockCodeTokens = dom.Set("block", "code-block", "codeblock")

// normalizeCodeBlocks standardises every code block below doc.
func normalizeCodeBlocks(doc *html.Node, r *report.Report) {
	for _, c := range dom.FindAll(doc, atom.Code) {
		if isBlockCode(c) {
			wrapInPre(c)
		}
	}
	for _, t := range dom.FindAll(doc, atom.Table) {
		if pre := gutterTableCode(t); pre != nil {
			r.Add(report.Element, "code-gutter", t, "")
			t.Parent.InsertBefore(pre, t)
			dom.Detach(t)
		}
	}
	for _, pre := range dom.FindAll(doc, atom.Pre) {
		if pre.Parent == nil || insidePre(pre) {
			continue
		}
		normalizePre(pre, r)
	}
}

// isBlockCode reports a <code> outside any <pre> whose classes say it is
// displayed as a block.
func isBlockCode(c *html.Node) bool {
	if c.Parent == nil || insidePre(c) {
		return false
	}
	for tok := range strings.FieldsSeq(strings.ToLower(dom.Attr(c, "class"))) {
		if blockCodeTokens[tok] {
			return true
		}
	}
	return false
}

func insidePre(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Pre && p.Type == html.ElementNode {
			return true
		}
	}
	return false
}

// wrapInPre puts c in a new <pre> where c was, with its edges trimmed:
// outside <pre> the white space around the code is the markup's, not the
// code's.
func wrapInPre(c *html.Node) {
	pre := &html.Node{Type: html.ElementNode, Data: "pre", DataAtom: atom.Pre}
	c.Parent.InsertBefore(pre, c)
	c.Parent.RemoveChild(c)
	pre.AppendChild(c)
	text := strings.TrimSpace(codeText(c))
	lang := codeLanguageOf(c)
	setPlainCode(pre, text, lang)
}

// gutterTableCode returns the code <pre> of a table that lays out a
// line-number gutter beside the code (Hexo, Rouge, Chroma): one row of two
// cells, the first holding only consecutive numbers. It returns nil for
// any other table.
func gutterTableCode(t *html.Node) *html.Node {
	row := onlyElement(t, atom.Tr)
	if row == nil {
		return nil
	}
	var cells [2]*html.Node
	count := 0
	for c := row.FirstChild; c != nil; c = c.NextSibling {
		if dom.IsElement(c, atom.Td, atom.Th) {
			if count < len(cells) {
				cells[count] = c
			}
			count++
		}
	}
	if count != 2 || !dom.IsLineNumbers(textWithBreaks(cells[0])) {
		return nil
	}
	pre := onlyElement(cells[1], atom.Pre)
	if pre == nil {
		return nil
	}
	pre.Parent.RemoveChild(pre)
	return pre
}

// onlyElement returns the one element below root with atom a, or nil when
// there is none or there are several. Every table of a page is asked, so
// no list of them is built.
func onlyElement(root *html.Node, a atom.Atom) *html.Node {
	var found *html.Node
	for n := root.FirstChild; n != nil; n = dom.Next(n, root, false) {
		if dom.IsElement(n, a) {
			if found != nil {
				return nil
			}
			found = n
		}
	}
	return found
}

// normalizePre strips a highlighter's furniture from pre and leaves the
// code as plain text with its language.
func normalizePre(pre *html.Node, r *report.Report) {
	lang, found := blockLanguage(pre)
	changed := removeGutters(pre, r)
	if label := innerLabel(pre, lang); label != nil {
		if lang == "" && !found {
			lang = languageName(dom.Text(label))
		}
		r.Add(report.Element, "code-label", label, "")
		dom.Detach(label)
		changed = true
	}
	removeOuterLabel(pre, lang, r)
	if changed || hasBlockInside(pre) {
		setPlainCode(pre, strings.TrimLeft(codeText(pre), "\n"), lang)
		return
	}
	if lang != "" {
		dom.SetAttr(pre, "class", "language-"+lang)
	} else {
		dom.DelAttr(pre, "class")
	}
}

// setPlainCode replaces the content of pre by <code> holding text, marked
// with lang when there is one.
func setPlainCode(pre *html.Node, text, lang string) {
	for c := pre.FirstChild; c != nil; c = pre.FirstChild {
		pre.RemoveChild(c)
	}
	code := &html.Node{Type: html.ElementNode, Data: "code", DataAtom: atom.Code}
	if lang != "" {
		code.Attr = []html.Attribute{{Key: "class", Val: "language-" + lang}}
	}
	code.AppendChild(&html.Node{Type: html.TextNode, Data: strings.TrimRight(text, " \t\r\n")})
	pre.Attr = nil
	pre.AppendChild(code)
}

// blockLanguage finds the language of the code in pre: on its <code>, on
// pre, then on the wrappers above. found is true when a name was given,
// even one meaning plain text.
func blockLanguage(pre *html.Node) (lang string, found bool) {
	candidates := []*html.Node{}
	if c := dom.Find(pre, func(n *html.Node) bool { return n.DataAtom == atom.Code }); c != nil {
		candidates = append(candidates, c)
	}
	candidates = append(candidates, pre)
	p := pre.Parent
	for i := 0; i < labelAncestors && p != nil && p.Type == html.ElementNode; i++ {
		if p.DataAtom == atom.Body || p.DataAtom == atom.Article || p.DataAtom == atom.Main {
			break
		}
		candidates = append(candidates, p)
		p = p.Parent
	}
	for _, n := range candidates {
		if name, ok := declaredLanguage(n); ok {
			return name, true
		}
	}
	return "", false
}

// codeLanguageOf is the language n itself declares, or "".
func codeLanguageOf(n *html.Node) string {
	name, _ := declaredLanguage(n)
	return name
}

// declaredLanguage reads the language n declares in an attribute or a
// class token. ok is true when it names one, plain text included.
func declaredLanguage(n *html.Node) (string, bool) {
	for _, key := range codeLangAttrs {
		if v := strings.TrimSpace(dom.Attr(n, key)); v != "" {
			return cleanLanguage(v), true
		}
	}
	toks := strings.Fields(strings.ToLower(dom.Attr(n, "class")))
	for _, tok := range toks {
		for _, p := range codeLangPrefixes {
			rest, ok := strings.CutPrefix(tok, p.prefix)
			if ok && rest != "" && (!p.needKnown || knownLanguages[rest]) {
				return cleanLanguage(rest), true
			}
		}
	}
	for _, tok := range toks {
		if knownLanguages[tok] {
			return tok, true
		}
		if plainLanguages[tok] {
			return "", true
		}
	}
	return "", false
}

// cleanLanguage lower-cases a declared language and drops the names that
// mean plain text and any that cannot be a fence's info string.
func cleanLanguage(v string) string {
	v = strings.ToLower(strings.TrimSpace(v))
	if plainLanguages[v] || len(v) > 40 {
		return ""
	}
	for _, c := range v {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || strings.ContainsRune("+#._-", c)) {
			return ""
		}
	}
	return v
}

// languageName returns the fence name of a label's text, or "".
func languageName(label string) string {
	v := strings.ToLower(strings.TrimSpace(label))
	if knownLanguages[v] {
		return cleanLanguage(v)
	}
	return ""
}

// isLanguageLabel reports whether text is a label naming lang or a known
// language.
func isLanguageLabel(text, lang string) bool {
	v := strings.ToLower(strings.TrimSpace(text))
	if v == "" {
		return false
	}
	return v == lang || knownLanguages[v] || plainLanguages[strings.ReplaceAll(v, " ", "")]
}

// innerLabel returns the element inside pre that holds only a language
// label set before the code (a header bar inside the block), or nil.
func innerLabel(pre *html.Node, lang string) *html.Node {
	var first *html.Node
	for n := pre.FirstChild; n != nil; n = dom.Next(n, pre, false) {
		if n.Type == html.TextNode && !dom.IsBlank(n.Data) {
			first = n
			break
		}
	}
	if first == nil || first.Parent == pre {
		return nil
	}
	text := dom.Fold(first.Data)
	if !isLanguageLabel(text, lang) {
		return nil
	}
	// Climb to the largest element that holds just the label.
	label := first.Parent
	for label.Parent != pre && label.Parent.DataAtom != atom.Code && dom.Text(label.Parent) == text {
		label = label.Parent
	}
	if !labelElements[label.DataAtom] || label.DataAtom == atom.Code {
		return nil
	}
	// A label is a bar of its own: a block, or followed by a line break.
	if label.DataAtom != atom.Div && label.DataAtom != atom.Header && label.DataAtom != atom.Figcaption {
		return nil
	}
	if label.Parent == pre && label.NextSibling == nil {
		return nil // the whole block
	}
	return label
}

// removeOuterLabel removes a language label set just before the block in
// its wrapper (a caption bar above the code).
func removeOuterLabel(pre *html.Node, lang string, r *report.Report) {
	n := pre
	for i := 0; i < labelAncestors && n != nil && n.Parent != nil; i++ {
		prev := n.PrevSibling
		for prev != nil && prev.Type == html.TextNode && dom.IsBlank(prev.Data) {
			prev = prev.PrevSibling
		}
		if prev != nil && prev.Type == html.ElementNode && labelElements[prev.DataAtom] {
			if isLanguageLabel(dom.Text(prev), lang) && dom.Find(prev, isHeadingOrPara) == nil {
				r.Add(report.Element, "code-label", prev, "")
				dom.Detach(prev)
				return
			}
		}
		if prev != nil {
			return // other content comes before: not a wrapper of the block alone
		}
		n = n.Parent
		if n.DataAtom == atom.Body || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
			return
		}
	}
}

func isHeadingOrPara(n *html.Node) bool {
	return dom.IsElement(n, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.P)
}

// removeGutters removes line numbers inside pre: elements marked as a
// gutter, unselectable elements holding only a number, and the leading
// numbers of rows laid out one element per line. It reports whether it
// removed any.
func removeGutters(pre *html.Node, r *report.Report) bool {
	var gone []*html.Node
	dom.Elements(pre, func(n *html.Node) bool {
		if isNumberText(dom.Text(n)) && (hasGutterClass(n) || unselectable(n)) {
			gone = append(gone, n)
			return false
		}
		return true
	})
	if len(gone) == 0 {
		gone = rowNumbers(pre)
	}
	for _, n := range gone {
		r.Add(report.Element, "code-gutter", n, "")
		dom.Detach(n)
	}
	return len(gone) > 0
}

func hasGutterClass(n *html.Node) bool {
	for _, w := range dom.AppendWords(nil, dom.Attr(n, "class")) {
		if gutterWords[w] {
			return true
		}
	}
	for tok := range strings.FieldsSeq(strings.ToLower(dom.Attr(n, "class"))) {
		if gutterWords[tok] {
			return true
		}
	}
	return false
}

func unselectable(n *html.Node) bool {
	style := strings.ToLower(strings.Join(strings.Fields(dom.Attr(n, "style")), ""))
	return strings.Contains(style, "user-select:none")
}

// rowNumbers finds rows laid out one element per line whose first child
// element is the line's number, counting up by one: the numbers are a
// gutter. Rows are looked for below single-child wrappers.
func rowNumbers(pre *html.Node) []*html.Node {
	holder := pre
	for {
		var only *html.Node
		count := 0
		for c := holder.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				only = c
				count++
			} else if c.Type == html.TextNode && !dom.IsBlank(c.Data) {
				count = 2
			}
		}
		if count != 1 {
			break
		}
		holder = only
	}
	var nums []*html.Node
	prev := -1
	for row := holder.FirstChild; row != nil; row = row.NextSibling {
		if row.Type == html.TextNode && dom.IsBlank(row.Data) {
			continue
		}
		if row.Type != html.ElementNode {
			return nil
		}
		first := row.FirstChild
		for first != nil && first.Type == html.TextNode && dom.IsBlank(first.Data) {
			first = first.NextSibling
		}
		if first == nil || first.Type != html.ElementNode || first.NextSibling == nil {
			return nil
		}
		v, err := strconv.Atoi(dom.Text(first))
		if err != nil || (prev >= 0 && v != prev+1) {
			return nil
		}
		prev = v
		nums = append(nums, first)
	}
	if len(nums) < 2 {
		return nil
	}
	return nums
}

func isNumberText(s string) bool {
	if s == "" || len(s) > 6 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// hasBlockInside reports whether pre holds elements that a browser breaks
// lines at (rows as blocks, <br>), which plain text must spell out.
func hasBlockInside(pre *html.Node) bool {
	return dom.Find(pre, func(n *html.Node) bool {
		return n.DataAtom == atom.Br || codeBlockElements[n.DataAtom]
	}) != nil
}

// codeBlockElements are the elements that start a line inside code.
var codeBlockElements = map[atom.Atom]bool{
	atom.Div: true, atom.P: true, atom.Li: true, atom.Tr: true, atom.Table: true,
	atom.Ul: true, atom.Ol: true, atom.Section: true, atom.Header: true, atom.Footer: true,
	atom.Pre: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Blockquote: true,
}

// codeText is the text of a code block as shown: <br> and the edges of
// block elements are line breaks.
func codeText(n *html.Node) string {
	var b strings.Builder
	lineBreak := func() {
		if s := b.String(); s != "" && !strings.HasSuffix(s, "\n") {
			b.WriteByte('\n')
		}
	}
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type != html.ElementNode:
			case c.DataAtom == atom.Br:
				b.WriteByte('\n')
			case dom.IsElement(c, atom.Script, atom.Style, atom.Template):
			case depth > maxCodeDepth:
				b.WriteString(dom.Text(c))
			default:
				block := codeBlockElements[c.DataAtom]
				if block {
					lineBreak()
				}
				walk(c, depth+1)
				if block {
					lineBreak()
				}
			}
		}
	}
	walk(n, 0)
	return b.String()
}

// textWithBreaks is codeText for a gutter cell.
func textWithBreaks(n *html.Node) string { return codeText(n) }

// maxCodeDepth bounds the recursion of codeText; below it text is taken
// flat, so a hostile nesting cannot exhaust the stack.
const maxCodeDepth = 200
