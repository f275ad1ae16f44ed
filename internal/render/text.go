package render

import (
	"strings"

	"articleclean/internal/notes"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// textLineTags end with one line break rather than a blank line: items of
// a list and rows of a table read as lines of one block.
var textLineTags = map[atom.Atom]bool{
	atom.Li: true, atom.Tr: true,
}

// textWriter collects text with lazily written separators, so white space
// never piles up at block edges.
type textWriter struct {
	b     strings.Builder
	nl    int  // line breaks wanted before the next text (0–2)
	space bool // a folded space is wanted before the next text
	tail  int  // line breaks at the end of b
	pre   int  // depth of preformatted elements
	// lead is written before the next text, on the same line: a note's
	// number stays beside its first paragraph.
	lead string
}

func (w *textWriter) breakLines(n int) {
	if w.lead != "" {
		return
	}
	if n > w.nl {
		w.nl = n
	}
	w.space = false
}

// flush writes the separators wanted before new text.
func (w *textWriter) flush() {
	if w.b.Len() > 0 {
		if w.nl > w.tail {
			w.b.WriteString("\n\n"[:w.nl-w.tail])
			w.tail = w.nl
		} else if w.space && w.tail == 0 {
			w.b.WriteByte(' ')
		}
	}
	w.nl, w.space = 0, false
}

func (w *textWriter) text(s string) {
	if w.lead != "" && strings.TrimFunc(s, isSpace) != "" {
		lead := w.lead
		w.lead = ""
		w.text(lead)
	}
	if w.pre > 0 {
		w.raw(s)
		return
	}
	start := -1
	for i, r := range s {
		if isSpace(r) {
			if start >= 0 {
				w.flush()
				w.b.WriteString(s[start:i])
				w.tail = 0
				start = -1
			}
			w.space = true
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		w.flush()
		w.b.WriteString(s[start:])
		w.tail = 0
	}
}

// raw writes preformatted text as it is, counting its trailing breaks so
// the next block does not add a third.
func (w *textWriter) raw(s string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	if strings.TrimLeft(s, " \t\n\r") == "" && w.b.Len() > 0 && w.tail > 0 {
		return
	}
	for len(s) > 0 && s[0] == '\n' && (w.b.Len() == 0 || w.tail > 0 || w.nl > 0) {
		s = s[1:]
	}
	if s == "" {
		return
	}
	w.flush()
	w.b.WriteString(s)
	w.tail = 0
	for i := len(s) - 1; i >= 0 && s[i] == '\n'; i-- {
		w.tail++
	}
	if w.tail > 2 {
		w.tail = 2
	}
}

func text(root *html.Node) string {
	if root == nil {
		return ""
	}
	w := &textWriter{}
	// Notes are numbered in the text as the list shows them, or a reader
	// of the text could not tell which note a marker means; their
	// back-links are arrows with no meaning outside the page.
	found := notes.Find(root)
	var note *html.Node
	enter := func(n *html.Node) bool {
		switch n.Type {
		case html.TextNode:
			w.text(n.Data)
			return false
		case html.ElementNode:
		default:
			return false
		}
		if skipped[n.DataAtom] {
			return false
		}
		switch n.DataAtom {
		case atom.Br:
			if w.pre > 0 {
				w.raw("\n")
			} else {
				w.breakLines(1)
			}
			return false
		case atom.Td, atom.Th:
			w.space = true
			return true
		case atom.Pre, atom.Textarea, atom.Listing, atom.Xmp:
			w.breakLines(2)
			w.pre++
			return true
		case atom.Img:
			return false
		case atom.Math:
			// A formula's TeX is its plain-text form: the MathML's
			// own text runs its parts together ("x2a−b±" for a
			// fraction), and its annotation would repeat it.
			if tex := mathTeX(n); tex != "" {
				if strings.EqualFold(attr(n, "display"), "block") && w.pre == 0 {
					w.breakLines(2)
					w.text("$$" + tex + "$$")
					w.breakLines(2)
				} else {
					w.text("$" + tex + "$")
				}
				return false
			}
			return true
		case atom.Annotation, atom.AnnotationXml:
			return false
		}
		if note != nil && found.IsBackLink(n, note) {
			return false
		}
		if label := found.RefLabel(n); label != "" {
			// Bracketed, as the page printed it: a bare number would run
			// into the figure before it ("1.6" and note 4 read "1.64").
			w.text("[" + label + "]")
			return false
		}
		if textLineTags[n.DataAtom] {
			w.breakLines(1)
		} else if isBlock(n) {
			w.breakLines(2)
		}
		if note == nil && found.IsNote(n) {
			note = n
			w.lead = found.Label(n) + ". "
		}
		return true
	}
	leave := func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if n == note {
			note, w.lead = nil, ""
		}
		switch n.DataAtom {
		case atom.Pre, atom.Textarea, atom.Listing, atom.Xmp:
			w.pre--
			w.breakLines(2)
		case atom.Td, atom.Th:
			w.space = true
		default:
			if textLineTags[n.DataAtom] {
				w.breakLines(1)
			} else if isBlock(n) {
				w.breakLines(2)
			}
		}
	}
	walk(root, enter, leave)
	return trimLines(w.b.String())
}

// trimLines drops trailing white space from each line and blank lines at
// both ends. Preformatted text loses only trailing blanks, which readers
// cannot see.
func trimLines(s string) string {
	if s == "" {
		return ""
	}
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		line := s
		i := strings.IndexByte(s, '\n')
		if i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		b.WriteString(strings.TrimRight(line, " \t\r\u00a0"))
		if i >= 0 {
			b.WriteByte('\n')
		}
	}
	return strings.Trim(b.String(), "\n")
}
