package meta

import (
	"path/filepath"
	"testing"

	"articleclean/internal/datetime"
)

// TestPageDateRules checks how the shown date and the metadata's dates are
// weighed, one invented page per rule.
func TestPageDateRules(t *testing.T) {
	tests := []struct {
		file, want string // want in RFC 3339, "" for none
	}{
		// The same instant as the page writes it keeps the page's offset,
		// so the day is the one its readers saw.
		{"same-instant.html", "2024-05-02T04:30:00+05:00"},
		// A shown day that a less trusted source confirms picks that
		// source over the first one, which is a day off.
		{"other-source-day.html", "2024-05-01T17:30:00-07:00"},
		// A date the page labels as published beats metadata that
		// disagree.
		{"labelled-published.html", "2023-04-26T00:00:00Z"},
		// A shown date labelled as an update does not displace the
		// publication date.
		{"shown-update.html", "2020-03-10T15:30:00Z"},
		// Headlines that only name a year take no dateline places.
		{"year-headlines.html", "2025-03-14T00:00:00Z"},
		// A date bar above the headline is not the article's date.
		{"today-bar.html", "2023-06-02T08:00:00Z"},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			md := Read(readFixture(t, filepath.Join("dates", tc.file)), nil, Hints{})
			got := ""
			if !md.Published.IsZero() {
				got = md.Published.RFC3339()
			}
			if got != tc.want {
				t.Errorf("Published = %q, want %q", got, tc.want)
			}
		})
	}
}

// TestShownDate checks which visible date counts as the one under the
// headline.
func TestShownDate(t *testing.T) {
	tests := []struct {
		file, want         string // want as 2006-01-02, "" for none
		published, updated bool
	}{
		{file: "today-bar.html", want: "2023-06-02"},
		{file: "labelled-published.html", want: "2023-04-26", published: true},
		{file: "shown-update.html", want: "2025-02-12", updated: true},
		{file: "year-headlines.html", want: "2025-03-14", published: true},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			p := collect(readFixture(t, filepath.Join("dates", tc.file)))
			st, ok := shownDate(p, dayFirst, datetime.Time{})
			got := ""
			if ok {
				got = st.t.RFC3339()[:len("2006-01-02")]
			}
			if got != tc.want || st.labeledPublished != tc.published || st.labeledUpdate != tc.updated {
				t.Errorf("shownDate = %q published %v updated %v, want %q %v %v", got, st.labeledPublished, st.labeledUpdate, tc.want, tc.published, tc.updated)
			}
		})
	}
}
