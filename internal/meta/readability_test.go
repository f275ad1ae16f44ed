package meta

import "testing"

func TestReadabilityKeys(t *testing.T) {
	md := Read(readFixture(t, "readability-keys.html"), nil, Hints{})
	want := Metadata{
		Title: "Kettle Care Basics for the Busy Cook", Byline: "Ada Brew", SiteName: "Pan Times",
		Lang: "en-us", Dir: "rtl", Excerpt: "Dublin Core description & more&nbsp;",
	}
	md.Published, md.URL, md.LeadImage = want.Published, "", ""
	if md != want {
		t.Errorf("Read =\n %+v\nwant\n %+v", md, want)
	}
}

func TestCreditByline(t *testing.T) {
	md := Read(readFixture(t, "credit-zh.html"), nil, Hints{})
	if md.Byline != "王明 李华" {
		t.Errorf("byline = %q, want the closing credit's names (the source names a newspaper)", md.Byline)
	}
}

func TestRdKeys(t *testing.T) {
	for _, tc := range []struct{ property, name, want string }{
		{"og:title", "", "og:title"},
		{"dc:description og:description", "", "dc:description"},
		{"x:description twitter:description", "", "twitter:description"},
		{"og:image", "", ""},
		{"", "DC.creator", "dc:creator"},
		{"", "parsely-pub-date", "parsely-pub-date"},
		{"", "weibo:article:title", "weibo:article:title"},
		{"", "description", "description"},
		{"", "keywords", ""},
		{"", "og:titles", ""},
		{"", " DC.Title ", "dc:title"},
		{"", "dc . title", "dc:title"},
	} {
		p := &page{rd: map[string]string{}}
		p.rdMeta(tc.property, tc.name, "v")
		got := ""
		for k := range p.rd {
			got = k
		}
		if got != tc.want {
			t.Errorf("rdMeta(%q, %q) key = %q, want %q", tc.property, tc.name, got, tc.want)
		}
	}
}

// TestRdKeysAllocate checks that reading a <meta>'s key in the usual
// lower-case form copies nothing; every <meta> of a page is read.
func TestRdKeysAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() {
		rdPropertyKey("og:title article:author")
		rdNameKey("description")
	}); n != 0 {
		t.Errorf("reading keys allocates %v times, want 0", n)
	}
}

func TestRdArticleTitle(t *testing.T) {
	for _, tc := range []struct {
		title string
		h1s   []string
		want  string
	}{
		{"How Kettles Boil Water Fast | Kitchen Notes", nil, "How Kettles Boil Water Fast"},
		{"How Kettles Boil Water | Kitchen Notes", nil, "How Kettles Boil Water | Kitchen Notes"},
		{"Kitchen Notes | How Kettles Boil Water Fast", nil, "How Kettles Boil Water Fast"},
		{"News - How Kettles Boil Water Today", nil, "How Kettles Boil Water Today"},
		{"Short | Site", nil, "Short | Site"},
		{"Kitchen: Why every kettle ends up furred", nil, "Why every kettle ends up furred"},
		{"Kitchen: Why every kettle ends up furred", []string{"Kitchen: Why every kettle ends up furred"}, "Kitchen: Why every kettle ends up furred"},
		{"Home", []string{"The one heading on the page"}, "The one heading on the page"},
		{"Home", []string{"One", "Two"}, "Home"},
	} {
		p := &page{title: tc.title, h12Texts: tc.h1s, h1Count: len(tc.h1s)}
		if len(tc.h1s) > 0 {
			p.firstH1 = tc.h1s[0]
		}
		if got := rdArticleTitle(p); got != tc.want {
			t.Errorf("rdArticleTitle(%q) = %q, want %q", tc.title, got, tc.want)
		}
	}
}

func TestRdUnescape(t *testing.T) {
	for in, want := range map[string]string{
		"a &amp; b":        "a & b",
		"&quot;x&quot;":    `"x"`,
		"&#8217;&#x2019;":  "\u2019\u2019",
		"keep &nbsp; this": "keep &nbsp; this",
		"lone & amp":       "lone & amp",
	} {
		if got := rdUnescape(in); got != want {
			t.Errorf("rdUnescape(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTextSimilarity(t *testing.T) {
	if s := textSimilarity("How kettles boil", "How kettles boil | Kitchen"); s <= 0.5 || s >= 1 {
		t.Errorf("similarity = %v, want between 0.5 and 1", s)
	}
	if s := textSimilarity("a", "a"); s != 1 {
		t.Errorf("identical similarity = %v", s)
	}
	if s := textSimilarity("", "a"); s != 0 {
		t.Errorf("empty similarity = %v", s)
	}
}
