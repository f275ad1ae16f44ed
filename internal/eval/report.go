package eval

import (
	"fmt"
	"io"
	"math"
	"sort"
	"strings"
	"text/tabwriter"
)

// ourName labels our rows beside the peers'.
const ourName = "articleclean"

// columns of the main table; baseline cells are looked up by these headers.
var columns = []string{"system", "pages", "err", "body F1", "P", "R", "snip F1", "title", "byline", "date", "ms p50", "ms p95"}

// listed bounds how many errored or slow pages are named under a table.
const listed = 10

// WriteSetReport prints one set's table with the peers' rows beside ours,
// the page-type rows when the set has page types, and its failures.
func WriteSetReport(w io.Writer, set *Set, results []PageResult, baselines []Baseline) error {
	all := Summarise(results, nil)
	var b strings.Builder
	fmt.Fprintf(&b, "\n== %s: %d pages, %d errored (%d over the time limit)", set.Name, all.Pages, all.Errored, all.TimedOut)
	if set.BodyFromMarkdown {
		b.WriteString("; body truth derived from `markdown`")
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	writeRows(tw, "", all, For(baselines, set.Name, ""))
	types := PageTypes(results)
	if len(types) > 0 {
		art := Summarise(results, func(r PageResult) bool { return r.PageType == "article" })
		if art.Pages > 0 {
			fmt.Fprintln(tw, "\t")
			writeRows(tw, "page_type: article", art, For(baselines, set.Name, "article"))
		}
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("writing table: %w", err)
	}
	fmt.Fprintf(&b, "compared: body P over %d, R over %d pages; title %d, byline %d, date %d pages",
		all.Body.PrecisionPages, all.Body.RecallPages, all.Title.N, all.Byline.N, all.Date.N)
	if c := all.Snippets; c.Total() > 0 {
		fmt.Fprintf(&b, "; snippets tp %d fp %d fn %d", c.TP, c.FP, c.FN)
	}
	b.WriteString("\n")
	if extras := extrasLine(all); extras != "" {
		b.WriteString(extras + "\n")
	}
	if len(types) > 0 {
		b.WriteString("\nbody by page_type:\n")
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "page_type\tpages\terr\tbody F1\tP\tR\tsnip F1\ttitle\t")
		for _, pt := range types {
			s := Summarise(results, func(r PageResult) bool { return r.PageType == pt })
			fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t\n", pt, s.Pages, s.Errored,
				num(s.Body.F1, s.Scored), num(s.Body.Precision, s.Scored), num(s.Body.Recall, s.Scored),
				num(s.Snippets.F1(), s.Snippets.Total() > 0), rate(s.Title))
		}
		if err := tw.Flush(); err != nil {
			return fmt.Errorf("writing table: %w", err)
		}
	}
	writeFailures(&b, results)
	_, err := io.WriteString(w, b.String())
	return err
}

func writeRows(w io.Writer, label string, s Summary, peers []Baseline) {
	if label != "" {
		fmt.Fprintf(w, "%s\t\n", label)
	}
	fmt.Fprintln(w, strings.Join(columns, "\t")+"\t")
	ours := []string{ourName, fmt.Sprint(s.Pages), fmt.Sprint(s.Errored),
		num(s.Body.F1, s.Scored), num(s.Body.Precision, s.Scored), num(s.Body.Recall, s.Scored),
		num(s.Snippets.F1(), s.Snippets.Total() > 0),
		rate(s.Title), rate(s.Byline), rate(s.Date), ms(s.MSp50), ms(s.MSp95)}
	fmt.Fprintln(w, strings.Join(ours, "\t")+"\t")
	for _, p := range peers {
		row := make([]string, len(columns))
		for i, c := range columns {
			row[i] = p.Cells[c]
		}
		row[0] = "  " + p.System
		fmt.Fprintln(w, strings.Join(row, "\t")+"\t")
	}
}

func extrasLine(s Summary) string {
	var parts []string
	for _, e := range []struct {
		name string
		r    Rate
	}{{"excerpt", s.Excerpt}, {"siteName", s.SiteName}, {"lang", s.Lang}, {"dir", s.Dir}, {"readerable", s.Readerable}} {
		if e.r.N > 0 {
			parts = append(parts, fmt.Sprintf("%s %s (%d/%d)", e.name, rate(e.r), e.r.OK, e.r.N))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "also: " + strings.Join(parts, ", ")
}

func writeFailures(b *strings.Builder, results []PageResult) {
	var failed, timed []PageResult
	for _, r := range results {
		if r.TimedOut {
			timed = append(timed, r)
		} else if r.Errored() {
			failed = append(failed, r)
		}
	}
	for _, r := range head(timed) {
		fmt.Fprintf(b, "over time: %s\n", r.ID)
	}
	for _, r := range head(failed) {
		msg, _, _ := strings.Cut(r.Error, "\n")
		fmt.Fprintf(b, "errored: %s: %s\n", r.ID, msg)
	}
	if n := len(failed) + len(timed) - len(head(failed)) - len(head(timed)); n > 0 {
		fmt.Fprintf(b, "… and %d more failures (see the JSON file)\n", n)
	}
	slow := append([]PageResult(nil), results...)
	sort.SliceStable(slow, func(i, j int) bool { return slow[i].MS > slow[j].MS })
	var names []string
	for _, r := range slow[:min(5, len(slow))] {
		if r.ID != "" {
			names = append(names, fmt.Sprintf("%s %.0fms", r.ID, r.MS))
		}
	}
	if len(names) > 0 {
		fmt.Fprintf(b, "slowest: %s\n", strings.Join(names, ", "))
	}
}

func head(rs []PageResult) []PageResult { return rs[:min(listed, len(rs))] }

func num(v float64, ok bool) string {
	if !ok || math.IsNaN(v) {
		return ""
	}
	return fmt.Sprintf("%.3f", v)
}

func rate(r Rate) string {
	if r.N == 0 {
		return ""
	}
	return fmt.Sprintf("%.2f", r.Value())
}

func ms(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return fmt.Sprintf("%.0f", v)
}
