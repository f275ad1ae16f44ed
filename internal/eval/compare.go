package eval

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
)

// A rule that lifts one kind of page often lowers another, so a change is
// judged against an earlier run group by group and page by page: Compare
// prints both.

// movedPages is how many of the pages that moved most are listed each way.
const movedPages = 12

// movedBy is the smallest change of a page's body F1 that counts as a move:
// smaller ones are rounding.
const movedBy = 0.001

// ReadResults reads a per-page results file written by the eval command, so
// that a later run can be compared with it.
func ReadResults(path string) ([]PageResult, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading results: %w", err)
	}
	var rs []PageResult
	if err := json.Unmarshal(b, &rs); err != nil {
		return nil, fmt.Errorf("parsing %s: %w", path, err)
	}
	for i := range rs {
		rs[i].restoreBody()
	}
	return rs, nil
}

// restoreBody rebuilds what the macro average needs from the fields the
// results file keeps (the shingle counts are not written).
func (r *PageResult) restoreBody() {
	r.Body = BodyScore{
		Precision: r.Precision, Recall: r.Recall, F1: r.F1,
		HasPrecision: r.Scored && !r.NoPrecision, HasRecall: r.Scored && !r.NoRecall,
	}
}

// Compare writes, for each set and each page type within a set, the body F1,
// snippet F1 and title, byline and date matches of the earlier results old
// beside those of now, followed by the pages whose body F1 moved most. Only
// pages present in both runs are compared.
func Compare(w io.Writer, old, now []PageResult) error {
	type key struct{ set, id string }
	before := make(map[key]PageResult, len(old))
	for _, r := range old {
		before[key{r.Set, r.ID}] = r
	}
	var pairs [][2]PageResult
	for _, r := range now {
		if o, ok := before[key{r.Set, r.ID}]; ok && r.ID != "" {
			pairs = append(pairs, [2]PageResult{o, r})
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n== compared with the earlier run: %d pages in both\n", len(pairs))
	fmt.Fprintf(&b, "%-24s %6s  %-25s %-25s %-13s %-13s %-13s\n", "group", "pages", "body F1", "snippet F1", "title", "byline", "date")
	for _, g := range compareGroups(pairs) {
		side := func(i int) Summary {
			var rs []PageResult
			for _, p := range g.pairs {
				rs = append(rs, p[i])
			}
			return Summarise(rs, nil)
		}
		o, n := side(0), side(1)
		body := "–"
		if o.Scored || n.Scored {
			body = change(o.Body.F1, n.Body.F1)
		}
		snip := "–"
		if o.Snippets.Total()+n.Snippets.Total() > 0 {
			snip = change(o.Snippets.F1(), n.Snippets.F1())
		}
		fmt.Fprintf(&b, "%-24s %6d  %-25s %-25s %-13s %-13s %-13s\n", g.name, len(g.pairs), body, snip,
			count(o.Title, n.Title), count(o.Byline, n.Byline), count(o.Date, n.Date))
	}
	writeMoves(&b, pairs)
	_, err := io.WriteString(w, b.String())
	return err
}

type compareGroup struct {
	name  string
	pairs [][2]PageResult
}

// compareGroups splits pairs by set and, within a set that has page types,
// by page type, in a stable order: each set, then its types.
func compareGroups(pairs [][2]PageResult) []compareGroup {
	var sets []string
	bySet := map[string][][2]PageResult{}
	byType := map[string]map[string][][2]PageResult{}
	for _, p := range pairs {
		set := p[1].Set
		if _, ok := bySet[set]; !ok {
			sets = append(sets, set)
			byType[set] = map[string][][2]PageResult{}
		}
		bySet[set] = append(bySet[set], p)
		if t := p[1].PageType; t != "" {
			byType[set][t] = append(byType[set][t], p)
		}
	}
	slices.Sort(sets)
	var out []compareGroup
	for _, set := range sets {
		out = append(out, compareGroup{set, bySet[set]})
		types := make([]string, 0, len(byType[set]))
		for t := range byType[set] {
			types = append(types, t)
		}
		slices.Sort(types)
		for _, t := range types {
			out = append(out, compareGroup{"  " + t, byType[set][t]})
		}
	}
	return out
}

// change shows a score before and after, with the difference and a mark
// that draws the eye to a drop.
func change(before, after float64) string {
	if math.IsNaN(before) || math.IsNaN(after) {
		return fmt.Sprintf("%s -> %s", num(before, !math.IsNaN(before)), num(after, !math.IsNaN(after)))
	}
	d := after - before
	mark := ""
	switch {
	case d < -0.00005:
		mark = " DOWN"
	case d > 0.00005:
		mark = " up"
	}
	return fmt.Sprintf("%.4f -> %.4f%s", before, after, mark)
}

// count shows a match count before and after.
func count(before, after Rate) string {
	if before.N == 0 && after.N == 0 {
		return "–"
	}
	return fmt.Sprintf("%d -> %d", before.OK, after.OK)
}

// writeMoves lists the pages whose body F1 fell or rose most, and those
// whose title match changed.
func writeMoves(b *strings.Builder, pairs [][2]PageResult) {
	var moved [][2]PageResult
	var titles []string
	for _, p := range pairs {
		if p[0].Scored && p[1].Scored && math.Abs(p[1].F1-p[0].F1) >= movedBy {
			moved = append(moved, p)
		}
		if o, n := p[0].TitleOK, p[1].TitleOK; o != nil && n != nil && *o != *n {
			sign := "-"
			if *n {
				sign = "+"
			}
			titles = append(titles, sign+p[1].Set+"/"+p[1].ID)
		}
	}
	slices.SortStableFunc(moved, func(a, b [2]PageResult) int {
		return cmp.Compare(a[1].F1-a[0].F1, b[1].F1-b[0].F1)
	})
	list := func(label string, ps [][2]PageResult) {
		if len(ps) == 0 {
			return
		}
		fmt.Fprintf(b, "%s:", label)
		for _, p := range ps {
			fmt.Fprintf(b, " %s/%s %+.3f", p[1].Set, p[1].ID, p[1].F1-p[0].F1)
		}
		b.WriteByte('\n')
	}
	down := moved[:0:0]
	for _, p := range moved {
		if p[1].F1 < p[0].F1 {
			down = append(down, p)
		}
	}
	up := moved[len(down):]
	slices.Reverse(up)
	list("body F1 down", down[:min(movedPages, len(down))])
	list("body F1 up", up[:min(movedPages, len(up))])
	if len(titles) > 0 {
		fmt.Fprintf(b, "title changed: %s\n", strings.Join(titles, " "))
	}
}
