// Package meta reads an article's metadata from the parsed page, before any
// clutter is removed (JSON-LD and meta tags live in <head> and <script>).
//
// Read takes the document tree and returns Metadata; it never changes the
// tree. Sources are tried in order of reliability: JSON-LD, OpenGraph and
// Twitter cards, Dublin Core, Parse.ly and article: meta tags, microdata,
// <time datetime>, then visible bylines and datelines. The title is the
// headline the reader sees, not the <title> with the site's name.
package meta

import (
	"net/url"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html"
)

// Hints are facts known before the page is read, such as a feed-export
// header. Title and URL win over what the page says; Published yields to a
// page date on the same calendar day, which is usually more precise.
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
	// ArticleBody is the article's text as its JSON-LD gives it, for the
	// extract stage to check its result against (script-rendered pages
	// often carry their only full copy of the text there).
	ArticleBody string
}

// Read returns the metadata of doc. base resolves relative addresses; it
// may be nil.
func Read(doc *html.Node, base *url.URL, hints Hints) Metadata {
	var m Metadata
	if doc == nil {
		m.Title, m.URL, m.Published = hints.Title, hints.URL, hints.Published
		return m
	}
	p := collect(doc)
	blocks := decodeBlocks(p.jsonld)
	ld := readJSONLD(blocks)
	rdTitle := sync.OnceValue(func() string { return rdArticleTitle(p) })
	rl := readRdLD(blocks, rdTitle)

	// Lang is the page's own <html lang> (see pageLang); the normalised tag, or a meta tag's when <html> has none, only
	// decides how numeric dates read.
	m.Lang = pageLang(p.htmlLang)
	dateLang := normalizeLang(p.htmlLang)
	if dateLang == "" {
		dateLang = normalizeLang(p.firstMeta(langKeys))
	}
	// The nearest dir around the article wins: a main or article
	// element's, then body's, then html's.
	m.Dir = firstNonEmpty(normalizeDir(p.mainDir), normalizeDir(p.bodyDir), normalizeDir(p.htmlDir))

	m.ArticleBody = ld.body
	m.URL = strings.TrimSpace(hints.URL)
	if m.URL == "" {
		m.URL = absolute(base, firstNonEmpty(p.canonical, p.firstMeta(urlKeys), ld.url))
	}

	m.SiteName = foldSpace(rdUnescape(firstNonEmpty(rl.siteName, p.rd["og:site_name"])))
	if m.SiteName == "" {
		m.SiteName = firstNonEmpty(foldSpace(p.firstMeta(siteKeys)), ld.publisher, ld.siteName)
	}
	sites := []string{m.SiteName, ld.publisher, ld.siteName, p.metas["application-name"]}
	for _, u := range []string{m.URL, p.canonical, p.metas["og:url"]} {
		sites = append(sites, hostNames(absolute(base, u))...)
	}
	if base != nil {
		sites = append(sites, hostNames(base.String())...)
	}

	m.Title = foldSpace(hints.Title)
	if m.Title == "" {
		m.Title = chooseTitle(p, ld, sites)
	}
	m.Byline = chooseByline(p, ld, rl, sites)
	m.Excerpt = foldSpace(rdUnescape(firstNonEmpty(rl.excerpt, p.rdFirst(rdExcerptKeys))))
	if m.Excerpt == "" {
		m.Excerpt = foldSpace(html.UnescapeString(p.firstMeta(excerptKeys)))
	}
	m.Published = choosePublished(p, ld, orderFor(dateLang), hints.Published)
	m.LeadImage = leadImage(p, ld, base)
	return m
}

// chooseByline takes the author as Readability does (JSON-LD, then the
// author meta tags), then the other structured and visible sources. There
// the site's own name is passed over, as sites name themselves as author
// where the page shows a writer; the later sources know people from
// organisations better.
func chooseByline(p *page, ld ldInfo, rl rdLD, sites []string) string {
	cands := []string{rl.byline, p.rdFirst(rdAuthorKeys), ld.author}
	for _, k := range authorKeys {
		cands = append(cands, p.metas[k])
	}
	cands = append(cands, p.itemprops["author"], p.itemprops["creator"])
	cands = append(cands, p.relAuthors...)
	cands = append(cands, p.bylines...)
	for rank := 0; rank <= sourceRank; rank++ {
		for _, t := range p.textBylines {
			if t.rank == rank {
				cands = append(cands, t.name)
			}
		}
	}
	cands = append(cands, ld.authorOrg)
	for i, c := range cands {
		b := cleanByline(html.UnescapeString(c))
		if b == "" || i < 2 && isSiteName(b, sites) {
			continue
		}
		return b
	}
	return ""
}

// choosePublished takes the most reliable date the page gives. A feed
// header's date (the hint) wins unless the page's date falls on the same
// day and is at least as precise.
func choosePublished(p *page, ld ldInfo, order dayOrder, hint time.Time) time.Time {
	page := pageDate(p, ld, order, hint)
	if hint.IsZero() {
		return page.t
	}
	if !page.zero() && page.hasTime && sameDay(page.t, hint) {
		return page.t
	}
	return hint
}

func pageDate(p *page, ld ldInfo, order dayOrder, hint time.Time) stamp {
	structured := []string{ld.published, p.itemprops["datepublished"]}
	for _, k := range publishedKeys {
		structured = append(structured, p.metas[k])
	}
	for _, t := range p.times {
		if t.labeled {
			structured = append(structured, t.value)
		}
	}
	for _, s := range structured {
		if st, ok := parseDate(s, order); ok {
			return st
		}
	}
	// Visible dates: labelled ones first, then any <time>, then the first
	// short text that holds a date.
	var visible []string
	for _, d := range p.datelines {
		if d.labeled {
			visible = append(visible, d.value)
		}
	}
	for _, t := range p.times {
		visible = append(visible, t.value)
	}
	for _, d := range p.datelines {
		if !d.labeled {
			visible = append(visible, d.value)
		}
	}
	for _, s := range visible {
		st, ok := parseDate(s, order)
		if !ok {
			continue
		}
		// An ambiguous numeric date read the other way round may be the
		// one the hint confirms.
		if !hint.IsZero() && !sameDay(st.t, hint) {
			other := dayFirst
			if order == dayFirst {
				other = monthFirst
			}
			if alt, ok := parseDate(s, other); ok && sameDay(alt.t, hint) {
				return alt
			}
		}
		return st
	}
	return stamp{}
}

func leadImage(p *page, ld ldInfo, base *url.URL) string {
	for _, c := range []string{p.firstMeta(imageKeys), ld.image} {
		c = strings.TrimSpace(c)
		if c == "" || strings.HasPrefix(strings.ToLower(c), "data:") {
			continue
		}
		if a := absolute(base, c); a != "" {
			return a
		}
	}
	return ""
}

// absolute resolves ref against base; it returns "" for javascript: and
// other non-web addresses.
func absolute(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme == "" && u.Host != "" {
		u.Scheme = "https" // protocol-relative with nothing to resolve against
	}
	switch strings.ToLower(u.Scheme) {
	case "http", "https":
		return u.String()
	}
	return ""
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
