package media

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"
	"articleclean/internal/report"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

const gif1x1 = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"

// resolve parses snippet as a page body, runs Resolve and returns the body.
func resolve(t *testing.T, snippet string) (*html.Node, report.Report) {
	t.Helper()
	doc, err := parse.Document("<!DOCTYPE html><html><head></head><body>" + snippet + "</body></html>")
	if err != nil {
		t.Fatal(err)
	}
	base, _ := url.Parse("https://news.example.org/2024/story.html")
	var r report.Report
	Resolve(doc, base, &r)
	body := first(doc, atom.Body)
	if body == nil {
		t.Fatal("no body")
	}
	return body, r
}

func all(n *html.Node, tag atom.Atom) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == tag {
			out = append(out, c)
		}
		out = append(out, all(c, tag)...)
	}
	return out
}

func first(n *html.Node, tag atom.Atom) *html.Node {
	if f := all(n, tag); len(f) > 0 {
		return f[0]
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func renderBody(body *html.Node) string {
	var b strings.Builder
	html.Render(&b, body)
	return b.String()
}

func TestImages(t *testing.T) {
	tests := []struct {
		name    string
		snippet string
		src     []string // the src of each remaining img, in order
	}{
		{"data-src over a placeholder", `<img src="` + gif1x1 + `" data-src="https://img.example.org/a.jpg" alt="a">`, []string{"https://img.example.org/a.jpg"}},
		{"data-original", `<img data-original="https://img.example.org/b.jpg">`, []string{"https://img.example.org/b.jpg"}},
		{"data-srcset largest", `<img src="` + gif1x1 + `" data-srcset="https://img.example.org/c-320.jpg 320w, https://img.example.org/c-1280.jpg 1280w, https://img.example.org/c-640.jpg 640w">`, []string{"https://img.example.org/c-1280.jpg"}},
		{"srcset largest width", `<img src="https://img.example.org/d-320.jpg" srcset="https://img.example.org/d-320.jpg 320w, https://img.example.org/d-960.jpg 960w">`, []string{"https://img.example.org/d-960.jpg"}},
		{"srcset largest density", `<img src="https://img.example.org/e.jpg" srcset="https://img.example.org/e.jpg 1x, https://img.example.org/e@3x.jpg 3x, https://img.example.org/e@2x.jpg 2x">`, []string{"https://img.example.org/e@3x.jpg"}},
		{"srcset with commas in URLs", `<img srcset="https://cdn.example.org/w_400,h_300/f.jpg 400w, https://cdn.example.org/w_800,h_600/f.jpg 800w">`, []string{"https://cdn.example.org/w_800,h_600/f.jpg"}},
		{"unnamed lazy attribute", `<img src="data:image/svg+xml,%3Csvg%3E%3C/svg%3E" data-image-path="p.png" data-image-loader="https://img.example.org/p.png?w=800" alt="p">`, []string{"https://img.example.org/p.png?w=800"}},
		{"unnamed relative lazy attribute", `<img src="` + gif1x1 + `" data-lazy-file="/img/q.jpg">`, []string{"/img/q.jpg"}},
		{"unnamed attribute that is no image", `<img src="` + gif1x1 + `" data-caption="see photo.jpg here" data-id="42">`, nil},
		{"plain image untouched", `<img src="https://img.example.org/g.jpg" alt="g">`, []string{"https://img.example.org/g.jpg"}},

		{"noscript fallback replaces the lazy image", `<img src="` + gif1x1 + `" class="lazy"><noscript><img src="https://img.example.org/h.jpg" alt="h"></noscript>`, []string{"https://img.example.org/h.jpg"}},
		{"noscript fallback without a lazy image", `<p>x</p><noscript><img src="https://img.example.org/i.jpg"></noscript>`, []string{"https://img.example.org/i.jpg"}},
		{"noscript without an image goes", `<img src="https://img.example.org/j.jpg"><noscript>Please enable JavaScript</noscript>`, []string{"https://img.example.org/j.jpg"}},

		{"picture: img with a real src", `<picture><source type="image/webp" srcset="https://img.example.org/k-480.webp 480w, https://img.example.org/k-960.webp 960w"><img src="https://img.example.org/k.jpg" alt="k"></picture>`, []string{"https://img.example.org/k.jpg"}},
		{"picture: placeholder img takes the largest source", `<picture><source srcset="https://img.example.org/l-480.webp 480w, https://img.example.org/l-960.webp 960w"><source srcset="https://img.example.org/l-720.jpg 720w"><img src="` + gif1x1 + `" alt="l"></picture>`, []string{"https://img.example.org/l-960.webp"}},
		{"picture: lazy srcset on source", `<picture><source data-srcset="https://img.example.org/m-1200.jpg 1200w"><img src="` + gif1x1 + `"></picture>`, []string{"https://img.example.org/m-1200.jpg"}},
		{"picture without img", `<picture><source srcset="https://img.example.org/n-800.jpg 800w"></picture>`, []string{"https://img.example.org/n-800.jpg"}},
		{"empty picture goes", `<picture></picture><img src="https://img.example.org/o.jpg">`, []string{"https://img.example.org/o.jpg"}},

		{"sizes of one picture in a figure", `<figure><div><img src="https://img.example.org/photo-large.webp" alt="A"></div><div><img src="https://img.example.org/photo-small.jpg" alt="A"></div><figcaption>A</figcaption></figure>`, []string{"https://img.example.org/photo-large.webp"}},
		{"dimensions and density in the name", `<p><img src="/u/chart-1280x720.jpg"> <img src="/u/chart@2x.jpg"><img src="/u/chart_800w.jpg"></p>`, []string{"/u/chart-1280x720.jpg"}},
		{"lightbox copy beside its linked thumbnail", `<div><a href="https://img.example.org/r.jpg"><img src="https://img.example.org/r-thumb-300.jpg"></a><img src="https://img.example.org/r.jpg"><div><a>×</a></div></div>`, []string{"https://img.example.org/r-thumb-300.jpg"}},
		{"the same image twice in a row", `<p><img src="https://img.example.org/s.png"><img src="https://img.example.org/s.png"></p>`, []string{"https://img.example.org/s.png"}},
		{"icons repeat on purpose", `<p><img src="/i/star.svg"><img src="/i/star.svg"><img src="/i/dot.png" width="12"><img src="/i/dot.png" width="12"></p>`, []string{"/i/star.svg", "/i/star.svg", "/i/dot.png", "/i/dot.png"}},
		{"one file name in two folders stays", `<figure><img src="/p/1001/image.jpg"><img src="/p/1002/image.jpg"></figure>`, []string{"/p/1001/image.jpg", "/p/1002/image.jpg"}},
		{"a resizing service names no file", `<p><img src="/_img?url=%2Fa-large.png&w=640"><img src="/_img?url=%2Fb-large.png&w=640"></p>`, []string{"/_img?url=%2Fa-large.png&w=640", "/_img?url=%2Fb-large.png&w=640"}},
		{"a gallery of different pictures stays", `<figure><img src="/g/beach-1.jpg"><img src="/g/beach-2.jpg"><img src="/g/harbour.jpg"></figure>`, []string{"/g/beach-1.jpg", "/g/beach-2.jpg", "/g/harbour.jpg"}},
		{"a repeat after text stays", `<p>A formula <img src="/f/e.png" alt="e"> here.</p><p>Again <img src="/f/e.png" alt="e"> there.</p>`, []string{"/f/e.png", "/f/e.png"}},
		{"short names are not compared", `<p><img src="/i/a-large.png"><img src="/i/a-small.png"></p>`, []string{"/i/a-large.png", "/i/a-small.png"}},
		{"data: placeholder goes", `<img src="` + gif1x1 + `">`, nil},
		{"placeholder file goes", `<img src="https://img.example.org/static/placeholder.png">`, nil},
		{"spacer goes", `<img src="https://img.example.org/spacer.gif">`, nil},
		{"no src goes", `<img alt="nothing">`, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body, r := resolve(t, tc.snippet)
			imgs := all(body, atom.Img)
			var got []string
			for _, img := range imgs {
				got = append(got, attr(img, "src"))
			}
			if strings.Join(got, " ") != strings.Join(tc.src, " ") {
				t.Errorf("img src = %q, want %q\n%s", got, tc.src, renderBody(body))
			}
			if first(body, atom.Picture) != nil || first(body, atom.Noscript) != nil {
				t.Errorf("picture or noscript survived:\n%s", renderBody(body))
			}
			if len(tc.src) == 0 && r.Elements == 0 {
				t.Errorf("removed image not counted: %+v", r.Counts)
			}
		})
	}
}

func TestImageKeepsAlt(t *testing.T) {
	body, _ := resolve(t, `<picture><source srcset="https://img.example.org/p-960.webp 960w"><img src="`+gif1x1+`" alt="Die Brücke im Nebel"></picture>`)
	img := first(body, atom.Img)
	if img == nil || attr(img, "alt") != "Die Brücke im Nebel" {
		t.Errorf("alt lost:\n%s", renderBody(body))
	}
}

func TestEmbeds(t *testing.T) {
	tests := []struct {
		name     string
		snippet  string
		href     string // the link the player becomes; "" when it just goes
		duration string // shown in the link text
		poster   string // an img the figure must hold
	}{
		{name: "YouTube iframe", snippet: `<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?rel=0" width="560" height="315"></iframe>`, href: "https://www.youtube.com/watch?v=dQw4w9WgXcQ"},
		{name: "YouTube nocookie", snippet: `<iframe src="https://www.youtube-nocookie.com/embed/aB3_-x9Zk0Q"></iframe>`, href: "https://www.youtube.com/watch?v=aB3_-x9Zk0Q"},
		{name: "YouTube lazy iframe", snippet: `<iframe data-src="https://www.youtube.com/embed/Zx0_yy12AbC"></iframe>`, href: "https://www.youtube.com/watch?v=Zx0_yy12AbC"},
		{name: "Vimeo iframe", snippet: `<iframe src="https://player.vimeo.com/video/76979871?h=8272103f6e" allowfullscreen></iframe>`, href: "https://vimeo.com/76979871"},
		{name: "custom player element", snippet: `<video-player media-id="7" source="https://www.youtube.com/embed/itaHeusNkWx"><div></div></video-player>`, href: "https://www.youtube.com/watch?v=itaHeusNkWx"},
		{name: "video with poster", snippet: `<video poster="https://img.example.org/poster.jpg" src="https://media.example.org/clip.mp4" controls></video>`, href: "https://media.example.org/clip.mp4", poster: "https://img.example.org/poster.jpg"},
		{name: "video with source", snippet: `<video controls><source src="https://media.example.org/clip.webm" type="video/webm"></video>`, href: "https://media.example.org/clip.webm"},
		{name: "audio", snippet: `<audio controls src="https://media.example.org/episode-12.mp3"></audio>`, href: "https://media.example.org/episode-12.mp3"},
		{name: "duration beside the player", snippet: `<div class="player"><div><iframe src="https://www.youtube.com/embed/AAAAAAAAAAA"></iframe></div><time>04:05</time></div>`, href: "https://www.youtube.com/watch?v=AAAAAAAAAAA", duration: "4:05"},
		{name: "duration with hours", snippet: `<div><iframe src="https://player.vimeo.com/video/1234567"></iframe><span>1:02:03</span></div>`, href: "https://vimeo.com/1234567", duration: "1:02:03"},
		{name: "unknown iframe goes", snippet: `<iframe src="https://maps.example.org/embed?q=bridge"></iframe>`},
		{name: "blob video goes", snippet: `<video src="blob:https://news.example.org/1234"></video>`},
		{name: "silent background clip goes", snippet: `<video autoplay muted loop playsinline src="https://media.example.org/hero.mp4"></video>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			body, _ := resolve(t, tc.snippet+`<p>Story text.</p>`)
			out := renderBody(body)
			for _, tag := range []atom.Atom{atom.Iframe, atom.Video, atom.Audio} {
				if first(body, tag) != nil {
					t.Errorf("<%s> survived:\n%s", tag, out)
				}
			}
			if strings.Contains(out, "<video-player") {
				t.Errorf("custom player survived:\n%s", out)
			}
			if !strings.Contains(out, "Story text.") {
				t.Errorf("neighbouring text lost:\n%s", out)
			}
			links := all(body, atom.A)
			if tc.href == "" {
				if len(links) != 0 {
					t.Errorf("unplayable embed became links:\n%s", out)
				}
				return
			}
			var link *html.Node
			for _, a := range links {
				if attr(a, "href") == tc.href {
					link = a
				}
			}
			if link == nil {
				t.Fatalf("no link to %s:\n%s", tc.href, out)
			}
			inFigure := false
			for p := link.Parent; p != nil; p = p.Parent {
				if p.DataAtom == atom.Figure {
					inFigure = true
				}
			}
			if !inFigure {
				t.Errorf("link is not inside a figure:\n%s", out)
			}
			label := dom.Text(link)
			if label == "" {
				t.Errorf("link has no text:\n%s", out)
			}
			if tc.duration != "" {
				if !strings.Contains(label, "("+tc.duration+")") {
					t.Errorf("link text %q lacks (%s)", label, tc.duration)
				}
				if strings.Count(dom.Text(body), tc.duration) != 1 {
					t.Errorf("duration label left beside the link:\n%s", out)
				}
			}
			if tc.poster != "" {
				img := first(body, atom.Img)
				if img == nil || attr(img, "src") != tc.poster {
					t.Errorf("poster %s not kept as an image:\n%s", tc.poster, out)
				}
			}
		})
	}
}

// A muted clip without controls shows as its poster, with no player link;
// a muted clip the reader can start keeps its link.
func TestSilentClipKeepsPoster(t *testing.T) {
	body, _ := resolve(t, `<video muted loop poster="https://img.example.org/still.jpg"><source src="https://media.example.org/loop.mp4"></video><p>Story text.</p>`)
	if img := first(body, atom.Img); img == nil || attr(img, "src") != "https://img.example.org/still.jpg" {
		t.Errorf("poster not kept:\n%s", renderBody(body))
	}
	if strings.Contains(dom.Text(body), "▶") || first(body, atom.A) != nil {
		t.Errorf("silent clip became a player link:\n%s", renderBody(body))
	}
	body, _ = resolve(t, `<video muted controls src="https://media.example.org/talk.mp4"></video>`)
	if a := first(body, atom.A); a == nil || attr(a, "href") != "https://media.example.org/talk.mp4" {
		t.Errorf("playable clip lost its link:\n%s", renderBody(body))
	}
}

// A date near a player is not its duration.
func TestDurationIgnoresDates(t *testing.T) {
	body, _ := resolve(t, `<div><iframe src="https://www.youtube.com/embed/BBBBBBBBBBB"></iframe><time datetime="2024-03-02">2 March 2024</time><span>12:30 Uhr</span></div>`)
	a := first(body, atom.A)
	if a == nil {
		t.Fatalf("no link:\n%s", renderBody(body))
	}
	if strings.Contains(dom.Text(a), "(") {
		t.Errorf("link text %q took a date or clock time as a duration", dom.Text(a))
	}
	if !strings.Contains(dom.Text(body), "2 March 2024") {
		t.Errorf("date removed:\n%s", renderBody(body))
	}
}

// TestFixturePage checks testdata/gallery.html, an invented page with lazy
// images, pictures and embeds of every shape: afterwards no iframe,
// picture, noscript or placeholder is left, and every image has a real
// address.
func TestFixturePage(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "gallery.html"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := parse.Document(string(b))
	if err != nil {
		t.Fatal(err)
	}
	var r report.Report
	Resolve(doc, nil, &r)
	out := renderBody(doc)
	for _, tag := range []atom.Atom{atom.Iframe, atom.Picture, atom.Noscript, atom.Video} {
		if first(doc, tag) != nil {
			t.Errorf("<%s> survived:\n%s", tag, out)
		}
	}
	imgs := all(doc, atom.Img)
	if len(imgs) != 4 {
		t.Errorf("%d images, want 4:\n%s", len(imgs), out)
	}
	for _, img := range imgs {
		src := attr(img, "src")
		if !strings.HasPrefix(src, "https://bilder.example.org/") || strings.Contains(src, "platzhalter") {
			t.Errorf("img src %q is not a real image", src)
		}
	}
	for _, want := range []string{"https://www.youtube.com/watch?v=Kx8_2mPq0aZ", "https://vimeo.com/55512345"} {
		found := false
		for _, a := range all(doc, atom.A) {
			if attr(a, "href") == want {
				found = true
			}
		}
		if !found {
			t.Errorf("no link to %s:\n%s", want, out)
		}
	}
}
