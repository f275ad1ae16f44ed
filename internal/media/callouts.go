package media

import (
	"strings"

	"articleclean/internal/dom"
	"articleclean/internal/report"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Callouts (admonitions, alerts: the boxed "Note" or "Warning" asides of
// documentation and blogs) come in each tool's markup, which the sanitizer
// reduces to anonymous blocks. Here they become one standard form that
// survives it and that the Markdown renderer writes as an Obsidian callout
// ("> [!kind] Title", Defuddle's convention):
//
//	<blockquote title="kind"><p><strong>Title</strong></p>…content…</blockquote>
//
// The title attribute carries the kind (a tooltip naming the box's kind);
// the title paragraph is there only when the page shows a title.

// calloutKinds are the kinds a callout may declare, as Obsidian, GitHub,
// Docusaurus, MkDocs, Hugo and Bootstrap name them. A class or attribute
// naming another word is not a kind.
var calloutKinds = dom.Set(
	"note", "info", "tip", "hint", "important", "success", "check", "done",
	"question", "help", "faq", "warning", "caution", "attention", "failure", "fail",
	"missing", "danger", "error", "bug", "example", "quote", "cite", "abstract",
	"summary", "tldr", "todo",
)

// calloutContainers are the class tokens of a callout's outer element,
// with the kind to assume when none is named ("" when such an element is
// a callout only with a named kind: Bootstrap's colourless .alert is any
// box).
var calloutContainers = map[string]string{
	"callout": "note", "admonition": "note", "markdown-alert": "note", "alert": "",
}

// calloutKindPrefixes start a class token naming the kind ("alert-info",
// "admonition-warning", "markdown-alert-note").
var calloutKindPrefixes = []string{"callout-", "admonition-", "alert-", "markdown-alert-"}

// calloutTitleSuffixes end the class token of a callout's title element.
var calloutTitleSuffixes = []string{"title", "heading"}

// calloutContentSuffixes end the class token of a callout's body element.
var calloutContentSuffixes = []string{"content", "body"}

// calloutMaxText bounds a callout's text: a container named "callout" that
// holds a page section is a layout block, not a box beside the text.
const calloutMaxText = 2000

// calloutTitleMax is the longest text a callout title may have.
const calloutTitleMax = 120

// standardizeCallouts rewrites the callouts below doc into the standard
// form.
func standardizeCallouts(doc *html.Node, r *report.Report) {
	var found []*html.Node
	dom.Elements(doc, func(n *html.Node) bool {
		if calloutKind(n) != "" {
			found = append(found, n)
		}
		return true
	})
	for _, n := range found {
		if n.Parent == nil || dom.TextLen(n) > calloutMaxText {
			continue
		}
		rewriteCallout(n, calloutKind(n))
		r.Add(report.Element, "callout-standardized", n, "")
	}
}

// mayNameContainer reports whether some token of class, lower-cased, is
// one of calloutContainers. Every element of the page is asked and few are
// callouts, so an ASCII token is lower-cased into a stack buffer, not a
// new string.
func mayNameContainer(class string) bool {
	var buf [containerNameMax]byte
	for tok := range strings.FieldsSeq(class) {
		if !dom.IsASCII(tok) {
			if _, ok := calloutContainers[strings.ToLower(tok)]; ok {
				return true
			}
			continue
		}
		if len(tok) > len(buf) {
			continue // lower-casing ASCII keeps the length
		}
		b := buf[:len(tok)]
		for i := 0; i < len(tok); i++ {
			c := tok[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		if _, ok := calloutContainers[string(b)]; ok {
			return true
		}
	}
	return false
}

// containerNameMax is at least the longest of calloutContainers, the
// stack buffer mayNameContainer lower-cases into.
const containerNameMax = 24

// calloutKind returns the kind of callout n is, or "" when it is none.
func calloutKind(n *html.Node) string {
	if v := strings.ToLower(strings.TrimSpace(dom.Attr(n, "data-callout"))); v != "" {
		if calloutKinds[v] {
			return v
		}
		return "note"
	}
	class := dom.Attr(n, "class")
	if !mayNameContainer(class) {
		return ""
	}
	toks := strings.Fields(strings.ToLower(class))
	fallback, isContainer := "", false
	for _, tok := range toks {
		if k, ok := calloutContainers[tok]; ok {
			isContainer = true
			if k != "" {
				fallback = k
			}
		}
	}
	if !isContainer {
		return ""
	}
	for _, tok := range toks {
		for _, p := range calloutKindPrefixes {
			if rest, ok := strings.CutPrefix(tok, p); ok && calloutKinds[rest] {
				return rest
			}
		}
	}
	for _, tok := range toks {
		if calloutKinds[tok] {
			return tok
		}
	}
	return fallback
}

// rewriteCallout replaces n by the standard form of a callout of kind.
func rewriteCallout(n *html.Node, kind string) {
	title := classedChild(n, calloutTitleSuffixes)
	if title == nil {
		title = dom.Find(n, func(c *html.Node) bool { return c.DataAtom == atom.Summary })
	}
	titleText := ""
	if title != nil {
		titleText = dom.Text(title)
		if len(titleText) > calloutTitleMax {
			title, titleText = nil, ""
		} else {
			dom.Detach(title)
		}
	}
	body := classedChild(n, calloutContentSuffixes)
	if body == nil {
		body = n
	}
	bq := &html.Node{Type: html.ElementNode, Data: "blockquote", DataAtom: atom.Blockquote,
		Attr: []html.Attribute{{Key: "title", Val: kind}}}
	if titleText != "" {
		p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
		strong := &html.Node{Type: html.ElementNode, Data: "strong", DataAtom: atom.Strong}
		strong.AppendChild(&html.Node{Type: html.TextNode, Data: titleText})
		p.AppendChild(strong)
		bq.AppendChild(p)
	}
	for c := body.FirstChild; c != nil; c = body.FirstChild {
		body.RemoveChild(c)
		bq.AppendChild(c)
	}
	n.Parent.InsertBefore(bq, n)
	dom.Detach(n)
}

// classedChild returns the first element below n (n excluded) with a class
// token ending in one of suffixes, or nil.
func classedChild(n *html.Node, suffixes []string) *html.Node {
	return dom.Find(n, func(c *html.Node) bool {
		for _, tok := range strings.Fields(strings.ToLower(dom.Attr(c, "class"))) {
			for _, s := range suffixes {
				if strings.HasSuffix(tok, s) {
					return true
				}
			}
		}
		return false
	})
}
