package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"articleclean/internal/dom"
)

// Threaded discussions (link-aggregator comment trees, Drupal's and
// WordPress's nested comments) put each reply inside the
// post it answers: the posts are not siblings but a tree whose nodes share
// one container signature. Scoring takes the longest post, and the twins
// that repeatedAncestor and gather look for are only that post's siblings
// at its own depth. The outermost container of the same signature above
// the post holds the whole thread.
const (
	// threadLevels is how far above the top candidate a post container
	// is looked for, and how far above one post its parent post may be:
	// engines wrap the replies of a post in a list and an item, or a
	// "children" block and a listing, between the two.
	threadLevels = 6
	// threadMinPosts is the least number of post containers, nested or
	// side by side, below the thread's outermost one that make a thread.
	threadMinPosts = 3
	// threadLinkDensity: a thread whose text is more links than this is
	// a nested menu or a site map, not a discussion.
	threadLinkDensity = 0.3
)

// threadWords are the class and id words of a discussion's post
// containers. Nested containers of other names (grid rows in rows,
// wrappers in wrappers, page-builder sections in sections) are layout, and
// climbing them would take a page's rails and footers.
var threadWords = []string{"comment", "reply", "replies", "post", "message", "answer"}

// nestedThread climbs from top to the outermost post container of a
// threaded discussion when top lies in a post that sits inside another of
// the same signature.
func nestedThread(top, body *html.Node, st stats) *html.Node {
	n := top
	for level := 0; level <= threadLevels && n != nil && n != body; level++ {
		if key := threadKey(n); key != "" {
			if outer := outermostTwin(n, key, body); outer != n {
				if countPosts(outer, key) >= threadMinPosts && st.linkDensity(outer) < threadLinkDensity {
					return outer
				}
				return top
			}
		}
		n = n.Parent
	}
	return top
}

// outermostTwin climbs from n through ancestors of n's signature key, each
// within threadLevels of the one below it, and returns the last.
func outermostTwin(n *html.Node, key string, body *html.Node) *html.Node {
	outer := n
	for {
		var next *html.Node
		p := outer.Parent
		for level := 0; level < threadLevels && p != nil && p != body; level++ {
			if threadKey(p) == key {
				next = p
				break
			}
			p = p.Parent
		}
		if next == nil {
			return outer
		}
		outer = next
	}
}

// countPosts counts root, of signature key, and the elements of that
// signature below it, stopping at threadMinPosts.
func countPosts(root *html.Node, key string) int {
	count := 1
	dom.Elements(root, func(n *html.Node) bool {
		if count < threadMinPosts && threadKey(n) == key {
			count++
		}
		return count < threadMinPosts
	})
	return count
}

// threadKey returns n's signature (see sameSignature) as a string when
// its class or id names a post, or "".
func threadKey(n *html.Node) string {
	if n.Type != html.ElementNode || !isThreadContainer(n) {
		return ""
	}
	if cs := classSignature(n); cs != "" {
		return n.Data + "." + cs
	}
	if id := numberedID(n); id != "" {
		return n.Data + "#" + id
	}
	return ""
}

// isThreadContainer reports whether n's class or id names a post.
func isThreadContainer(n *html.Node) bool { return attrHasWord(n, threadWords) }

// threadPosts returns the post containers of the threaded discussions in
// art: the elements named as posts whose signature recurs on an ancestor
// of theirs within threadLevels, with every element of such a signature.
// A thread's posts are named as comments, which class weights condemn as
// an article's comment section; in a thread they are the content.
func threadPosts(art *html.Node) map[*html.Node]bool {
	keys := map[*html.Node]string{}
	nested := map[string]bool{}
	dom.Elements(art, func(n *html.Node) bool {
		key := threadKey(n)
		if key == "" {
			return true
		}
		keys[n] = key
		p := n.Parent
		for level := 0; level < threadLevels && p != nil && p != art; level++ {
			if keys[p] == key {
				nested[key] = true
				break
			}
			p = p.Parent
		}
		return true
	})
	if len(nested) == 0 {
		return nil
	}
	posts := map[*html.Node]bool{}
	for n, key := range keys {
		if nested[key] {
			posts[n] = true
		}
	}
	return posts
}

// discussionWords in the class or id of a page's <html> or <body> declare
// it a discussion: forum engines name the page's template so (phpBB's and
// vBulletin's "forum" and "thread" pages, XenForo's "thread_view",
// Vanilla's "Discussion", Drupal's "page-forum"). "topic" and "post" are
// left out: blogs and news sites name their article and tag pages so.
var discussionWords = []string{"forum", "thread", "discussion"}

// isDiscussionPage reports whether the document of body declares itself a
// discussion.
func isDiscussionPage(body *html.Node) bool {
	for n := body; n != nil && n.Type == html.ElementNode; n = n.Parent {
		if dom.IsElement(n, atom.Body, atom.Html) && attrHasWord(n, discussionWords) {
			return true
		}
	}
	return false
}

// postWords name a discussion's replies in class names that the unlikely
// and negative class tables condemn elsewhere.
var postWords = []string{"comment", "repl"}

// namesPosts reports whether n's class or id names a reply.
func namesPosts(n *html.Node) bool { return attrHasWord(n, postWords) }

// threadWeight is n's class weight (see classWeightOf), with the penalty
// for naming a comment dropped on a discussion page.
func threadWeight(n *html.Node, f flags) float64 {
	w := classWeightOf(n)
	if w < 0 && f.discussion && namesPosts(n) {
		return 0
	}
	return w
}

// attrHasWord reports whether n's class or id holds one of words, case
// folded.
func attrHasWord(n *html.Node, words []string) bool {
	for _, a := range n.Attr {
		if a.Namespace != "" || a.Key != "class" && a.Key != "id" {
			continue
		}
		// An ASCII value, nearly every one, is searched without a
		// lower-cased copy (the words are lower-case ASCII).
		v, ascii := a.Val, dom.IsASCII(a.Val)
		if !ascii {
			v = strings.ToLower(v)
		}
		for _, w := range words {
			if ascii && containsFoldASCII(v, w) || !ascii && strings.Contains(v, w) {
				return true
			}
		}
	}
	return false
}
