package extract

import (
	"strings"
	"testing"

	"articleclean/internal/parse"
)

func TestIsDateLine(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Last updated on September 16th, 2023 at 09:27 am", true},
		{"Updated: 2025-04-21", true},
		{"May 31, 2024", true},
		{"Published 04/08/2025", true},
		{"May 2024 was wet", false},
		{"Chapter 12", false},
		{"2024", false},
		{"Posted by Jo Quill on May 4, 2025", false},
	}
	for _, tc := range tests {
		if got := isDateLine(tc.text); got != tc.want {
			t.Errorf("isDateLine(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

func TestArticleRemovesDateLine(t *testing.T) {
	para := "<p>" + strings.Repeat("The river crossing was rebuilt over a long, wet summer, and the village watched every step of it. ", 5) + "</p>"
	doc, err := parse.Document(`<html><body><article class="post"><p>Last updated: March 3, 2025</p>` +
		para + `<p>KEPT On March 3, 2025, the bridge opened.</p>` + para + `</article></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{}), []string{"KEPT", "river crossing"}, []string{"Last updated"})
}

func TestIsReadingTime(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"3 MIN. READ", true},
		{"Reading time: 4 minutes", true},
		{"12 min read", true},
		{"Read more", false},
		{"5 minutes from the station", false},
		{"min", false},
	}
	for _, tc := range tests {
		if got := isReadingTime(tc.text); got != tc.want {
			t.Errorf("isReadingTime(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// A header that groups the category, reading time and date in one short
// block is looked into: its date and reading-time lines go, the rest stays.
func TestArticleRemovesNestedDateLine(t *testing.T) {
	para := "<p>" + strings.Repeat("The river crossing was rebuilt over a long, wet summer, and the village watched every step of it. ", 5) + "</p>"
	doc, err := parse.Document(`<html><body><article class="post"><div><div><div>KEPT-category: rivers and bridges</div><div><span>5</span> min read</div></div>` +
		`<div><div>March 3, 2025</div></div></div>` + para + para + `</article></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	checkText(t, Article(doc, Options{}), []string{"KEPT-category", "river crossing"}, []string{"min read", "March 3"})
}
