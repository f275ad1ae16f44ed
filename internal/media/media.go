// Package media resolves images and embeds.
package media

import (
	"net/url"

	"articleclean/internal/report"

	"golang.org/x/net/html"
)

// Resolve rewrites images and embeds in doc in place.
func Resolve(doc *html.Node, base *url.URL, r *report.Report) {}
