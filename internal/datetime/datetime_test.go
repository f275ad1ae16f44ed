package datetime

import (
	"testing"
	"time"
)

// The standard library is the reference: the tests hold this package to
// what time.Date, time.Unix and time.Parse do for the same input.

func TestDateMatchesTheStandardLibrary(t *testing.T) {
	for _, offset := range []int{0, 3600, -5 * 3600, 5*3600 + 1800, 14 * 3600, -12 * 3600} {
		zone := time.FixedZone("", offset)
		// Every day of 1899-2101 at a time that crosses midnight in UTC for
		// most offsets.
		for day := time.Date(1899, 1, 1, 23, 30, 15, 0, zone); day.Year() < 2102; day = day.AddDate(0, 0, 1) {
			got, ok := Date(day.Year(), int(day.Month()), day.Day(), day.Hour(), day.Minute(), day.Second(), offset)
			if !ok {
				t.Fatalf("Date refused %v", day)
			}
			if want := day.Format(time.RFC3339); got.RFC3339() != want {
				t.Fatalf("RFC3339 %q, want %q", got.RFC3339(), want)
			}
			if got.unix != day.Unix() {
				t.Fatalf("%v: unix %d, want %d", day, got.unix, day.Unix())
			}
			y, m, d := got.UTCDate()
			uy, um, ud := day.UTC().Date()
			if y != uy || m != int(um) || d != ud {
				t.Fatalf("%v: UTC day %d-%d-%d, want %v", day, y, m, d, day.UTC())
			}
		}
	}
}

func TestDateRefusesWhatDoesNotExist(t *testing.T) {
	for _, c := range [][7]int{
		{2023, 2, 29, 0, 0, 0, 0}, {2024, 2, 30, 0, 0, 0, 0}, {2023, 4, 31, 0, 0, 0, 0}, {2023, 13, 1, 0, 0, 0, 0},
		{2023, 0, 1, 0, 0, 0, 0}, {2023, 1, 0, 0, 0, 0, 0}, {2023, 1, 1, 24, 0, 0, 0}, {2023, 1, 1, 0, 60, 0, 0},
		{2023, 1, 1, 0, 0, 60, 0}, {2023, 1, 1, 0, 0, 0, 24 * 3600}, {1900, 2, 29, 0, 0, 0, 0},
	} {
		if _, ok := Date(c[0], c[1], c[2], c[3], c[4], c[5], c[6]); ok {
			t.Errorf("Date%v accepted", c)
		}
	}
	if _, ok := Date(2000, 2, 29, 0, 0, 0, 0); !ok {
		t.Error("2000-02-29 refused")
	}
}

func TestUnix(t *testing.T) {
	for _, sec := range []int64{0, 1677784503, -1, 4102444800, 951782400} {
		if got, want := Unix(sec).RFC3339(), time.Unix(sec, 0).UTC().Format(time.RFC3339); got != want {
			t.Errorf("Unix(%d) = %s, want %s", sec, got, want)
		}
	}
	var zero Time
	if !zero.IsZero() || zero.RFC3339() != "" || Unix(0).IsZero() {
		t.Error("zero value")
	}
}

func TestEqualComparesInstants(t *testing.T) {
	a, _ := Date(2023, 3, 2, 20, 0, 0, 8*3600)
	b, _ := Date(2023, 3, 2, 12, 0, 0, 0)
	c, _ := Date(2023, 3, 2, 12, 0, 1, 0)
	if !a.Equal(b) || a.Equal(c) || a.Equal(Time{}) {
		t.Error("Equal")
	}
	if y, m, d := a.Date(); y != 2023 || m != 3 || d != 2 {
		t.Errorf("local day %d-%d-%d", y, m, d)
	}
}

// isoLayouts are the standard-library layouts ParseISO replaces.
var isoLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700",
	"2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 Z07:00",
	"2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -0700 MST", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02",
}

func stdParse(layouts []string, s string) (time.Time, bool) {
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

func TestParseISOMatchesTheStandardLibrary(t *testing.T) {
	inputs := []string{
		"2023-03-02", "2023-03-02T10:04:05Z", "2023-03-02T10:04:05+08:00", "2023-03-02T10:04:05.123456-05:00",
		"2023-03-02T10:04:05,5Z", "2023-03-02T10:04:05+0800", "2023-03-02T10:04Z", "2023-03-02T10:04+01:00",
		"2023-03-02T10:04-0130", "2023-03-02T10:04:05", "2023-03-02T9:04:05", "2023-03-02T10:04",
		"2023-03-02 10:04:05Z", "2023-03-02 10:04:05+02:00", "2023-03-02 10:04:05 Z", "2023-03-02 10:04:05 +02:00",
		"2023-03-02 10:04:05 -0700", "2023-03-02 10:04:05 -0700 MST", "2023-03-02 10:04:05.25 +0000 UTC",
		"2023-03-02 10:04:05", "2023-03-02 10:04", "2023-02-28T23:59:59-23:00",
		// Refused by both.
		"2023-3-2", "2023-03-02T", "2023-03-02T10", "2023-03-02T10:4", "2023-03-02T10:04:5", "2023-03-02 10:04Z",
		"2023-03-02 10:04 +02:00", "2023-03-02 10:04:05+0200", "2023-03-02T10:04:05 +02:00x", "2023-03-02x",
		"2023-02-29", "2023-03-02T24:00:00Z", "2023-03-02T10:60Z", "2023-03-02T10:04:05.Z", "2023-03-02T10:04.5Z",
		"2023-03-02 10:04:05 +02:00 CET", "2023-03-02 10:04:05 -0700 mst", "2023-03-02T10:04:05z", "2023-03-02t10:04:05Z",
		"２０２３-03-02", "abcd-ef-gh",
	}
	for _, s := range inputs {
		want, wantOK := stdParse(isoLayouts, s)
		got, hasTime, ok := ParseISO(s)
		if ok != wantOK {
			t.Errorf("%q: ok %v, standard library %v", s, ok, wantOK)
			continue
		}
		if ok && got.RFC3339() != want.Format(time.RFC3339) {
			t.Errorf("%q: %s, standard library %s", s, got.RFC3339(), want.Format(time.RFC3339))
		}
		if ok && hasTime != (len(s) > 10) {
			t.Errorf("%q: hasTime %v", s, hasTime)
		}
	}
}

// rfcLayouts are the standard-library layouts ParseRFC replaces.
var rfcLayouts = []string{
	time.RFC1123, time.RFC1123Z, "Mon, 2 Jan 2006 15:04:05 MST", "Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04 -0700", time.RFC850, time.ANSIC, time.UnixDate, time.RubyDate,
}

func TestParseRFCMatchesTheStandardLibrary(t *testing.T) {
	// With no zone table, names other than UTC and GMT±h read as UTC, as the
	// standard library reads them where the local zone is UTC.
	time.Local = time.UTC
	inputs := []string{
		"Thu, 02 Mar 2023 10:04:05 GMT", "Thu, 02 Mar 2023 10:04:05 UTC", "thu, 02 mar 2023 10:04:05 GMT",
		"Thu, 02 Mar 2023 10:04:05 +0100", "Thu, 2 Mar 2023 10:04:05 -0500", "Thu, 2 Mar 2023 10:04 -0500",
		"Thursday, 02-Mar-23 10:04:05 UTC", "Monday, 02-Jan-99 10:04:05 GMT", "Thu Mar  2 10:04:05 2023",
		"Thu Mar 12 10:04:05 2023", "Thu Mar  2 10:04:05 UTC 2023", "Thu Mar 02 10:04:05 +0900 2023",
		"Thu, 02 Mar 2023 10:04:05.123 GMT", "Thu, 02 Mar 2023 10:04:05 EST",
		// Refused by both.
		"Thu, 02 Mar 2023", "Thu, 02 Mar 2023 10:04:05", "Thu, 31 Feb 2023 10:04:05 GMT", "Thu 02 Mar 2023 10:04:05 GMT",
		"Thu, 02 Foo 2023 10:04:05 GMT", "Foo, 02 Mar 2023 10:04:05 GMT", "Thu, 02 Mar 2023 10:04:05 GMT extra",
		"Thu Mar  2 10:04 2023", "Thu, 02 Mar 23 10:04:05 GMT",
	}
	for _, s := range inputs {
		want, wantOK := stdParse(rfcLayouts, s)
		got, ok := ParseRFC(s, nil)
		if ok != wantOK {
			t.Errorf("%q: ok %v, standard library %v", s, ok, wantOK)
			continue
		}
		if ok && got.RFC3339() != want.Format(time.RFC3339) {
			t.Errorf("%q: %s, standard library %s", s, got.RFC3339(), want.Format(time.RFC3339))
		}
	}
}

func TestParseRFCReadsZoneNames(t *testing.T) {
	zones := func(name string) (int, bool) {
		if name == "est" {
			return -5 * 3600, true
		}
		return 0, false
	}
	for s, want := range map[string]string{
		"Thu, 02 Mar 2023 22:04:05 EST":  "2023-03-02T22:04:05-05:00",
		"Thu, 02 Mar 2023 22:04:05 XYZT": "2023-03-02T22:04:05Z", // unknown: UTC
		"Thu Mar  2 22:04:05 EST 2023":   "2023-03-02T22:04:05-05:00",
		// The standard library reads the clock as UTC and then shows it at
		// the offset (18:04:05+08:00); the page meant 10:04:05 at +08:00.
		"Thu, 02 Mar 2023 10:04:05 GMT+8": "2023-03-02T10:04:05+08:00",
	} {
		if got, ok := ParseRFC(s, zones); !ok || got.RFC3339() != want {
			t.Errorf("%q: %s (%v), want %s", s, got.RFC3339(), ok, want)
		}
	}
}

func FuzzParseISO(f *testing.F) {
	for _, s := range []string{"2023-03-02T10:04:05.5+08:00", "2023-03-02 10:04:05 -0700 MST", "2023-03-02"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, wantOK := stdParse(isoLayouts, s)
		got, _, ok := ParseISO(s)
		// The standard library allows offsets up to 99:59 and names of
		// any capital letters after "-0700"; pages do not use those.
		if ok && (!wantOK || got.RFC3339() != want.Format(time.RFC3339)) {
			t.Fatalf("%q: %s, standard library %s (%v)", s, got.RFC3339(), want.Format(time.RFC3339), wantOK)
		}
	})
}
