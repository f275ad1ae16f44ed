package eval

import (
	"regexp"
	"strings"
)

// markdownRewrites turn Markdown truth into the text a reader sees, for sets
// that give only `markdown` (defuddle). Punctuation is dropped by the
// tokeniser anyway; what matters is removing words that are not shown:
// link and image targets, and the language tag of code fences.
var markdownRewrites = []struct {
	re   *regexp.Regexp
	with string
}{
	// ![alt](src "title") shows alt text at most.
	{regexp.MustCompile(`!\[([^\]]*)\]\([^)]*\)`), "$1"},
	// [text](href "title") shows its text.
	{regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`), "$1"},
	// [text][ref] shows its text.
	{regexp.MustCompile(`\[([^\]]*)\]\[[^\]]*\]`), "$1"},
	// [ref]: href "title" lines are definitions, not text; footnotes
	// ([^1]: …) are shown, so they stay.
	{regexp.MustCompile(`(?m)^\s*\[[^\]^][^\]]*\]:\s*\S+(\s+["'(].*)?\s*$`), ""},
	// ```lang opens a code block; the tag is not shown.
	{regexp.MustCompile("(?m)^\\s*(```|~~~)[^\\n]*$"), ""},
	// <https://…> autolinks show the address; keep it as text.
	{regexp.MustCompile(`<(https?://[^>\s]+)>`), "$1"},
}

// MarkdownText approximates the visible text of Markdown.
func MarkdownText(md string) string {
	for _, r := range markdownRewrites {
		md = r.re.ReplaceAllString(md, r.with)
	}
	return strings.TrimSpace(md)
}
