package render

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxColspan bounds how many columns one cell may claim.
const maxColspan = 64

// layoutCellTags are the elements a GFM table cell cannot hold. A table
// with one of them in a cell is page layout, not data, and its cells are
// written as ordinary blocks.
var layoutCellTags = map[atom.Atom]bool{
	atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Pre: true,
	atom.Blockquote: true, atom.Dl: true, atom.Figure: true, atom.H1: true,
	atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Hr: true,
}

// tableRows returns the rows of t (not of tables nested in it) and its
// caption.
func tableRows(t *html.Node) (rows []*html.Node, caption *html.Node) {
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr {
					rows = append(rows, r)
				}
			}
		case atom.Caption:
			if caption == nil {
				caption = c
			}
		}
	}
	return rows, caption
}

func rowCells(tr *html.Node) []*html.Node {
	var cells []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			cells = append(cells, c)
		}
	}
	return cells
}

// isLayoutTable reports whether t is better written as blocks than as a
// GFM table: a single column, or cells holding block structure.
func isLayoutTable(rows []*html.Node) bool {
	maxCells := 0
	for _, r := range rows {
		cells := rowCells(r)
		if len(cells) > maxCells {
			maxCells = len(cells)
		}
		for _, c := range cells {
			paragraphs := 0
			for d := c.FirstChild; d != nil; d = nextIn(d, c) {
				if d.Type != html.ElementNode {
					continue
				}
				if layoutCellTags[d.DataAtom] {
					return true
				}
				if d.DataAtom == atom.P || d.DataAtom == atom.Div {
					paragraphs++
				}
			}
			if paragraphs > 1 {
				return true
			}
		}
	}
	return maxCells <= 1
}

// table writes t as a GFM table, or returns true to have its content
// walked as blocks when it is a layout table.
func (r *mdRenderer) table(t *html.Node, f *frame) bool {
	w := r.w
	rows, caption := tableRows(t)
	if w.flat > 0 || w.depth >= maxNested || isLayoutTable(rows) {
		w.breakLines(2)
		f.after = 2
		return true
	}
	var grid [][]string
	var aligns []string
	width := 0
	for i, row := range rows {
		var line []string
		for _, c := range rowCells(row) {
			text := strings.ReplaceAll(w.subRender(c, true, nil), "\n", " ")
			line = append(line, strings.ReplaceAll(text, "|", `\|`))
			span, _ := strconv.Atoi(attr(c, "colspan"))
			span = min(max(span, 1), maxColspan)
			if i == 0 {
				aligns = append(aligns, alignMarker(c))
			}
			for k := 1; k < span; k++ {
				line = append(line, "")
				if i == 0 {
					aligns = append(aligns, "---")
				}
			}
		}
		width = max(width, len(line))
		grid = append(grid, line)
	}
	if width == 0 || allEmpty(grid) {
		return false
	}
	for len(aligns) < width {
		aligns = append(aligns, "---")
	}
	if caption != nil {
		if c := w.subRender(caption, true, nil); c != "" {
			w.breakLines(2)
			w.raw(c)
		}
	}
	w.breakLines(2)
	for i, line := range grid {
		if i > 0 {
			w.newline(false)
		} else {
			w.content()
			w.lineStart = false
		}
		writeRow(&w.b, line, width)
		if i == 0 {
			w.newline(false)
			writeRow(&w.b, aligns, width)
		}
	}
	w.breakLines(2)
	return false
}

func writeRow(b *strings.Builder, cells []string, width int) {
	b.WriteByte('|')
	for i := 0; i < width; i++ {
		c := ""
		if i < len(cells) {
			c = cells[i]
		}
		if c == "" {
			b.WriteString("  |")
			continue
		}
		b.WriteByte(' ')
		b.WriteString(c)
		b.WriteString(" |")
	}
}

// alignMarker is the delimiter-row cell for a header cell's alignment.
func alignMarker(c *html.Node) string {
	switch strings.ToLower(attr(c, "align")) {
	case "left":
		return ":---"
	case "right":
		return "---:"
	case "center":
		return ":---:"
	}
	return "---"
}

func allEmpty(grid [][]string) bool {
	for _, line := range grid {
		for _, c := range line {
			if c != "" {
				return false
			}
		}
	}
	return true
}
