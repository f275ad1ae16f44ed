// Package clutter removes what is not content: ads, promos, share bars,
// hidden elements and tracking.
package clutter

import (
	"articleclean/internal/report"

	"golang.org/x/net/html"
)

// Options tune Remove.
type Options struct {
	KeepAll bool
}

// Remove deletes clutter from doc in place, counting removals in r.
func Remove(doc *html.Node, opts Options, r *report.Report) {}
