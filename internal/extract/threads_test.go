package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"articleclean/internal/dom"
)

func TestArticleKeepsNestedThread(t *testing.T) {
	art := Article(load(t, "forum-nested-thread.html"), Options{})
	checkText(t, art,
		[]string{"three winters now", "clear five-minute kind", "slow-setting two-part kind", "sand both faces", "brush-on masonry sealer"},
		[]string{"Log in", "Privacy"})
}

func TestNestedThread(t *testing.T) {
	cases := []struct {
		name, in string
		climbs   bool
	}{
		{
			name: "replies nested in posts",
			in: `<div id="t"><div class="post"><p>one</p><div class="replies"><div class="post"><p>two</p>` +
				`<div class="replies"><div class="post"><p id="top">three</p></div></div></div></div></div></div>`,
			climbs: true,
		},
		{
			name: "too few posts",
			in:   `<div id="t"><div class="post"><p>one</p><div class="post"><p id="top">two</p></div></div></div>`,
		},
		{
			name: "grid rows in rows are layout",
			in: `<div id="t"><div class="row"><p>one</p><div class="col"><div class="row"><p>two</p>` +
				`<div class="row"><p id="top">three</p></div></div></div></div></div>`,
		},
	}
	for _, c := range cases {
		doc := mustParse(t, c.in)
		body := dom.FindAll(doc, atom.Body)[0]
		var top *html.Node
		dom.Elements(body, func(n *html.Node) bool {
			if dom.Attr(n, "id") == "top" {
				top = n
			}
			return true
		})
		got := nestedThread(top, body, measure(body))
		outer := dom.FindAll(body, atom.Div)[1] // the outermost post or row
		if c.climbs && got != outer || !c.climbs && got != top {
			t.Errorf("%s: climbed to <%s class=%q>", c.name, got.Data, dom.Attr(got, "class"))
		}
	}
}

func TestThreadPosts(t *testing.T) {
	nested := mustParse(t, `<div><div class="comment"><p>a</p><div class="comment"><p>b</p></div></div><div class="comment"><p>c</p></div></div>`)
	if got := len(threadPosts(nested)); got != 3 {
		t.Errorf("nested thread: %d posts, want 3", got)
	}
	flat := mustParse(t, `<div><div class="comment"><p>a</p></div><div class="comment"><p>b</p></div></div>`)
	if got := threadPosts(flat); got != nil {
		t.Errorf("flat comments: %d posts, want none", len(got))
	}
}

func TestDiscussionPageKeepsReplies(t *testing.T) {
	const page = `<html><body class="%s"><main>` +
		`<div class="topic-post"><p>How do I stop a cast iron pan from rusting between uses?</p></div>` +
		`<div class="comments-wrap"><div class="comment"><p>REPLY: dry it on the hob and wipe a drop of oil over it while warm.</p></div></div>` +
		`<div class="sidebar"><p>SIDEBAR: similar threads</p></div>` +
		`</main></body></html>`
	cases := []struct {
		name, bodyClass string
		keepsReply      bool
	}{
		{"a forum thread", "page-forum thread-view", true},
		{"a blog post", "single-post", false},
	}
	for _, c := range cases {
		doc := mustParse(t, strings.Replace(page, "%s", c.bodyClass, 1))
		body := dom.FindAll(doc, atom.Body)[0]
		discussion := isDiscussionPage(body)
		stripUnlikely(body, discussion)
		text := dom.Text(body)
		if strings.Contains(text, "REPLY:") != c.keepsReply || strings.Contains(text, "SIDEBAR:") {
			t.Errorf("%s: after stripping: %q", c.name, text)
		}
		reply := dom.FindAll(body, atom.Div)
		for _, n := range reply {
			if dom.Attr(n, "class") == "comment" {
				if w := threadWeight(n, flags{discussion: discussion}); w < 0 {
					t.Errorf("%s: reply weighs %v", c.name, w)
				}
			}
		}
	}
}

// TestAttrHasWord checks the copy-free search of ASCII values against the
// lower-cased search it stands in for.
func TestAttrHasWord(t *testing.T) {
	for _, v := range []string{"", "Comment-List", "POSTS", "x reply", "meta", "Ünïcode-REPLY", "İpost", "p o s t"} {
		n := &html.Node{Type: html.ElementNode, Data: "div", Attr: []html.Attribute{{Key: "class", Val: v}}}
		want := false
		for _, w := range threadWords {
			want = want || strings.Contains(strings.ToLower(v), w)
		}
		if got := isThreadContainer(n); got != want {
			t.Errorf("isThreadContainer(class=%q) = %v, want %v", v, got, want)
		}
	}
}
