package sanitize_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"articleclean/internal/article"
	"articleclean/internal/sanitize"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// payloadDir holds the shared sanitizer attack payloads (read in place; see
// its README for the sources).
const payloadDir = "../../../shared/xss"

type payload struct {
	ID      string `json:"id"`
	Payload string `json:"payload"`
}

func loadPayloads(t *testing.T) map[string][]payload {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(payloadDir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Skipf("no payload files in %s (err %v); the shared data is outside the repository", payloadDir, err)
	}
	sets := map[string][]payload{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var ps []payload
		if err := json.Unmarshal(b, &ps); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		sets[strings.TrimSuffix(filepath.Base(f), ".json")] = ps
	}
	return sets
}

// allowedAttrs is the policy written out independently of policy.go, so
// that widening the policy makes this test fail until someone looks. The
// "*" entry holds the global attributes.
var allowedAttrs = map[string][]string{
	"*":          {"lang", "dir", "title", "id"},
	"a":          {"href", "rel"},
	"img":        {"src", "alt", "srcset", "width", "height", "loading", "referrerpolicy"},
	"blockquote": {"cite"},
	"q":          {"cite"},
	"del":        {"cite", "datetime"},
	"ins":        {"cite", "datetime"},
	"time":       {"datetime"},
	"ol":         {"start", "reversed", "type"},
	"li":         {"value"},
	"td":         {"colspan", "rowspan"},
	"th":         {"colspan", "rowspan", "scope"},
	"col":        {"span"},
	"colgroup":   {"span"},
	"details":    {"open"},
	"code":       {"class"},
	"pre":        {"class"},
	"math":       {"display"},
	"annotation": {"encoding"},
}

var allowedHTML = set(
	"h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "section", "span", "a",
	"b", "strong", "i", "em", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
	"abbr", "dfn", "cite", "q", "time", "var", "kbd", "samp", "code", "pre", "bdi", "bdo", "wbr",
	"blockquote", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption", "img",
	"table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "col", "colgroup",
	"details", "summary", "ruby", "rt", "rp",
)

var allowedMath = set(
	"math", "semantics", "annotation", "mrow", "mi", "mn", "mo", "ms", "mtext", "mspace",
	"msup", "msub", "msubsup", "mfrac", "msqrt", "mroot", "mover", "munder", "munderover",
	"mtable", "mtr", "mtd", "menclose", "mpadded", "mphantom", "mfenced", "mstyle",
)

var mathLayoutAttrs = set("mathvariant", "stretchy", "fence", "separator", "accent", "columnalign", "notation")

func set(names ...string) map[string]bool {
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

func attrAllowed(el, key string, keepClasses bool) bool {
	for _, k := range allowedAttrs["*"] {
		if k == key {
			return true
		}
	}
	for _, k := range allowedAttrs[el] {
		if k == key {
			return true
		}
	}
	if allowedMath[el] && mathLayoutAttrs[key] {
		return true
	}
	return keepClasses && key == "class"
}

// dangerousSchemes are searched for in every attribute value after removing
// what a browser ignores inside a URL scheme (white space and controls).
var dangerousSchemes = []string{"javascript:", "vbscript:", "data:", "livescript:", "mocha:"}

func squeeze(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r <= ' ' || r == 0x7f {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// safeURL reports whether a URL attribute value is http(s), mailto, a
// fragment or relative without any scheme.
func safeURL(v string) bool {
	lv := strings.ToLower(v)
	switch {
	case strings.HasPrefix(lv, "http://"), strings.HasPrefix(lv, "https://"),
		strings.HasPrefix(lv, "mailto:"), strings.HasPrefix(v, "#"):
		return true
	case strings.HasPrefix(v, "//"):
		return false // scheme-relative: leaves the page's origin unchecked
	}
	first := strings.SplitN(v, "/", 2)[0]
	return !strings.Contains(first, ":")
}

// checkOutput returns the problems found in content, or nil.
func checkOutput(content string, keepClasses bool) []string {
	var problems []string
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(content), ctx)
	if err != nil {
		return []string{"unparseable: " + err.Error()}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			switch n.Namespace {
			case "":
				if !allowedHTML[n.Data] {
					problems = append(problems, "element <"+n.Data+">")
				}
			case "math":
				if !allowedMath[n.Data] {
					problems = append(problems, "math element <"+n.Data+">")
				}
			default:
				problems = append(problems, n.Namespace+" element <"+n.Data+">")
			}
			for _, a := range n.Attr {
				if a.Namespace != "" {
					problems = append(problems, fmt.Sprintf("namespaced attribute %s:%s", a.Namespace, a.Key))
					continue
				}
				if !attrAllowed(n.Data, a.Key, keepClasses) {
					problems = append(problems, fmt.Sprintf("attribute %s on <%s>", a.Key, n.Data))
				}
				if a.Key == "id" && !strings.HasPrefix(a.Val, "ac-") {
					problems = append(problems, "id without prefix: "+a.Val)
				}
				sq := squeeze(a.Val)
				for _, s := range dangerousSchemes {
					if strings.Contains(sq, s) {
						problems = append(problems, fmt.Sprintf("%s in %s=%q", s, a.Key, a.Val))
					}
				}
				switch a.Key {
				case "href", "src", "cite":
					if !safeURL(a.Val) {
						problems = append(problems, fmt.Sprintf("unsafe URL %s=%q", a.Key, a.Val))
					}
				case "srcset":
					for _, c := range strings.Split(a.Val, ",") {
						f := strings.Fields(c)
						if len(f) == 0 || !(strings.HasPrefix(f[0], "http://") || strings.HasPrefix(f[0], "https://")) {
							problems = append(problems, fmt.Sprintf("unsafe srcset candidate %q", c))
						}
					}
				}
			}
		case html.CommentNode, html.DoctypeNode:
			problems = append(problems, "comment or doctype node")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	var b bytes.Buffer
	for _, n := range nodes {
		walk(n)
		if err := html.Render(&b, n); err != nil {
			problems = append(problems, "render: "+err.Error())
		}
	}
	if b.String() != content {
		problems = append(problems, "mXSS round trip changes the markup:\n  out   "+content+"\n  again "+b.String())
	}
	if again := sanitize.PolicyFor(keepClasses).Sanitize(content); again != content {
		problems = append(problems, "policy applied again changes the markup:\n  out   "+content+"\n  again "+again)
	}
	return problems
}

// safeClean turns a panic into an error naming it, so that one crashing
// payload is reported with its id instead of ending the test.
func safeClean(in string, opts article.Options) (res article.Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v", p)
		}
	}()
	return article.CleanString(in, opts)
}

// hiddenText are elements whose text a reader never sees as article text:
// an unterminated <style>, <script> or <textarea> in a payload swallows the
// rest of the page, in the browser as in Go's parser; <video> and <audio>
// content is fallback a browser does not show. <button> is here because
// the clutter stage drops buttons whole (their text is UI), so an
// unclosed one takes the rest of the page with it; that is a choice of the
// clutter stage, not a sanitizer leak.
var hiddenText = set("script", "style", "template", "noscript", "iframe", "noembed", "noframes",
	"xmp", "textarea", "title", "plaintext", "select", "option", "object", "head",
	"video", "audio", "button")

// readerSees reports whether a browser would render text as ordinary
// article text of page: in an HTML text node with no hidden ancestor.
func readerSees(page, text string) bool {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return false
	}
	var found bool
	var walk func(n *html.Node, hidden bool)
	walk = func(n *html.Node, hidden bool) {
		if n.Type == html.ElementNode && (n.Namespace != "" || hiddenText[n.Data]) {
			hidden = true
		}
		if n.Type == html.TextNode && !hidden && strings.Contains(n.Data, text) {
			found = true
		}
		for c := n.FirstChild; c != nil && !found; c = c.NextSibling {
			walk(c, hidden)
		}
	}
	walk(doc, false)
	return found
}

// TestPayloads runs every shared attack payload through the whole pipeline,
// alone and inside an article page, in every option combination that
// changes what reaches the sanitizer, and checks the output statically.
func TestPayloads(t *testing.T) {
	sets := loadPayloads(t)
	wrapper, err := os.ReadFile("testdata/article_wrapper.html")
	if err != nil {
		t.Fatal(err)
	}
	names := make([]string, 0, len(sets))
	for n := range sets {
		names = append(names, n)
	}
	sort.Strings(names)
	total, failing := 0, 0
	for _, name := range names {
		setFailing := 0
		for _, p := range sets[name] {
			total++
			inputs := map[string]string{
				"whole":   p.Payload,
				"wrapped": strings.Replace(string(wrapper), "{{PAYLOAD}}", p.Payload, 1),
			}
			failed := false
			for form, in := range inputs {
				for _, keepAll := range []bool{false, true} {
					for _, keepClasses := range []bool{false, true} {
						opts := article.Options{URL: "https://news.example/2024/bridge.html", KeepAll: keepAll, KeepClasses: keepClasses}
						res, err := safeClean(in, opts)
						if err != nil {
							// Only "nothing left" is acceptable as an error.
							if form == "wrapped" || !strings.Contains(err.Error(), "empty") {
								t.Errorf("%s %s extract=%v keepClasses=%v: %v", p.ID, form, !keepAll, keepClasses, err)
								failed = true
							}
							continue
						}
						if probs := checkOutput(res.Content, keepClasses); len(probs) > 0 {
							failed = true
							t.Errorf("%s %s extract=%v keepClasses=%v:\n  payload %q\n  %s", p.ID, form, !keepAll, keepClasses, p.Payload, strings.Join(probs, "\n  "))
						}
						if form == "wrapped" && readerSees(in, "timber truss") && !strings.Contains(res.TextContent, "timber truss") {
							failed = true
							t.Errorf("%s wrapped extract=%v: the article around the payload was lost", p.ID, !keepAll)
						}
					}
				}
			}
			if failed {
				setFailing++
			}
		}
		failing += setFailing
		t.Logf("%s: %d payloads, %d failing", name, len(sets[name]), setFailing)
	}
	t.Logf("%d payloads, %d failing", total, failing)
}

// TestCheckOutputCatches proves the static check can fail: each of these
// outputs must be reported.
func TestCheckOutputCatches(t *testing.T) {
	for _, bad := range []string{
		`<script>alert(1)</script>`,
		`<p onclick="x">a</p>`,
		`<a href="javascript:alert(1)" rel="noopener noreferrer">a</a>`,
		`<a href="java&#x09;script:alert(1)" rel="noopener noreferrer">a</a>`,
		`<img src="data:image/png;base64,AA"/>`,
		`<img srcset="javascript:x 1x"/>`,
		`<a href="//evil.example/" rel="noopener noreferrer">a</a>`,
		`<p id="location">a</p>`,
		`<p style="color:red">a</p>`,
		`<svg></svg>`,
		`<math><maction>x</maction></math>`,
		`<p>a<p>b`,
		`<table><td>x</td></table>`,
		`<!-- c -->`,
		`<p class="x">a</p>`,
	} {
		if probs := checkOutput(bad, false); len(probs) == 0 {
			t.Errorf("checkOutput(%q) found nothing", bad)
		}
	}
}
