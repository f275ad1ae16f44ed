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
	"written by", "posted by", "post by", "published by", "story by", "words by", "text by",
	"article by", "reported by", "review by", "authored by", "read more about", "via", "by", "von", "par", "por", "di", "door", "av", "af",
	"autorin", "autoren", "autor", "auteur", "autore", "author", "authors", "escrito por",
	"texto de", "texte de", "texto", "texte", "автор", "авторы", "текст",
	"文章作者", "文章来源", "作者", "作者：", "记者", "記者", "文／", "文/", "撰文", "撰稿", "来源", "稿源", "编辑", "編輯", "责任编辑", "責任編輯", "筆者", "著者", "기자",
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
		t := stripBylinePrefix(stripLeadingDate(stripLeadIn(s)))
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
	s = cutAgo(cutDate(s))
	s = trimCredentialDot(strings.Trim(s, " :：,，;|/／-–—·•&»*"))
	if s == "" || isBylineLabel(s) || notNames[strings.ToLower(s)] || isTemplateKey(s) || holdsInterfaceWord(s) || looksLikeURL(s) || strings.ContainsAny(s, "<>=\"{}") || strings.Contains(s, "://") || utf8.RuneCountInString(s) > maxBylineRunes {
		return "" // markup or code leaked into a meta tag is no name
	}
	s = joinCJKLetters(s)
	if !strings.ContainsFunc(s, unicode.IsLetter) {
		return ""
	}
	return s
}

// minKeyDots is how many dots make a lower-case word a template's
// translation or field key ("page.head.author") that the page printed
// unrendered; user names hold at most one ("jane.doe").
const minKeyDots = 2

// isTemplateKey reports whether s is an unrendered template key: one
// lower-case word of dotted parts, each longer than an initial.
func isTemplateKey(s string) bool {
	if strings.Count(s, ".") < minKeyDots {
		return false
	}
	for part := range strings.SplitSeq(s, ".") {
		if len(part) < 2 || strings.ContainsFunc(part, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r == '_' || r == '-') }) {
			return false
		}
	}
	return true
}

// bylineCuts end the name part of a visible byline.
var bylineCuts = []string{" | ", " • ", " · ", "｜", " 发布", " 發布", " 时间", " 時間", " 日期", " 来源", " 來源", " Published", " Updated", " Posted on", " on ", " Reviewed by", " Fact checked by", " Fact Checked by", " Last updated", " Last Updated", " min read", " » "}

// trimCredentialDot drops the full stop a sentence puts after a closing
// credential ("Jane Roe, DVM." before "Reviewed by …"); the dot of an
// abbreviation written in lower case ("Jr.", "Inc.") or with inner dots
// ("M.D.") stays.
func trimCredentialDot(s string) string {
	i := strings.LastIndexByte(s, ' ')
	last := strings.TrimSuffix(s[i+1:], ".")
	if len(last) < 2 || len(last) == len(s[i+1:]) || strings.ContainsFunc(last, func(r rune) bool { return r < 'A' || r > 'Z' }) {
		return s
	}
	return s[:len(s)-1]
}

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

// agoUnits are the units of a relative date ("3 hours ago").
var agoUnits = map[string]bool{
	"second": true, "minute": true, "hour": true, "day": true, "week": true, "month": true, "year": true,
	"sec": true, "min": true, "hr": true, "mo": true, "yr": true,
}

// cutAgo ends a byline where a relative date follows the name ("jdoe 2
// years ago", "Jane Doe a day ago"), as forum and aggregator themes
// print it.
func cutAgo(s string) string {
	f := strings.Fields(s)
	n := len(f)
	if n < 4 || !strings.EqualFold(strings.TrimRight(f[n-1], ".,"), "ago") {
		return s
	}
	unit := strings.TrimSuffix(strings.ToLower(f[n-2]), "s")
	count := strings.ToLower(f[n-3])
	if !agoUnits[unit] || !(isDateNumber(count) || count == "a" || count == "an") {
		return s
	}
	return strings.Join(f[:n-3], " ")
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

// dateWords may stand in a date written before a byline's name besides
// month names and numbers: weekdays (English, as forum and blog themes
// print them), times of day and the labels that introduce the date.
var dateWords = map[string]bool{
	"mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true, "thurs": true, "fri": true, "sat": true, "sun": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"am": true, "pm": true, "at": true, "on": true, "updated": true, "last": true, "published": true, "posted": true, "modified": true,
	"-": true, "–": true, "—": true, "|": true, "·": true, "•": true, "/": true, "min": true, "read": true,
}

// stripLeadingDate removes a date the page prints before the name ("Dec
// 17, 2025 Jane Doe", "Updated January 8, 2026 Written by Jane Doe"). The
// run must hold a number, so a name that is a month ("April Smith") stays.
func stripLeadingDate(s string) string {
	f := strings.Fields(s)
	n, digits, named := 0, false, false
	for ; n < len(f); n++ {
		w := strings.ToLower(strings.Trim(f[n], ".,;:"))
		number := isDateNumber(w)
		if !(number || monthOf(w) > 0 || dateWords[w] || w == "") {
			break
		}
		digits = digits || number
		// A month or weekday name, or a number written as a date or
		// time, makes the run a date ("77 Harbor Studio" is a name).
		named = named || monthOf(w) > 0 || dateWords[w] && len(w) > 2 || number && strings.ContainsAny(w, "/:-.")
	}
	if !digits || !named || n == 0 {
		return s
	}
	return strings.Join(f[n:], " ")
}

// isDateNumber reports whether w is a number as dates write them: digits
// and separators, or an ordinal day ("17th"). A user name with digits
// ("jane77") is not one.
func isDateNumber(w string) bool {
	for _, suf := range [...]string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	if w == "" || w[0] < '0' || w[0] > '9' {
		return false
	}
	return strings.Trim(w, "0123456789/:-.") == ""
}

// maxLeadInWords bounds the words before "by" that are dropped with it
// ("Recipe by", "This post was written by"); longer text is a sentence.
const maxLeadInWords = 4

// stripLeadIn removes the words a byline puts before " by " ("Guide by
// Jane Doe"): in a byline "by" introduces the name.
func stripLeadIn(s string) string {
	f := strings.Fields(s)
	if len(f) < 3 || sponsorWords[strings.ToLower(f[0])] || strings.EqualFold(f[0], "by") {
		return s
	}
	for i := 1; i < len(f)-1 && i <= maxLeadInWords; i++ {
		if strings.EqualFold(f[i], "by") {
			return strings.Join(f[i+1:], " ")
		}
		if startsUpper(f[i]) {
			return s // a name before "by": "Jane Doe. Reviewed by …"
		}
	}
	return s
}

// sponsorWords begin a credit that names a sponsor, which is the byline
// as shown ("Sponsored by Example").
var sponsorWords = map[string]bool{"sponsored": true, "presented": true, "powered": true, "supported": true, "funded": true, "paid": true}

// interfaceWords are the words of a page's counters and controls around a
// byline ("12 文章", "总阅读 3万", "能力值:545"): text that holds one is the
// author panel's furniture, not a name. CJK pages print them as plain
// text beside the name, where English themes use icons.
var interfaceWords = []string{"阅读", "閱讀", "文章", "评论", "評論", "点击", "點擊", "关注", "關注", "粉丝", "粉絲", "积分", "積分", "能力值", "等级", "等級", "该作者", "該作者", "登录", "登錄", "注册", "註冊"}

func holdsInterfaceWord(s string) bool {
	if !hasCJK(s) {
		return false
	}
	for _, w := range interfaceWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// notNames are the texts of controls and placeholders that themes put in
// elements classed as the author's ("View more posts", "Sign In", a
// forum's "Topic Author" badge, a generic "Administrator" account): never
// a person's name, so the next source is asked.
var notNames = map[string]bool{
	"topic author": true, "post author": true, "the author": true, "about the author": true, "author name": true,
	"view more posts": true, "view all posts": true, "more posts": true, "all posts": true, "read more": true,
	"sign in": true, "log in": true, "login": true, "sign up": true, "register": true, "follow": true, "subscribe": true,
	"administrator": true, "admin": true, "posted on": true, "unknown": true,
}

// isBylineLabel reports whether s is only a label with no name after it
// ("Written By", "Updated").
func isBylineLabel(s string) bool {
	low := strings.ToLower(s)
	if dateWords[low] {
		return true
	}
	for _, p := range bylinePrefixes {
		if low == p {
			return true
		}
	}
	return false
}

// roleWords are job titles that themes print right after the author's
// name, in a separate element that reads as one line with it ("Jane Doe
// Senior Editor").
var roleWords = map[string]bool{
	"editor": true, "writer": true, "reporter": true, "correspondent": true, "contributor": true, "columnist": true,
	"founder": true, "co-founder": true, "cofounder": true, "director": true, "consultant": true, "expert": true,
	"manager": true, "coordinator": true, "senior": true, "former": true, "staff": true, "lead": true, "chief": true,
	"head": true, "producer": true, "analyst": true, "journalist": true, "specialist": true, "strategist": true,
	"attorney": true, "lawyer": true, "educator": true, "educators": true, "professor": true, "scientist": true,
}

// minCommaRoleWords is how long a title after a comma must be to be cut.
const minCommaRoleWords = 3

// maxRoleGap is how many words (a desk or a company, "Tech", "Marketing")
// may stand between the name and the role word.
const maxRoleGap = 3

// cutRole ends a byline where a job title follows the name without a
// comma ("Jane Doe Senior Editor" gives "Jane Doe"). The name is taken as
// two words, three when the second is an initial or a particle ("Tomas
// R. Veld", "Ilse van der Berg" takes four).
func cutRole(s string) string {
	f := strings.Fields(s)
	name := 2
	for name < len(f) && (isInitial(f[name-1]) || nameParticles[f[name-1]]) {
		name++
	}
	if len(f) <= name || !startsUpper(f[0]) || hasCJK(s) {
		return s
	}
	if strings.HasSuffix(f[name-1], ",") && !strings.ContainsAny(strings.Join(f[:name-1], " "), ",;&") {
		// "Jane Doe, Privacy and Security Expert": a title of several
		// words after a comma; a short one ("Jane Doe, Dietitian") and
		// credentials ("Jane Doe, MD") are part of how the name is
		// shown.
		rest := f[name:]
		if len(rest) < minCommaRoleWords || strings.Contains(strings.Join(rest, " "), ",") {
			return s
		}
		for _, w := range rest {
			if roleWords[strings.ToLower(strings.Trim(w, ",.&"))] {
				return strings.TrimSuffix(strings.Join(f[:name], " "), ",")
			}
		}
		return s
	}
	if !startsUpper(f[name-1]) || strings.ContainsAny(strings.Join(f[:name], " "), ",;&") {
		return s
	}
	for i := name; i < len(f) && i <= name+maxRoleGap; i++ {
		w := strings.ToLower(strings.Trim(f[i], ",.&"))
		if roleWords[w] {
			if !startsUpper(f[i]) {
				return s
			}
			return strings.Join(f[:name], " ")
		}
	}
	return s
}

// nameParticles stand inside surnames ("van der Berg", "de la O").
var nameParticles = map[string]bool{"van": true, "von": true, "der": true, "den": true, "de": true, "la": true, "le": true, "da": true, "di": true, "del": true, "dos": true, "bin": true, "al": true}

func isInitial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return utf8.RuneCountInString(w) == 1 && startsUpper(w)
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
