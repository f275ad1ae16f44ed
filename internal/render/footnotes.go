package render

import (
	"strings"

	"articleclean/internal/notes"

	"golang.org/x/net/html"
)

// Footnotes are found by internal/notes (the same detection that
// normalised the HTML before sanitizing): each note is written as a GFM
// definition ([^1]: …) at the end, and each marker as a reference ([^1]).

// footnotes is the notes of one tree and whether their definitions have
// been written.
type footnotes struct {
	*notes.Set
	written bool
}

// findFootnotes finds the markers and bodies below root.
func findFootnotes(root *html.Node) *footnotes {
	return &footnotes{Set: notes.Find(root)}
}

// writeDefinitions writes the notes as GFM footnote definitions, their
// later lines indented so they stay inside the definition.
func (f *footnotes) writeDefinitions(w *mdWriter) {
	if f.written {
		return
	}
	f.written = true
	for _, body := range f.Notes() {
		text := w.subRender(body, false, body)
		if text == "" {
			continue
		}
		var b strings.Builder
		b.WriteString("[^" + f.Label(body) + "]: ")
		for i, line := range strings.Split(text, "\n") {
			if i > 0 {
				b.WriteByte('\n')
				if line != "" {
					b.WriteString("    ")
				}
			}
			b.WriteString(line)
		}
		w.breakLines(2)
		w.raw(b.String())
		w.breakLines(2)
	}
}
