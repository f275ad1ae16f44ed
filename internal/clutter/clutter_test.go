package clutter

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"articleclean/internal/parse"
	"articleclean/internal/report"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// articleText is the article every case sits beside, so the page has the
// text a real one has and the size bounds behave as on real pages.
const articleText = `<article><h1>The river bridge</h1>
<p>The council met in the school hall for three evenings running, and the engineers brought drawings of a timber truss on the old stone piers.</p>
<p>Residents asked how long the crossing would stay closed; the answer, after a long pause, was two summers at the least, perhaps three.</p>
<p>Work starts in spring, when the water is low enough for the divers to inspect the foundations of the middle pier.</p></article>`

// longText is more text than any promotional block holds.
var longText = strings.Repeat("Analysts who follow the regional economy say the numbers are more mixed than the headline suggests. ", 8)

func clean(t *testing.T, snippet string, opts Options) (string, report.Report) {
	t.Helper()
	doc, err := parse.Document("<!DOCTYPE html><html><head><title>t</title></head><body>" + snippet + articleText + "</body></html>")
	if err != nil {
		t.Fatal(err)
	}
	var r report.Report
	Remove(doc, opts, &r)
	var b strings.Builder
	if err := html.Render(&b, doc); err != nil {
		t.Fatal(err)
	}
	return b.String(), r
}

// checkMarkup reports each of keep that out lacks and each of gone that
// it holds.
func checkMarkup(t *testing.T, out string, keep, gone []string) {
	t.Helper()
	for _, s := range keep {
		if !strings.Contains(out, s) {
			t.Errorf("output lacks %q:\n%s", s, out)
		}
	}
	for _, s := range gone {
		if strings.Contains(out, s) {
			t.Errorf("output keeps %q:\n%s", s, out)
		}
	}
}

type clutterCase struct {
	name    string
	snippet string
	gone    []string // texts or markup that must be removed
	keep    []string // texts or markup that must stay
	// kind is the counter that must grow when something is gone; keep
	// cases must leave the ad and tracker counters at zero.
	kind report.Kind
	// uncounted removals (comments) need not show in the counts.
	uncounted bool
}

func runClutterCases(t *testing.T, cases []clutterCase, opts Options) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out, r := clean(t, tc.snippet, opts)
			for _, s := range tc.gone {
				if strings.Contains(out, s) {
					t.Errorf("%q survived:\n%s", s, out)
				}
			}
			for _, s := range append(tc.keep, "two summers at the least") {
				if !strings.Contains(out, s) {
					t.Errorf("%q was removed:\n%s", s, out)
				}
			}
			if tc.uncounted {
				return
			}
			if len(tc.gone) > 0 {
				if count(r.Counts, tc.kind) == 0 {
					t.Errorf("no %s removal counted: %+v", tc.kind, r.Counts)
				}
			} else if r.Ads != 0 || r.Trackers != 0 {
				t.Errorf("ads or trackers counted for kept content: %+v", r.Counts)
			}
		})
	}
}

func count(c report.Counts, k report.Kind) int {
	switch k {
	case report.Ad:
		return c.Ads
	case report.Tracker:
		return c.Trackers
	case report.Attribute:
		return c.Attributes
	case report.Param:
		return c.Params
	}
	return c.Elements
}

func TestAdContainers(t *testing.T) {
	runClutterCases(t, []clutterCase{
		{name: "class", snippet: `<div class="ad-slot"><p>Cheap flights gone1</p></div>`, gone: []string{"gone1", "ad-slot"}, kind: report.Ad},
		{name: "camel-case id", snippet: `<div id="topAd">Cheap flights gone2</div>`, gone: []string{"gone2"}, kind: report.Ad},
		{name: "underscored class", snippet: `<aside class="sidebar_ads">Cheap flights gone3</aside>`, gone: []string{"gone3"}, kind: report.Ad},
		{name: "data attribute name", snippet: `<div data-ad-unit="top-1"><span>Cheap flights gone4</span></div>`, gone: []string{"gone4"}, kind: report.Ad},
		{name: "glued data attribute of the seed's shape", snippet: `<div data-tms-ad-type="box" data-tms-ad-pos="1"><div></div></div><p>gone5 is not here</p>`, gone: []string{"data-tms-ad-type"}, keep: []string{"gone5 is not here"}, kind: report.Ad},
		{name: "sponsored", snippet: `<div class="sponsored-content">Partner offer gone6</div>`, gone: []string{"gone6"}, kind: report.Ad},
		{name: "empty ad slot", snippet: `<ins class="adsbygoogle" data-ad-client="x"></ins>`, gone: []string{"adsbygoogle"}, kind: report.Ad},

		// "ad" as a part of a word is not an ad.
		{name: "header", snippet: `<div class="header"><p>keep-header</p></div>`, keep: []string{"keep-header"}},
		{name: "shadow", snippet: `<div class="shadow-box"><p>keep-shadow</p></div>`, keep: []string{"keep-shadow"}},
		{name: "gradient", snippet: `<div id="gradient"><p>keep-gradient</p></div>`, keep: []string{"keep-gradient"}},
		{name: "read more", snippet: `<div class="read-more"><p>keep-read</p></div>`, keep: []string{"keep-read"}},
		{name: "download", snippet: `<div class="download"><p>keep-download</p></div>`, keep: []string{"keep-download"}},
		// An ad-named wrapper around most of the page is a false match.
		{name: "huge ad-named wrapper", snippet: `<div class="ad-free-layout"><p>keep-huge ` + longText + longText + longText + `</p></div>`, keep: []string{"keep-huge"}},
	}, Options{})
}

func TestAdLabels(t *testing.T) {
	var cases []clutterCase
	for _, label := range []string{
		"Advertisement", "ADVERTISEMENT", "— Advertisement —", "Anzeige", "Publicité", "Реклама",
		"广告", "廣告", "広告", "광고", "Publicidad", "Werbung", "Report this ad", "举报广告",
	} {
		cases = append(cases,
			clutterCase{name: "span " + label, snippet: `<p>before</p><span>` + label + `</span><p>after</p>`, gone: []string{">" + label + "<"}, keep: []string{"before", "after"}, kind: report.Ad},
			clutterCase{name: "div " + label, snippet: `<div><div>` + label + `</div></div>`, gone: []string{">" + label + "<"}, kind: report.Ad},
		)
	}
	// Sentences that mention advertising are content.
	cases = append(cases,
		clutterCase{name: "sentence", snippet: `<p>Advertisement revenue fell by a third last year.</p>`, keep: []string{"Advertisement revenue fell"}},
		clutterCase{name: "ad hoc", snippet: `<p>Ad hoc committees will meet on Tuesday.</p>`, keep: []string{"Ad hoc committees"}},
		clutterCase{name: "German sentence", snippet: `<p>Die Anzeige wurde am Montag bei der Polizei erstattet.</p>`, keep: []string{"Die Anzeige wurde"}},
		clutterCase{name: "Chinese sentence", snippet: `<p>这家公司今年的广告收入下降了三成。</p>`, keep: []string{"广告收入"}},
		clutterCase{name: "label split over elements and lines", snippet: `<p>before</p><div> <b>Story</b>
  continues below <i>ADVERTISEMENT</i>: </div>`, gone: []string{"continues below"}, keep: []string{"before"}, kind: report.Ad},
		clutterCase{name: "label then a long text", snippet: `<div>Advertisement <span>` + strings.Repeat("word ", 20) + `</span></div>`, keep: []string{"Advertisement"}},
	)
	runClutterCases(t, cases, Options{})
}

// Every label must fit the buffer isAdLabel gathers text into, or it could
// never be found.
func TestAdLabelsFitTheBuffer(t *testing.T) {
	for label := range adLabels {
		if len(label) > adLabelMaxBytes {
			t.Errorf("ad label %q is %d bytes, over adLabelMaxBytes %d", label, len(label), adLabelMaxBytes)
		}
		if adLabelShapes[label[0]]&(1<<len(label)) == 0 {
			t.Errorf("ad label %q is missing from adLabelShapes", label)
		}
	}
}

func TestPromos(t *testing.T) {
	cases := []clutterCase{
		{name: "newsletter", snippet: `<div class="newsletter-signup"><p>Get our morning briefing gone-news</p></div>`, gone: []string{"gone-news"}, kind: report.Element},
		{name: "data selfpromo", snippet: `<div data-selfpromo-app><p>Download our app gone-app</p></div>`, gone: []string{"gone-app"}, kind: report.Element},
		{name: "share bar", snippet: `<ul class="share-bar"><li><a href="https://x.example/share">Share gone-share</a></li></ul>`, gone: []string{"gone-share"}, kind: report.Element},
		{name: "subscribe", snippet: `<section id="subscribe"><h3>Subscribe gone-sub</h3></section>`, gone: []string{"gone-sub"}, kind: report.Element},
		// A long section whose class names a promo word is content.
		{name: "large share section", snippet: `<section class="share-analysis"><p>keep-large ` + longText + `</p></section>`, keep: []string{"keep-large"}},
		// A promo-named block holding an image keeps it.
		{name: "related with image", snippet: `<div class="related"><img src="https://img.example.org/bridge.jpg" width="600" height="400"></div>`, keep: []string{"bridge.jpg"}},
	}
	runClutterCases(t, cases, Options{})

	// With KeepAll, promos stay (the caller asked for the whole page) but
	// ads still go.
	out, r := clean(t, `<div class="newsletter-signup"><p>keep-all-news</p></div><div class="ad-slot">gone-ad</div>`, Options{KeepAll: true})
	if !strings.Contains(out, "keep-all-news") || strings.Contains(out, "gone-ad") || r.Ads == 0 {
		t.Errorf("KeepAll: promo must stay and the ad go (counts %+v):\n%s", r.Counts, out)
	}
}

func TestHiddenAndNeverContent(t *testing.T) {
	runClutterCases(t, []clutterCase{
		{name: "hidden attribute", snippet: `<div hidden><p>gone-h1</p></div>`, gone: []string{"gone-h1"}, kind: report.Element},
		{name: "display none", snippet: `<div style="color: red; DISPLAY : none"><p>gone-h2</p></div>`, gone: []string{"gone-h2"}, kind: report.Element},
		{name: "visibility hidden", snippet: `<p style="visibility:hidden">gone-h3</p>`, gone: []string{"gone-h3"}, kind: report.Element},
		{name: "display none, important", snippet: `<p style="color: red; DISPLAY : None !important">gone-h5</p>`, gone: []string{"gone-h5"}, kind: report.Element},
		{name: "custom property named display", snippet: `<div style="--footer-display: none; --nav-visibility:hidden"><p>keep-themed</p></div>`, keep: []string{"keep-themed"}},
		{name: "old Internet Explorer hack", snippet: `<ul style="*display:none"><li>gone-h6</li></ul>`, gone: []string{"gone-h6"}, kind: report.Element},
		{name: "other display values", snippet: `<p style="display:none-ish;display:flex">keep-flex</p>`, keep: []string{"keep-flex"}},
		{name: "aria-hidden", snippet: `<div aria-hidden="true"><span>gone-h4</span></div>`, gone: []string{"gone-h4"}, kind: report.Element},
		{name: "script and style", snippet: `<script>var gone5 = 1</script><style>.gone6{}</style>`, gone: []string{"gone5", "gone6"}, kind: report.Element},
		{name: "controls", snippet: `<button>gone-b</button><form><input value="gone-i"><select><option>gone-o</option></select><textarea>gone-t</textarea></form>`, gone: []string{"gone-b", "gone-i", "gone-o", "gone-t", "<button", "<input", "<select"}, kind: report.Element},
		{name: "svg", snippet: `<p>keep-p<svg viewBox="0 0 1 1"><path d="M0 0"/><text>gone-svg</text></svg></p>`, gone: []string{"<svg", "gone-svg"}, keep: []string{"keep-p"}, kind: report.Element},
		{name: "comment", snippet: `<!-- gone-comment --><p>keep-c</p>`, gone: []string{"gone-comment"}, keep: []string{"keep-c"}, uncounted: true},
		{name: "noscript message", snippet: `<noscript><p>Please enable JavaScript gone-ns</p></noscript>`, gone: []string{"gone-ns"}, kind: report.Element},
		{name: "empty custom control", snippet: `<share-buttons size="big"></share-buttons>`, gone: []string{"<share-buttons"}, kind: report.Element},
		// Custom elements that wrap text or an image are content.
		{name: "custom element with text", snippet: `<article-body><p>keep-custom</p></article-body>`, keep: []string{"keep-custom"}},
		{name: "custom element with image", snippet: `<lazy-image><img src="https://img.example.org/a.jpg" width="640"></lazy-image>`, keep: []string{"img.example.org/a.jpg"}},
		// Responsive helper classes show content on most screens.
		{name: "hidden-xs", snippet: `<div class="hidden-xs"><p>keep-responsive</p></div>`, keep: []string{"keep-responsive"}},
		// A collapsed accordion's answer is content the reader opens.
		{name: "accordion panel", snippet: `<h3><button aria-expanded="false" aria-controls="faq-1">How long does it last?</button></h3>` +
			`<div id="faq-1" aria-hidden="true"><p>keep-answer: about two summers, longer if the winter is mild, the river stays low and the old piers hold.</p></div>`,
			keep: []string{"keep-answer"}},
		{name: "accordion region", snippet: `<div role="region" aria-labelledby="q3" style="display:none"><p>keep-region: about two summers, longer if the winter is mild, the river stays low and the old piers hold.</p></div>`,
			keep: []string{"keep-region"}},
		{name: "collapsed FAQ answer named by its class", snippet: `<div class="faq__answer" style="display: none;"><p>keep-faq: about two summers, longer if the winter is mild, the river stays low and the old piers hold.</p></div>`,
			keep: []string{"keep-faq"}},
		{name: "panel with a label's worth of text", snippet: `<button aria-expanded="false" aria-controls="m">Menu</button><div id="m" hidden><a href="/">gone-menu</a></div>`,
			gone: []string{"gone-menu"}, kind: report.Element},
		{name: "hidden text no control opens", snippet: `<div id="note-2" aria-hidden="true"><p>gone-unopened: about two summers, longer if the winter is mild, the river stays low and the old piers hold.</p></div>`,
			gone: []string{"gone-unopened"}, kind: report.Element},
	}, Options{})
}

func TestStreamedSegments(t *testing.T) {
	runClutterCases(t, []clutterCase{
		{name: "segment moved to its slot", snippet: `<p>first</p><template id="B:1"></template><p>last</p><div hidden id="S:1"><p>keep-streamed</p></div>`,
			keep: []string{"first</p><p>keep-streamed</p><p>last"}},
		{name: "segment without a slot shown in place", snippet: `<p>first</p><div hidden id="S:2"><p>keep-orphan</p></div>`,
			keep: []string{"keep-orphan"}},
		{name: "other hidden ids still hidden", snippet: `<div hidden id="S-2"><p>gone-s2</p></div>`, gone: []string{"gone-s2"}, kind: report.Element},
	}, Options{})
}

func TestTrackingPixels(t *testing.T) {
	runClutterCases(t, []clutterCase{
		{name: "1x1", snippet: `<img src="https://stats.example.net/p.gif?u=1" width="1" height="1">`, gone: []string{"stats.example.net"}, kind: report.Tracker},
		{name: "0x0 px", snippet: `<img src="https://stats.example.net/c.gif" width="0px" height="0px">`, gone: []string{"stats.example.net"}, kind: report.Tracker},
		{name: "width only", snippet: `<img src="https://stats.example.net/w.gif" width="1">`, gone: []string{"stats.example.net"}, kind: report.Tracker},
		{name: "hidden image", snippet: `<img src="https://stats.example.net/h.gif" style="display:none">`, gone: []string{"stats.example.net"}, kind: report.Tracker},
		{name: "facebook pixel", snippet: `<img src="https://www.facebook.com/tr?id=123&ev=PageView">`, gone: []string{"facebook.com/tr"}, kind: report.Tracker},
		{name: "google analytics", snippet: `<img src="https://www.google-analytics.com/collect?v=1&tid=UA-1">`, gone: []string{"google-analytics"}, kind: report.Tracker},
		{name: "scorecard", snippet: `<img src="https://sb.scorecardresearch.com/p?c1=2">`, gone: []string{"scorecardresearch"}, kind: report.Tracker},
		{name: "beacon path", snippet: `<img src="https://www.example.org/track/pixel.gif?id=9">`, gone: []string{"pixel.gif"}, kind: report.Tracker},
		{name: "tracking iframe", snippet: `<iframe src="https://www.googletagmanager.com/ns.html?id=GTM-X" height="0" width="0"></iframe>`, gone: []string{"googletagmanager"}, kind: report.Tracker},

		// Real images stay.
		{name: "photo", snippet: `<img src="https://img.example.org/bridge.jpg" width="640" height="360" alt="bridge">`, keep: []string{"bridge.jpg"}},
		{name: "pixel art", snippet: `<img src="https://img.example.org/pixel-art.png" width="600" height="400">`, keep: []string{"pixel-art.png"}},
		{name: "no size", snippet: `<img src="https://img.example.org/river.jpg">`, keep: []string{"river.jpg"}},
		{name: "10 wide", snippet: `<img src="https://img.example.org/icon.png" width="10" height="10">`, keep: []string{"icon.png"}},
	}, Options{})
}

// TestFixturePage runs Remove on testdata/page.html, a whole invented page
// mixing every kind of clutter with an article, and checks the counts.
func TestFixturePage(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "page.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Document(string(b))
	if err != nil {
		t.Fatal(err)
	}
	r := report.Report{Explain: true}
	Remove(doc, Options{}, &r)
	var out strings.Builder
	if err := html.Render(&out, doc); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, s := range []string{"CLUTTER"} {
		if strings.Contains(got, s) {
			t.Errorf("clutter survived (%q):\n%s", s, got)
		}
	}
	for _, s := range []string{"Die Fähre", "zweimal", "fahrplan.jpg", "Nächste Woche"} {
		if !strings.Contains(got, s) {
			t.Errorf("article text %q was removed:\n%s", s, got)
		}
	}
	// The page holds three ad slots or labels, two trackers and more than
	// three other clutter elements.
	if r.Ads < 3 || r.Trackers < 2 || r.Elements < 3 {
		t.Errorf("Counts = %+v, want at least 3 ads, 2 trackers, 3 elements", r.Counts)
	}
	if len(r.Removals) != r.Ads+r.Trackers+r.Elements+r.Attributes+r.Params {
		t.Errorf("%d removals explained for counts %+v", len(r.Removals), r.Counts)
	}
	for _, rm := range r.Removals {
		if rm.Rule == "" || rm.Path == "" {
			t.Errorf("removal without rule or path: %+v", rm)
		}
	}
}

// TestAppendLower checks appendLower against the strings functions it
// stands in for, on text with upper case, white space of several kinds,
// letters that lower-case to ASCII (Kelvin sign, dotted capital I) and
// invalid UTF-8.
func TestAppendLower(t *testing.T) {
	for _, s := range []string{
		"", "Display: NONE", " visibility :\thidden ;", "\u212Aelvin İd", "a\xffB\xc3", "X\u00a0Y\u2003Z", "ÀÉÎ ÕÜ",
	} {
		if got, want := string(appendLower(nil, s, false)), strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
		if got, want := string(appendLower(nil, s, true)), strings.ToLower(strings.Join(strings.Fields(s), "")); got != want {
			t.Errorf("appendLower(%q, compact) = %q, want %q", s, got, want)
		}
	}
}

// TestHiddenAndTrackerAllocate checks that the tests run on every styled
// element and every image build no strings.
func TestHiddenAndTrackerAllocate(t *testing.T) {
	div := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div, Attr: []html.Attribute{{Key: "style", Val: "Color: red; DISPLAY: block"}}}
	img := &html.Node{Type: html.ElementNode, Data: "img", DataAtom: atom.Img, Attr: []html.Attribute{{Key: "src", Val: "https://Example.com/Photos/Cat.JPG"}}}
	if isHidden(div) || trackerRule(img) != "" {
		t.Fatal("a visible element or a plain image is taken for clutter")
	}
	if n := testing.AllocsPerRun(100, func() { isHidden(div); trackerRule(img) }); n != 0 {
		t.Errorf("isHidden and trackerRule allocate %v times, want 0", n)
	}
}
