package datetime

import "strings"

// ZoneFunc gives the offset, in seconds east of UTC, of a zone abbreviation
// written in lower case ("est"), and false for one it does not know.
type ZoneFunc func(name string) (offset int, ok bool)

// ParseISO reads the ISO 8601 notations metadata uses, the whole of s: a
// date (2006-01-02), optionally followed by "T" or a space and a time of
// day (15:04 or 15:04:05, with any fractional seconds ignored) and then a
// zone ("Z", "+07:00", "+0700"). After a space-separated time with seconds
// the zone may follow a space too (" Z", " +07:00", " +0700", " +0700 MST").
// A time without a zone is taken as UTC. hasTime says whether a time of day
// was given.
func ParseISO(s string) (t Time, hasTime, ok bool) {
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return Time{}, false, false
	}
	y, ok1 := digits(s[0:4])
	mo, ok2 := digits(s[5:7])
	d, ok3 := digits(s[8:10])
	if !ok1 || !ok2 || !ok3 {
		return Time{}, false, false
	}
	if len(s) == 10 {
		t, ok = Date(y, mo, d, 0, 0, 0, 0)
		return t, false, ok
	}
	sep := s[10]
	if sep != 'T' && sep != ' ' {
		return Time{}, false, false
	}
	h, mi, sec, withSeconds, rest, ok := clock(s[11:])
	if !ok {
		return Time{}, false, false
	}
	offset := 0
	switch {
	case rest == "":
	case sep == 'T':
		if offset, ok = isoZone(rest, true); !ok {
			return Time{}, false, false
		}
	case !withSeconds:
		return Time{}, false, false
	case rest[0] != ' ':
		if offset, ok = isoZone(rest, false); !ok {
			return Time{}, false, false
		}
	default:
		zone := rest[1:]
		if num, name, cut := strings.Cut(zone, " "); cut {
			// " -0700 MST": the name only repeats what the number says.
			if !isZoneName(name) || len(num) != 5 {
				return Time{}, false, false
			}
			zone = num
		}
		if offset, ok = isoZone(zone, true); !ok {
			return Time{}, false, false
		}
	}
	t, ok = Date(y, mo, d, h, mi, sec, offset)
	return t, true, ok
}

// isoZone reads "Z", "+07:00" and, where compact is set, "+0700".
func isoZone(s string, compact bool) (int, bool) {
	if s == "Z" {
		return 0, true
	}
	if len(s) < 5 || s[0] != '+' && s[0] != '-' {
		return 0, false
	}
	var hh, mm int
	var ok1, ok2 bool
	switch {
	case len(s) == 6 && s[3] == ':':
		hh, ok1 = digits(s[1:3])
		mm, ok2 = digits(s[4:6])
	case len(s) == 5 && compact:
		hh, ok1 = digits(s[1:3])
		mm, ok2 = digits(s[3:5])
	}
	if !ok1 || !ok2 || mm > 59 {
		return 0, false
	}
	offset := hh*3600 + mm*60
	if s[0] == '-' {
		offset = -offset
	}
	return offset, true
}

// clock reads "15:04" or "15:04:05" (the hour may have one digit, the
// seconds a fraction) at the start of s.
func clock(s string) (h, mi, sec int, withSeconds bool, rest string, ok bool) {
	n := 1
	if len(s) > 1 && isDigit(s[1]) {
		n = 2
	}
	if len(s) < n+3 || s[n] != ':' {
		return 0, 0, 0, false, "", false
	}
	h, ok1 := digits(s[:n])
	mi, ok2 := digits(s[n+1 : n+3])
	if !ok1 || !ok2 {
		return 0, 0, 0, false, "", false
	}
	rest = s[n+3:]
	if len(rest) >= 3 && rest[0] == ':' {
		if sec, ok = digits(rest[1:3]); !ok {
			return 0, 0, 0, false, "", false
		}
		withSeconds, rest = true, rest[3:]
		if len(rest) >= 2 && (rest[0] == '.' || rest[0] == ',') && isDigit(rest[1]) {
			i := 1
			for i < len(rest) && isDigit(rest[i]) {
				i++
			}
			rest = rest[i:]
		}
	}
	return h, mi, sec, withSeconds, rest, true
}

// ParseRFC reads the e-mail and Unix notations, the whole of s:
//
//	Mon, 02 Jan 2006 15:04:05 MST     RFC 1123 (also a one-digit day,
//	Mon, 02 Jan 2006 15:04:05 -0700   no seconds, or a numeric zone)
//	Monday, 02-Jan-06 15:04:05 MST    RFC 850
//	Mon Jan _2 15:04:05 2006          ANSI C
//	Mon Jan _2 15:04:05 MST 2006      Unix date
//	Mon Jan 02 15:04:05 -0700 2006    Ruby
//
// Day and month names are matched ignoring case; the weekday is not
// checked against the date. zones gives the offsets of zone names; "UTC",
// "GMT" and "GMT+8" are known without it, and an unknown name is read as
// UTC.
func ParseRFC(s string, zones ZoneFunc) (Time, bool) {
	sc := scanner{s: s}
	if !isWeekday(sc.letters()) {
		return Time{}, false
	}
	var y, mo, d, h, mi, sec, offset int
	var ok bool
	if sc.take(", ") {
		d = sc.number(1, 2)
		if sc.take("-") {
			// RFC 850: 02-Jan-06.
			mo = monthNumber(sc.letters())
			yy := sc.numberAfter("-", 2, 2)
			y = 2000 + yy
			if yy >= 69 {
				y = 1900 + yy
			}
		} else {
			mo = monthNumber(sc.lettersAfter(" "))
			y = sc.numberAfter(" ", 4, 4)
		}
		if !sc.take(" ") {
			return Time{}, false
		}
		if h, mi, sec, _, sc.s, ok = clock(sc.s); !ok || !sc.take(" ") {
			return Time{}, false
		}
		if offset, ok = zoneOf(sc.s, zones); !ok {
			return Time{}, false
		}
		sc.s = ""
	} else {
		mo = monthNumber(sc.lettersAfter(" "))
		if !sc.take(" ") {
			return Time{}, false
		}
		sc.take(" ") // "Jan  2": ANSI C pads a one-digit day with a space
		d = sc.number(1, 2)
		if !sc.take(" ") {
			return Time{}, false
		}
		var withSeconds bool
		if h, mi, sec, withSeconds, sc.s, ok = clock(sc.s); !ok || !withSeconds || !sc.take(" ") {
			return Time{}, false
		}
		if zone, year, cut := strings.Cut(sc.s, " "); cut {
			// Unix date and Ruby: the zone comes before the year.
			if offset, ok = zoneOf(zone, zones); !ok {
				return Time{}, false
			}
			sc.s = year
		}
		y = sc.number(4, 4)
	}
	if sc.failed || sc.s != "" || mo == 0 {
		return Time{}, false
	}
	return Date(y, mo, d, h, mi, sec, offset)
}

// zoneOf reads a numeric zone ("-0700") or a zone name.
func zoneOf(s string, zones ZoneFunc) (int, bool) {
	if len(s) == 5 && (s[0] == '+' || s[0] == '-') {
		return isoZone(s, true)
	}
	if rest, ok := strings.CutPrefix(s, "GMT"); ok && len(rest) >= 2 && (rest[0] == '+' || rest[0] == '-') {
		h, ok := digits(rest[1:])
		if !ok || len(rest) > 3 || h > 14 {
			return 0, false
		}
		if rest[0] == '-' {
			h = -h
		}
		return h * 3600, true
	}
	if !isZoneName(s) {
		return 0, false
	}
	if zones != nil {
		if off, ok := zones(strings.ToLower(s)); ok {
			return off, true
		}
	}
	return 0, true
}

// isZoneName reports a zone abbreviation: three to five capital letters.
func isZoneName(s string) bool {
	if len(s) < 3 || len(s) > 5 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

var (
	weekdayNames = [...]string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	monthNames   = [...]string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
)

// isWeekday reports a weekday's English name, whole or in three letters.
func isWeekday(w string) bool {
	for _, name := range weekdayNames {
		if strings.EqualFold(w, name) || len(w) == 3 && strings.EqualFold(w, name[:3]) {
			return true
		}
	}
	return false
}

// monthNumber is 1 to 12 for a month's three-letter English name, else 0.
func monthNumber(w string) int {
	if len(w) != 3 {
		return 0
	}
	for i, name := range monthNames {
		if strings.EqualFold(w, name[:3]) {
			return i + 1
		}
	}
	return 0
}

// scanner reads a notation from the front of s; a failed read sets failed
// and later reads give zero values.
type scanner struct {
	s      string
	failed bool
}

func (sc *scanner) take(prefix string) bool {
	if !sc.failed && strings.HasPrefix(sc.s, prefix) {
		sc.s = sc.s[len(prefix):]
		return true
	}
	return false
}

// letters reads a run of ASCII letters.
func (sc *scanner) letters() string {
	i := 0
	for i < len(sc.s) && (sc.s[i]|0x20 >= 'a' && sc.s[i]|0x20 <= 'z') {
		i++
	}
	w := sc.s[:i]
	sc.s = sc.s[i:]
	return w
}

func (sc *scanner) lettersAfter(sep string) string {
	if !sc.take(sep) {
		sc.failed = true
		return ""
	}
	return sc.letters()
}

// number reads min to max digits.
func (sc *scanner) number(min, max int) int {
	i := 0
	for i < len(sc.s) && i < max && isDigit(sc.s[i]) {
		i++
	}
	if sc.failed || i < min {
		sc.failed = true
		return 0
	}
	n, _ := digits(sc.s[:i])
	sc.s = sc.s[i:]
	return n
}

func (sc *scanner) numberAfter(sep string, min, max int) int {
	if !sc.take(sep) {
		sc.failed = true
		return 0
	}
	return sc.number(min, max)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// digits reads s, all ASCII digits (at most nine), as a number.
func digits(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, true
}
