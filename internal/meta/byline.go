package meta

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// bylinePrefixes introduce an author's name in the languages we read. Each
// is matched at the start, case-insensitively, and must be followed by a
// space, a colon or (for CJK labels) anything; longer phrases come first
// so "written by" wins over "by".
var bylinePrefixes = []string{
	"written by", "posted by", "published by", "story by", "words by", "text by",
	"article by", "reported by", "review by", "by", "von", "par", "por", "di", "door", "av", "af",
	"autorin", "autoren", "autor", "auteur", "autore", "author", "authors", "escrito por",
	"texto de", "texte de", "texto", "texte", "автор", "авторы", "текст",
	"作者", "作者：", "记者", "記者", "文／", "文/", "撰文", "撰稿", "来源", "稿源", "编辑", "編輯", "责任编辑", "責任編輯", "筆者", "著者", "기자",
}

// surnameLike prefixes also begin surnames (Von Trier, Di Maio, De Vries,
// Par, Av); they count as prefixes only when a full name follows.
var surnameLike = map[string]bool{"von": true, "di": true, "par": true, "por": true, "door": true, "av": true, "af": true}

// maxBylineRunes bounds a byline; longer text is a paragraph or a box of
// author biography, not a name (Readability uses the same bound).
const maxBylineRunes = 100

// cleanByline turns a byline as a page shows it ("By Jane Doe | May 2,
// 2023", "作者：茉莉 发布时间：…") into the name alone, or "" when what is
// left does not look like a name.
func cleanByline(s string) string {
	s = foldSpace(s)
	for range 3 {
		t := stripBylinePrefix(s)
		if t == s {
			break
		}
		s = t
	}
	// A byline often runs on into the date or a share prompt after a
	// separator; the name comes first.
	for _, sep := range bylineCuts {
		if i := strings.Index(s, sep); i > 0 {
			s = strings.TrimSpace(s[:i])
		}
	}
	s = cutDate(s)
	s = strings.Trim(s, " :：,，;|/／-–—·•")
	if s == "" || looksLikeURL(s) || strings.ContainsAny(s, "<>=\"{}") || strings.Contains(s, "://") || utf8.RuneCountInString(s) > maxBylineRunes {
		return "" // markup or code leaked into a meta tag is no name
	}
	s = joinCJKLetters(s)
	if !strings.ContainsFunc(s, unicode.IsLetter) {
		return ""
	}
	return s
}

// bylineCuts end the name part of a visible byline.
var bylineCuts = []string{" | ", " • ", " · ", "｜", " 发布", " 發布", " 时间", " 時間", " 日期", " 来源", " 來源", " Published", " Updated", " Posted on", " on ", " Reviewed by", " Fact checked by", " Fact Checked by", " Last updated", " Last Updated", " min read"}

// joinCJKLetters removes the spaces some pages put between the characters
// of a Chinese name to line it up ("赵 培"); names separated by spaces,
// each of several characters, stay apart.
func joinCJKLetters(s string) string {
	parts := strings.Fields(s)
	if len(parts) < 2 {
		return s
	}
	for _, p := range parts {
		if utf8.RuneCountInString(p) != 1 || !hasCJK(p) {
			return s
		}
	}
	return strings.Join(parts, "")
}

// cutDate ends a byline where a date written after the name begins
// ("Jane Doe - Mar 27, 2024", "Jane Doe 2025/4/29").
func cutDate(s string) string {
	if !hasYear(s) {
		return s
	}
	f := strings.Fields(s)
	for i := 1; i < len(f); i++ {
		w := strings.ToLower(strings.Trim(f[i], ".,-–—|·•"))
		startsDigit := w != "" && w[0] >= '0' && w[0] <= '9'
		if monthOf(w) > 0 && i+1 < len(f) && f[i+1][0] >= '0' && f[i+1][0] <= '9' || startsDigit && hasYear(strings.Join(f[i:], " ")) {
			return strings.Join(f[:i], " ")
		}
	}
	return s
}

func stripBylinePrefix(s string) string {
	low := strings.ToLower(s)
	for _, p := range bylinePrefixes {
		if !strings.HasPrefix(low, p) || len(s) == len(p) {
			continue
		}
		rest := s[len(p):]
		r, _ := utf8.DecodeRuneInString(rest)
		last, _ := utf8.DecodeLastRuneInString(p)
		switch {
		case r == ' ' || r == ':' || r == '：' || r == '|':
		case last > 0x2e80: // a CJK label needs no space after it
		default:
			continue
		}
		rest = strings.TrimLeft(rest, " :：|")
		if surnameLike[p] && strings.Count(rest, " ") == 0 {
			continue // "Von Miller" is a name, "Von Max Miller" a byline
		}
		return rest
	}
	return s
}

// foldSpace collapses white space runs to one space and trims.
func foldSpace(s string) string {
	if !strings.ContainsFunc(s, func(r rune) bool { return r != ' ' && unicode.IsSpace(r) || r == '\u00a0' }) && !strings.Contains(s, "  ") {
		return strings.TrimSpace(s)
	}
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }), " ")
}
