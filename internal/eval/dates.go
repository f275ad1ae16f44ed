package eval

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// numericDate matches dates written with numbers, year first, as ISO 8601
// and the Chinese set's truth write them ("2005-5-7 21:23:57", "2018-5",
// "2018"); anything after a time separator is ignored since only the
// calendar day counts.
var numericDate = regexp.MustCompile(`^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])`)

// hanDate matches 2005年5月7日 and its shorter forms.
var hanDate = regexp.MustCompile(`^(\d{4})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?`)

// wordDateLayouts are the month-name notations some truth uses
// ("February 12, 2024").
var wordDateLayouts = []string{
	"January 2, 2006", "Jan 2, 2006", "January 2 2006", "Jan 2 2006",
	"2 January 2006", "2 Jan 2006", "Monday, January 2, 2006",
}

// NormDate reduces a date to "YYYY-MM-DD", or to "YYYY-MM" or "YYYY" when
// that is all it says. ok is false when s holds no recognisable date (the
// Chinese set writes "UNKNOWN").
func NormDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	for _, re := range []*regexp.Regexp{numericDate, hanDate} {
		if m := re.FindStringSubmatch(s); m != nil {
			return joinDate(m[1], m[2], m[3])
		}
	}
	folded := FoldSpace(s)
	for _, layout := range wordDateLayouts {
		if t, err := time.Parse(layout, folded); err == nil {
			return t.Format(time.DateOnly), true
		}
	}
	return "", false
}

func joinDate(y, m, d string) (string, bool) {
	out := y
	for i, part := range []string{m, d} {
		if part == "" {
			break
		}
		n, err := strconv.Atoi(part)
		if err != nil || n < 1 || n > []int{12, 31}[i] {
			return "", false
		}
		out += fmt.Sprintf("-%02d", n)
	}
	return out, true
}

// SameDate reports whether predicted falls on the truth's calendar day.
// When the truth names only a year or a month, the comparison is made at
// that precision, since no day can be checked.
func SameDate(truth, predicted string) bool {
	t, ok := NormDate(truth)
	if !ok {
		return false
	}
	p, ok := NormDate(predicted)
	if !ok || len(p) < len(t) {
		return false
	}
	return p[:len(t)] == t
}
