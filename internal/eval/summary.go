package eval

import (
	"math"
	"sort"
)

// Rate is a match rate: OK of N pages.
type Rate struct{ OK, N int }

// Value is OK/N, or NaN when nothing was compared.
func (r Rate) Value() float64 {
	if r.N == 0 {
		return math.NaN()
	}
	return float64(r.OK) / float64(r.N)
}

func (r *Rate) add(ok *bool) {
	if ok == nil {
		return
	}
	r.N++
	if *ok {
		r.OK++
	}
}

// Summary aggregates page results for one row of the report.
type Summary struct {
	Pages, Errored, TimedOut int
	// Scored says the body metric applies (the set has body truth).
	Scored                                   bool
	Body                                     BodySummary
	Snippets                                 SnippetCounts
	Title, Byline, Date                      Rate
	Excerpt, SiteName, Lang, Dir, Readerable Rate
	// MSp50 and MSp95 are over pages that ran (a timed-out page counts
	// at the timeout).
	MSp50, MSp95 float64
}

// Summarise aggregates the results that keep passes (all when keep is nil).
// An errored page scores as an empty extraction in the body metric, so
// failures cost what they would cost a user.
func Summarise(results []PageResult, keep func(PageResult) bool) Summary {
	var s Summary
	var bodies []BodyScore
	var ms []float64
	for _, r := range results {
		if r.ID == "" || keep != nil && !keep(r) {
			continue // ID is empty for pages a cancelled run never reached
		}
		s.Pages++
		if r.Errored() {
			s.Errored++
			if r.TimedOut {
				s.TimedOut++
			}
		}
		if r.MS > 0 {
			ms = append(ms, r.MS)
		}
		if r.Scored {
			s.Scored = true
			bodies = append(bodies, r.Body)
		}
		s.Snippets = s.Snippets.Add(r.Snippets)
		s.Title.add(r.TitleOK)
		s.Byline.add(r.BylineOK)
		s.Date.add(r.DateOK)
		s.Excerpt.add(r.ExcerptOK)
		s.SiteName.add(r.SiteNameOK)
		s.Lang.add(r.LangOK)
		s.Dir.add(r.DirOK)
		s.Readerable.add(r.ReaderableOK)
	}
	s.Body = SummariseBody(bodies)
	sort.Float64s(ms)
	s.MSp50 = Percentile(ms, 50)
	s.MSp95 = Percentile(ms, 95)
	return s
}

// Percentile of sorted values by the nearest-rank method; NaN when empty.
func Percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return math.NaN()
	}
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

// PageTypes lists the page types present in results, sorted.
func PageTypes(results []PageResult) []string {
	seen := map[string]bool{}
	var out []string
	for _, r := range results {
		if r.PageType != "" && !seen[r.PageType] {
			seen[r.PageType] = true
			out = append(out, r.PageType)
		}
	}
	sort.Strings(out)
	return out
}
