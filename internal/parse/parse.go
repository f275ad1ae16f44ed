// Package parse builds the document tree from decoded HTML with
// golang.org/x/net/html, the same HTML5 algorithm browsers use, so a
// fragment, a whole page and broken tag soup all become one well-formed
// tree rooted at a document node with <html>, <head> and <body>.
//
// It parses as a browser with scripting disabled would, so <noscript>
// content becomes elements: on script-driven pages the fallback there is
// the only static copy of the content or of a lazy image, and the later
// stages can judge and clean it like any other markup.
//
// Before parsing, the bodies of scripts (except JSON-LD) and style sheets,
// and the content of inline SVG, are dropped by a byte scan (ElideRawText):
// nothing downstream reads them, and they are often half of a page's bytes.
//
// The other thing it adds is a bound on nesting: golang.org/x/net/html refuses
// documents whose open-element stack exceeds 512 entries, and a hostile or
// broken page can nest far deeper. Like Chromium, which stops nesting past a
// fixed depth, Parse then flattens the excess and parses again.
package parse

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// flattenDepths are the nesting limits tried in turn when a document is too
// deep to parse. The parser may add implied elements (tbody, reopened
// formatting elements) above what the tokens show, hence the margin below
// the parser's own 512 and the second, stricter attempt.
var flattenDepths = []int{256, 48}

// Document parses s into a document tree, without the bodies of scripts
// other than JSON-LD and of style sheets, and without the content of
// top-level <svg> elements.
func Document(s string) (*html.Node, error) {
	return Elided(ElideRawText(s))
}

// Elided is Document for text that ElideRawText has already been through,
// for a caller that wants to know its size first.
func Elided(s string) (*html.Node, error) {
	doc, err := parseHTML(s)
	for _, depth := range flattenDepths {
		if err == nil {
			return doc, nil
		}
		doc, err = parseHTML(Flatten(s, depth))
	}
	if err != nil {
		return nil, fmt.Errorf("parsing HTML: %w", err)
	}
	return doc, nil
}

// voidElements never have content or end tags, so they do not nest.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true,
	"track": true, "wbr": true, "param": true, "keygen": true,
}

// Flatten returns s with every start tag deeper than maxDepth, and its end
// tag, removed; the content stays in place, so nothing readable is lost.
func Flatten(s string, maxDepth int) string {
	z := html.NewTokenizer(strings.NewReader(s))
	var out bytes.Buffer
	out.Grow(len(s))
	var stack []string
	dropped := map[string]int{}
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return out.String()
		}
		raw := z.Raw()
		switch tt {
		case html.StartTagToken:
			name, _ := z.TagName()
			n := string(name)
			if voidElements[n] {
				break
			}
			if len(stack) >= maxDepth {
				dropped[n]++
				continue
			}
			stack = append(stack, n)
		case html.EndTagToken:
			name, _ := z.TagName()
			n := string(name)
			if dropped[n] > 0 {
				dropped[n]--
				continue
			}
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == n {
					stack = stack[:i]
					break
				}
			}
		}
		out.Write(raw)
	}
}

func parseHTML(s string) (*html.Node, error) {
	return html.ParseWithOptions(strings.NewReader(s), html.ParseOptionEnableScripting(false))
}
