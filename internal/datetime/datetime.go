// Package datetime is the small calendar the pipeline needs for publication
// dates: an instant kept with the UTC offset it was written in, built from
// civil fields or a Unix time, read as a calendar day in its own offset or
// in UTC, and written in RFC 3339.
//
// It stands in for the standard time package, whose layout parser and
// formatter (with the zone database behind time.Local) were about 110 KB of
// the .wasm's code for the few fixed notations metadata uses; those
// notations are read by internal/meta with ParseISO and ParseRFC. Measured
// on 2026-11-27 with everything else equal, the .wasm went from 1,168,416
// to 1,147,095 B brotli, and every corpus page kept its publishedTime.
package datetime

import "strconv"

// Time is an instant and the offset (seconds east of UTC) of the notation
// it was read from, which gives the calendar day the page's readers saw.
// The zero Time is "no date".
type Time struct {
	unix   int64 // seconds since 1970-01-01T00:00:00Z
	offset int32
	set    bool
}

// Civil fields are checked against these bounds; the offset bound is the
// widest any zone has used (UTC+14) with a margin, as the standard library
// allows.
const (
	maxOffsetSeconds = 24 * 3600
	minYear          = 1
	maxYear          = 9999
)

// Date returns the instant at the civil date and time given, read at
// offset seconds east of UTC, and false when a field is out of range (a
// 31 February, a 25th hour).
func Date(year, month, day, hour, min, sec, offset int) (Time, bool) {
	switch {
	case year < minYear || year > maxYear, month < 1 || month > 12,
		day < 1 || day > daysIn(year, month),
		hour < 0 || hour > 23, min < 0 || min > 59, sec < 0 || sec > 59,
		offset <= -maxOffsetSeconds || offset >= maxOffsetSeconds:
		return Time{}, false
	}
	local := daysFromCivil(year, month, day)*86400 + int64(hour*3600+min*60+sec)
	return Time{unix: local - int64(offset), offset: int32(offset), set: true}, true
}

// Unix returns the instant sec seconds after 1970-01-01T00:00:00Z, in UTC.
func Unix(sec int64) Time {
	return Time{unix: sec, set: true}
}

// IsZero reports whether t is "no date".
func (t Time) IsZero() bool { return !t.set }

// Equal reports whether t and u are the same instant, whatever their
// offsets.
func (t Time) Equal(u Time) bool { return t.set == u.set && t.unix == u.unix }

// Date returns the calendar day of t at its own offset.
func (t Time) Date() (year, month, day int) {
	return civilFromDays(floorDiv(t.unix+int64(t.offset), 86400))
}

// UTCDate returns the calendar day of t in UTC.
func (t Time) UTCDate() (year, month, day int) {
	return civilFromDays(floorDiv(t.unix, 86400))
}

// Year is the year of t at its own offset.
func (t Time) Year() int {
	y, _, _ := t.Date()
	return y
}

// RFC3339 writes t as 2006-01-02T15:04:05Z07:00 at its own offset ("Z" for
// UTC), or "" for the zero Time.
func (t Time) RFC3339() string {
	if !t.set {
		return ""
	}
	local := t.unix + int64(t.offset)
	y, mo, d := civilFromDays(floorDiv(local, 86400))
	secs := int(local - floorDiv(local, 86400)*86400)
	b := make([]byte, 0, len("2006-01-02T15:04:05+07:00"))
	b = appendPadded(b, y, 4)
	b = append(b, '-')
	b = appendPadded(b, mo, 2)
	b = append(b, '-')
	b = appendPadded(b, d, 2)
	b = append(b, 'T')
	b = appendPadded(b, secs/3600, 2)
	b = append(b, ':')
	b = appendPadded(b, secs/60%60, 2)
	b = append(b, ':')
	b = appendPadded(b, secs%60, 2)
	if t.offset == 0 {
		return string(append(b, 'Z'))
	}
	off := int(t.offset)
	sign := byte('+')
	if off < 0 {
		sign, off = '-', -off
	}
	b = append(b, sign)
	b = appendPadded(b, off/3600, 2)
	b = append(b, ':')
	b = appendPadded(b, off/60%60, 2)
	return string(b)
}

func appendPadded(b []byte, n, width int) []byte {
	s := strconv.Itoa(n)
	for i := len(s); i < width; i++ {
		b = append(b, '0')
	}
	return append(b, s...)
}

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn is the number of days of the month in the year.
func daysIn(year, month int) int {
	switch month {
	case 2:
		if isLeap(year) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// daysFromCivil counts the days from 1970-01-01 to the proleptic Gregorian
// date, and civilFromDays is its inverse. The arithmetic is Howard
// Hinnant's "chrono-compatible low-level date algorithms": years are
// shifted to start in March, so the leap day ends the year, and split into
// 400-year eras of 146,097 days.
func daysFromCivil(y, m, d int) int64 {
	if m <= 2 {
		y--
	}
	era := floorDiv(int64(y), 400)
	yoe := int64(y) - era*400
	mp := int64((m + 9) % 12)
	doy := (153*mp+2)/5 + int64(d) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

func civilFromDays(z int64) (year, month, day int) {
	z += 719468
	era := floorDiv(z, 146097)
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	y := yoe + era*400
	if m <= 2 {
		y++
	}
	return int(y), int(m), int(d)
}
