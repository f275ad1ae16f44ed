// Package report records what the cleaning stages removed, so that callers
// can see counts (the `removed` field of a result) and, when asked, an
// explanation of every removal (the `removals` field).
//
// A Report is created per call and passed down the pipeline; it is not safe
// for concurrent use, and nothing in it is global.
package report

import (
	"strings"

	"golang.org/x/net/html"
)

// Kind says which counter a removal adds to.
type Kind uint8

const (
	// Element is content removed as clutter: navigation, promos, share bars,
	// hidden or empty elements, scripts and styles.
	Element Kind = iota
	// Ad is an advertisement slot or an ad label.
	Ad
	// Tracker is a tracking pixel, beacon or tracking-only element.
	Tracker
	// Attribute is one attribute dropped from an element (on*, data-*, style…).
	Attribute
	// Param is one tracking parameter dropped from a URL.
	Param
)

// String names the kind as the JavaScript result does.
func (k Kind) String() string {
	switch k {
	case Ad:
		return "ad"
	case Tracker:
		return "tracker"
	case Attribute:
		return "attribute"
	case Param:
		return "param"
	}
	return "element"
}

// Counts are the totals reported as `removed` in a result.
type Counts struct {
	Ads        int `json:"ads"`
	Trackers   int `json:"trackers"`
	Attributes int `json:"attributes"`
	Params     int `json:"params"`
	Elements   int `json:"elements"`
}

// Removal explains one removal: which rule fired and where.
type Removal struct {
	Kind Kind
	// Rule is a short stable name of the heuristic, such as "ad-label" or
	// "tracking-pixel"; the tables in each stage document them.
	Rule string
	// Path is a short CSS-like path of the removed element, for example
	// "body > div.ad-slot > span", or the attribute or parameter name.
	Path string
}

// maxRemovals bounds the explanation list so a hostile page with a million
// removable nodes cannot make the result itself huge.
const maxRemovals = 2000

// Report accumulates counts and, when Explain is set, removal details.
type Report struct {
	Counts
	// Explain makes Add record a Removal for each event.
	Explain  bool
	Removals []Removal
}

// Add counts one removal of the given kind. n may be nil for removals that
// are not elements (parameters); detail then names what was removed.
func (r *Report) Add(kind Kind, rule string, n *html.Node, detail string) {
	if r == nil {
		return
	}
	switch kind {
	case Ad:
		r.Ads++
	case Tracker:
		r.Trackers++
	case Attribute:
		r.Attributes++
	case Param:
		r.Params++
	default:
		r.Elements++
	}
	if !r.Explain || len(r.Removals) >= maxRemovals {
		return
	}
	path := detail
	if n != nil {
		path = Path(n)
		if detail != "" {
			path += " " + detail
		}
	}
	r.Removals = append(r.Removals, Removal{Kind: kind, Rule: rule, Path: path})
}

// Count counts one removal without explaining it, for removals too routine
// to list one by one (every class attribute, for example).
func (r *Report) Count(kind Kind) {
	if r == nil {
		return
	}
	explain := r.Explain
	r.Explain = false
	r.Add(kind, "", nil, "")
	r.Explain = explain
}

// Path returns a short CSS-like path of n: up to three ancestors, each with
// its tag and first class.
func Path(n *html.Node) string {
	var parts []string
	for p := n; p != nil && p.Type == html.ElementNode && len(parts) < 4; p = p.Parent {
		s := p.Data
		for _, a := range p.Attr {
			if a.Key == "id" && a.Val != "" && len(a.Val) < 40 {
				s += "#" + a.Val
				break
			}
			if a.Key == "class" {
				if f := strings.Fields(a.Val); len(f) > 0 && len(f[0]) < 40 {
					s += "." + f[0]
				}
			}
		}
		parts = append(parts, s)
	}
	for i, j := 0, len(parts)-1; i < j; i, j = i+1, j-1 {
		parts[i], parts[j] = parts[j], parts[i]
	}
	return strings.Join(parts, " > ")
}
