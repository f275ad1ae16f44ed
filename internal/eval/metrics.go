// Package eval measures articleclean against the evaluation corpora in
// ../shared/corpus: it takes a set directory (gzipped pages plus truth.json),
// runs article.Clean on every page and gives per-page scores and per-set
// summaries with the metrics the corpus README defines (the
// article-extraction-benchmark body metric, trafilatura's snippet metric and
// metadata exact-match), so our numbers sit beside the peers' in BASELINES.md.
package eval

import (
	"strings"
	"unicode"
)

// shingleSize is the window of the article-extraction-benchmark body metric.
const shingleSize = 4

// Tokens returns the runs of letters, digits and underscores in s (the
// benchmark's `[\p{L}\p{N}_]+`), case kept. A run of Han characters without
// separators is a single token, as the benchmark counts it.
func Tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		word := r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// Shingles counts the 4-token windows of tokens as a multiset. One to three
// tokens make a single short shingle; no tokens make none.
func Shingles(tokens []string) map[string]int {
	m := make(map[string]int)
	if len(tokens) == 0 {
		return m
	}
	n := max(1, len(tokens)-shingleSize+1)
	for i := range n {
		end := min(i+shingleSize, len(tokens))
		m[strings.Join(tokens[i:end], "\x00")]++
	}
	return m
}

// BodyScore is one page's body metric: tp, fp and fn over shingles,
// normalised so they sum to 1 (when not all zero), and the page's precision
// and recall with the benchmark's special cases.
type BodyScore struct {
	TP, FP, FN float64
	Precision  float64
	Recall     float64
	F1         float64
	// HasPrecision is tp+fp > 0: the page counts in the mean of precision.
	HasPrecision bool
	// HasRecall is tp+fn > 0: the page counts in the mean of recall.
	HasRecall bool
}

// ScoreBody compares extracted text with the truth body.
func ScoreBody(truth, predicted string) BodyScore {
	return scoreShingles(Shingles(Tokens(truth)), Shingles(Tokens(predicted)))
}

func scoreShingles(t, p map[string]int) BodyScore {
	var tp, fp, fn float64
	for k, ct := range t {
		cp := p[k]
		tp += float64(min(ct, cp))
		fn += float64(max(0, ct-cp))
	}
	for k, cp := range p {
		fp += float64(max(0, cp-t[k]))
	}
	if sum := tp + fp + fn; sum > 0 {
		tp, fp, fn = tp/sum, fp/sum, fn/sum
	}
	s := BodyScore{TP: tp, FP: fp, FN: fn, HasPrecision: tp+fp > 0, HasRecall: tp+fn > 0}
	s.Precision = pageRatio(tp, fp, fn)
	s.Recall = pageRatio(tp, fn, fp)
	s.F1 = f1(s.Precision, s.Recall)
	return s
}

// pageRatio is the benchmark's per-page precision (miss = fp, other = fn) or
// recall (miss = fn, other = fp): perfect when nothing is wrong either way,
// zero when nothing was found on this side.
func pageRatio(tp, miss, other float64) float64 {
	switch {
	case miss == 0 && other == 0:
		return 1
	case tp == 0 && miss == 0:
		return 0
	default:
		return tp / (tp + miss)
	}
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// BodySummary is the macro average of the body metric over pages.
type BodySummary struct {
	Precision, Recall, F1 float64
	// Pages is how many scores were given; PrecisionPages and RecallPages
	// how many counted in each mean.
	Pages, PrecisionPages, RecallPages int
}

// SummariseBody averages precision over pages with tp+fp > 0 and recall over
// pages with tp+fn > 0, and takes F1 of the two means.
func SummariseBody(scores []BodyScore) BodySummary {
	var s BodySummary
	var sp, sr float64
	for _, b := range scores {
		s.Pages++
		if b.HasPrecision {
			sp += b.Precision
			s.PrecisionPages++
		}
		if b.HasRecall {
			sr += b.Recall
			s.RecallPages++
		}
	}
	if s.PrecisionPages > 0 {
		s.Precision = sp / float64(s.PrecisionPages)
	}
	if s.RecallPages > 0 {
		s.Recall = sr / float64(s.RecallPages)
	}
	s.F1 = f1(s.Precision, s.Recall)
	return s
}

// FoldSpace folds whitespace runs to one space and trims.
func FoldSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// SnippetCounts are trafilatura's snippet counts for one or more pages.
type SnippetCounts struct {
	TP, FP, FN int
}

// Add sums counts over pages.
func (c SnippetCounts) Add(o SnippetCounts) SnippetCounts {
	return SnippetCounts{TP: c.TP + o.TP, FP: c.FP + o.FP, FN: c.FN + o.FN}
}

// F1 is 2tp/(2tp+fp+fn), or 0 with nothing counted.
func (c SnippetCounts) F1() float64 {
	d := 2*c.TP + c.FP + c.FN
	if d == 0 {
		return 0
	}
	return float64(2*c.TP) / float64(d)
}

// Total is how many snippets were judged.
func (c SnippetCounts) Total() int { return c.TP + c.FP + c.FN }

// ScoreSnippets counts `with` snippets found (tp) and missed (fn) and
// `without` snippets found (fp) in the extracted text, case-sensitively after
// folding whitespace. Snippets empty after folding are skipped: every text
// contains the empty string, so they would say nothing.
func ScoreSnippets(with, without []string, predicted string) SnippetCounts {
	text := FoldSpace(predicted)
	var c SnippetCounts
	for _, s := range with {
		if s = FoldSpace(s); s == "" {
			continue
		}
		if strings.Contains(text, s) {
			c.TP++
		} else {
			c.FN++
		}
	}
	for _, s := range without {
		if s = FoldSpace(s); s != "" && strings.Contains(text, s) {
			c.FP++
		}
	}
	return c
}

// SameText is the title and byline match: equal after folding whitespace.
func SameText(truth, predicted string) bool {
	return FoldSpace(truth) == FoldSpace(predicted)
}
