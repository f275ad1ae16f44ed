package source

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// prescanBytes is how far into the input a charset declaration counts, as in
// the HTML standard's "prescan a byte stream to determine its encoding".
const prescanBytes = 1024

// sniffCandidates are the legacy multi-byte encodings tried, in order, for
// pages that declare no charset and are not valid UTF-8. Undeclared pages in
// the wild are overwhelmingly one of these or windows-1252 (the fallback).
var sniffCandidates = []string{"gb18030", "big5", "shift_jis", "euc-kr"}

// decode turns input bytes into UTF-8 and names the charset it used.
func decode(input []byte, host DecodeFunc) (string, string, error) {
	switch {
	case bytes.HasPrefix(input, []byte{0xEF, 0xBB, 0xBF}):
		return toValidUTF8(string(input[3:])), "utf-8", nil
	case bytes.HasPrefix(input, []byte{0xFF, 0xFE}):
		return decodeUTF16(input[2:], false), "utf-16le", nil
	case bytes.HasPrefix(input, []byte{0xFE, 0xFF}):
		return decodeUTF16(input[2:], true), "utf-16be", nil
	}
	label := DeclaredCharset(input)
	charset := canonicalCharset(label)
	if charset != "" && charset != "utf-8" && hasNonASCII(input) && utf8.Valid(input) {
		// Legacy-encoded text is almost never valid UTF-8 once it holds
		// non-ASCII bytes; valid UTF-8 under a legacy label is a page
		// re-saved by an editor or a CMS that kept the old declaration.
		// Browsers show such pages garbled; a reader should not.
		return string(input), "utf-8", nil
	}
	switch charset {
	case "utf-8":
		return toValidUTF8(string(input)), charset, nil
	case "":
		if utf8.Valid(input) {
			return string(input), "utf-8", nil
		}
		if charset, text, ok := sniff(input, host); ok {
			return text, charset, nil
		}
		charset = "windows-1252"
	}
	text, err := decodeWith(charset, input, host)
	if err != nil {
		// A label no decoder knows is ignored, as browsers do.
		if utf8.Valid(input) {
			return string(input), "utf-8", nil
		}
		return decodeWindows1252(input), "windows-1252", nil
	}
	return text, charset, nil
}

func hasNonASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return true
		}
	}
	return false
}

// decodeWith decodes with the host's decoder when there is one.
func decodeWith(charset string, input []byte, host DecodeFunc) (string, error) {
	if charset == "windows-1252" {
		// Built in, and some hosts' TextDecoder (Node's) gets it wrong.
		return decodeWindows1252(input), nil
	}
	if host != nil {
		if text, err := host(charset, input); err == nil {
			return text, nil
		}
	}
	return builtinDecode(charset, input)
}

// sniff guesses the legacy encoding of undeclared bytes: the candidate whose
// decoding has the fewest replacement characters wins, if it decodes at
// least 99% of the non-ASCII text cleanly.
func sniff(input []byte, host DecodeFunc) (charset, text string, ok bool) {
	sample := input
	if len(sample) > 64<<10 {
		sample = sample[:64<<10]
	}
	best, bestBad := "", -1
	for _, c := range sniffCandidates {
		t, err := decodeWith(c, sample, host)
		if err != nil {
			continue
		}
		bad, wide := 0, 0
		for _, r := range t {
			if r == utf8.RuneError {
				bad++
			} else if r >= 0x80 {
				wide++
			}
		}
		if wide == 0 || bad*100 > wide {
			continue
		}
		if best == "" || bad < bestBad {
			best, bestBad = c, bad
		}
	}
	if best == "" {
		return "", "", false
	}
	t, err := decodeWith(best, input, host)
	if err != nil {
		return "", "", false
	}
	return best, t, true
}

// DeclaredCharset returns the charset label declared by a <meta charset> or
// <meta http-equiv="Content-Type"> within the first 1024 bytes, or "".
func DeclaredCharset(input []byte) string {
	head := input
	if len(head) > prescanBytes {
		head = head[:prescanBytes]
	}
	z := html.NewTokenizer(bytes.NewReader(head))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var charset, content string
			httpEquiv := false
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				switch string(k) {
				case "charset":
					charset = string(v)
				case "content":
					content = string(v)
				case "http-equiv":
					httpEquiv = strings.EqualFold(string(v), "content-type")
				}
			}
			if charset != "" {
				return strings.TrimSpace(charset)
			}
			if httpEquiv {
				if c := charsetFromContentType(content); c != "" {
					return c
				}
			}
		}
	}
}

// charsetFromContentType extracts charset=… from a Content-Type value.
func charsetFromContentType(v string) string {
	i := strings.Index(strings.ToLower(v), "charset")
	if i < 0 {
		return ""
	}
	v = strings.TrimLeft(v[i+len("charset"):], " \t")
	if !strings.HasPrefix(v, "=") {
		return ""
	}
	v = strings.Trim(strings.TrimLeft(v[1:], " \t"), `"'`)
	if j := strings.IndexAny(v, "; \t\"'"); j >= 0 {
		v = v[:j]
	}
	return v
}

// charsetAliases maps the WHATWG labels of the encodings we name ourselves
// to one canonical name; other labels pass through lower-cased for the
// decoder to resolve.
var charsetAliases = map[string]string{
	"utf-8": "utf-8", "utf8": "utf-8", "unicode-1-1-utf-8": "utf-8",
	// A page cannot really be UTF-16 if the prescan could read its ASCII
	// meta tag, so the standard treats the declaration as UTF-8.
	"utf-16": "utf-8", "utf-16le": "utf-8", "utf-16be": "utf-8",
	// The standard decodes every GB label with the GB18030 decoder, a
	// superset of GB2312 and GBK that real "gb2312" pages rely on.
	"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "chinese": "gb18030", "csgb2312": "gb18030",
	"gb18030": "gb18030",
	"big5":    "big5", "big5-hkscs": "big5", "x-x-big5": "big5", "cn-big5": "big5",
	"shift_jis": "shift_jis", "shift-jis": "shift_jis", "sjis": "shift_jis", "ms_kanji": "shift_jis", "windows-31j": "shift_jis", "x-sjis": "shift_jis",
	"euc-kr": "euc-kr", "ks_c_5601-1987": "euc-kr", "windows-949": "euc-kr",
	"windows-1251": "windows-1251", "cp1251": "windows-1251", "x-cp1251": "windows-1251",
	// The standard decodes latin-1 and ASCII labels as windows-1252.
	"windows-1252": "windows-1252", "iso-8859-1": "windows-1252", "latin1": "windows-1252", "us-ascii": "windows-1252", "ascii": "windows-1252", "cp1252": "windows-1252", "l1": "windows-1252",
}

// canonicalCharset normalises a declared label; "" means none was declared.
func canonicalCharset(label string) string {
	label = strings.ToLower(strings.TrimSpace(label))
	if label == "" {
		return ""
	}
	if c, ok := charsetAliases[label]; ok {
		return c
	}
	return label
}

func decodeUTF16(b []byte, bigEndian bool) string {
	var sb strings.Builder
	sb.Grow(len(b))
	var hi rune
	for i := 0; i+1 < len(b); i += 2 {
		var u rune
		if bigEndian {
			u = rune(b[i])<<8 | rune(b[i+1])
		} else {
			u = rune(b[i+1])<<8 | rune(b[i])
		}
		switch {
		case u >= 0xD800 && u < 0xDC00:
			if hi != 0 {
				sb.WriteRune(utf8.RuneError)
			}
			hi = u
			continue
		case u >= 0xDC00 && u < 0xE000:
			if hi != 0 {
				sb.WriteRune((hi-0xD800)<<10 | (u - 0xDC00) + 0x10000)
				hi = 0
				continue
			}
			u = utf8.RuneError
		}
		if hi != 0 {
			sb.WriteRune(utf8.RuneError)
			hi = 0
		}
		sb.WriteRune(u)
	}
	return sb.String()
}

// windows1252High maps bytes 0x80–0x9F, where windows-1252 differs from
// Latin-1; the rest of the byte range maps to the same code points.
var windows1252High = [32]rune{
	'€', 0x81, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0x8D, 'Ž', 0x8F,
	0x90, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0x9D, 'ž', 'Ÿ',
}

func decodeWindows1252(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/4)
	for _, c := range b {
		switch {
		case c < 0x80:
			sb.WriteByte(c)
		case c < 0xA0:
			sb.WriteRune(windows1252High[c-0x80])
		default:
			sb.WriteRune(rune(c))
		}
	}
	return sb.String()
}

// toValidUTF8 replaces invalid sequences with U+FFFD, as a decoder would,
// and drops NUL bytes, which HTML treats as parse errors.
func toValidUTF8(s string) string {
	if utf8.ValidString(s) && strings.IndexByte(s, 0) < 0 {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "")
}
