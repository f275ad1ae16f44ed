package meta

import "testing"

func TestDropTagline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Garden Hose Reel | Free Shipping Over $50", "Garden Hose Reel"},
		{"Widget Pro | Fast, Simple, Reliable | Widgets", "Widget Pro"},
		{"Unit Testing Your Frontend | Code", "Unit Testing Your Frontend | Code"},
		{"Part 1 - The Start", "Part 1 - The Start"},
		{"No Separator Here", "No Separator Here"},
	}
	for _, tc := range tests {
		if got := dropTagline(tc.in); got != tc.want {
			t.Errorf("dropTagline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTitleDropsTaglineOfUnconfirmedMeta(t *testing.T) {
	p := &page{title: "Garden Hose Reel | Free Shipping Over $50 | Example Shop",
		metas:     map[string]string{"og:title": "Garden Hose Reel | Free Shipping Over $50 | Example Shop"},
		itemprops: map[string]string{}, headings: []heading{{"Spring Sale Starts Now", 1}}}
	if got := chooseTitle(p, ldInfo{}, []string{"Example Shop"}); got != "Garden Hose Reel" {
		t.Errorf("got %q, want the headline without the tagline", got)
	}
}

func TestTitleLabelledHeading(t *testing.T) {
	tests := []struct{ h1, og, want string }{
		// A category, a thread tag or a date shown in the heading is not
		// part of the headline the metadata gives.
		{"Blog: Ten Ways to Water a Garden", "Ten Ways to Water a Garden | Example", "Ten Ways to Water a Garden"},
		{"Questions Which Hose Fits My Tap?", "Which Hose Fits My Tap?", "Which Hose Fits My Tap?"},
		{"Mar 3 2024 Notes on Watering Gardens", "Notes on Watering Gardens", "Notes on Watering Gardens"},
		// An article or a year begins the headline itself.
		{"The Best Garden Hoses of 2024", "Best Garden Hoses of 2024", "The Best Garden Hoses of 2024"},
		{"2024 Garden Hose Buying Guide", "Garden Hose Buying Guide", "2024 Garden Hose Buying Guide"},
	}
	for _, tc := range tests {
		p := &page{metas: map[string]string{"og:title": tc.og, "og:type": "article"}, itemprops: map[string]string{},
			headings: []heading{{tc.h1, 1}}}
		if got := chooseTitle(p, ldInfo{}, []string{"Example"}); got != tc.want {
			t.Errorf("h1 %q, og:title %q: got %q, want %q", tc.h1, tc.og, got, tc.want)
		}
	}
}

func TestTitleBannerHeadingIsTrailingSegment(t *testing.T) {
	tests := []struct {
		title, h1 string
		sites     []string
		want      string
	}{
		// The only heading is the handbook's name, which the <title>
		// puts after the chapter's.
		{"Borrowing and Lending - The Example Handbook", "The Example Handbook", nil, "Borrowing and Lending"},
		// With the site's known name first, the last segment is the
		// headline.
		{"Example Org | Real Headline Here", "Real Headline Here", []string{"Example Org"}, "Real Headline Here"},
		// A heading found before other segments too is not a banner.
		{"Strong Coffee | Dark Roast Coffee - Example Roasters", "Dark Roast Coffee", nil, "Dark Roast Coffee"},
	}
	for _, tc := range tests {
		p := &page{title: tc.title, metas: map[string]string{}, itemprops: map[string]string{}, headings: []heading{{tc.h1, 1}}}
		if got := chooseTitle(p, ldInfo{}, tc.sites); got != tc.want {
			t.Errorf("title %q, h1 %q: got %q, want %q", tc.title, tc.h1, got, tc.want)
		}
	}
}

func TestTitleLeadingH1(t *testing.T) {
	tests := []struct {
		og       string
		headings []heading
		want     string
	}{
		// The category's name the metadata title goes on to describe.
		{"Headlamps for Camping & Hiking | Example Shop", []heading{{"Headlamps", 1}}, "Headlamps"},
		{"Jigsaws: Corded, Cordless & Kits", []heading{{"Jigsaws", 1}}, "Jigsaws"},
		// Only the page's first <h1>; a later one is a section's.
		{"Reviews of our pottery classes - Example Shop", []heading{{"Example Studio Pottery", 1}, {"Reviews", 1}}, "Reviews of our pottery classes"},
		// A word that only begins the title's first word does not agree.
		{"Headlampshades for Sale", []heading{{"Headlamps", 1}}, "Headlampshades for Sale"},
	}
	for _, tc := range tests {
		p := &page{metas: map[string]string{"og:title": tc.og}, itemprops: map[string]string{}, headings: tc.headings}
		if got := chooseTitle(p, ldInfo{}, []string{"Example Shop"}); got != tc.want {
			t.Errorf("og:title %q: got %q, want %q", tc.og, got, tc.want)
		}
	}
}

func TestLatin1Mojibake(t *testing.T) {
	tests := []struct{ in, want string }{
		{"A Gardener\u00e2\u0080\u0099s Guide", "A Gardener\u2019s Guide"},
		{"Caf\u00c3\u00a9 Opening Hours", "Caf\u00e9 Opening Hours"},
		// Real Latin-1 text is not valid UTF-8 as bytes.
		{"Café Müller Reopens", "Café Müller Reopens"},
		// Text beyond Latin-1 was decoded right.
		{"Gardener’s Guide — Café", "Gardener’s Guide — Café"},
		{"Plain ASCII", "Plain ASCII"},
	}
	for _, tc := range tests {
		if got := latin1Mojibake(tc.in); got != tc.want {
			t.Errorf("latin1Mojibake(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestIsSiteNameAllocates checks that matching a title segment against the
// site's names builds no strings: it runs for every segment and heading.
func TestIsSiteNameAllocates(t *testing.T) {
	sites := []string{"Example News", "example.com", "example"}
	if !isSiteName("EXAMPLE-News", sites) || isSiteName("A Headline", sites) {
		t.Fatal("isSiteName gives the wrong answer")
	}
	if n := testing.AllocsPerRun(100, func() { isSiteName("A Headline About Things", sites) }); n != 0 {
		t.Errorf("isSiteName allocates %v times per call, want 0", n)
	}
}

func TestTitleIgnoresInvisibles(t *testing.T) {
	// A soft hyphen the page put inside a word of its heading neither
	// keeps the heading from agreeing with the metadata title nor stays
	// in the headline.
	p := &page{metas: map[string]string{"og:title": "Example Town Parks Department: Garden Allotment Program"},
		itemprops: map[string]string{}, headings: []heading{{"Garden Allot\u00adment Program", 1}}}
	if got := chooseTitle(p, ldInfo{}, []string{"Example Town"}); got != "Garden Allotment Program" {
		t.Errorf("got %q, want the heading without its soft hyphen", got)
	}
	if got := dropInvisible("Zero\u200bwidth\ufeff"); got != "Zerowidth" {
		t.Errorf("dropInvisible = %q", got)
	}
}

func TestTitleSkipsUnrelatedLDHeadline(t *testing.T) {
	tests := []struct{ ld, og, want string }{
		// The JSON-LD headline is a video's on a section page: it shares
		// no word with the page's own title.
		{"Morning Live Broadcast From the Studio", "Garden Hose Reels | Example Shop", "Garden Hose Reels"},
		// Worded differently but about the same thing, it stays.
		{"Ten Ways to Water a Garden", "Watering a Garden: Ten Ways | Example Shop", "Ten Ways to Water a Garden"},
	}
	for _, tc := range tests {
		p := &page{metas: map[string]string{"og:title": tc.og}, itemprops: map[string]string{}}
		if got := chooseTitle(p, ldInfo{headline: tc.ld}, []string{"Example Shop"}); got != tc.want {
			t.Errorf("ld %q, og:title %q: got %q, want %q", tc.ld, tc.og, got, tc.want)
		}
	}
}

func TestTitleOGTaglineOfOneWord(t *testing.T) {
	// An og:title that still carries the site's short name after " | "
	// loses it, even as one word the site's known names do not match.
	p := &page{metas: map[string]string{"og:title": "Mesh Garden Chair | ACME"}, itemprops: map[string]string{}}
	if got := chooseTitle(p, ldInfo{}, []string{"Example Shop"}); got != "Mesh Garden Chair" {
		t.Errorf("og:title: got %q, want %q", got, "Mesh Garden Chair")
	}
}

func TestTitleSkipsSiteDefaultOGTitle(t *testing.T) {
	tests := []struct{ og, title, want string }{
		// The og:title is the slogan the site gives every page.
		{"Grow more, worry less", "Tomato Seedlings · Example Shop", "Tomato Seedlings"},
		// An og:title worded apart from the <title> but on the same
		// subject stays.
		{"Tomato Seedlings Ready to Plant", "Buy Tomato Plants · Example Shop", "Tomato Seedlings Ready to Plant"},
	}
	for _, tc := range tests {
		p := &page{title: tc.title, metas: map[string]string{"og:title": tc.og}, itemprops: map[string]string{}}
		if got := chooseTitle(p, ldInfo{}, []string{"Example Shop"}); got != tc.want {
			t.Errorf("og:title %q, title %q: got %q, want %q", tc.og, tc.title, got, tc.want)
		}
	}
}

func TestTitleCutShort(t *testing.T) {
	const long = "How to Keep a Small Vegetable Garden Watered Through a Dry Summer (Without a Hose)"
	tests := []struct {
		name, ld, og, title, h1, want string
	}{
		{name: "JSON-LD headline cut inside brackets",
			ld: "How to Keep a Small Vegetable Garden Watered Through a Dry Summer (Without", og: long + " - Example", want: long},
		{name: "<title> cut inside a word",
			title: "How to Keep a Small Vegetable Garden Watered Through a Dry Su | Example", h1: long, want: long},
		{name: "og:title cut with an ellipsis",
			og: "How to Keep a Small Vegetable Garden Watered Through…", h1: long, want: long},
		// A title ending at a word's end is whole: the <h1> may add to it.
		{name: "whole words kept",
			og: "How to Keep a Small Vegetable Garden Watered", h1: long, want: "How to Keep a Small Vegetable Garden Watered"},
		// With no title going on from it, the <h1> on the same subject
		// is the headline.
		{name: "ellipsis, other wording",
			og: "Garden Hose Guide Garden Hose Reels Garden Hose Fittings And…", h1: "Garden Hose Guide: Reels and Fittings",
			want: "Garden Hose Guide: Reels and Fittings"},
		// A short name run into the next element's text is not cut.
		{name: "short name", og: "Black Edition", h1: "Black EditionComplete meal kit", want: "Black Edition"},
		// The other title's own ellipsis goes on to another segment.
		{name: "ellipsis in both", title: "Why does my new garden hose leak at the outside tap ... - Hose Talk Boards",
			og: "Why does my new garden hose leak at the outside tap ...", want: "Why does my new garden hose leak at the outside tap ..."},
	}
	for _, tc := range tests {
		p := &page{title: tc.title, metas: map[string]string{}, itemprops: map[string]string{}}
		if tc.og != "" {
			p.metas["og:title"] = tc.og
		}
		if tc.h1 != "" {
			p.headings = []heading{{tc.h1, 1}}
		}
		if got := chooseTitle(p, ldInfo{headline: tc.ld}, []string{"Example"}); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}
