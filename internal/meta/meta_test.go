package meta

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"articleclean/internal/datetime"

	"golang.org/x/net/html"
)

func readFixture(t *testing.T, name string) *html.Node {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatalf("reading fixture: %v", err)
	}
	doc, err := html.Parse(strings.NewReader(string(b)))
	if err != nil {
		t.Fatalf("parsing fixture: %v", err)
	}
	return doc
}

func render(t *testing.T, n *html.Node) string {
	t.Helper()
	var b strings.Builder
	if err := html.Render(&b, n); err != nil {
		t.Fatalf("rendering: %v", err)
	}
	return b.String()
}

func TestRead(t *testing.T) {
	base, _ := url.Parse("https://kitchen.example/2021/kettles?utm=1")
	tests := []struct {
		file      string
		base      *url.URL
		hints     Hints
		want      Metadata
		published string // RFC 3339, "" for none
	}{
		{
			file: "graph.html", base: base,
			want: Metadata{
				Title: "How Kettles Boil Water", Byline: "Ada Brew", SiteName: "Kitchen Notes",
				Lang: "en-US", Dir: "ltr", URL: "https://kitchen.example/2021/kettles",
				LeadImage: "https://kitchen.example/img/kettle.jpg",
			},
			published: "2021-04-03T10:15:00+02:00",
		},
		{
			// The JSON-LD has no schema.org @context, so, as in
			// Readability, the Dublin Core author comes first.
			file: "sloppy.html",
			want: Metadata{
				Title: "Rivers rise across the valley", Byline: "Jo Quill", Dir: "rtl",
				Excerpt: "Rivers rise across the valley.", LeadImage: "https://cdn.example/river.jpg",
			},
			published: "2019-07-09T00:00:00Z",
		},
		{
			file:      "dateline-zh.html",
			want:      Metadata{Title: "春季植树活动圆满结束", Byline: "李明"},
			published: "2005-05-07T21:23:57Z",
		},
		{
			// The feed header's title and URL win; its date yields to the
			// page's more precise dateline on the same day, read day first.
			file: "feed-item.html",
			hints: Hints{
				Title: "Feed title", URL: "https://news.example/a",
				Published: datetime.Unix(1677784503),
			},
			want:      Metadata{Title: "Feed title", URL: "https://news.example/a"},
			published: "2023-03-02T19:59:00Z",
		},
		{
			// A hint on another day than the page's date wins.
			file:      "feed-item.html",
			hints:     Hints{Published: utcDate(t, 2023, 3, 5, 8)},
			published: "2023-03-05T08:00:00Z",
		},
		{
			// The hint settles which way round an ambiguous date reads.
			file:      "feed-item.html",
			hints:     Hints{Published: utcDate(t, 2023, 2, 3, 8)},
			published: "2023-02-03T19:59:00Z",
		},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			doc := readFixture(t, tc.file)
			before := render(t, doc)
			got := Read(doc, tc.base, tc.hints)
			pub := ""
			if !got.Published.IsZero() {
				pub = got.Published.RFC3339()
			}
			if pub != tc.published {
				t.Errorf("Published = %q, want %q", pub, tc.published)
			}
			got.Published = datetime.Time{}
			if got != tc.want {
				t.Errorf("Read =\n %+v\nwant\n %+v", got, tc.want)
			}
			if render(t, doc) != before {
				t.Errorf("Read changed the tree")
			}
		})
	}
}

func TestReadNil(t *testing.T) {
	got := Read(nil, nil, Hints{Title: "T"})
	if got.Title != "T" {
		t.Errorf("Read(nil).Title = %q", got.Title)
	}
}

// utcDate is the hour of a day in UTC.
func utcDate(t *testing.T, y, m, d, h int) datetime.Time {
	t.Helper()
	dt, ok := datetime.Date(y, m, d, h, 0, 0, 0)
	if !ok {
		t.Fatalf("no date %d-%d-%d", y, m, d)
	}
	return dt
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in    string
		order dayOrder
		want  string // RFC 3339, "" for no date
	}{
		{"2021-11-01T10:52:50+0100", dayFirst, "2021-11-01T10:52:50+01:00"},
		{"2019-01-03T07:00:02.000Z", dayFirst, "2019-01-03T07:00:02Z"},
		{"2017-11-03 03:01:00.000000", dayFirst, "2017-11-03T03:01:00Z"},
		{"2018-04-05T06:00", dayFirst, "2018-04-05T06:00:00Z"},
		{"2005-5-7 21:23:57", dayFirst, "2005-05-07T21:23:57Z"},
		{"Fri, 24 Jul 2015 05:36:09 GMT", dayFirst, "2015-07-24T05:36:09Z"},
		{"1677784503000", dayFirst, "2023-03-02T19:15:03Z"},
		{"1677784503", dayFirst, "2023-03-02T19:15:03Z"},
		{"02/03/2023 - 19:59", dayFirst, "2023-03-02T19:59:00Z"},
		{"02/03/2023", monthFirst, "2023-02-03T00:00:00Z"},
		{"25/12/2022", monthFirst, "2022-12-25T00:00:00Z"},
		{"12/25/2022", dayFirst, "2022-12-25T00:00:00Z"},
		{"2023年3月2日 08:05", dayFirst, "2023-03-02T08:05:00Z"},
		{"２０２３年３月２日", dayFirst, "2023-03-02T00:00:00Z"},
		{"March 2, 2023 at 3:04 pm EST", dayFirst, "2023-03-02T15:04:00-05:00"},
		{"2023 Jan 7", dayFirst, "2023-01-07T00:00:00Z"},
		{"2024 June 30", monthFirst, "2024-06-30T00:00:00Z"},
		{"Published Mar. 2nd, 2023", dayFirst, "2023-03-02T00:00:00Z"},
		{"2. März 2023, 14:30 Uhr", dayFirst, "2023-03-02T14:30:00Z"},
		{"le 1er mars 2023", dayFirst, "2023-03-01T00:00:00Z"},
		{"2 de marzo de 2023", dayFirst, "2023-03-02T00:00:00Z"},
		{"2 de março de 2023 às 10h", dayFirst, "2023-03-02T00:00:00Z"},
		{"2 марта 2023 года", dayFirst, "2023-03-02T00:00:00Z"},
		{"2 МАРТА 2023 ГОДА, 9:05 PM CEST", dayFirst, "2023-03-02T21:05:00+02:00"},
		{"Updated 10:00 GMT+8, 2023-03-02", dayFirst, "2023-03-02T00:00:00Z"},
		{"2015-07-24", dayFirst, "2015-07-24T00:00:00Z"},
		{"2015-07-24 05:36", dayFirst, "2015-07-24T05:36:00Z"},
		{"2015-07-24t05:36:09z", dayFirst, "2015-07-24T05:36:09Z"},
		{"2015-07-24 05:36:09 -0700 MST", dayFirst, "2015-07-24T05:36:09-07:00"},
		{"Friday, 24-Jul-15 05:36:09 GMT", dayFirst, "2015-07-24T05:36:09Z"},
		{"Fri Jul 24 05:36:09 2015", dayFirst, "2015-07-24T05:36:09Z"},
		{"FRI, 24 Jul 2015 05:36 +0200", dayFirst, "2015-07-24T05:36:00+02:00"},
		{"31/02/2023", dayFirst, ""},
		{"Call 555-1234", dayFirst, ""},
		{"1/2/3", dayFirst, ""},
		{"© 2023 Example", dayFirst, ""},
		{"", dayFirst, ""},
	}
	for _, tc := range tests {
		st, ok := parseDate(tc.in, tc.order)
		got := ""
		if ok {
			got = st.t.RFC3339()
		}
		if got != tc.want {
			t.Errorf("parseDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCleanByline(t *testing.T) {
	tests := []struct{ in, want string }{
		{"By Jane Doe", "Jane Doe"},
		{"  by:  Jane   Doe ", "Jane Doe"},
		{"Written by Jane Doe | March 2, 2023", "Jane Doe"},
		{"Von Max Mustermann", "Max Mustermann"},
		{"Von Miller", "Von Miller"},
		{"Par Sébastien Farcis", "Sébastien Farcis"},
		{"Por Ana Lima", "Ana Lima"},
		{"作者：茉莉", "茉莉"},
		{"记者 张三", "张三"},
		{"晨光 文章 总阅读", ""},
		{"听雨 骑士(五品) 能力值:1200", ""},
		{"文章作者：李四", "李四"},
		{"https://example.com/author/jane", ""},
		{"12345", ""},
		{strings.Repeat("word ", 30), ""},
		{"Mar 4, 2025 Tomas R. Veld", "Tomas R. Veld"},
		{"Updated January 08, 2026 Written by Rosa Almeida", "Rosa Almeida"},
		{"Tue Mar 5, 2024 09:41 pm", ""},
		{"Jun 2 Written By", ""},
		{"03/10/2023 by Example Global", "Example Global"},
		{"Post by someuser »", "someuser"},
		{"Recipe by PJ Hamel", "PJ Hamel"},
		{"Sponsored by Example", "Sponsored by Example"},
		{"By Jane Roe, DVM. Reviewed by John Poe, DVM", "Jane Roe, DVM"},
		{"Written By Jane Roe, MD*", "Jane Roe, MD"},
		{"John Roe Jr.", "John Roe Jr."},
		{"Jane Roe, M.D.", "Jane Roe, M.D."},
		{"77 Harbor Studio", "77 Harbor Studio"},
		{"user2024", "user2024"},
		{"April Smith", "April Smith"},
		{"Updated", ""},
		{"View more posts", ""},
		{"Topic Author", ""},
		{"Sign In", ""},
		{"Administrator", ""},
		{"Authored by: Dr. Jane Roe", "Dr. Jane Roe"},
		{"Read more about The Kettle Team", "The Kettle Team"},
		{"via kettlefan 2 years ago | tea | 12 comments", "kettlefan"},
		{"Jane Doe an hour ago", "Jane Doe"},
		{"Years Ago", "Years Ago"},
		{"page.meta.author", ""},
		{"jane.doe", "jane.doe"},
		{"J.R.R. Tolkien", "J.R.R. Tolkien"},
	}
	for _, tc := range tests {
		if got := cleanByline(tc.in); got != tc.want {
			t.Errorf("cleanByline(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestCutRole(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Jane Doe Senior Editor", "Jane Doe"},
		{"Jane Doe Games Editor", "Jane Doe"},
		{"Tomas R. Veld Staff Writer", "Tomas R. Veld"},
		{"Ilse van der Berg Lead Analyst", "Ilse van der Berg"},
		{"Jane Doe", "Jane Doe"},
		{"Jane Doe and John Roe", "Jane Doe and John Roe"},
		{"Insights from Jane Doe Marketing Director", "Insights from Jane Doe Marketing Director"},
		{"Jane Doe editor at large", "Jane Doe editor at large"},
		{"Jane Doe, Head of Marketing and Sales", "Jane Doe"},
		{"Jane C. Doe, Trial Attorney at Example", "Jane C. Doe"},
		{"Jane Doe, Dietitian", "Jane Doe, Dietitian"},
		{"Jane Doe, MD, FACP, DABOM", "Jane Doe, MD, FACP, DABOM"},
		{"Jane Doe, John Roe and Ann Poe", "Jane Doe, John Roe and Ann Poe"},
	}
	for _, tc := range tests {
		if got := cutRole(tc.in); got != tc.want {
			t.Errorf("cutRole(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMicrodataAuthorRole(t *testing.T) {
	const page = `<html><head><title>Kettles</title></head><body><article><h1>Kettles</h1>
<p itemprop="author">By Jane Doe Senior Kitchen Reporter</p><p>Text of the story.</p></article></body></html>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	if got := Read(doc, nil, Hints{}).Byline; got != "Jane Doe" {
		t.Errorf("Byline = %q, want %q", got, "Jane Doe")
	}
}

func TestLatinLabelByline(t *testing.T) {
	tests := []struct{ body, want string }{
		{`<h1>Kettles</h1><div><p>Written by</p><p>Jane Doe</p></div><p>Text of the story.</p>`, "Jane Doe"},
		{`<h1>Kettles</h1><span>By <a href="/a/jd">Jane Doe</a></span><p>Text of the story.</p>`, "Jane Doe"},
		{`<h1>Kettles</h1><div>AUTHOR:</div><div><a href="/a">Jane Doe</a></div>`, "Jane Doe"},
		{`<h1>Kettles</h1><p>Contributors:</p><p>Jane Doe</p>`, "Jane Doe"},
		{`<h1>Kettles</h1><p>Written by</p><p>Jane Q. Doe and John Roe</p>`, "Jane Q. Doe and John Roe"},
		// Before the headline the label is the site's own, in its header.
		{`<header><p>By <b>Jane Doe</b></p></header><h1>Kettles</h1><p>Text of the story.</p>`, ""},
		{`<h1>Kettles</h1><p>Written by Jane Doe</p><p>Text of the story.</p>`, "Jane Doe"},
		{`<h1>Kettles</h1><p>by Jane Doe - 2025-09-13<br>Updated: 2025-09-14</p>`, "Jane Doe"},
		{"<h1>Kettles</h1><div>\n" + strings.Repeat(" ", 40) + "by" + strings.Repeat(" ", 20) + "\n<span>Jane Doe</span></div>", "Jane Doe"},
		{`<h1>Kettles</h1><p>By clicking here you agree.</p>`, ""},
		{`<h1>Kettles</h1><p>Stand by Me Again</p>`, ""},
		// A label inside a sentence is not one.
		{`<h1>Kettles</h1><p>Made by hand in <a href="/x">Example Town</a>.</p>`, ""},
	}
	for _, tc := range tests {
		doc, err := html.Parse(strings.NewReader("<html><body>" + tc.body + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if got := Read(doc, nil, Hints{}).Byline; got != tc.want {
			t.Errorf("Byline of %s = %q, want %q", tc.body, got, tc.want)
		}
	}
}

func TestNormalizeLang(t *testing.T) {
	tests := []struct{ in, want string }{
		{"en-us", "en-US"}, {"EN_gb", "en-GB"}, {"zh-hans-cn", "zh-Hans-CN"},
		{"fr", "fr"}, {"es-419", "es-419"}, {"de-DE, en", "de-DE"}, {"not-a-tag!", ""}, {"", ""},
	}
	for _, tc := range tests {
		if got := normalizeLang(tc.in); got != tc.want {
			t.Errorf("normalizeLang(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestStripSite(t *testing.T) {
	tests := []struct {
		in    string
		sites []string
		want  string
	}{
		{"Headline Here | Example News", []string{"Example News"}, "Headline Here"},
		{"Example News - Headline Here", []string{"example-news.com", "examplenews"}, "Headline Here"},
		{"Headline - With Dash | Site", []string{"Site"}, "Headline - With Dash"},
		{"标题在这里_地方新闻_示例网", []string{"示例网"}, "标题在这里_地方新闻"},
		{"Review: A Headline", []string{"Review"}, "Review: A Headline"},
		{"Only Site", []string{"Only Site"}, "Only Site"},
		{"标题在这里 _地方新闻 _示例网", []string{"示例网"}, "标题在这里 _地方新闻"},
	}
	for _, tc := range tests {
		if got := stripSite(tc.in, tc.sites); got != tc.want {
			t.Errorf("stripSite(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDropShortSide(t *testing.T) {
	tests := []struct{ in, want string }{
		{"libfoo_bar_baz: Progress Report #12", "libfoo_bar_baz: Progress Report #12"},
		{"A Headline With Words - Site", "A Headline With Words"},
		{"很长的新闻标题在这里写着_频道", "很长的新闻标题在这里写着"},
	}
	for _, tc := range tests {
		if got := dropShortSide(tc.in); got != tc.want {
			t.Errorf("dropShortSide(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTitleSkipsSiteSegment(t *testing.T) {
	// The first <h1> is the site's banner, which the <title> ends with.
	p := &page{title: "A Useful Guide Page — example docs for Tool", metas: map[string]string{}, itemprops: map[string]string{},
		headings: []heading{{"example docs for Tool", 1}, {"A Useful Guide Page", 1}}}
	if got, _ := chooseTitleStep(p, ldInfo{}, nil); got != "A Useful Guide Page" {
		t.Errorf("got %q, want the page's own heading", got)
	}
}

func TestInSiteName(t *testing.T) {
	sites := []string{"Example Update News", "example.com"}
	for _, tc := range []struct {
		h    string
		want bool
	}{
		{"Example News", true}, {"Example Update News", true}, {"News", false},
		{"Example 1.8 Released", false}, {"Latest Example News Today", false},
	} {
		if got := inSiteName(tc.h, sites); got != tc.want {
			t.Errorf("inSiteName(%q) = %v, want %v", tc.h, got, tc.want)
		}
	}
}

func TestChooseTitleFromTitle(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Why the Topic Matters to Everyone / Board Name / Example Forums", "Why the Topic Matters to Everyone"},
		{"A Headline With Several Words | Example Forums", "A Headline With Several Words"},
		{"Short | Example Forums", "Short"},
	}
	for _, tc := range tests {
		p := &page{title: tc.title, metas: map[string]string{}, itemprops: map[string]string{}}
		if got, _ := chooseTitleStep(p, ldInfo{}, []string{"Example Forums"}); got != tc.want {
			t.Errorf("title %q: got %q, want %q", tc.title, got, tc.want)
		}
	}
}

func TestDecodeLD(t *testing.T) {
	tests := []struct {
		in   string
		want int // values decoded
	}{
		{`{"a":1}`, 1},
		{`[{"a":1},{"b":2}]`, 1},
		{`{"a":1}{"b":2}`, 2},
		{`{"a":"line
break", "b": [1,2,],}`, 1},
		{`// comment
{"a": /* inline */ 1}`, 1},
		{`{ broken`, 0},
		{``, 0},
	}
	for _, tc := range tests {
		if got := len(decodeLD(tc.in)); got != tc.want {
			t.Errorf("decodeLD(%q) gave %d values, want %d", tc.in, got, tc.want)
		}
	}
}

func TestInnerName(t *testing.T) {
	tests := []struct {
		b     string
		later []string
		want  string
	}{
		{"Insights from Jane Doe Marketing Director", []string{"Insights from", "Jane Doe", "Marketing Director"}, "Jane Doe"},
		{"Jane Doe Gardener & Writer", []string{"Jane Doe"}, "Jane Doe"},
		{"Jane Doe and John Roe", []string{"Jane Doe", "John Roe"}, "Jane Doe and John Roe"},
		{"Jane Doe, John Roe", []string{"John Roe"}, "Jane Doe, John Roe"},
		{"Jane Doerr", []string{"Jane Doe"}, "Jane Doerr"},
		{"Jane Doe", []string{"posted today"}, "Jane Doe"},
	}
	for _, tc := range tests {
		if got := innerName(tc.b, tc.later); got != tc.want {
			t.Errorf("innerName(%q, %q) = %q, want %q", tc.b, tc.later, got, tc.want)
		}
	}
}

// TestDateTokenWordsLowerCase checks what dateWord relies on: the words the date
// reader compares tokens with are lower-case, so a word that is not one of
// them cannot become one by lower-casing.
func TestDateTokenWordsLowerCase(t *testing.T) {
	for w := range dateTokenWords {
		if strings.ToLower(w) != w {
			t.Errorf("date word %q is not lower-case", w)
		}
	}
}

// TestParseDateAllocates checks that reading a written-out date copies
// nothing: every short text of a page's header is tried as one.
func TestParseDateAllocates(t *testing.T) {
	const s = "Posted 2 March 2023, 10:04 UTC"
	if _, ok := parseDate(s, dayFirst); !ok {
		t.Fatalf("parseDate(%q) found no date", s)
	}
	if n := testing.AllocsPerRun(100, func() { parseDate(s, dayFirst) }); n != 0 {
		t.Errorf("parseDate(%q) allocates %v times, want 0", s, n)
	}
}
