package dom

import (
	"strings"

	"golang.org/x/net/html"
)

// HintWords returns the words of n's class and id that hint tables are
// matched against: each whole token, lower-cased, and its parts split at
// "-", "_" and lower-to-upper case changes. Matching parts rather than
// substrings is what keeps "ad" from matching "header" or "shadow".
func HintWords(n *html.Node) []string {
	var words []string
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && a.Namespace == "" {
			words = AppendWords(words, a.Val)
		}
	}
	return words
}

// AppendWords splits s into tokens at white space and each token into parts
// as HintWords does, appending both to words.
func AppendWords(words []string, s string) []string {
	for _, tok := range strings.Fields(s) {
		words = append(words, strings.ToLower(tok))
		start := 0
		for i := 1; i <= len(tok); i++ {
			split := i == len(tok) || tok[i] == '-' || tok[i] == '_' ||
				(tok[i] >= 'A' && tok[i] <= 'Z' && tok[i-1] >= 'a' && tok[i-1] <= 'z')
			if !split {
				continue
			}
			if part := strings.Trim(tok[start:i], "-_"); part != "" && part != tok {
				words = append(words, strings.ToLower(part))
			}
			start = i
		}
	}
	return words
}

// AnyIn reports whether one of words is in set.
func AnyIn(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

// Set builds a lookup table from words.
func Set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
