package extract

import (
	"strings"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
)

// A product page shows its description in a drawer, a tab or an
// accordion that its scripts open, and that the earlier stages take for
// furniture (a non-modal dialog, an <aside>, a hidden panel), or in a
// column apart from the one scoring picks. When the article lacks the
// description that the page's structured data gives and the page shows
// (see meta.Metadata.ProductDescription), it is added after the article:
// it is what a reader of a product page came for.
const (
	// descProbeWords and descProbes: the article holds the description
	// when one of descProbes runs of descProbeWords of its words, spread
	// over it, is in the article's text.
	descProbeWords = 12
	descProbes     = 3
)

// addProductDescription appends desc (plain text or markup, see
// bodyFromStructuredData) to art unless art already holds it.
func addProductDescription(art *html.Node, desc string) {
	if strings.TrimSpace(desc) == "" {
		return
	}
	block := bodyFromStructuredData(desc)
	if block == nil {
		return
	}
	have := dom.WordKey(dom.Text(art))
	for _, w := range dom.WordWindows(dom.WordKey(dom.Text(block)), descProbeWords, descProbes) {
		if strings.Contains(have, w) {
			return
		}
	}
	moveChildren(block, art)
}
