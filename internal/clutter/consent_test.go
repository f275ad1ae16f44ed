package clutter

import (
	"strings"
	"testing"

	"articleclean/internal/dom"
	"articleclean/internal/parse"
	"articleclean/internal/report"
)

func TestConsentAndDialogs(t *testing.T) {
	policy := strings.Repeat("We and our partners store and access information on your device to measure content. ", 40)
	story := strings.Repeat("The ferry resumed its crossings on Monday after the harbour wall was repaired. ", 30)
	for _, tc := range []struct {
		name, page, gone, kept string
	}{
		{"consent manager however long", `<div id="onetrust-consent-sdk"><p>` + policy + `</p></div><article><p>` + story[:400] + `</p></article>`, "partners store", "ferry"},
		{"cookie banner", `<div class="cookie-banner">We use cookies. Accept all</div><p>` + story + `</p>`, "Accept all", "ferry"},
		{"modal dialog", `<div role="dialog" aria-label="Sign in"><p>Sign in to keep reading</p></div><p>` + story + `</p>`, "Sign in to keep", "ferry"},
		{"adobe core components stay", `<div class="cmp-text"><p>` + story + `</p></div>`, "", "ferry"},
		{"a dialog holding the page stays", `<div role="dialog"><p>` + story + `</p></div>`, "", "ferry"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc, err := parse.Document("<html><body>" + tc.page + "</body></html>")
			if err != nil {
				t.Fatal(err)
			}
			Remove(doc, Options{}, &report.Report{})
			text := dom.Text(doc)
			if tc.gone != "" && strings.Contains(text, tc.gone) {
				t.Errorf("%q survived", tc.gone)
			}
			if !strings.Contains(text, tc.kept) {
				t.Errorf("%q was removed", tc.kept)
			}
		})
	}
}
