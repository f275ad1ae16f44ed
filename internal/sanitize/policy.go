package sanitize

import (
	"regexp"
	"strconv"
	"sync"

	"github.com/microcosm-cc/bluemonday"
)

// The article policy is the last gate every byte of output passes. It is an
// allowlist: anything not named below is dropped (an element's text is kept
// when the element is not allowed, except for the elements bluemonday skips
// whole: script, style, iframe, object, noscript, title and their kin).
//
// Elements and why an article needs them:
//
//	h1–h6                       section headings
//	p, br, hr, div, section     paragraphs, line breaks, scene breaks, grouping
//	span                        inline grouping that carries lang/dir
//	a                           links (href: http, https, mailto, in-page #fragment)
//	b, strong, i, em, u, s, del, ins, mark, small, sub, sup
//	                            emphasis, edits, footnote markers, formulas
//	abbr, dfn, cite, q, time, var, kbd, samp, code, pre, bdi, bdo, wbr
//	                            the semantics of technical and quoted text
//	blockquote                  quotations
//	ul, ol, li, dl, dt, dd      lists and glossaries
//	figure, figcaption, img     images with captions and credits
//	table, caption, thead, tbody, tfoot, tr, th, td, col, colgroup
//	                            data tables
//	details, summary            collapsible notes (kept closed or open, no script)
//	ruby, rt, rp                pronunciation guides in CJK text
//	math and its presentation elements
//	                            formulas (MathML, rendered natively by browsers)
//
// Never allowed, whatever the options: script, style (element or attribute),
// iframe, frame, object, embed, form and its controls, base, meta, link,
// svg, template, event handlers, data-* attributes, and URLs other than
// http(s), mailto and relative ones (so no javascript:, data:, vbscript:).
//
// bluemonday checks URL schemes only on href, src and cite, so the one other
// URL attribute allowed, srcset, is validated by the tree pass (urls.go) and
// restricted to absolute http(s) candidates by a pattern here as well.

// patterns are the attribute value shapes the policy allows. They are
// compiled on first use, with the policies, so that starting the
// WebAssembly module does no work beyond the Go runtime's own.
type patterns struct {
	digits           *regexp.Regexp
	srcsetPattern    *regexp.Regexp
	codeLanguage     *regexp.Regexp
	safeClass        *regexp.Regexp
	footnoteID       *regexp.Regexp
	relValue         *regexp.Regexp
	lazyValue        *regexp.Regexp
	noReferrerValue  *regexp.Regexp
	dirValue         *regexp.Regexp
	langValue        *regexp.Regexp
	scopeValue       *regexp.Regexp
	listTypeValue    *regexp.Regexp
	mathDisplayValue *regexp.Regexp
	mathTokenValue   *regexp.Regexp
}

func compilePatterns() *patterns {
	return &patterns{
		// digits is the shape of numeric attributes: sizes, spans, list values.
		digits: regexp.MustCompile(`^[0-9]{1,6}$`),
		// srcsetPattern accepts only comma-separated absolute http(s) URLs,
		// each with an optional width or density descriptor.
		srcsetPattern: regexp.MustCompile(`^https?://[^\s,]+(?:\s+[0-9.]+[wx])?(?:\s*,\s*https?://[^\s,]+(?:\s+[0-9.]+[wx])?)*$`),
		// codeLanguage keeps the language of a code block for syntax
		// highlighting and Markdown fences, even when other classes go.
		codeLanguage: regexp.MustCompile(`^language-[A-Za-z0-9_+#.-]{1,40}$`),
		// safeClass is what keepClasses lets through: plain class tokens.
		safeClass: regexp.MustCompile(`^[A-Za-z0-9_ -]{1,400}$`),
		// footnoteID is the fixed prefix given to the ids we keep (footnote
		// targets); a prefix means no id can clobber a DOM global.
		footnoteID: regexp.MustCompile(`^` + idPrefix + `[A-Za-z0-9_-]{1,` + strconv.Itoa(maxIDLen) + `}$`),
		// Exact values for the attributes the tree pass sets itself.
		relValue:         regexp.MustCompile(`^noopener noreferrer$`),
		lazyValue:        regexp.MustCompile(`^lazy$`),
		noReferrerValue:  regexp.MustCompile(`^no-referrer$`),
		dirValue:         regexp.MustCompile(`^(?i:ltr|rtl|auto)$`),
		langValue:        regexp.MustCompile(`^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8}){0,4}$`),
		scopeValue:       regexp.MustCompile(`^(?i:row|col|rowgroup|colgroup)$`),
		listTypeValue:    regexp.MustCompile(`^[1aAiI]$`),
		mathDisplayValue: regexp.MustCompile(`^(?i:block|inline)$`),
		mathTokenValue:   regexp.MustCompile(`^[A-Za-z0-9 ./+%-]{1,40}$`),
	}
}

// idPrefix starts every id kept in the output.
const idPrefix = "ac-"

// maxIDLen bounds a kept id (after the prefix).
const maxIDLen = 64

// textElements are allowed with no attributes beyond the global lang/dir/title.
var textElements = []string{
	"h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "section", "span",
	"b", "strong", "i", "em", "u", "s", "mark", "small", "sub", "sup",
	"abbr", "dfn", "cite", "var", "kbd", "samp", "code", "pre", "bdi", "bdo", "wbr",
	"ul", "dl", "dt", "dd", "figure", "figcaption",
	"table", "caption", "thead", "tbody", "tfoot", "tr", "colgroup",
	"details", "summary", "ruby", "rt", "rp",
}

// mathElements are MathML's presentation elements (no maction, no
// annotation-xml: those can embed HTML or act on events).
var mathElements = []string{
	"math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace",
	"msup", "msub", "msubsup", "mfrac", "msqrt", "mroot", "mover", "munder", "munderover",
	"mtable", "mtr", "mtd", "menclose", "mpadded", "mphantom", "mfenced", "mstyle",
}

// policies holds the two policies, built on first use so that starting the
// WebAssembly module does no work beyond the Go runtime's own. Once built
// they are read-only, and bluemonday policies are safe for concurrent use.
type policies struct {
	once           sync.Once
	strict, keepCl *bluemonday.Policy
}

var built policies

func policyFor(keepClasses bool) *bluemonday.Policy {
	built.once.Do(func() {
		pat := compilePatterns()
		built.strict = newPolicy(pat, false)
		built.keepCl = newPolicy(pat, true)
	})
	if keepClasses {
		return built.keepCl
	}
	return built.strict
}

// newPolicy builds the article policy described at the top of this file.
func newPolicy(pat *patterns, keepClasses bool) *bluemonday.Policy {
	p := bluemonday.NewPolicy()
	p.AllowElements(textElements...)
	p.AllowElements(mathElements...)
	// bluemonday drops an element without attributes unless it is on its
	// own short list, which lacks MathML and some article elements.
	p.AllowNoAttrs().OnElements(textElements...)
	p.AllowNoAttrs().OnElements(mathElements...)
	p.AllowNoAttrs().OnElements("blockquote", "q", "del", "ins", "ol", "li", "td", "th", "col", "time")

	// Global attributes: language and direction matter for rendering
	// mixed-script text; title carries abbreviations' expansions.
	p.AllowAttrs("lang").Matching(pat.langValue).Globally()
	p.AllowAttrs("dir").Matching(pat.dirValue).Globally()
	p.AllowAttrs("title").Globally()

	// Links: schemes are checked by bluemonday on href; rel is set by us.
	p.RequireParseableURLs(true)
	p.AllowRelativeURLs(true)
	p.AllowURLSchemes("http", "https", "mailto")
	p.AllowAttrs("href").OnElements("a")
	p.AllowAttrs("rel").Matching(pat.relValue).OnElements("a")

	// Images: src checked by bluemonday; srcset by us and the pattern;
	// loading and referrerpolicy keep the preview from tracking readers.
	p.AllowAttrs("src", "alt").OnElements("img")
	p.AllowAttrs("srcset").Matching(pat.srcsetPattern).OnElements("img")
	p.AllowAttrs("width", "height").Matching(pat.digits).OnElements("img")
	p.AllowAttrs("loading").Matching(pat.lazyValue).OnElements("img")
	p.AllowAttrs("referrerpolicy").Matching(pat.noReferrerValue).OnElements("img")

	// Quotations and edits may cite a source address.
	p.AllowAttrs("cite").OnElements("blockquote", "q", "del", "ins")
	p.AllowElements("blockquote", "q", "del", "ins")

	// Lists keep their numbering.
	p.AllowAttrs("start").Matching(pat.digits).OnElements("ol")
	p.AllowAttrs("reversed").Matching(regexp.MustCompile(`^(?:reversed)?$`)).OnElements("ol")
	p.AllowAttrs("type").Matching(pat.listTypeValue).OnElements("ol")
	p.AllowAttrs("value").Matching(pat.digits).OnElements("li")
	p.AllowElements("ol", "li")

	// Tables keep their structure.
	p.AllowAttrs("colspan", "rowspan").Matching(pat.digits).OnElements("td", "th")
	p.AllowAttrs("scope").Matching(pat.scopeValue).OnElements("th")
	p.AllowAttrs("span").Matching(pat.digits).OnElements("col", "colgroup")
	p.AllowElements("td", "th", "col")

	// Dates are machine-readable through datetime.
	p.AllowAttrs("datetime").OnElements("time", "del", "ins")
	p.AllowElements("time")

	p.AllowAttrs("open").Matching(regexp.MustCompile(`^(?:open)?$`)).OnElements("details")

	// Footnote targets keep a prefixed id so back-links work.
	p.AllowAttrs("id").Matching(pat.footnoteID).Globally()

	// Code blocks keep their language.
	p.AllowAttrs("class").Matching(pat.codeLanguage).OnElements("code", "pre")

	// MathML: only attributes that change layout, with plain values.
	p.AllowAttrs("display").Matching(pat.mathDisplayValue).OnElements("math")
	p.AllowAttrs("encoding").Matching(pat.mathTokenValue).OnElements("annotation")
	p.AllowAttrs("mathvariant", "stretchy", "fence", "separator", "accent", "columnalign", "notation").
		Matching(pat.mathTokenValue).OnElements(mathElements...)

	if keepClasses {
		p.AllowAttrs("class").Matching(pat.safeClass).Globally()
	}
	return p
}
