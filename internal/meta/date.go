package meta

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"articleclean/internal/datetime"
)

// stamp is a parsed date. hasTime is false when the source gave only a
// calendar day, so a more precise source may refine it.
type stamp struct {
	t       datetime.Time
	hasTime bool
	// labeledPublished is set on a visible date the page introduces as
	// its publication date ("Published", "Posted on").
	labeledPublished bool
	// labeledUpdate is set on one it introduces as its last change.
	labeledUpdate bool
}

func (s stamp) zero() bool { return s.t.IsZero() }

// dayOrder says how to read an all-numeric date such as 02/03/2023 whose
// first two parts could each be the day.
type dayOrder int

const (
	dayFirst   dayOrder = iota // 02/03/2023 is 2 March, as in most locales
	monthFirst                 // 02/03/2023 is 3 February, as in the US
)

// weekdayPrefixes are the abbreviated English weekday names the e-mail and
// Unix notations begin with, in any case.
var weekdayPrefixes = [...]string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

func startsWithWeekday(s string) bool {
	if len(s) < 3 {
		return false
	}
	for _, d := range weekdayPrefixes {
		if strings.EqualFold(s[:3], d) {
			return true
		}
	}
	return false
}

// Plausible bounds for an article's date; anything outside is a parse of
// something that is not a date (a price, a phone number, an ID).
const (
	minYear = 1990
	maxYear = 2100
)

// parseDate reads s as a date in any of the notations pages use: ISO 8601
// and RFC formats, Unix timestamps in seconds or milliseconds, numeric
// dates in either day order, CJK 年月日 dates, and month names in several
// languages.
func parseDate(s string, order dayOrder) (stamp, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 400 {
		return stamp{}, false
	}
	if st, ok := parseUnix(s); ok {
		return st, true
	}
	if st, ok := parseLayouts(s); ok {
		return st, true
	}
	return parseLoose(s, order)
}

func parseUnix(s string) (stamp, bool) {
	if (len(s) != 10 && len(s) != 13) || !allDigits(s) {
		return stamp{}, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return stamp{}, false
	}
	if len(s) == 13 {
		n /= 1000 // milliseconds
	}
	t := datetime.Unix(n)
	if t.Year() < minYear || t.Year() > maxYear {
		return stamp{}, false
	}
	return stamp{t: t, hasTime: true}, true
}

// parseLayouts reads the machine notations metadata uses, tried before the
// general reader because they carry exact zones: ISO 8601 and, for text
// that begins with a weekday's name, the e-mail and Unix forms.
func parseLayouts(s string) (stamp, bool) {
	var t datetime.Time
	hasTime, ok := true, false
	switch {
	case len(s) >= 5 && allDigits(s[:4]) && s[4] == '-':
		// Pages write the T and Z in lower case too.
		if len(s) > 10 && s[10] == 't' {
			s = s[:10] + "T" + s[11:]
		}
		if strings.HasSuffix(s, "z") {
			s = s[:len(s)-1] + "Z"
		}
		t, hasTime, ok = datetime.ParseISO(s)
	case startsWithWeekday(s):
		t, ok = datetime.ParseRFC(s, zoneOffset)
	}
	if !ok || t.Year() < minYear || t.Year() > maxYear {
		return stamp{}, false
	}
	return stamp{t: t, hasTime: hasTime}, true
}

// token is one piece of a loosely written date.
type token struct {
	kind byte // 'n' number, 'w' word, 's' separator, 'c' CJK unit
	// text is the number's digits, the separator, or the word: lower-cased
	// when it is one of dateTokenWords (the only words the reader looks at),
	// else as written.
	text string
	n    int // the number's value
}

// cjkUnits maps the characters that follow the parts of a CJK date or time
// to a letter: year, month, day, hour, minute, second.
var cjkUnits = map[rune]string{
	'年': "Y", '월': "M", '月': "M", '日': "D", '号': "D", '號': "D", '일': "D", '년': "Y",
	'时': "h", '時': "h", '시': "h", '点': "h", '點': "h", '分': "m", '분': "m", '秒': "s", '초': "s",
}

// minCJKUnit is the lowest key of cjkUnits: every character below it is
// answered without a map lookup, which tokenize would do on every one.
var minCJKUnit = func() rune {
	lowest := utf8.MaxRune
	for r := range cjkUnits {
		lowest = min(lowest, r)
	}
	return lowest
}()

func cjkUnit(r rune) string {
	if r < minCJKUnit {
		return ""
	}
	return cjkUnits[r]
}

// tokenize appends the tokens of s to toks. Numbers and separators are
// slices of s, so a date costs no copies.
func tokenize(toks []token, s string) []token {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= '０' && r <= '９' {
			r = '0' + (r - '０')
		}
		switch {
		case r >= '0' && r <= '9':
			j, fullWidth := i, false
			for j < len(s) {
				d, sz := utf8.DecodeRuneInString(s[j:])
				if d >= '０' && d <= '９' {
					fullWidth = true
				} else if d < '0' || d > '9' {
					break
				}
				j += sz
			}
			digits := s[i:j]
			if fullWidth {
				digits = asciiDigits(digits)
			}
			n := 0
			if len(digits) <= 9 {
				n, _ = strconv.Atoi(digits)
			} else {
				n = -1
			}
			toks = append(toks, token{kind: 'n', text: digits, n: n})
			i = j
			continue
		case cjkUnit(r) != "":
			toks = append(toks, token{kind: 'c', text: cjkUnit(r)})
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				l, sz := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(l) || cjkUnit(l) != "" {
					break
				}
				j += sz
			}
			toks = append(toks, token{kind: 'w', text: dateWord(s[i:j])})
			i = j
			continue
		case unicode.IsSpace(r):
			// Spaces only separate; a run of them is not recorded unless it
			// stands alone between two numbers.
			if len(toks) > 0 && toks[len(toks)-1].kind != 's' {
				toks = append(toks, token{kind: 's', text: " "})
			}
		default:
			sep := s[i : i+size]
			if r == utf8.RuneError && size == 1 {
				sep = string(r) // an invalid byte reads as U+FFFD
			}
			if len(toks) > 0 && toks[len(toks)-1].kind == 's' && toks[len(toks)-1].text == " " {
				toks[len(toks)-1].text = sep
			} else {
				toks = append(toks, token{kind: 's', text: sep})
			}
		}
		i += size
	}
	return toks
}

// meridiemWords are the words timeAfter reads after a time of day.
var meridiemWords = []string{"am", "a", "pm", "p"}

// dateTokenWords holds every word a date's tokens are compared with (month
// names, fillers, zone names, meridiem words), each mapped to itself so
// tokenize can take the table's copy instead of lower-casing every word of
// a dateline.
var dateTokenWords = func() map[string]string {
	m := map[string]string{}
	for w := range monthNames {
		m[w] = w
	}
	for w := range fillers {
		m[w] = w
	}
	for w := range zoneOffsets {
		m[w] = w
	}
	for _, w := range meridiemWords {
		m[w] = w
	}
	return m
}()

// maxDateTokenWordBytes is the length of the longest of dateTokenWords.
var maxDateTokenWordBytes = func() int {
	n := 0
	for w := range dateTokenWords {
		n = max(n, len(w))
	}
	return n
}()

// dateWord returns w (a run of letters) lower-cased if that is one of
// dateTokenWords, and w as written otherwise.
func dateWord(w string) string {
	var buf [64]byte
	lower := buf[:0]
	for _, r := range w {
		if lower = utf8.AppendRune(lower, unicode.ToLower(r)); len(lower) > maxDateTokenWordBytes {
			return w
		}
	}
	if d, ok := dateTokenWords[string(lower)]; ok {
		return d
	}
	return w
}

// asciiDigits returns a run of ASCII and full-width digits in ASCII.
func asciiDigits(s string) string {
	var b strings.Builder
	for _, d := range s {
		if d >= '０' && d <= '９' {
			d = '0' + (d - '０')
		}
		b.WriteRune(d)
	}
	return b.String()
}

// parseLoose finds the first complete date (year, month and day) in s, and
// a time of day after it.
func parseLoose(s string, order dayOrder) (stamp, bool) {
	// Dates are short: their tokens fit in a buffer on the stack.
	var buf [32]token
	toks := tokenize(buf[:0], s)
	for i := range toks {
		y, m, d, end, ok := dateAt(toks, i, order)
		if !ok {
			continue
		}
		if y < 100 {
			y += 2000
		}
		if y < minYear || y > maxYear || m < 1 || m > 12 || d < 1 || d > 31 {
			continue
		}
		hh, mm, ss, offset, hasTime := timeAfter(toks, end)
		t, ok := datetime.Date(y, m, d, hh, mm, ss, offset)
		if !ok {
			continue // 31 February
		}
		return stamp{t: t, hasTime: hasTime}, true
	}
	return stamp{}, false
}

// dateAt tries to read a date starting at toks[i]; end is the index after
// it.
func dateAt(toks []token, i int, order dayOrder) (y, m, d, end int, ok bool) {
	t := toks[i]
	switch t.kind {
	case 'n':
		// CJK: 2023年3月2日
		if len(t.text) == 4 && at(toks, i+1, 'c', "Y") && at(toks, i+2, 'n', "") && at(toks, i+3, 'c', "M") && at(toks, i+4, 'n', "") {
			end = i + 5
			if at(toks, end, 'c', "D") {
				end++
			}
			return t.n, toks[i+2].n, toks[i+4].n, end, true
		}
		// Numeric with one separator kind throughout.
		if at(toks, i+1, 's', "") && at(toks, i+2, 'n', "") && at(toks, i+3, 's', toks[i+1].text) && at(toks, i+4, 'n', "") {
			sep := toks[i+1].text
			if !strings.Contains("-/.", sep) || sep == "" {
				break
			}
			a, b, c := t, toks[i+2], toks[i+4]
			if len(b.text) > 2 {
				break
			}
			if len(a.text) == 4 && len(c.text) <= 2 {
				return a.n, b.n, c.n, i + 5, true
			}
			if len(a.text) <= 2 && len(c.text) == 4 && !(i+5 < len(toks) && toks[i+5].kind == 's' && toks[i+5].text == sep) {
				switch {
				case a.n > 12:
					return c.n, b.n, a.n, i + 5, true
				case b.n > 12:
					return c.n, a.n, b.n, i + 5, true
				case order == monthFirst:
					return c.n, a.n, b.n, i + 5, true
				default:
					return c.n, b.n, a.n, i + 5, true
				}
			}
		}
		// Year, month name, day: "2023 Jan 7", as scholarly citation
		// metadata (PubMed's) writes it.
		if len(t.text) == 4 {
			j := skipFiller(toks, i+1)
			if j < len(toks) && toks[j].kind == 'w' {
				if mo := monthOf(toks[j].text); mo > 0 {
					k := skipFiller(toks, j+1)
					if k < len(toks) && toks[k].kind == 'n' && len(toks[k].text) <= 2 && toks[k].n >= 1 {
						return t.n, mo, toks[k].n, k + 1, true
					}
				}
			}
		}
		// Day before a month name: "2 March 2023", "2. März 2023",
		// "2 de marzo de 2023", "1er mars 2023".
		if t.n >= 1 && t.n <= 31 && len(t.text) <= 2 {
			j := skipFiller(toks, i+1)
			if j < len(toks) && toks[j].kind == 'w' {
				if mo := monthOf(toks[j].text); mo > 0 {
					k := skipFiller(toks, j+1)
					if k < len(toks) && toks[k].kind == 'n' && len(toks[k].text) == 4 {
						return toks[k].n, mo, t.n, k + 1, true
					}
				}
			}
		}
	case 'w':
		// Month name before the day: "March 2, 2023", "Mar 2nd 2023".
		mo := monthOf(t.text)
		if mo == 0 {
			break
		}
		j := skipFiller(toks, i+1)
		if j < len(toks) && toks[j].kind == 'n' && len(toks[j].text) <= 2 && toks[j].n >= 1 {
			k := skipFiller(toks, j+1)
			if k < len(toks) && toks[k].kind == 'n' && len(toks[k].text) == 4 {
				return toks[k].n, mo, toks[j].n, k + 1, true
			}
		}
	}
	return 0, 0, 0, 0, false
}

// fillers may stand between the parts of a written date.
var fillers = map[string]bool{
	"de": true, "del": true, "of": true, "the": true, "st": true, "nd": true, "rd": true,
	"th": true, "er": true, "года": true, "г": true, "à": true,
}

func skipFiller(toks []token, i int) int {
	for steps := 0; i < len(toks) && steps < 6; steps++ {
		t := toks[i]
		if t.kind == 's' && (t.text == " " || t.text == "," || t.text == "." || t.text == "-" || t.text == "/") {
			i++
			continue
		}
		if t.kind == 'w' && fillers[t.text] {
			i++
			continue
		}
		break
	}
	return i
}

func at(toks []token, i int, kind byte, text string) bool {
	if i >= len(toks) || toks[i].kind != kind {
		return false
	}
	return text == "" || toks[i].text == text
}

// zoneOffsets are the zone abbreviations common in datelines, in seconds
// east of UTC. Ambiguous ones (IST, CST in China) follow their most common
// use in English-language news.
var zoneOffsets = map[string]int{
	"utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 3600, "cet": 3600, "cest": 7200,
	"mez": 3600, "mesz": 7200, "eet": 7200, "eest": 10800, "msk": 10800,
	"est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
	"mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
	"ist": 19800, "jst": 9 * 3600, "kst": 9 * 3600, "hkt": 8 * 3600, "sgt": 8 * 3600,
	"aest": 10 * 3600, "aedt": 11 * 3600,
}

// timeAfter reads a time of day in the few tokens after a date.
func timeAfter(toks []token, i int) (hh, mm, ss, offset int, ok bool) {
	limit := i + 6
	for ; i < len(toks) && i < limit; i++ {
		t := toks[i]
		if t.kind != 'n' || len(t.text) > 2 {
			continue
		}
		colon := at(toks, i+1, 's', ":") && at(toks, i+2, 'n', "")
		cjk := at(toks, i+1, 'c', "h") && at(toks, i+2, 'n', "") && at(toks, i+3, 'c', "m")
		if !colon && !cjk {
			continue
		}
		hh, mm = t.n, toks[i+2].n
		j := i + 3
		if cjk {
			j = i + 4
		}
		if colon && at(toks, j, 's', ":") && at(toks, j+1, 'n', "") {
			ss = toks[j+1].n
			j += 2
			if at(toks, j, 's', ".") && at(toks, j+1, 'n', "") {
				j += 2
			}
		}
		if hh > 23 || mm > 59 || ss > 59 {
			return 0, 0, 0, 0, false
		}
		j = skipSpace(toks, j)
		if j < len(toks) && toks[j].kind == 'w' {
			switch toks[j].text { // as meridiemWords
			case "pm", "p":
				if hh < 12 {
					hh += 12
				}
				j = skipSpace(toks, j+1)
			case "am", "a":
				if hh == 12 {
					hh = 0
				}
				j = skipSpace(toks, j+1)
			}
		}
		return hh, mm, ss, zoneAt(toks, j), true
	}
	return 0, 0, 0, 0, false
}

func skipSpace(toks []token, i int) int {
	for i < len(toks) && toks[i].kind == 's' && toks[i].text == " " {
		i++
	}
	return i
}

// zoneAt reads "Z", "UTC", "EST", "+01:00", "-0500" or "GMT+8" at toks[i]
// and returns its offset in seconds east of UTC (0 when there is none).
func zoneAt(toks []token, i int) int {
	offset := 0
	if i < len(toks) && toks[i].kind == 'w' {
		o, ok := zoneOffsets[toks[i].text]
		if !ok {
			return 0
		}
		offset = o
		i++
	}
	if i < len(toks) && toks[i].kind == 's' && (toks[i].text == "+" || toks[i].text == "-") && at(toks, i+1, 'n', "") {
		sign := 1
		if toks[i].text == "-" {
			sign = -1
		}
		h, m := 0, 0
		switch d := toks[i+1].text; {
		case len(d) == 4:
			h, m = toks[i+1].n/100, toks[i+1].n%100
		case len(d) <= 2:
			h = toks[i+1].n
			if at(toks, i+2, 's', ":") && at(toks, i+3, 'n', "") {
				m = toks[i+3].n
			}
		}
		if h <= 14 && m < 60 {
			offset += sign * (h*3600 + m*60)
		}
	}
	return offset
}

// zoneOffset looks a lower-case zone name up in zoneOffsets.
func zoneOffset(name string) (int, bool) {
	o, ok := zoneOffsets[name]
	return o, ok
}

// sameDay reports whether a and b fall on the same calendar day, each read
// in its own zone (the day the page's reader saw), or in UTC.
func sameDay(a, b datetime.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	if ay == by && am == bm && ad == bd {
		return true
	}
	ay, am, ad = a.UTCDate()
	by, bm, bd = b.UTCDate()
	return ay == by && am == bm && ad == bd
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
