package dom

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// AppendWordKey appends to b the words of s (runs of letters and digits),
// lower-cased, each followed by one space. Two texts that differ only in
// punctuation, case, markup or white space have the same key, and a run
// of whole words of one is a substring of the other's key when it starts
// at a word: callers write a leading space before the first word to
// search keys at word boundaries.
func AppendWordKey(b *strings.Builder, s string) {
	inWord := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
			inWord = true
			continue
		}
		if inWord {
			b.WriteByte(' ')
			inWord = false
		}
	}
	if inWord {
		b.WriteByte(' ')
	}
}

// WordKey is AppendWordKey of s after a leading space.
func WordKey(s string) string {
	var b strings.Builder
	b.WriteByte(' ')
	AppendWordKey(&b, s)
	return b.String()
}

// WordWindows returns up to count runs of size words of the word key key
// (see WordKey), spread evenly over it, each with its leading and trailing
// space; a key of fewer words gives itself.
func WordWindows(key string, size, count int) []string {
	words := strings.Fields(key)
	if len(words) <= size || count < 1 {
		return []string{key}
	}
	var out []string
	step := (len(words) - size) / max(1, count-1)
	for i := 0; i < count && i*step+size <= len(words); i++ {
		out = append(out, " "+strings.Join(words[i*step:i*step+size], " ")+" ")
		if step == 0 {
			break
		}
	}
	return out
}

// IsASCII reports whether s is all ASCII, so that lower-casing it byte by
// byte keeps every byte in place.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
