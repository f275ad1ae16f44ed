// Package sanitize is the last gate of the pipeline: it takes the article
// subtree, makes every URL absolute and safe, strips tracking parameters and
// tracking or styling attributes, serialises the tree, and passes the markup
// through a bluemonday policy written for articles (policy.go). What it
// returns is safe to insert with innerHTML.
//
// It also makes the output a fixed point of HTML parsing: the markup it
// returns parses and serialises back to itself, so a browser's innerHTML
// cannot mutate it into something else (mutation XSS).
package sanitize

import (
	"fmt"
	"net/url"
	"strings"

	"articleclean/internal/dom"
	"articleclean/internal/report"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Options tune HTML.
type Options struct {
	// Base resolves relative URLs; nil leaves them relative.
	Base *url.URL
	// KeepClasses keeps class attributes (plain tokens only).
	KeepClasses bool
	// DropImages removes every image, so showing the result makes no
	// request at all.
	DropImages bool
}

// trackingAttrs are attributes that exist only to track readers or drive
// scripts; they are counted as tracking when removed. Source: the
// attribute list in shared/reference/tracking.md.
var trackingAttrs = toSet("ping", "attributionsrc")

// trackingAttrPrefixes are data-* families used by analytics tags.
var trackingAttrPrefixes = []string{"data-ga", "data-gtm", "data-track", "data-analytics", "data-event"}

// urlAttrs are the attributes holding one URL that the policy allows.
var urlAttrs = map[string]bool{"href": true, "src": true, "cite": true}

// fixpointRounds bounds the parse/serialise rounds spent reaching a fixed
// point; well-formed sanitizer output converges in one.
const fixpointRounds = 3

// HTML sanitizes the children of root and returns the safe markup. root
// itself is not part of the output. The tree is modified.
func HTML(root *html.Node, opts Options, r *report.Report) (string, error) {
	out, _, err := Tree(root, opts, r)
	return out, err
}

// Tree is HTML that also returns the safe markup parsed as a <div>'s
// content, the tree the renderers read: it is the tree the fixed-point
// check parsed anyway, so the caller need not parse the output again.
func Tree(root *html.Node, opts Options, r *report.Report) (string, *html.Node, error) {
	prepare(root, opts, r)
	// A strings.Builder, not a bytes.Buffer: html.Render writes to it
	// directly, and String hands over its bytes without a copy.
	var b strings.Builder
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			return "", nil, fmt.Errorf("serialising article: %w", err)
		}
	}
	policy := policyFor(opts.KeepClasses)
	out := policy.Sanitize(b.String())
	for range fixpointRounds {
		tree, again, err := reparse(out)
		if err != nil {
			return "", nil, err
		}
		if again == out {
			// out came from the policy and parses back to itself: safe to
			// insert with innerHTML, and bluemonday was its last writer.
			return out, tree, nil
		}
		out = policy.Sanitize(again)
	}
	// Markup that keeps changing under parsing is hostile; its text is all
	// an article needs.
	out = policy.Sanitize(html.EscapeString(textOf(out)))
	tree, _, err := reparse(out)
	if err != nil {
		return "", nil, err
	}
	return out, tree, nil
}

// prepare rewrites the tree before serialisation: URLs resolved and
// cleaned, attributes that only track or style removed, ids renamed.
func prepare(root *html.Node, opts Options, r *report.Report) {
	unwrapStrayMath(root)
	keptIDs := footnoteTargets(root)
	dom.Elements(root, func(n *html.Node) bool {
		if n.Namespace != "" {
			// SVG is dropped by the policy; MathML keeps only plain
			// attributes. Neither carries URLs we keep.
			return true
		}
		cleanAttrs(n, opts, keptIDs, r)
		switch n.DataAtom {
		case atom.A:
			if dom.HasAttr(n, "href") {
				dom.SetAttr(n, "rel", "noopener noreferrer")
			}
			if h := dom.Attr(n, "href"); strings.HasPrefix(h, "#") {
				if keptIDs[h[1:]] {
					dom.SetAttr(n, "href", "#"+safeID(h[1:]))
				}
			}
		case atom.Img:
			if opts.DropImages {
				r.Add(report.Element, "image-dropped", n, "")
				dom.Detach(n)
				return false
			}
			dom.SetAttr(n, "loading", "lazy")
			dom.SetAttr(n, "referrerpolicy", "no-referrer")
		}
		return true
	})
}

// cleanAttrs removes the attributes no article needs and cleans URLs.
func cleanAttrs(n *html.Node, opts Options, keptIDs map[string]bool, r *report.Report) {
	if !dom.HasAttr(n, "class") {
		if lang := codeLanguageOf(n); lang != "" {
			// A language given only by data-lang survives as the class.
			n.Attr = append(n.Attr, html.Attribute{Key: "class", Val: "language-" + lang})
		}
	}
	kept := n.Attr[:0]
	for _, a := range n.Attr {
		key := strings.ToLower(a.Key)
		switch {
		case a.Namespace != "":
			r.Add(report.Attribute, "namespaced-attribute", n, key)
			continue
		case trackingAttrs[key] || hasAnyPrefix(key, trackingAttrPrefixes):
			r.Add(report.Tracker, "tracking-attribute", n, key)
			continue
		case strings.HasPrefix(key, "on"), strings.HasPrefix(key, "data-"), key == "style":
			r.Add(report.Attribute, "script-or-style-attribute", n, key)
			continue
		case key == "class":
			if lang := codeLanguageOf(n); lang != "" && !opts.KeepClasses {
				a.Val = "language-" + lang
				break
			}
			if !opts.KeepClasses {
				r.Count(report.Attribute)
				continue
			}
		case key == "id":
			if !keptIDs[a.Val] {
				r.Count(report.Attribute)
				continue
			}
			a.Val = safeID(a.Val)
		case key == "name" && n.DataAtom == atom.A && keptIDs[a.Val] && !dom.HasAttr(n, "id"):
			// An old-style named anchor is a footnote target too.
			a.Key, a.Val = "id", safeID(a.Val)
		case urlAttrs[key]:
			clean := CleanURL(a.Val, opts.Base, r)
			if clean == "" {
				r.Add(report.Attribute, "unsafe-url", n, key)
				continue
			}
			a.Val = clean
		case key == "srcset":
			clean := cleanSrcset(a.Val, opts.Base, r)
			if clean == "" {
				continue
			}
			a.Val = clean
		}
		kept = append(kept, a)
	}
	n.Attr = kept
}

// codeLanguagePrefixes introduce a code block's language in class tokens
// (Prism and highlight.js use language-, older tools lang-, GitHub's
// rendered Markdown highlight-source-).
var codeLanguagePrefixes = []string{"language-", "lang-", "highlight-source-"}

// codeLanguageOf returns the language of a <pre> or <code> block, from its
// class tokens or a data-lang attribute, or "".
func codeLanguageOf(n *html.Node) string {
	if n.DataAtom != atom.Code && n.DataAtom != atom.Pre {
		return ""
	}
	for _, tok := range strings.Fields(dom.Attr(n, "class")) {
		for _, p := range codeLanguagePrefixes {
			if strings.HasPrefix(tok, p) && isLanguageName(tok[len(p):]) {
				return tok[len(p):]
			}
		}
	}
	for _, key := range []string{"data-lang", "data-language"} {
		if v := strings.TrimSpace(dom.Attr(n, key)); isLanguageName(v) {
			return v
		}
	}
	return ""
}

// isLanguageName reports a plausible language name for a code block: the
// shape the policy's codeLanguage pattern allows after "language-".
func isLanguageName(s string) bool {
	if len(s) == 0 || len(s) > 40 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("_+#.-", c) >= 0) {
			return false
		}
	}
	return true
}

// safeID gives a kept id the fixed prefix and only characters the policy
// allows, so "fn:1" becomes "ac-fn-1".
func safeID(id string) string {
	b := []byte(id)
	for i, c := range b {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			b[i] = '-'
		}
	}
	if len(b) > maxIDLen {
		b = b[:maxIDLen]
	}
	return idPrefix + string(b)
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// footnoteTargets returns the ids worth keeping: those that an in-page link
// below root points to. They are footnotes and their back-references.
func footnoteTargets(root *html.Node) map[string]bool {
	linked := map[string]bool{}
	dom.Elements(root, func(n *html.Node) bool {
		if n.DataAtom == atom.A {
			if h := dom.Attr(n, "href"); len(h) > 1 && h[0] == '#' {
				linked[h[1:]] = true
			}
		}
		return true
	})
	if len(linked) == 0 {
		return nil
	}
	kept := map[string]bool{}
	dom.Elements(root, func(n *html.Node) bool {
		if id := dom.Attr(n, "id"); id != "" && linked[id] {
			kept[id] = true
		}
		if name := dom.Attr(n, "name"); n.DataAtom == atom.A && name != "" && linked[name] {
			kept[name] = true
		}
		return true
	})
	return kept
}

// reparse parses markup as a <div>'s content, the way innerHTML does, and
// returns that <div> and its content serialised again.
func reparse(markup string) (*html.Node, string, error) {
	holder := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(markup), holder)
	if err != nil {
		return nil, "", fmt.Errorf("re-parsing sanitized markup: %w", err)
	}
	for _, n := range nodes {
		holder.AppendChild(n)
	}
	unwrapStrayMath(holder)
	var b strings.Builder
	b.Grow(len(markup))
	for n := holder.FirstChild; n != nil; n = n.NextSibling {
		if err := html.Render(&b, n); err != nil {
			return nil, "", fmt.Errorf("re-serialising sanitized markup: %w", err)
		}
	}
	return holder, b.String(), nil
}

// mathNames are the MathML element names the policy allows, for finding
// them where the parser did not put them in the MathML namespace.
var mathNames = toSet(mathElements...)

// unwrapStrayMath replaces MathML-named elements that ended up in the HTML
// namespace (namespace-confusion payloads produce them) by their content:
// only real MathML inside <math> is kept as such.
func unwrapStrayMath(root *html.Node) {
	var stray []*html.Node
	dom.Elements(root, func(n *html.Node) bool {
		if n.Namespace == "" && mathNames[n.Data] {
			stray = append(stray, n)
		}
		return true
	})
	for i := len(stray) - 1; i >= 0; i-- {
		dom.Unwrap(stray[i])
	}
}

func textOf(markup string) string {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(markup), ctx)
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, n := range nodes {
		dom.AppendText(&b, n)
		b.WriteByte(' ')
	}
	return dom.Fold(b.String())
}
