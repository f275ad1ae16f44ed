package parse

import (
	"strings"

	"golang.org/x/net/html"
)

// Script and style bodies are a third to a half of a typical page's bytes
// (measured over the corpus sample: scripts 35%, styles 12%), none of it
// readable, and the parser reads raw text a byte at a time. ElideRawText
// drops those bodies with a byte scan before parsing; only JSON-LD, which
// the metadata stage reads, is kept.
//
// The scan follows the HTML tokenizer where it matters for finding where a
// raw-text body ends: comments, quoted attribute values, the other raw-text
// and RCDATA elements (copied untouched), <plaintext>, and the escaping
// rules that let "</script>" appear inside a script's "<!-- <script> -->".
// Inside SVG and MathML, where script and style hold markup, no raw text is
// elided.
//
// Inline SVG is the other large part nothing downstream reads (7% of the
// sample's bytes once scripts and styles are gone: icon paths), and clutter
// removes every SVG element anyway. The content of a top-level <svg> is
// dropped too, but only when the scan can be sure where the parser ends it:
// every end tag inside closes an element the SVG opened, and no tag that
// makes the parser leave foreign content ("<p>", "<div>"…) appears. Any
// doubt keeps the content.
//
// One cut is a repair rather than a saving: a raw-text element left open
// inside a <noscript> is dropped up to the noscript's end (see
// cutAtNoscriptEnd), where it would otherwise swallow the rest of the page.

// elidedTags are the elements whose body is dropped, with the type
// attribute texts that keep it: JSON-LD is metadata, and a "math/tex"
// script is MathJax 2's copy of a formula's TeX (see internal/clutter).
var elidedTags = map[string][]string{
	"script": {"ld+json", "math/tex"},
	"style":  nil,
}

// typeKeeps reports whether a type attribute value holds one of keep.
func typeKeeps(typ string, keep []string) bool {
	if typ == "" || len(keep) == 0 {
		return false
	}
	typ = strings.ToLower(html.UnescapeString(typ))
	for _, k := range keep {
		if strings.Contains(typ, k) {
			return true
		}
	}
	return false
}

// foreignBreakouts are the start tags that end SVG or MathML content in the
// HTML parser (HTML's "parsing tokens in foreign content"): after one, what
// follows is HTML again, so an <svg> holding one is never elided.
var foreignBreakouts = map[string]bool{
	"b": true, "big": true, "blockquote": true, "body": true, "br": true, "center": true,
	"code": true, "dd": true, "div": true, "dl": true, "dt": true, "em": true, "embed": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "head": true,
	"hr": true, "i": true, "img": true, "li": true, "listing": true, "menu": true, "meta": true,
	"nobr": true, "ol": true, "p": true, "pre": true, "ruby": true, "s": true, "small": true,
	"span": true, "strong": true, "strike": true, "sub": true, "sup": true, "table": true,
	"tt": true, "u": true, "ul": true, "var": true, "font": true,
}

// verbatimTags are the other raw-text and RCDATA elements: their bodies are
// copied untouched and not scanned for tags.
var verbatimTags = map[string]bool{
	"textarea": true, "title": true, "xmp": true, "iframe": true,
	"noembed": true, "noframes": true,
}

// ElideRawText returns s with the bodies of script (except JSON-LD) and
// style elements, and the content of top-level <svg> elements, removed; the
// tags themselves stay. It returns s itself
// when there is nothing to remove.
func ElideRawText(s string) string {
	// The bodies to drop, as [start, end) pairs, so the result is built
	// at its exact size once the scan is done.
	var drop []int
	// Inside <svg> and <math> script and style are not raw text: their
	// content is markup, which the scan must not swallow. Elision stops
	// there; being wrong about having left them only costs a body kept.
	svgDepth, mathDepth := 0, 0
	// svg follows the top-level <svg> being considered for elision.
	var svg svgBody
	// Inside <select> the parser ignores an <svg> tag and keeps its text.
	inSelect := false
	// noscriptEnd is where the <noscript> the scan is in ends for a
	// browser (see cutAtNoscriptEnd), or -1 outside one.
	noscriptEnd := -1
	for i := 0; i < len(s); {
		lt := strings.IndexByte(s[i:], '<')
		if lt < 0 {
			break
		}
		i += lt
		rest := s[i+1:]
		switch {
		case strings.HasPrefix(rest, "!--"):
			i = commentEnd(s, i)
		case strings.HasPrefix(rest, "![CDATA[") && (svgDepth > 0 || mathDepth > 0):
			i = len(s)
			if j := strings.Index(rest, "]]>"); j >= 0 {
				i += j - len(rest) + 3
			}
		case rest != "" && (rest[0] == '!' || rest[0] == '?'):
			i = bogusEnd(s, i)
		case rest != "" && rest[0] == '/':
			if len(rest) > 1 && isASCIIAlpha(rest[1]) {
				t := readTag(s, i+2)
				if svg.open() {
					if svg.end(t.name) {
						drop = append(drop, svg.start, i)
					}
				}
				switch {
				case t.name == "svg" && svgDepth > 0:
					svgDepth--
				case t.name == "math" && mathDepth > 0:
					mathDepth--
				case t.name == "select":
					inSelect = false
				}
				i = t.end
			} else {
				i = bogusEnd(s, i)
			}
		case rest != "" && isASCIIAlpha(rest[0]):
			t := readTag(s, i+1)
			name, end := t.name, t.end
			if end >= len(s) {
				i = len(s)
				break
			}
			if svg.open() {
				svg.begin(name, t.selfClosing)
			}
			switch {
			case name == "svg" && !t.selfClosing:
				if svgDepth == 0 && mathDepth == 0 && !inSelect {
					svg = svgBody{start: end, stack: []string{name}}
				}
				svgDepth++
				i = end
			case name == "math" && !t.selfClosing:
				mathDepth++
				i = end
			case svgDepth > 0 || mathDepth > 0:
				i = end
			case name == "select":
				inSelect = true
				i = end
			case name == "noscript":
				if noscriptEnd < i {
					noscriptEnd = rawEnd(s, end, name)
				}
				i = end
			case name == "plaintext":
				if i < noscriptEnd {
					drop = append(drop, i, noscriptEnd)
					i = noscriptEnd
					break
				}
				i = len(s)
			case verbatimTags[name]:
				bodyEnd := rawEnd(s, end, name)
				if cutAtNoscriptEnd(i, bodyEnd, noscriptEnd) {
					drop = append(drop, i, noscriptEnd)
					bodyEnd = noscriptEnd
				}
				i = bodyEnd
			default:
				keep, elided := elidedTags[name]
				if !elided {
					i = end
					break
				}
				var bodyEnd int
				if name == "script" {
					bodyEnd = scriptEnd(s, end)
				} else {
					bodyEnd = rawEnd(s, end, name)
				}
				if cutAtNoscriptEnd(i, bodyEnd, noscriptEnd) {
					drop = append(drop, i, noscriptEnd)
					i = noscriptEnd
					break
				}
				// A body the input ends inside is kept: the parser would
				// read it to the end too, and if the scan has lost track
				// of where it is, nothing after it is lost.
				if bodyEnd > end && bodyEnd < len(s) && !typeKeeps(t.typ, keep) {
					drop = append(drop, end, bodyEnd)
				}
				i = bodyEnd
			}
		default:
			i++
		}
	}
	if len(drop) == 0 {
		return s
	}
	size := len(s)
	for k := 0; k < len(drop); k += 2 {
		size -= drop[k+1] - drop[k]
	}
	var b strings.Builder
	b.Grow(size)
	copied := 0
	for k := 0; k < len(drop); k += 2 {
		b.WriteString(s[copied:drop[k]])
		copied = drop[k+1]
	}
	b.WriteString(s[copied:])
	return b.String()
}

// cutAtNoscriptEnd reports whether a raw-text element starting at start
// inside a <noscript> that ends at noscriptEnd (-1: none open) runs past
// it. The tree is built as a browser with scripting disabled would (so
// that noscript fallbacks are markup), but pages are written for browsers
// with scripting, to which a noscript is raw text up to its first
// "</noscript". A raw-text element left open in one, such as the
// self-closed "<iframe … />" of a tag manager's fallback, would otherwise
// swallow the rest of the page as its text. Such an element is dropped up
// to the noscript's end: no browser with scripting shows it.
func cutAtNoscriptEnd(start, bodyEnd, noscriptEnd int) bool {
	return start < noscriptEnd && bodyEnd > noscriptEnd
}

// svgBody follows the elements open inside a top-level <svg>, to know
// whether its end tag is where the parser ends it too.
type svgBody struct {
	start  int      // just past the <svg> start tag
	stack  []string // open elements, the <svg> first
	failed bool     // the parser may end the SVG elsewhere: keep it all
}

func (b *svgBody) open() bool { return len(b.stack) > 0 && !b.failed }

// svgHTMLPoints are the SVG elements whose content the parser reads as
// HTML ("HTML integration points"), where raw text and the HTML rules come
// back: a tag inside one keeps the SVG.
var svgHTMLPoints = map[string]bool{"foreignobject": true, "desc": true, "title": true}

// begin records a start tag inside the SVG.
func (b *svgBody) begin(name string, selfClosing bool) {
	switch {
	case foreignBreakouts[name] || svgHTMLPoints[b.stack[len(b.stack)-1]]:
		b.failed = true
	case !selfClosing:
		b.stack = append(b.stack, name)
	}
}

// end records an end tag inside the SVG and reports whether it closed the
// <svg> itself. An end tag of no element the SVG opened is handled by the
// HTML rules, which may end the SVG early ("</div>", "</p>", "</br>").
func (b *svgBody) end(name string) bool {
	for k := len(b.stack) - 1; k >= 0; k-- {
		if b.stack[k] == name {
			b.stack = b.stack[:k]
			return k == 0
		}
	}
	b.failed = true
	return false
}

// commentEnd returns the index just past the comment starting at s[i:]
// ("<!--"). "<!-->" and "<!--->" are whole comments, hence the search from
// the dashes of the opening; "--!>" closes one too.
func commentEnd(s string, i int) int {
	from := i + 2
	end := len(s)
	if j := strings.Index(s[from:], "-->"); j >= 0 {
		end = from + j + 3
	}
	// Only up to the "-->" found: a search to the end of the input for
	// each comment would make many comments quadratic.
	if j := strings.Index(s[from:end], "--!>"); j >= 0 {
		end = from + j + 4
	}
	return end
}

// bogusEnd returns the index just past the next ">" ("<!DOCTYPE …>",
// "<?xml …?>", "</ …>").
func bogusEnd(s string, i int) int {
	if j := strings.IndexByte(s[i:], '>'); j >= 0 {
		return i + j + 1
	}
	return len(s)
}

// A tag is what the scan needs of one: its name (lower-cased), the raw
// value of its type attribute, whether it closes itself ("<svg/>"), and
// the index just past its ">", or len(s) when the input ends inside it.
type tag struct {
	name, typ   string
	selfClosing bool
	end         int
}

// readTag reads a tag's name and attributes from s[i:], just past "<" or
// "</".
func readTag(s string, i int) tag {
	start := i
	for i < len(s) && !isTagSpace(s[i]) && s[i] != '/' && s[i] != '>' {
		i++
	}
	t := tag{name: strings.ToLower(s[start:i]), end: len(s)}
	// slash is where a "/" between attributes was last seen: a "/" right
	// before ">" closes the tag; one ending an unquoted value does not.
	slash := -1
	for i < len(s) {
		switch c := s[i]; {
		case c == '>':
			t.selfClosing = slash == i-1
			t.end = i + 1
			return t
		case c == '/':
			slash = i
			i++
		case isTagSpace(c):
			i++
		default:
			// An attribute: its name (an "=" may start one), then an
			// optional value, quoted or not.
			keyStart := i
			i++
			for i < len(s) && !isTagSpace(s[i]) && s[i] != '/' && s[i] != '>' && s[i] != '=' {
				i++
			}
			isType := strings.EqualFold(s[keyStart:i], "type")
			for i < len(s) && isTagSpace(s[i]) {
				i++
			}
			if i >= len(s) || s[i] != '=' {
				continue
			}
			i++
			for i < len(s) && isTagSpace(s[i]) {
				i++
			}
			if i >= len(s) {
				return t
			}
			valStart := i
			if q := s[i]; q == '"' || q == '\'' {
				j := strings.IndexByte(s[i+1:], q)
				if j < 0 {
					return t
				}
				i += j + 2
				if isType && t.typ == "" {
					t.typ = s[valStart+1 : i-1]
				}
				continue
			}
			for i < len(s) && !isTagSpace(s[i]) && s[i] != '>' {
				i++
			}
			if isType && t.typ == "" {
				t.typ = s[valStart:i]
			}
		}
	}
	return t
}

// rawEnd returns the index of the end tag "</name" that closes a raw-text
// or RCDATA body starting at s[i:], or len(s).
func rawEnd(s string, i int, name string) int {
	for {
		j := strings.Index(s[i:], "</")
		if j < 0 {
			return len(s)
		}
		i += j
		if isEndTagOf(s, i, name) {
			return i
		}
		i += 2
	}
}

// scriptEnd returns the index of the "</script" that closes the script body
// starting at s[i:], or len(s). Inside "<!--", a "<script" starts a nested
// ("double-escaped") part in which "</script" does not close the body but
// only that part; "-->" leaves both.
func scriptEnd(s string, i int) int {
	const (
		data = iota
		escaped
		doubleEscaped
	)
	state := data
	// nextClose caches where the next "-->" is (len(s) for none), so the
	// escaped states do not search the rest of the input at every "<".
	nextClose := -1
	for i < len(s) {
		switch state {
		case data:
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				return len(s)
			}
			i += j
			switch {
			case isEndTagOf(s, i, "script"):
				return i
			case strings.HasPrefix(s[i:], "<!--"):
				// From the dashes, so "<!-->" closes at once.
				i += 2
				state = escaped
			default:
				i++
			}
		case escaped, doubleEscaped:
			if nextClose < i {
				nextClose = len(s)
				if j := strings.Index(s[i:], "-->"); j >= 0 {
					nextClose = i + j
				}
			}
			lt := strings.IndexByte(s[i:nextClose], '<')
			if lt < 0 {
				if nextClose == len(s) {
					return len(s)
				}
				i = nextClose + 3
				state = data
				continue
			}
			i += lt
			switch {
			case isEndTagOf(s, i, "script"):
				if state == escaped {
					return i
				}
				state = escaped
				i += len("</script")
			case state == escaped && isStartTagOf(s, i, "script"):
				state = doubleEscaped
				i += len("<script")
			case state == escaped && i+1 < len(s) && s[i+1] != '/' && !isASCIIAlpha(s[i+1]):
				// golang.org/x/net/html leaves the escape at a "<" that
				// starts no tag (the standard stays in it), and the scan
				// must end the body where that parser does.
				state = data
				i++
			default:
				i++
			}
		}
	}
	return len(s)
}

// isEndTagOf reports whether s[i:] starts with "</name" followed by white
// space, "/" or ">", in any case: the end tag a raw-text body waits for.
func isEndTagOf(s string, i int, name string) bool {
	return strings.HasPrefix(s[i:], "</") && isTagOf(s, i+2, name)
}

func isStartTagOf(s string, i int, name string) bool {
	return s[i] == '<' && isTagOf(s, i+1, name)
}

func isTagOf(s string, i int, name string) bool {
	if len(s)-i <= len(name) || !strings.EqualFold(s[i:i+len(name)], name) {
		return false
	}
	c := s[i+len(name)]
	return isTagSpace(c) || c == '/' || c == '>'
}

func isTagSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
}

func isASCIIAlpha(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
