package article

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

const storyURL = "https://post.example.org/travel/2024/night-trains.html"

func readStory(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "story.html"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestCleanStory(t *testing.T) {
	res, err := Clean(readStory(t), Options{URL: storyURL})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"STORY-ONE", "STORY-TWO", "STORY-THREE", "STORY-FOUR", "A refurbished sleeping car."} {
		if !strings.Contains(res.TextContent, s) {
			t.Errorf("TextContent lacks %q:\n%s", s, res.TextContent)
		}
	}
	for _, s := range []string{"NAV-HOME", "FOOTER-COPY", "AD-TEXT", "Advertisement"} {
		if strings.Contains(res.TextContent, s) {
			t.Errorf("TextContent holds %q:\n%s", s, res.TextContent)
		}
	}
	if !strings.Contains(res.Title, "Night trains return to the coast line") {
		t.Errorf("Title = %q", res.Title)
	}
	if strings.Contains(res.TextContent, "Night trains return to the coast line") {
		t.Errorf("title heading repeated in the text:\n%s", res.TextContent)
	}
	// Relative addresses resolve against the page's URL.
	if !strings.Contains(res.Content, `src="https://post.example.org/travel/2024/images/sleeper.jpg"`) {
		t.Errorf("relative image not made absolute:\n%s", res.Content)
	}
	// Tracking parameters go; the others stay.
	if strings.Contains(res.Content, "utm_") || !strings.Contains(res.Content, "day=fri") {
		t.Errorf("tracking parameters not stripped, or others lost:\n%s", res.Content)
	}
	if strings.Contains(res.Content, "stats.example.net") {
		t.Errorf("tracking pixel kept:\n%s", res.Content)
	}
	if res.Removed.Ads < 1 || res.Removed.Trackers < 1 || res.Removed.Params < 2 {
		t.Errorf("Removed = %+v, want at least 1 ad, 1 tracker, 2 params", res.Removed)
	}
	// Readability's length counts UTF-16 code units (the emoji is two).
	if want := len(utf16.Encode([]rune(res.TextContent))); res.Length != want {
		t.Errorf("Length = %d, want %d", res.Length, want)
	}
	if res.Excerpt == "" {
		t.Error("no excerpt")
	}
	if res.Markdown != "" {
		t.Error("Markdown filled without being asked for")
	}
	if len(res.Removals) != 0 {
		t.Error("Removals filled without Explain")
	}
	if strings.Contains(res.Content, "class=") {
		t.Errorf("class kept without KeepClasses:\n%s", res.Content)
	}
}

func TestCleanOptions(t *testing.T) {
	input := readStory(t)
	t.Run("markdown", func(t *testing.T) {
		res, err := Clean(input, Options{URL: storyURL, Markdown: true})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.Markdown, "STORY-ONE") || strings.Contains(res.Markdown, "<p>") {
			t.Errorf("Markdown:\n%s", res.Markdown)
		}
	})
	t.Run("explain", func(t *testing.T) {
		plain, err := Clean(input, Options{URL: storyURL})
		if err != nil {
			t.Fatal(err)
		}
		res, err := Clean(input, Options{URL: storyURL, Explain: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Removals) == 0 {
			t.Error("Explain gave no removals")
		}
		if res.Removed != plain.Removed || res.Content != plain.Content {
			t.Errorf("Explain changed the result: %+v vs %+v", res.Removed, plain.Removed)
		}
	})
	t.Run("keepAll", func(t *testing.T) {
		res, err := Clean(input, Options{URL: storyURL, KeepAll: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"NAV-HOME", "FOOTER-COPY", "STORY-ONE", "STORY-FOUR"} {
			if !strings.Contains(res.TextContent, s) {
				t.Errorf("KeepAll lost %q:\n%s", s, res.TextContent)
			}
		}
		if strings.Contains(res.TextContent, "AD-TEXT") {
			t.Errorf("KeepAll kept the ad:\n%s", res.TextContent)
		}
	})
	t.Run("keepClasses", func(t *testing.T) {
		res, err := CleanString(`<article><p class="lead">`+strings.Repeat("Text of the article goes on. ", 20)+`</p></article>`, Options{KeepClasses: true})
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(res.Content, `class="lead"`) {
			t.Errorf("class dropped with KeepClasses:\n%s", res.Content)
		}
	})
}

func TestCleanURLOption(t *testing.T) {
	for _, bad := range []string{"ftp://example.org/a", "not a url", "/relative/path", "javascript:alert(1)", "https://"} {
		if _, err := CleanString("<p>x</p>", Options{URL: bad}); !errors.Is(err, ErrBadURL) {
			t.Errorf("URL %q: err = %v, want ErrBadURL", bad, err)
		}
	}
	// A bad address in a feed header is not the caller's error.
	res, err := CleanString("[Title](http://)\n<p>Body text.</p>", Options{})
	if err != nil {
		t.Errorf("bad feed address: %v", err)
	}
	if !strings.Contains(res.TextContent, "Body text.") {
		t.Errorf("text lost: %q", res.TextContent)
	}
	// The caller's address wins over the feed header's as the base.
	res, err = CleanString("[Title](https://feed.example.org/x/item)\n<p>See <a href=\"/y\">this</a>.</p>", Options{URL: "https://caller.example.org/a/b"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Content, `href="https://caller.example.org/y"`) {
		t.Errorf("link not resolved against the caller's URL:\n%s", res.Content)
	}
}

func TestCleanBytesAndStringAgree(t *testing.T) {
	input := readStory(t)
	a, err := Clean(input, Options{URL: storyURL})
	if err != nil {
		t.Fatal(err)
	}
	b, err := CleanString(string(input), Options{URL: storyURL})
	if err != nil {
		t.Fatal(err)
	}
	if a.Content != b.Content || a.Title != b.Title || a.TextContent != b.TextContent {
		t.Error("Clean and CleanString differ on UTF-8 input")
	}
}

func TestIsReaderable(t *testing.T) {
	ok, err := IsReaderable(readStory(t), Options{})
	if err != nil || !ok {
		t.Errorf("story: IsReaderable = %v, %v; want true", ok, err)
	}
	ok, err = IsReaderableString(`<nav><a href="/a">Home</a> <a href="/b">News</a></nav><p>Hello.</p>`, Options{})
	if err != nil || ok {
		t.Errorf("nav page: IsReaderableString = %v, %v; want false", ok, err)
	}
	if _, err := IsReaderableString("   ", Options{}); err == nil {
		t.Error("blank input: no error")
	}
}

// Without a description, the excerpt is the first paragraph's whole text,
// as Readability gives it; a div of inline content is a paragraph.
func TestExcerptFromFirstParagraph(t *testing.T) {
	long := strings.Repeat("The night train leaves the coast at ten and reaches the mountains by dawn. ", 8)
	tests := []struct {
		name, body, want string
	}{
		{"paragraph", `<p></p><p>First paragraph of the story, long enough to count as one.</p><p>` + long + `</p>`,
			"First paragraph of the story, long enough to count as one."},
		{"long paragraph whole", `<p>` + long + `</p><p>` + long + `</p>`, strings.TrimSpace(long)},
		{"div of inline text", `<div>A <b>div</b> that holds only inline text is a paragraph.</div><p>` + long + `</p>`,
			"A div that holds only inline text is a paragraph."},
		{"div of blocks is not", `<div><h2>Heading</h2><p>The paragraph inside the div comes first.</p></div><p>` + long + `</p>`,
			"The paragraph inside the div comes first."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := CleanString(`<html><head><title>Night trains</title></head><body><article><h1>Night trains</h1>`+tc.body+`</article></body></html>`, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Excerpt != tc.want {
				t.Errorf("Excerpt = %q\nwant      %q", res.Excerpt, tc.want)
			}
		})
	}
}
