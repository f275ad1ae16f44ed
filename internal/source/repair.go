package source

import (
	"strings"

	"golang.org/x/net/html/atom"
)

// Scrapers that "minify" HTML sometimes delete the space between a tag name
// and its first attribute: <imgsrc="a.jpg">, <divdata-x="1">,
// <video-playermedia-id="7">. A browser then sees an unknown element named
// "imgsrc" and loses the image. RepairGluedTags puts the space back.
//
// The rule is general: a start tag whose name is not an element, directly
// followed by "=", is split after its longest prefix that is a known element
// name, provided what remains starts like an attribute name. Known names
// are the HTML elements (golang.org/x/net/html/atom) and every custom element
// (a name with a hyphen) that the same input closes with an end tag, which
// is how <video-playermedia-id=…>…</video-player> is recognised.

// maxGluedName bounds the glued "element+attribute" names looked at: real
// ones are an element name and an attribute name, a few dozen bytes, and
// splitting a name tries each of its prefixes, so an unbounded one (a
// hostile "<aaaa…=" of a megabyte) would cost time quadratic in its length.
const maxGluedName = 128

// RepairGluedTags returns text with glued start tags split, and how many it
// split. Text without glued tags is returned unchanged without copying.
func RepairGluedTags(text string) (string, int) {
	var (
		b       strings.Builder
		last    int
		repairs int
		custom  map[string]bool
	)
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '<')
		if j < 0 {
			break
		}
		start := i + j + 1
		i = start
		if start >= len(text) || !isASCIILetter(text[start]) {
			continue
		}
		end := start
		for end < len(text) && isNameByte(text[end]) {
			end++
		}
		if end >= len(text) || text[end] != '=' || end-start > maxGluedName {
			continue
		}
		name := strings.ToLower(text[start:end])
		if isStandardElement(name) {
			continue
		}
		if custom == nil && strings.Contains(name, "-") {
			custom = closedCustomElements(text)
		}
		split := gluedSplit(name, custom)
		if split == 0 {
			continue
		}
		b.WriteString(text[last : start+split])
		b.WriteByte(' ')
		last = start + split
		repairs++
		i = end
	}
	if repairs == 0 {
		return text, 0
	}
	b.WriteString(text[last:])
	return b.String(), repairs
}

// gluedSplit returns the length of the longest proper prefix of name that is
// a known element and leaves an attribute-like rest, or 0. After an HTML
// element name the rest must be an attribute name HTML knows or a
// data-/aria- one (so "<bold=1>" is not read as <b old=1>); after a custom
// element that the input closes, any name will do, since custom elements
// define their own attributes.
func gluedSplit(name string, custom map[string]bool) int {
	for k := len(name) - 1; k >= 1; k-- {
		prefix, rest := name[:k], name[k:]
		if !isASCIILetter(rest[0]) && rest[0] != '@' && rest[0] != ':' {
			continue
		}
		if custom[prefix] || isStandardElement(prefix) && isKnownAttribute(rest) {
			return k
		}
	}
	return 0
}

// attributePrefixes start attribute names that no table lists in full.
var attributePrefixes = []string{"data-", "aria-", "on", "xml:", "xlink:", "@", ":", "v-", "x-", "ng-"}

// isKnownAttribute reports whether name is an attribute name of HTML (the
// atom table holds them beside element names) or has a known prefix.
func isKnownAttribute(name string) bool {
	if atom.Lookup([]byte(name)) != 0 {
		return true
	}
	for _, p := range attributePrefixes {
		if strings.HasPrefix(name, p) && len(name) > len(p) {
			return true
		}
	}
	return false
}

// isStandardElement reports whether name is an HTML, SVG or MathML element
// the parser knows (atom.Lookup covers those and common attribute names, so
// the tag table below narrows it to element names).
func isStandardElement(name string) bool {
	a := atom.Lookup([]byte(name))
	return a != 0 && elementAtoms[a]
}

// closedCustomElements collects the custom element names (containing a
// hyphen) that appear in end tags of text.
func closedCustomElements(text string) map[string]bool {
	names := map[string]bool{}
	for i := 0; ; {
		j := strings.Index(text[i:], "</")
		if j < 0 {
			return names
		}
		start := i + j + 2
		end := start
		for end < len(text) && isNameByte(text[end]) {
			end++
		}
		if name := strings.ToLower(text[start:end]); strings.Contains(name, "-") {
			names[name] = true
		}
		i = end
	}
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

func isNameByte(c byte) bool {
	return isASCIILetter(c) || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.' || c == '@'
}

// elementAtoms are the element names of HTML (plus the few SVG/MathML roots
// that appear in articles), used to tell element names from attribute names
// that share the atom table.
var elementAtoms = func() map[atom.Atom]bool {
	m := map[atom.Atom]bool{}
	for _, a := range []atom.Atom{
		atom.A, atom.Abbr, atom.Address, atom.Area, atom.Article, atom.Aside, atom.Audio,
		atom.B, atom.Base, atom.Bdi, atom.Bdo, atom.Blockquote, atom.Body, atom.Br, atom.Button,
		atom.Canvas, atom.Caption, atom.Cite, atom.Code, atom.Col, atom.Colgroup,
		atom.Data, atom.Datalist, atom.Dd, atom.Del, atom.Details, atom.Dfn, atom.Dialog, atom.Div, atom.Dl, atom.Dt,
		atom.Em, atom.Embed, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer, atom.Form,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Head, atom.Header, atom.Hgroup, atom.Hr, atom.Html,
		atom.I, atom.Iframe, atom.Img, atom.Input, atom.Ins, atom.Kbd, atom.Label, atom.Legend, atom.Li, atom.Link,
		atom.Main, atom.Map, atom.Mark, atom.Math, atom.Menu, atom.Meta, atom.Meter, atom.Nav, atom.Noscript,
		atom.Object, atom.Ol, atom.Optgroup, atom.Option, atom.Output, atom.P, atom.Picture, atom.Pre, atom.Progress,
		atom.Q, atom.Rp, atom.Rt, atom.Ruby, atom.S, atom.Samp, atom.Script, atom.Search, atom.Section, atom.Select, atom.Slot,
		atom.Small, atom.Source, atom.Span, atom.Strong, atom.Style, atom.Sub, atom.Summary, atom.Sup, atom.Svg,
		atom.Table, atom.Tbody, atom.Td, atom.Template, atom.Textarea, atom.Tfoot, atom.Th, atom.Thead, atom.Time,
		atom.Title, atom.Tr, atom.Track, atom.U, atom.Ul, atom.Var, atom.Video, atom.Wbr,
	} {
		m[a] = true
	}
	return m
}()
