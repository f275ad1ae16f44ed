package eval

import (
	"regexp"
	"strings"
)

// Baseline is one peer's row from BASELINES.md.
type Baseline struct {
	// Set is the set name the row's label starts with ("wcxb-dev").
	Set string
	// PageType is set when the row is restricted to one page type.
	PageType string
	System   string
	// Cells maps the table's column headers to the row's cells.
	Cells map[string]string
}

// pageTypeLabel finds a page-type restriction in a set label such as
// "wcxb-dev, `page_type: article` (793)".
var pageTypeLabel = regexp.MustCompile("page_type:\\s*([A-Za-z_-]+)")

// ParseBaselines reads every Markdown table with a "system" column. An empty
// set cell continues the row above, as the file writes one set label per
// group of systems.
func ParseBaselines(md string) []Baseline {
	var out []Baseline
	var header []string
	var label string
	for line := range strings.Lines(md) {
		line = strings.TrimSpace(line)
		if !strings.HasPrefix(line, "|") {
			header, label = nil, ""
			continue
		}
		cells := splitRow(line)
		switch {
		case header == nil:
			if indexOf(cells, "system") >= 0 {
				header = cells
			}
			continue
		case isRule(cells):
			continue
		}
		row := map[string]string{}
		for i, h := range header {
			if i < len(cells) {
				row[h] = cells[i]
			}
		}
		if row["set"] != "" {
			label = row["set"]
		}
		b := Baseline{System: row["system"], Cells: row, Set: setName(label)}
		if m := pageTypeLabel.FindStringSubmatch(label); m != nil {
			b.PageType = m[1]
		}
		out = append(out, b)
	}
	return out
}

// For returns the baselines of one set, restricted to pageType ("" for the
// whole set).
func For(bs []Baseline, set, pageType string) []Baseline {
	var out []Baseline
	for _, b := range bs {
		if b.Set == set && b.PageType == pageType {
			out = append(out, b)
		}
	}
	return out
}

func setName(label string) string {
	if i := strings.IndexAny(label, " ,("); i >= 0 {
		label = label[:i]
	}
	return label
}

func splitRow(line string) []string {
	line = strings.TrimSuffix(strings.TrimPrefix(line, "|"), "|")
	cells := strings.Split(line, "|")
	for i, c := range cells {
		cells[i] = strings.TrimSpace(c)
	}
	return cells
}

func isRule(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, "-: ") != "" {
			return false
		}
	}
	return true
}

func indexOf(list []string, s string) int {
	for i, v := range list {
		if v == s {
			return i
		}
	}
	return -1
}
