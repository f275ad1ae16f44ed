package article

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"articleclean/internal/dom"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// seedPath is the acceptance seed of issue 2, read in place from the shared
// folder beside the repository. A fresh clone (CI) lacks it, so the same
// assertions also run on testdata/feed-item.txt, an invented item of the
// same shape.
const seedPath = "../../../shared/seed/000_264c4bb1c048f56c.txt"

// feedItemWant is what cleaning one feed-export item with no options must
// give.
type feedItemWant struct {
	title     string
	url       string
	published string // prefix of PublishedTime: the day
	lead      string // text of the bold lead paragraph (a prefix of it)
	// image is the standalone image at the largest width offered; the
	// figure's image must carry its own srcset's largest candidate.
	image     string
	imageName string // file name shared by every variant of the image
	alt       string
	caption   string
	credit    string
	video     string // canonical link of the embedded video
	duration  string // as shown in the link text, e.g. "2:08"
	// gone are texts of ads, report-ad buttons, read-more unlockers and
	// promos that must not survive in Content.
	gone []string
}

// leakMarkers must never appear in Content: controls, players, script
// attributes and inline data of the raw page.
var leakMarkers = []string{"<svg", "<button", "<video-player", "data-", "style=", "base64"}

// textLeaks are pieces of glued markup that would show in the text if the
// repair of glued tags failed.
var textLeaks = []string{"divdata", `"box"`, "imgsrc", "sourcetype", "video-player"}

func feedItemCases() []struct {
	name string
	path string
	want feedItemWant
} {
	return []struct {
		name string
		path string
		want feedItemWant
	}{
		{
			name: "seed",
			path: seedPath,
			want: feedItemWant{
				title:     "【视频】G20外长峰会：北京和莫斯科拒绝签署联合声明",
				url:       "https://www.rfi.fr/cn/%E5%9B%BD%E9%99%85/20230302-%E8%A7%86%E9%A2%91-g20%E5%A4%96%E9%95%BF%E5%B3%B0%E4%BC%9A-%E5%8C%97%E4%BA%AC%E5%92%8C%E8%8E%AB%E6%96%AF%E7%A7%91%E6%8B%92%E7%BB%9D%E7%AD%BE%E7%BD%B2%E8%81%94%E5%90%88%E5%A3%B0%E6%98%8E",
				published: "2023-03-02",
				lead:      "根据在印度新德里举行的20国集团外长会议后发表的声明",
				image:     "https://s.rfi.fr/media/display/17ba5552-b91a-11ed-a885-005056a90284/w:1280/p:16x9/blinken-lavrov.jpg",
				imageName: "blinken-lavrov.jpg",
				alt:       "美国国务卿安东尼·布林肯与俄罗斯外长谢尔盖·拉夫罗夫在峰会上。",
				caption:   "美国国务卿安东尼·布林肯与俄罗斯外长谢尔盖·拉夫罗夫在峰会上。",
				credit:    "AP - Olivier Douliery",
				video:     "https://www.youtube.com/watch?v=itaHeusNkWw",
				duration:  "2:08",
				gone:      []string{"广告", "举报广告", "继续浏览后续"},
			},
		},
		{
			name: "invented_german",
			path: "testdata/feed-item.txt",
			want: feedItemWant{
				title:     "【Video】Außenministertreffen in Gießen: zwei Staaten verweigern die Unterschrift",
				url:       "https://nachrichten.example.org/de/international/20240405-video-aussenminister-giessen",
				published: "2024-04-05",
				lead:      "Nach dem Treffen der Außenminister in Gießen",
				image:     "https://bilder.example.org/media/display/4f0c2e1a-0001/w:1600/p:16x9/alte-bruecke.jpg",
				imageName: "alte-bruecke.jpg",
				alt:       "Die alte Steinbrücke über die Lahn im Morgennebel.",
				caption:   "Die alte Steinbrücke über die Lahn im Morgennebel.",
				credit:    "dpa - Erika Mustermann",
				video:     "https://www.youtube.com/watch?v=Xy3_-abcDEF",
				duration:  "3:15",
				gone:      []string{"Anzeige", "Weiterlesen", "Newsletter", "unsere App"},
			},
		},
		{
			// Seconds instead of milliseconds, no dateline, a Vimeo player.
			name: "invented_japanese",
			path: "testdata/feed-item-ja.txt",
			want: feedItemWant{
				title:     "【動画】鴨川の石橋、来週から通行再開",
				url:       "https://news.example.jp/kyoto/20241103-kamogawa-bridge",
				published: "2024-11-03",
				lead:      "京都市は２日、改修工事のため",
				image:     "https://img.example.jp/photo/8c1d/w:2000/p:4x3/kamogawa-bridge.jpg",
				imageName: "kamogawa-bridge.jpg",
				alt:       "改修工事を終えた鴨川の石橋。",
				caption:   "改修工事を終えた鴨川の石橋。",
				credit:    "共同 - 山田太郎",
				video:     "https://vimeo.com/987654321",
				duration:  "12:05",
				gone:      []string{"広告", "続きを読む", "ニュースレター"},
			},
		},
	}
}

// TestFeedItemAcceptance is the acceptance test of issue 2 ("Acceptance:
// the seed"), run on the seed when it is present and always on the
// invented item.
func TestFeedItemAcceptance(t *testing.T) {
	for _, tc := range feedItemCases() {
		t.Run(tc.name, func(t *testing.T) {
			input, err := os.ReadFile(filepath.FromSlash(tc.path))
			if errors.Is(err, fs.ErrNotExist) && tc.path == seedPath {
				t.Skipf("seed %s is absent (a fresh clone has no shared folder); testdata/feed-item.txt covers the same assertions", tc.path)
			}
			if err != nil {
				t.Fatal(err)
			}
			for _, asString := range []bool{false, true} {
				var res Result
				if asString {
					res, err = CleanString(string(input), Options{})
				} else {
					res, err = Clean(input, Options{})
				}
				if err != nil {
					t.Fatalf("Clean (string=%v): %v", asString, err)
				}
				checkFeedItem(t, res, tc.want)
			}
		})
	}
}

func checkFeedItem(t *testing.T, res Result, want feedItemWant) {
	t.Helper()
	if res.Title != want.title {
		t.Errorf("Title = %q, want %q", res.Title, want.title)
	}
	if res.URL != want.url {
		t.Errorf("URL = %q, want %q", res.URL, want.url)
	}
	if !strings.HasPrefix(res.PublishedTime, want.published) {
		t.Errorf("PublishedTime = %q, want a time on %s", res.PublishedTime, want.published)
	}

	root := parseResultContent(t, res.Content)

	// The bold lead paragraph.
	lead := findElement(root, func(n *html.Node) bool {
		return n.DataAtom == atom.Strong && strings.HasPrefix(dom.Text(n), want.lead)
	})
	if lead == nil {
		t.Errorf("no <strong> starting with %q in Content:\n%s", want.lead, res.Content)
	} else if p := lead.Parent; p == nil || p.DataAtom != atom.P {
		t.Errorf("lead <strong> is not inside a paragraph:\n%s", res.Content)
	}

	// Images: the standalone one at its largest width; every image with a
	// srcset at that srcset's largest candidate; the Chinese/German alt kept.
	imgs := findElements(root, atom.Img)
	var sawLargest, sawAlt bool
	for _, img := range imgs {
		src := attrOf(img, "src")
		if src == want.image {
			sawLargest = true
		}
		if set := attrOf(img, "srcset"); set != "" {
			if best := largestWidthCandidate(set); best != "" && src != best {
				t.Errorf("img src %q is not the largest candidate of its srcset (%q)", src, best)
			}
		}
		if strings.HasSuffix(src, want.imageName) && attrOf(img, "alt") == want.alt {
			sawAlt = true
		}
		if !strings.HasPrefix(src, "https://") {
			t.Errorf("img src %q is not an absolute https address", src)
		}
	}
	if !sawLargest {
		t.Errorf("no img with src %q (the largest width offered) in Content:\n%s", want.image, res.Content)
	}
	if !sawAlt {
		t.Errorf("no %s img with alt %q in Content:\n%s", want.imageName, want.alt, res.Content)
	}

	// Caption and credit in a figcaption.
	var captioned bool
	for _, fc := range findElements(root, atom.Figcaption) {
		text := dom.Text(fc)
		if strings.Contains(text, want.caption) && strings.Contains(text, want.credit) {
			captioned = true
		}
	}
	if !captioned {
		t.Errorf("no <figcaption> holding both %q and %q in Content:\n%s", want.caption, want.credit, res.Content)
	}

	// The video as a link marked as a video, with its duration.
	var linked bool
	for _, a := range findElements(root, atom.A) {
		if attrOf(a, "href") != want.video {
			continue
		}
		linked = true
		text := dom.Text(a)
		lower := strings.ToLower(text)
		marked := strings.Contains(lower, "video") || strings.Contains(text, "▶") || strings.Contains(text, "视频") || strings.Contains(text, "動画")
		if !marked || !strings.Contains(text, "("+want.duration+")") {
			t.Errorf("video link text %q does not mark a video with (%s)", text, want.duration)
		}
	}
	if !linked {
		t.Errorf("no link to %s in Content:\n%s", want.video, res.Content)
	}

	for _, s := range append(append([]string(nil), want.gone...), leakMarkers...) {
		if strings.Contains(res.Content, s) {
			t.Errorf("Content contains %q:\n%s", s, res.Content)
		}
	}
	for _, s := range append(append([]string(nil), want.gone...), textLeaks...) {
		if strings.Contains(res.TextContent, s) {
			t.Errorf("TextContent contains %q:\n%s", s, res.TextContent)
		}
	}
	if strings.Contains(res.TextContent, "<") {
		t.Errorf("TextContent holds markup:\n%s", res.TextContent)
	}
}

func parseResultContent(t *testing.T, content string) *html.Node {
	t.Helper()
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(content), ctx)
	if err != nil {
		t.Fatalf("Content does not parse: %v", err)
	}
	for _, n := range nodes {
		ctx.AppendChild(n)
	}
	return ctx
}

// The helpers below deliberately do not use the dom package, so that a bug
// there cannot hide itself.

func findElement(root *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type == html.ElementNode && match(c) {
				found = c
				return
			}
			walk(c)
		}
	}
	walk(root)
	return found
}

func findElements(root *html.Node, tag atom.Atom) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == tag {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(root)
	return out
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// largestWidthCandidate returns the URL of the widest "NNNw" candidate of
// a srcset whose URLs hold no commas, or "" when none has a width.
func largestWidthCandidate(srcset string) string {
	best, bestW := "", -1
	for _, part := range strings.Split(srcset, ",") {
		f := strings.Fields(part)
		if len(f) != 2 || !strings.HasSuffix(f[1], "w") {
			continue
		}
		w, err := strconv.Atoi(strings.TrimSuffix(f[1], "w"))
		if err == nil && w > bestW {
			best, bestW = f[0], w
		}
	}
	return best
}
