package eval

import (
	"fmt"
	"io"
	"regexp"
	"strings"
)

// paragraphBreak splits text into paragraphs at blank lines.
var paragraphBreak = regexp.MustCompile(`\n\s*\n`)

// coverageFloor is the share of a paragraph's shingles the other side must
// hold for the paragraph to count as matched in the debugging view; below
// it the paragraph is flagged, as most of its words are missing there.
const coverageFloor = 0.5

// WritePage prints one page for debugging: scores, metadata ours against
// truth, then our text and the truth body paragraph by paragraph, each
// flagged when the other side lacks most of it ("+" extra in ours, "-"
// missing from ours).
func WritePage(w io.Writer, p Page, r PageResult) error {
	var b strings.Builder
	fmt.Fprintf(&b, "== %s/%s", p.Set, p.ID)
	if r.PageType != "" {
		fmt.Fprintf(&b, " (%s)", r.PageType)
	}
	fmt.Fprintf(&b, "\nurl: %s\nfile: %s\n", p.Truth.URL.Value, p.Path)
	if r.Error != "" {
		fmt.Fprintf(&b, "ERROR: %s\n", r.Error)
	}
	fmt.Fprintf(&b, "body P %.3f  R %.3f  F1 %.3f   snippets tp %d fp %d fn %d   %.0f ms\n",
		r.Precision, r.Recall, r.F1, r.Snippets.TP, r.Snippets.FP, r.Snippets.FN, r.MS)
	var res = r.Output
	if res == nil {
		return fmt.Errorf("page %s: extraction was not kept", p.ID)
	}
	t := p.Truth
	for _, m := range []struct {
		name, ours string
		truth      Field
		ok         *bool
	}{
		{"title", res.Title, t.Title, r.TitleOK},
		{"byline", res.Byline, t.Byline, r.BylineOK},
		{"date", res.PublishedTime, t.Published, r.DateOK},
		{"excerpt", res.Excerpt, t.Excerpt, r.ExcerptOK},
		{"siteName", res.SiteName, t.SiteName, r.SiteNameOK},
		{"lang", res.Lang, t.Lang, r.LangOK},
		{"dir", res.Dir, t.Dir, r.DirOK},
	} {
		if !m.truth.Present && m.ours == "" {
			continue
		}
		fmt.Fprintf(&b, "%-9s %s  ours %q  truth %q\n", m.name, mark(m.ok), m.ours, m.truth.Value)
	}
	if r.ReaderableOK != nil && t.Readerable != nil {
		fmt.Fprintf(&b, "%-9s %s  truth %v\n", "readerable", mark(r.ReaderableOK), *t.Readerable)
	}
	if len(t.With)+len(t.Without) > 0 {
		text := FoldSpace(res.TextContent)
		for _, s := range t.With {
			if s = FoldSpace(s); s != "" && !strings.Contains(text, s) {
				fmt.Fprintf(&b, "missed with-snippet: %q\n", s)
			}
		}
		for _, s := range t.Without {
			if s = FoldSpace(s); s != "" && strings.Contains(text, s) {
				fmt.Fprintf(&b, "found without-snippet: %q\n", s)
			}
		}
	}
	truthSh := Shingles(Tokens(t.Body.Value))
	oursSh := Shingles(Tokens(res.TextContent))
	b.WriteString("\n--- ours (+ = mostly not in truth)\n")
	writeParagraphs(&b, res.TextContent, truthSh, "+")
	b.WriteString("\n--- truth (- = mostly not in ours)\n")
	writeParagraphs(&b, t.Body.Value, oursSh, "-")
	_, err := io.WriteString(w, b.String())
	return err
}

func writeParagraphs(b *strings.Builder, text string, other map[string]int, flag string) {
	for _, para := range paragraphBreak.Split(strings.TrimSpace(text), -1) {
		para = strings.TrimSpace(para)
		if para == "" {
			continue
		}
		sh := Shingles(Tokens(para))
		found, total := 0, 0
		for k, c := range sh {
			total += c
			found += min(c, other[k])
		}
		prefix := " "
		if total > 0 && float64(found) < coverageFloor*float64(total) {
			prefix = flag
		}
		fmt.Fprintf(b, "%s %s\n", prefix, strings.ReplaceAll(para, "\n", "\n  "))
	}
}

func mark(ok *bool) string {
	switch {
	case ok == nil:
		return " "
	case *ok:
		return "✓"
	}
	return "✗"
}
