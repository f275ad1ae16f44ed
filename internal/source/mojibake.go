package source

import (
	"strings"
	"unicode/utf8"
)

// A page whose UTF-8 text was once decoded as ISO-8859-1 or windows-1252
// and saved again as UTF-8 shows every non-ASCII character as two to four:
// "’" as "â€™" (windows-1252) or "â\u0080\u0099" (ISO-8859-1), "é" as "Ã©",
// a no-break space as "Â\u00a0". CMS imports, copy-paste through a wrong
// editor and scrapers produce it, and the page then declares, correctly,
// that it is UTF-8: no charset choice can fix it, only undoing the extra
// step can. This is the repair ftfy (python-ftfy) is known for, reduced to
// its surest case.
//
// The repair is decided for the whole document, because one sequence alone
// can be real text ("CAFÉ®" holds the bytes of "ɮ" read as Latin-1): only a
// document with at least mojibakeMinEvidence sequences that real text
// practically never holds is repaired, and then every sequence is.

// mojibakeMinEvidence is how many telltale sequences a document needs
// before its double encoding is undone. Telltales are the three- and
// four-byte sequences (punctuation, symbols, CJK: "â€™", "â€œ", "ä¸­") and
// the two-byte ones led by "Â" or "Ã" (no-break space, Latin-1 letters),
// a letter followed by one to three symbols or C1 controls that no language
// writes. Two keep a single stray quotation out while catching a short
// fragment with a couple of apostrophes.
const mojibakeMinEvidence = 2

// RepairDoubleEncoding returns text with UTF-8 that was read as
// ISO-8859-1 or windows-1252 and encoded again turned back into the
// characters it meant, and how many characters it repaired. Text without
// such sequences is returned unchanged without copying.
func RepairDoubleEncoding(text string) (string, int) {
	evidence := 0
	eachDoubleEncoded(text, func(i, _ int, r rune, n int) bool {
		if r >= 0x800 || n == 2 && (text[i+1] == 0x82 || text[i+1] == 0x83) {
			evidence++
		}
		return evidence < mojibakeMinEvidence
	})
	if evidence < mojibakeMinEvidence {
		return text, 0
	}
	var b strings.Builder
	b.Grow(len(text))
	repairs, last := 0, 0
	eachDoubleEncoded(text, func(i, width int, r rune, _ int) bool {
		b.WriteString(text[last:i])
		b.WriteRune(r)
		repairs++
		last = i + width
		return true
	})
	b.WriteString(text[last:])
	return b.String(), repairs
}

// eachDoubleEncoded calls fn, in order, for each double-encoded sequence
// of text: where it starts, how many bytes it takes, the character it
// stands for and how many characters it was. It stops when fn returns
// false.
func eachDoubleEncoded(text string, fn func(i, width int, r rune, n int) bool) {
	// Every lead character (U+00C2..U+00F4) is encoded as 0xC3 then a
	// byte: the scan jumps from one 0xC3 to the next.
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], 0xC3)
		if j < 0 {
			return
		}
		i += j
		r, width, n := undoDoubleEncoding(text[i:])
		if width == 0 {
			i++
			continue
		}
		if !fn(i, width, r, n) {
			return
		}
		i += width
	}
}

// undoDoubleEncoding reads, at the start of s, a character in
// U+00C2..U+00F4 (a UTF-8 lead byte read as one character) followed by the
// continuation bytes it announces, each read as a character, and returns
// the character those bytes encode, how many bytes of s they took, and how
// many characters (bytes of the original) they were. width is 0 when s
// does not start with such a sequence or the bytes are not valid UTF-8.
func undoDoubleEncoding(s string) (r rune, width, n int) {
	lead, size := utf8.DecodeRuneInString(s)
	if lead < 0xC2 || lead > 0xF4 {
		return 0, 0, 0
	}
	var buf [utf8.UTFMax]byte
	buf[0] = byte(lead)
	n = 2
	if lead >= 0xF0 {
		n = 4
	} else if lead >= 0xE0 {
		n = 3
	}
	width = size
	for k := 1; k < n; k++ {
		c, size := utf8.DecodeRuneInString(s[width:])
		b, ok := continuationByte(c)
		if !ok {
			return 0, 0, 0
		}
		buf[k] = b
		width += size
	}
	r, size = utf8.DecodeRune(buf[:n])
	if r == utf8.RuneError && size <= 1 || size != n {
		return 0, 0, 0
	}
	return r, width, n
}

// continuationByte maps a character back to the UTF-8 continuation byte
// (0x80..0xBF) it was decoded from: itself in ISO-8859-1, or the byte
// windows-1252 decodes to it (windows1252High, whose five undefined bytes
// decode to the C1 control of the same value, as in ISO-8859-1).
func continuationByte(c rune) (byte, bool) {
	if c >= 0x80 && c <= 0xBF {
		return byte(c), true
	}
	if c < 0x100 {
		return 0, false
	}
	for i, w := range windows1252High {
		if w == c {
			return byte(0x80 + i), true
		}
	}
	return 0, false
}
