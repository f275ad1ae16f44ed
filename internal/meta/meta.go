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
	"slices"
	"strings"
	"sync"

	"articleclean/internal/datetime"

	"golang.org/x/net/html"
)

// Hints are facts known before the page is read, such as a feed-export
// header. Title and URL win over what the page says; Published yields to a
// page date on the same calendar day, which is usually more precise.
type Hints struct {
	Title     string
	URL       string
	Published datetime.Time
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
	Published datetime.Time
	// URL is the canonical absolute address.
	URL string
	// LeadImage is the absolute address of the article's main image.
	LeadImage string
	// ArticleBody is the article's text as its JSON-LD gives it, for the
	// extract stage to check its result against (script-rendered pages
	// often carry their only full copy of the text there).
	ArticleBody string
	// ProductDescription is the description of the page's product as its
	// JSON-LD gives it, when the page shows it as text (see
	// shownProductDescription), for the extract stage to add to an
	// article that lacks it.
	ProductDescription string
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
	m.ProductDescription = shownProductDescription(doc, blocks)
	m.URL = strings.TrimSpace(hints.URL)
	if m.URL == "" {
		m.URL = absolute(base, firstNonEmpty(p.canonical, p.firstMeta(urlKeys), ld.url))
	}

	m.SiteName = foldSpace(rdUnescape(firstNonEmpty(rl.siteName, p.rd["og:site_name"])))
	if m.SiteName == "" {
		m.SiteName = firstNonEmpty(foldSpace(p.firstMeta(siteKeys)), ld.publisher, ld.siteName)
	}
	sites := make([]string, 0, 12)
	sites = append(sites, m.SiteName, ld.publisher, ld.siteName, p.metas["application-name"])
	var addrs [4]string
	for i, u := range [...]string{m.URL, p.canonical, p.metas["og:url"]} {
		addrs[i] = absolute(base, u)
	}
	if base != nil {
		addrs[3] = base.String()
	}
	for i, a := range addrs {
		// A page's addresses are mostly one and the same, and every use
		// of sites asks whether any name matches: each address gives its
		// names once.
		if a != "" && !slices.Contains(addrs[:i], a) {
			sites = append(sites, hostNames(a)...)
		}
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
	cands := make([]string, 0, 6+len(authorKeys)+len(p.relAuthors)+len(p.bylines)+len(p.textBylines))
	cands = append(cands, rl.byline, p.rdFirst(rdAuthorKeys), ld.author)
	for _, k := range authorKeys {
		cands = append(cands, p.metas[k])
	}
	micro := len(cands)
	cands = append(cands, p.itemprops["author"], p.itemprops["creator"])
	cands = append(cands, p.relAuthors...)
	visible := len(cands)
	cands = append(cands, p.bylines...)
	visibleEnd := len(cands)
	for rank := 0; rank <= nameLineRank; rank++ {
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
		if i >= visible && i < visibleEnd {
			b = innerName(b, cands[i+1:visibleEnd])
		}
		if i >= micro && i < visibleEnd {
			// A themed byline element, and the microdata author
			// marked on one, reads as one line with the author's job
			// title beside the name.
			b = cutRole(b)
		}
		return b
	}
	return ""
}

// maxInnerLook bounds how many of the following byline elements may hold
// the name of the one chosen (they are its descendants, in document order).
const maxInnerLook = 4

// innerName returns the name a byline element holds in an element of its
// own ("Insights from <span>Jane Doe</span> <span>Marketing
// Director</span>"): a later byline found inside b that reads as a name.
// One of several authors ("Jane Doe and John Roe") is not taken alone.
func innerName(b string, later []string) string {
	for _, l := range later[:min(len(later), maxInnerLook)] {
		c := cleanByline(l)
		if c == b || !nameLike(c) {
			continue
		}
		i := strings.Index(b, c)
		if i < 0 {
			continue
		}
		before, after := strings.TrimSpace(b[:i]), strings.TrimSpace(b[i+len(c):])
		if i > 0 && b[i-1] != ' ' || after != "" && b[i+len(c)] != ' ' {
			continue // not at word boundaries
		}
		if joinsNames(before, true) || joinsNames(after, false) {
			continue
		}
		return c
	}
	return b
}

// nameLike reports whether s reads as a person's name: two to four
// capitalised words.
func nameLike(s string) bool {
	f := strings.Fields(s)
	if len(f) < 2 || len(f) > 4 {
		return false
	}
	for _, w := range f {
		if !startsUpper(w) {
			return false
		}
	}
	return true
}

// joinsNames reports whether the text beside a name links it to another
// one ("and", "&", a comma).
func joinsNames(s string, before bool) bool {
	f := strings.Fields(s)
	if len(f) == 0 {
		return false
	}
	w := f[0]
	if before {
		w = f[len(f)-1]
		if strings.HasSuffix(w, ",") {
			return true
		}
	}
	w = strings.ToLower(w)
	return w == "and" || w == "&" || strings.HasPrefix(w, ",") || w == "und" || w == "et" || w == "y"
}

// choosePublished takes the most reliable date the page gives. A feed
// header's date (the hint) wins unless the page's date falls on the same
// day and is at least as precise.
func choosePublished(p *page, ld ldInfo, order dayOrder, hint datetime.Time) datetime.Time {
	page := pageDate(p, ld, order, hint)
	if hint.IsZero() {
		return page.t
	}
	if !page.zero() && page.hasTime && sameDay(page.t, hint) {
		return page.t
	}
	return hint
}

// pageDate picks the page's date: the metadata's publication date, read
// against the date the page shows under its headline. The shown date
// decides where the two agree on the instant (the page's own offset then
// gives the day its readers saw), where it falls on the same day as any
// publication date the metadata gives (metadata disagree with each other
// more often than with the page), and where the page labels it as the
// publication date. An unlabelled shown date that matches only the
// last-modified date does not win, nor one a zone away from a UTC
// timestamp: in the corpora either is as often wrong as right, and the
// publication date is what is asked for. With no metadata date the
// visible datelines are read as before.
func pageDate(p *page, ld ldInfo, order dayOrder, hint datetime.Time) stamp {
	published := structuredDates(p, ld, order)
	shown, ok := shownDate(p, order, hint)
	if !ok {
		if len(published) > 0 {
			return published[0]
		}
		return visibleDate(p, order, hint)
	}
	if shown.hasTime {
		for _, k := range published {
			if shown.t.Equal(k.t) {
				return shown
			}
		}
	}
	for i, k := range published {
		if shown.labeledUpdate && i > 0 {
			break
		}
		if localDay(k.t) == localDay(shown.t) {
			if k.hasTime || !shown.hasTime {
				return k
			}
			return shown
		}
	}
	if len(published) == 0 {
		return visibleDate(p, order, hint)
	}
	if shown.labeledPublished {
		return shown
	}
	return published[0]
}

// structuredDates parses the publication dates the metadata gives, in
// order of trust.
func structuredDates(p *page, ld ldInfo, order dayOrder) []stamp {
	raw := make([]string, 0, 3+len(publishedKeys)+len(p.times))
	raw = append(raw, ld.published, p.itemprops["datepublished"], p.itemprops["datecreated"])
	for _, k := range publishedKeys {
		raw = append(raw, p.metas[k])
	}
	for _, t := range p.times {
		if t.labeled {
			raw = append(raw, t.value)
		}
	}
	var out []stamp
	for _, s := range raw {
		if st, ok := parseDate(s, order); ok {
			out = append(out, st)
		}
	}
	return out
}

// maxShownRunes bounds a shown date's text: a date under a headline stands
// alone or with a few words ("Updated", the author, the reading time);
// longer text mentions a date in passing.
const maxShownRunes = 64

// copyrightMarks mark a footer's copyright line, whose date is the site's.
var copyrightMarks = []string{"©", "copyright", "(c)"}

// shownDate returns the first date the page shows below its headline (or,
// with no <h1>, the first it shows at all): a <time> or a short text that
// holds a whole date.
func shownDate(p *page, order dayOrder, hint datetime.Time) (stamp, bool) {
	var first, afterHeadline *timeHint
	consider := func(h *timeHint, isTime bool) {
		if !isTime && runeLen(h.value) > maxShownRunes || containsAny(strings.ToLower(h.value), copyrightMarks) {
			return
		}
		if _, ok := parseDate(h.value, order); !ok {
			return
		}
		if first == nil || h.seq < first.seq {
			first = h
		}
		if p.headlineAt >= 0 && h.seq >= p.headlineAt && (afterHeadline == nil || h.seq < afterHeadline.seq) {
			afterHeadline = h
		}
	}
	for i := range p.times {
		consider(&p.times[i], true)
	}
	for i := range p.datelines {
		consider(&p.datelines[i], false)
	}
	pick := afterHeadline
	if pick == nil {
		pick = first
	}
	if pick == nil {
		return stamp{}, false
	}
	st, ok := readShown(pick.value, order, hint)
	low := strings.ToLower(pick.value)
	// The first label introduces the first date, the one parsed.
	pub, upd := firstIndex(low, publishLabels), firstIndex(low, updateLabels)
	st.labeledPublished = pub >= 0 && (upd < 0 || pub < upd)
	st.labeledUpdate = upd >= 0 && (pub < 0 || upd < pub)
	return st, ok
}

// firstIndex returns where the earliest of words occurs in s, or -1.
func firstIndex(s string, words []string) int {
	first := -1
	for _, w := range words {
		if i := strings.Index(s, w); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	return first
}

// publishLabels introduce a date as the article's publication ("asked" is
// a question's on Q&A sites); updateLabels introduce its last change.
var (
	publishLabels = []string{"published", "posted", "asked", "veröffentlicht", "publié", "publicado", "pubblicato", "опубликовано", "发布", "發布", "发表", "發表"}
	updateLabels  = []string{"updated", "modified", "edited", "revised", "aktualisiert", "mis à jour", "actualizado", "atualizado", "aggiornato", "更新", "修改"}
)

// localDay is the calendar day of t in its own zone.
func localDay(t datetime.Time) [3]int {
	y, m, d := t.Date()
	return [3]int{y, m, d}
}

// visibleDate reads the visible dates when the metadata gives none:
// labelled ones first, then any <time>, then the first short text that
// holds a date.
func visibleDate(p *page, order dayOrder, hint datetime.Time) stamp {
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
		if st, ok := readShown(s, order, hint); ok {
			return st
		}
	}
	return stamp{}
}

// readShown parses a visible date. An ambiguous numeric date read the
// other way round may be the one the hint confirms.
func readShown(s string, order dayOrder, hint datetime.Time) (stamp, bool) {
	st, ok := parseDate(s, order)
	if !ok || hint.IsZero() || sameDay(st.t, hint) {
		return st, ok
	}
	other := dayFirst
	if order == dayFirst {
		other = monthFirst
	}
	if alt, ok := parseDate(s, other); ok && sameDay(alt.t, hint) {
		return alt, true
	}
	return st, true
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
