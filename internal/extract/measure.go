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
	var order []*html.Node
	for n := root; n != nil; n = dom.Next(n, root, false) {
		if n.Type == html.ElementNode || n.Type == html.TextNode {
			order = append(order, n)
		}
	}
	// One allocation for every element's stat rather than one each.
	elements := 0
	for _, n := range order {
		if n.Type == html.ElementNode {
			elements++
		}
	}
	slab := make([]stat, elements)
	st := make(stats, elements)
	for _, n := range order {
		if n.Type == html.ElementNode {
			st[n] = &slab[len(slab)-elements]
			elements--
		}
	}
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		p := n.Parent
		if n.Type == html.TextNode {
			if p == nil {
				continue
			}
			u, c := textUnits(n.Data)
			ps := st.get(p)
			ps.units += u
			ps.commas += c
			ps.directUnits += u
			ps.directCommas += c
			continue
		}
		s := st.get(n)
		s.order = i
		if n.DataAtom == atom.A {
			s.linkUnits = s.units
		}
		if n == root || p == nil {
			continue
		}
		ps := st.get(p)
		ps.units += s.units
		ps.linkUnits += s.linkUnits
		ps.commas += s.commas
		if blockTags[n.DataAtom] {
			ps.blockChild = true
		} else {
			ps.directUnits += s.units
			ps.directCommas += s.commas
		}
	}
	return st
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
