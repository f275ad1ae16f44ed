package meta

import (
	"strings"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A product page's JSON-LD carries the product's description, which the
// page shows too, often in a drawer, a tab or an accordion its scripts
// open: a place the clutter and extract stages take for furniture. The
// extract stage adds it to an article that lacks it (see
// Metadata.ProductDescription), but only when the page shows it as text:
// a description written for search engines alone (the meta description
// again, "Shop the ... at ...") is no part of the page.
const (
	// productDescMinWords: a shorter description is a tagline, which a
	// product page shows beside its title, not a lost section.
	productDescMinWords = 30
	// productProbeWords and productProbes: the description counts as shown
	// when one of productProbes runs of productProbeWords of its words,
	// spread over it, is in the page's text.
	productProbeWords = 12
	productProbes     = 3
)

// productLDTypes are the schema.org types of one product for sale.
var productLDTypes = map[string]bool{"product": true, "productgroup": true, "individualproduct": true, "productmodel": true}

// productDescription returns the description of the page's product from
// its JSON-LD (a top-level node, an @graph member or a mainEntity), or ""
// when it has none of productDescMinWords words. A page that declares
// several products (a category page giving each card its own block) has
// no one product whose description is its content.
func productDescription(blocks [][]any) string {
	var cands []map[string]any
	for _, b := range blocks {
		for _, r := range b {
			candidates(r, &cands, 0)
		}
	}
	desc, name, seen := "", "", false
	for _, c := range cands {
		if !isProductNode(c) {
			continue
		}
		// Shops often print their one product twice (a theme's block
		// and a plugin's): the same name is the same product.
		n := ldString(c["name"])
		if seen {
			if n != name {
				return ""
			}
			continue
		}
		d, _ := c["description"].(string)
		desc, name, seen = strings.TrimSpace(html.UnescapeString(d)), n, true
	}
	if len(strings.Fields(desc)) < productDescMinWords {
		return ""
	}
	return desc
}

func isProductNode(n map[string]any) bool {
	for _, t := range types(n) {
		if i := strings.LastIndexAny(t, "/#:"); i >= 0 {
			t = t[i+1:]
		}
		if productLDTypes[strings.ToLower(t)] {
			return true
		}
	}
	return false
}

// shownProductDescription returns the product description of the page's
// JSON-LD when the page's body shows it as text (see productProbeWords),
// else "".
func shownProductDescription(doc *html.Node, blocks [][]any) string {
	desc := productDescription(blocks)
	if desc == "" {
		return ""
	}
	body := dom.Find(doc, func(n *html.Node) bool { return n.DataAtom == atom.Body })
	if body == nil {
		return ""
	}
	var page strings.Builder
	page.WriteByte(' ')
	for n := body.FirstChild; n != nil; {
		skip := false
		switch {
		case n.Type == html.TextNode:
			dom.AppendWordKey(&page, n.Data)
		case dom.IsElement(n, atom.Script, atom.Style, atom.Template, atom.Noscript):
			skip = true
		}
		n = dom.Next(n, body, skip)
	}
	text := page.String()
	// The description may be HTML: its words are those of its text.
	plain := desc
	if strings.Contains(desc, "<") {
		plain = textOfFragment(desc)
	}
	for _, w := range dom.WordWindows(dom.WordKey(plain), productProbeWords, productProbes) {
		if strings.Contains(text, w) {
			return desc
		}
	}
	return ""
}

// textOfFragment returns the text of an HTML fragment, or s itself when
// it does not parse.
func textOfFragment(s string) string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return s
	}
	var b strings.Builder
	for _, n := range nodes {
		dom.AppendText(&b, n)
		b.WriteByte(' ')
	}
	return b.String()
}
