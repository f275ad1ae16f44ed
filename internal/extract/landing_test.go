package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html/atom"

	"articleclean/internal/dom"
)

func TestHeadedSections(t *testing.T) {
	cases := []struct {
		name, in string
		want     bool
	}{
		{"three headed sections", `<h2>Plan</h2><p>a</p><h2>Plant</h2><p>b</p><h2>Care</h2><p>c</p>`, true},
		{"two headings", `<h2>Plan</h2><p>a</p><h2>Plant</h2><p>b</p>`, false},
		{"a dated article", `<p>March 3, 2021</p><h2>Plan</h2><p>a</p><h2>Plant</h2><p>b</p><h2>Care</h2><p>c</p>`, false},
	}
	for _, c := range cases {
		art := dom.FindAll(mustParse(t, c.in), atom.Body)[0]
		if got := headedSections(art); got != c.want {
			t.Errorf("%s: headedSections = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestSectionedTakesLinkedCardsUnderHeadings(t *testing.T) {
	best := `<p>` + strings.Repeat("We plan gardens that suit the light and the slope. ", 8) + `</p>`
	card := func(h string) string {
		return h + `<p>Pruning, weeding and mulching, every month of the year, by the same two gardeners.</p><p><a href="/x">See the care plans and prices</a></p>`
	}
	cases := []struct {
		name, heading string
		want          bool
	}{
		{"cards under section headings", "<h2>Care</h2>", true},
		{"the same cards unheaded", "<p>Care</p>", false},
	}
	for _, c := range cases {
		b := dom.FindAll(mustParse(t, best), atom.Body)[0]
		a := dom.FindAll(mustParse(t, best+card(c.heading)+card(c.heading)+card(c.heading)), atom.Body)[0]
		if got := sectioned(b, a, proseIn(b), unitsOf(a)); got != c.want {
			t.Errorf("%s: sectioned = %v, want %v", c.name, got, c.want)
		}
	}
}
