package dom

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// AppendWords appends the hint words of s, lower-cased: each token between
// white space, and its parts split at "-", "_" and lower-to-upper case
// changes. Hint tables are matched against parts rather than substrings,
// which keeps "ad" from matching "header" or "shadow".
func AppendWords(words []string, s string) []string {
	eachWord(s, func(w string) bool {
		words = append(words, strings.ToLower(w))
		return true
	})
	return words
}

// eachWord calls fn with every hint word of s, as found (not lower-cased):
// each white-space token, then its parts. It stops when fn returns false
// and reports whether it ran to the end.
func eachWord(s string, fn func(w string) bool) bool {
	for len(s) > 0 {
		// Tokens are separated by ASCII white space, as class lists are.
		i := 0
		for i < len(s) && isSpace(s[i]) {
			i++
		}
		j := i
		for j < len(s) && !isSpace(s[j]) {
			j++
		}
		tok := s[i:j]
		s = s[j:]
		if tok == "" {
			break
		}
		if !fn(tok) {
			return false
		}
		start := 0
		for i := 1; i <= len(tok); i++ {
			split := i == len(tok) || tok[i] == '-' || tok[i] == '_' ||
				(tok[i] >= 'A' && tok[i] <= 'Z' && tok[i-1] >= 'a' && tok[i-1] <= 'z')
			if !split {
				continue
			}
			if part := trimDashes(tok[start:i]); part != "" && part != tok && !fn(part) {
				return false
			}
			start = i
		}
	}
	return true
}

// trimDashes is strings.Trim(s, "-_") as a byte loop: it runs for every
// part of every class and id on the page, and strings.Trim builds its
// character set on each call.
func trimDashes(s string) string {
	i, j := 0, len(s)
	for i < j && (s[i] == '-' || s[i] == '_') {
		i++
	}
	for j > i && (s[j-1] == '-' || s[j-1] == '_') {
		j--
	}
	return s[i:j]
}

// Set builds a lookup table from words.
func Set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// A Matcher answers in one pass over a string's hint words which of several
// word tables hold one of them. The stages look at every element's class
// and id; splitting and lower-casing them once per element, without
// building a list of words, keeps that walk cheap.
type Matcher struct {
	bits map[string]uint32
	// shapes[c] has bit k set when a table word starting with the ASCII
	// byte c is k bytes long (63 standing for 63 or more). Most class
	// words are in no table, and this answers for them without hashing
	// the word, which is slow in WebAssembly (no hardware hash there).
	shapes [utf8.RuneSelf]uint64
}

// NewMatcher builds a Matcher over up to 32 tables; table i answers as bit
// 1<<i.
func NewMatcher(tables ...map[string]bool) *Matcher {
	m := &Matcher{bits: map[string]uint32{}}
	for i, t := range tables[:min(len(tables), 32)] {
		for w := range t {
			m.bits[w] |= 1 << i
			if w != "" && w[0] < utf8.RuneSelf {
				m.shapes[w[0]] |= 1 << min(len(w), 63)
			}
		}
	}
	return m
}

// Match returns the set of tables holding a hint word of s, as AppendWords
// splits and lower-cases it.
func (m *Matcher) Match(s string) uint32 {
	var found uint32
	var buf [64]byte
	eachWord(s, func(w string) bool {
		found |= m.lookup(w, buf[:0])
		return true
	})
	return found
}

// MatchNode is Match over n's class and id.
func (m *Matcher) MatchNode(n *html.Node) uint32 {
	var found uint32
	for _, a := range n.Attr {
		if (a.Key == "class" || a.Key == "id") && a.Namespace == "" {
			found |= m.Match(a.Val)
		}
	}
	return found
}

// lookup finds w lower-cased, without allocating for short ASCII words.
func (m *Matcher) lookup(w string, buf []byte) uint32 {
	if c := w[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if m.shapes[c]&(1<<min(len(w), 63)) == 0 {
			return 0 // no table word has this first letter and length
		}
	}
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return m.bits[strings.ToLower(w)]
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return m.bits[w]
	}
	if len(w) > cap(buf) {
		return m.bits[strings.ToLower(w)]
	}
	buf = buf[:len(w)]
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m.bits[string(buf)]
}
