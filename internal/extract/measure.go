package extract

import (
	"unicode"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// stat is what scoring needs to know about an element's text, computed for
// every element in one bottom-up pass so that no rule walks a subtree again.
type stat struct {
	units     int // text units below the element (see textUnits)
	linkUnits int // of which inside links
	commas    int
	// direct* count text that is the element's own paragraph: text nodes
	// and inline elements among its children, not text inside child blocks.
	directUnits  int
	directCommas int
	blockChild   bool // has a block-level child element
	score        float64
	scored       bool // is a candidate (received paragraph score)
	order        int  // position in document order, for stable ties
}

type stats map[*html.Node]*stat

// measure computes the stat of every element below root (root included).
func measure(root *html.Node) stats {
	elements := 0
	for n := root; n != nil; n = dom.Next(n, root, false) {
		if n.Type == html.ElementNode {
			elements++
		}
	}
	// One allocation for every element's stat rather than one each, and a
	// map sized once.
	m := measurer{st: make(stats, elements), slab: make([]stat, elements)}
	switch root.Type {
	case html.ElementNode:
		m.element(root)
	case html.TextNode:
		// Not an element: nothing of its own to measure.
	default:
		// A document or fragment root is measured as its elements' parent.
		s := &stat{}
		m.st[root] = s
		m.children(root, s)
	}
	return m.st
}

// measurer fills stats in one depth-first walk: every element's stat is
// final when its subtree is done, so it adds to its parent's directly,
// without looking either up.
type measurer struct {
	st   stats
	slab []stat // the stats not yet handed out
	pos  int    // document-order position of the next element or text node
}

// element measures the subtree of the element n and returns n's stat.
func (m *measurer) element(n *html.Node) *stat {
	s := &m.slab[0]
	m.slab = m.slab[1:]
	m.st[n] = s
	s.order = m.pos
	m.pos++
	m.children(n, s)
	if n.DataAtom == atom.A {
		s.linkUnits = s.units
	}
	return s
}

// children adds the text and the measured elements below n to s, n's stat.
func (m *measurer) children(n *html.Node, s *stat) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			m.pos++
			u, commas := textUnits(c.Data)
			s.units += u
			s.commas += commas
			s.directUnits += u
			s.directCommas += commas
		case html.ElementNode:
			cs := m.element(c)
			s.units += cs.units
			s.linkUnits += cs.linkUnits
			s.commas += cs.commas
			if blockTags[c.DataAtom] {
				s.blockChild = true
			} else {
				s.directUnits += cs.units
				s.directCommas += cs.commas
			}
		}
	}
}

func (st stats) get(n *html.Node) *stat {
	s := st[n]
	if s == nil {
		s = &stat{}
		st[n] = s
	}
	return s
}

// linkDensity is the share of n's text inside links.
func (st stats) linkDensity(n *html.Node) float64 {
	s := st[n]
	if s == nil || s.units == 0 {
		return 0
	}
	return float64(s.linkUnits) / float64(s.units)
}

func (st stats) units(n *html.Node) int {
	if s := st[n]; s != nil {
		return s.units
	}
	return 0
}

// textUnits measures text fairly across scripts: one unit per non-space
// character, two for characters of scripts that write without spaces in
// dense syllabic or ideographic characters (Han, Kana, Hangul), where one
// character carries about what two Latin letters do. It also counts commas,
// Latin, Arabic and ideographic.
func textUnits(s string) (units, commas int) {
	for _, r := range s {
		switch {
		case r <= ' ':
			continue
		case r < 0x80:
			units++
			if r == ',' {
				commas++
			}
		case unicode.IsSpace(r):
			continue
		case isWide(r):
			units += 2
		default:
			units++
			if r == '，' || r == '、' || r == '،' || r == '﹐' || r == '﹑' {
				commas++
			}
		}
	}
	return units, commas
}

// isWide reports Han, Kana and Hangul characters.
func isWide(r rune) bool {
	return r >= 0x3040 && r <= 0x30FF || r >= 0x3400 && r <= 0x4DBF || r >= 0x4E00 && r <= 0x9FFF ||
		r >= 0xAC00 && r <= 0xD7AF || r >= 0xF900 && r <= 0xFAFF || r >= 0x20000 && r <= 0x2FFFF
}
