package report

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

func TestAddCountsEachKind(t *testing.T) {
	var r Report
	r.Add(Ad, "ad-container", nil, "")
	r.Add(Ad, "ad-label", nil, "")
	r.Add(Tracker, "tracking-pixel", nil, "")
	r.Add(Attribute, "", nil, "style")
	r.Add(Param, "", nil, "utm_source")
	r.Add(Param, "", nil, "fbclid")
	r.Add(Param, "", nil, "gclid")
	r.Add(Element, "promo", nil, "")
	r.Count(Attribute)
	want := Counts{Ads: 2, Trackers: 1, Attributes: 2, Params: 3, Elements: 1}
	if r.Counts != want {
		t.Errorf("Counts = %+v, want %+v", r.Counts, want)
	}
	if len(r.Removals) != 0 {
		t.Errorf("removals recorded without Explain: %v", r.Removals)
	}
}

func TestExplain(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<div id="main"><section class="ad-slot big"><span>Ad</span></section></div>`))
	if err != nil {
		t.Fatal(err)
	}
	span := find(doc, atom.Span)
	if span == nil {
		t.Fatal("no span")
	}
	r := Report{Explain: true}
	r.Add(Ad, "ad-label", span, "")
	r.Add(Param, "tracking-param", nil, "utm_medium")
	r.Count(Attribute) // routine: counted, not explained
	if len(r.Removals) != 2 {
		t.Fatalf("Removals = %+v, want 2", r.Removals)
	}
	first := r.Removals[0]
	if first.Kind != Ad || first.Rule != "ad-label" {
		t.Errorf("first removal = %+v", first)
	}
	for _, part := range []string{"div#main", "section.ad-slot", "span"} {
		if !strings.Contains(first.Path, part) {
			t.Errorf("path %q lacks %q", first.Path, part)
		}
	}
	if strings.Index(first.Path, "section") > strings.Index(first.Path, "span") {
		t.Errorf("path %q is not outermost first", first.Path)
	}
	if r.Removals[1].Path != "utm_medium" || r.Removals[1].Kind != Param {
		t.Errorf("second removal = %+v", r.Removals[1])
	}
	if !r.Explain {
		t.Error("Count switched Explain off")
	}
	if r.Attributes != 1 {
		t.Errorf("Attributes = %d", r.Attributes)
	}
}

func TestRemovalsBounded(t *testing.T) {
	r := Report{Explain: true}
	n := &html.Node{Type: html.ElementNode, Data: "img", DataAtom: atom.Img}
	for i := 0; i < maxRemovals*2; i++ {
		r.Add(Tracker, "tracking-pixel", n, "")
	}
	if len(r.Removals) != maxRemovals {
		t.Errorf("%d removals kept, want the bound %d", len(r.Removals), maxRemovals)
	}
	if r.Trackers != maxRemovals*2 {
		t.Errorf("Trackers = %d, want every removal counted", r.Trackers)
	}
}

func TestNilReport(t *testing.T) {
	var r *Report
	r.Add(Ad, "x", nil, "") // must not panic
	r.Count(Param)
}

func TestKindString(t *testing.T) {
	for k, want := range map[Kind]string{Element: "element", Ad: "ad", Tracker: "tracker", Attribute: "attribute", Param: "param"} {
		if k.String() != want {
			t.Errorf("%d.String() = %q, want %q", k, k.String(), want)
		}
	}
}

func TestPathDepth(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<div><div><div><div><p>x</p></div></div></div></div>`))
	if err != nil {
		t.Fatal(err)
	}
	p := find(doc, atom.P)
	if p == nil {
		t.Fatal("no p")
	}
	if got := strings.Count(Path(p), " > ") + 1; got > 4 {
		t.Errorf("Path %q has %d parts, want at most 4", Path(p), got)
	}
	if !strings.HasSuffix(Path(p), "p") {
		t.Errorf("Path %q does not end at the element", Path(p))
	}
}

// find returns the first element with tag below n.
func find(n *html.Node, tag atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == tag {
			return c
		}
		if f := find(c, tag); f != nil {
			return f
		}
	}
	return nil
}
