// Package sanitize is the last gate.
package sanitize

import (
	"bytes"
	"net/url"

	"articleclean/internal/report"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

// Options tune HTML.
type Options struct {
	Base        *url.URL
	KeepClasses bool
}

// HTML serializes root's children and sanitizes them.
func HTML(root *html.Node, opts Options, r *report.Report) (string, error) {
	var b bytes.Buffer
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		if err := html.Render(&b, c); err != nil {
			return "", err
		}
	}
	return bluemonday.UGCPolicy().Sanitize(b.String()), nil
}
