package meta

import (
	"bytes"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"
)

// titleSeparators stand between a headline and the site's name in a
// <title> or og:title. The spaced ones are matched with their spaces so a
// hyphenated word or "1/2" never splits; the full-width and CJK ones are
// written without spaces in Chinese and Japanese titles. The colon is
// absent: it is part of too many headlines ("Review: …").
var titleSeparators = []string{
	" | ", " - ", " – ", " — ", " / ", " · ", " • ", " » ", " « ", " :: ", " ~ ", " › ", " ‹ ", " \\ ",
	"｜", "丨", "_", " |", "| ", "－", "——", " — ",
}

// segment is one piece of a title between separators, as byte offsets.
type segment struct{ start, end int }

func splitTitle(t string) []segment {
	var segs []segment
	start := 0
	for i := 0; i < len(t); {
		matched := 0
		for _, sep := range titleSeparators {
			if strings.HasPrefix(t[i:], sep) {
				if sep == "_" && i > 0 && i+1 < len(t) && isWordByte(t[i-1]) && isWordByte(t[i+1]) {
					break // an identifier ("size_t"), not a separator
				}
				matched = len(sep)
				break
			}
		}
		if matched == 0 {
			_, size := utf8.DecodeRuneInString(t[i:])
			i += size
			continue
		}
		if strings.TrimSpace(t[start:i]) != "" {
			segs = append(segs, segment{start, i})
		}
		i += matched
		start = i
	}
	if strings.TrimSpace(t[start:]) != "" {
		segs = append(segs, segment{start, len(t)})
	}
	return segs
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func (s segment) text(t string) string { return strings.TrimSpace(t[s.start:s.end]) }

// stripSite removes leading and trailing title segments that name the site.
func stripSite(t string, sites []string) string {
	segs := splitTitle(t)
	for len(segs) > 1 && isSiteName(segs[len(segs)-1].text(t), sites) {
		segs = segs[:len(segs)-1]
	}
	for len(segs) > 1 && isSiteName(segs[0].text(t), sites) {
		segs = segs[1:]
	}
	if len(segs) == 0 {
		return t
	}
	return strings.TrimSpace(t[segs[0].start:segs[len(segs)-1].end])
}

// dropShortSide removes a trailing (else leading) segment that is much
// shorter than the rest, the usual shape of "Headline | Site" when we do
// not know the site's name.
func dropShortSide(t string) string {
	segs := splitTitle(t)
	if len(segs) < 2 {
		return t
	}
	first, last := segs[0], segs[len(segs)-1]
	restAfterFirst := strings.TrimSpace(t[segs[1].start:last.end])
	restBeforeLast := strings.TrimSpace(t[first.start:segs[len(segs)-2].end])
	if shortPart(last.text(t)) && words(restBeforeLast) >= 3 {
		return restBeforeLast
	}
	if shortPart(first.text(t)) && words(restAfterFirst) >= 3 {
		return restAfterFirst
	}
	return t
}

// shortPart reports whether a title segment is short enough to be a
// site's or section's name rather than part of the headline.
func shortPart(s string) bool {
	if hasCJK(s) {
		return utf8.RuneCountInString(s) <= 8
	}
	return words(s) <= 4
}

func words(s string) int {
	if hasCJK(s) {
		return utf8.RuneCountInString(s) / 2
	}
	return len(strings.Fields(s))
}

func hasCJK(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// isSiteName reports whether a title segment names the site: it equals a
// known site name or the site's host name, ignoring case, spaces and
// punctuation, or one contains the other.
func isSiteName(seg string, sites []string) bool {
	// The squashed forms are only compared, so they are built in buffers
	// on the stack: this runs for every title segment and heading.
	var kb, sb [squashBuf]byte
	k := appendSquash(kb[:0], seg)
	if len(k) == 0 {
		return false
	}
	for _, s := range sites {
		ks := appendSquash(sb[:0], s)
		if len(ks) == 0 {
			continue
		}
		if bytes.Equal(k, ks) || (len(ks) >= 4 && bytes.Contains(k, ks) && len(k) <= 2*len(ks)) || (len(k) >= 4 && bytes.Contains(ks, k)) {
			return true
		}
	}
	return false
}

// squashBuf is the size of the buffers isSiteName squashes into without
// allocating; site names and title segments are mostly shorter.
const squashBuf = 128

// inSiteName reports whether every word of a heading of several words is
// a word of one of the site's names ("Example News" in a site called
// "Example Update News"): a logo's heading, worded a little differently.
func inSiteName(h string, sites []string) bool {
	words := strings.FieldsFunc(strings.ToLower(h), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) < 2 {
		return false
	}
	for _, s := range sites {
		have := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		all := true
		for _, w := range words {
			if !contains(have, w) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// appendSquash appends the letters and digits of s, lower-cased, to dst.
func appendSquash(dst []byte, s string) []byte {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		}
	}
	return dst
}

// hostNames returns the names a host goes by in titles: "www.example.co.uk"
// gives "example.co.uk" and "example".
func hostNames(raw string) []string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return nil
	}
	h := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
	labels := strings.Split(h, ".")
	out := []string{h}
	if len(labels) >= 2 {
		main := labels[len(labels)-2]
		if len(labels) >= 3 && len(main) <= 3 { // co.uk, com.au
			main = labels[len(labels)-3]
		}
		out = append(out, main)
	}
	return out
}

// titleKey makes titles comparable: case, white space, quote and dash
// styles and trailing punctuation do not matter.
func titleKey(s string) string {
	var b strings.Builder
	b.Grow(len(s)) // lower-casing keeps the length of almost all text
	space := false
	for _, r := range s {
		switch r {
		case '‘', '’', '‚', '′', '`', '´':
			r = '\''
		case '“', '”', '„', '″', '«', '»':
			r = '"'
		case '–', '—', '‐', '‑', '−':
			r = '-'
		case '\u00a0':
			r = ' '
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if isInvisible(r) {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimRight(b.String(), " .!?:;")
}

// chooseTitle picks the headline the reader sees. A visible heading that a
// metadata title confirms wins (the heading is what is on screen, the
// metadata proves it is the article's and not the logo's); then the
// metadata titles with the site's name removed; then the first <h1>.
func chooseTitle(p *page, ld ldInfo, sites []string) string {
	t, _ := chooseTitleStep(p, ld, sites)
	return latin1Mojibake(dropInvisible(t))
}

// invisibles are the characters a page puts inside words to steer line
// breaking (a soft hyphen, zero-width space or word joiner, a stray byte
// order mark): nothing a reader sees or types, so titles compare and read
// without them. The joiners that shape emoji and scripts (U+200C, U+200D)
// are not among them.
var invisibles = [...]rune{'\u00ad', '\u200b', '\u2060', '\ufeff'}

func isInvisible(r rune) bool {
	for _, c := range invisibles {
		if r == c {
			return true
		}
	}
	return false
}

// dropInvisible removes the invisibles from s.
func dropInvisible(s string) string {
	if !strings.ContainsFunc(s, isInvisible) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isInvisible(r) {
			return -1
		}
		return r
	}, s)
}

// latin1Mojibake undoes UTF-8 text that was read as ISO-8859-1, the
// usual wrong guess for a page whose <meta charset> and header disagree
// ("Investorâ\u0080\u0099s" for "Investor’s"): when every character fits
// in a byte, some are above ASCII and those bytes form valid UTF-8 of
// fewer characters, the bytes were UTF-8.
func latin1Mojibake(s string) string {
	b := make([]byte, 0, len(s))
	high := false
	for _, r := range s {
		if r > 0xff {
			return s
		}
		if r >= 0x80 {
			high = true
		}
		b = append(b, byte(r))
	}
	if !high || !utf8.Valid(b) || utf8.RuneCount(b) == utf8.RuneCountInString(s) {
		return s
	}
	return string(b)
}

// titleStep says which rule chose a title, from the surest (a heading
// that metadata confirms) to the weakest.
type titleStep int

const (
	stepAgreed titleStep = iota
	stepArticleH1
	stepLD
	stepMeta
	stepTitle
	stepH1
	stepNone
)

func chooseTitleStep(p *page, ld ldInfo, sites []string) (string, titleStep) {
	var metas []string
	for _, m := range []string{ld.headline, p.itemprops["headline"], p.firstMeta(titleKeys), p.metas["twitter:title"], p.title} {
		if m = foldSpace(m); m != "" {
			metas = append(metas, m)
		}
	}
	hks := make([]string, len(p.headings))
	for i, h := range p.headings {
		hks[i] = titleKey(h.text)
	}
	// A copy: the caller's names serve the byline too.
	sites = append(sites[:len(sites):len(sites)], trailingSegmentHeadings(p.headings, hks, metas, sites)...)
	// The passes below compare every heading with every metadata title,
	// so each title's forms are made once.
	mts := make([]metaTitle, len(metas))
	for i, m := range metas {
		sm := stripSite(m, sites)
		mts[i] = metaTitle{stripped: sm, key: titleKey(m), strippedKey: titleKey(sm)}
	}
	for i, h := range p.headings {
		if hks[i] != "" && isSiteName(h.text, sites) {
			hks[i] = "" // the logo's heading
		}
	}
	// Exact agreement first, then a heading that is a whole segment of a
	// metadata title, then one contained in it.
	for pass := 0; pass < agreementPasses; pass++ {
		firstH1 := true
		for i, h := range p.headings {
			leading := h.level == 1 && firstH1
			if h.level == 1 {
				firstH1 = false
			}
			hk := hks[i]
			if hk == "" {
				continue
			}
			if pass == passLeading && !leading {
				continue
			}
			for _, m := range mts {
				if agrees(hk, m, pass) {
					return visibleForm(stripSite(h.text, sites), m.stripped), stepAgreed
				}
			}
		}
	}
	if t, ok := labelledHeading(hks, mts); ok {
		return t, stepAgreed
	}
	// On an article page the visible headline is the first <h1>, even
	// when the metadata words it differently (an SEO title, an older
	// wording); elsewhere an <h1> is as often a banner's slogan.
	if ld.article || strings.EqualFold(p.metas["og:type"], "article") {
		for _, h := range p.headings {
			if h.level == 1 && !isSiteName(h.text, sites) && !inSiteName(h.text, sites) && plausibleHeadline(h.text) && !unrelated(h.text, metas) {
				return stripSite(h.text, sites), stepArticleH1
			}
		}
	}
	// A JSON-LD headline sharing no words with the page's own titles is
	// another item's (a review, a video, a post in a listing).
	if ld.headline != "" && !unrelated(ld.headline, pageTitles(p)) {
		return wholeHeadline(stripSite(foldSpace(ld.headline), sites), p, hks, sites), stepLD
	}
	if m := foldSpace(p.firstMeta(titleKeys)); m != "" && !siteDefault(m, p.title) {
		return wholeHeadline(dropTaglineOf(stripSite(m, sites), minMetaTaglineWords), p, hks, sites), stepMeta
	}
	if p.title != "" {
		// A forum's or section's name may stay after the site's
		// ("Topic / Board Name | Site").
		return wholeHeadline(dropTagline(dropShortSide(stripSite(p.title, sites))), p, hks, sites), stepTitle
	}
	for _, h := range p.headings {
		if h.level == 1 {
			return h.text, stepH1
		}
	}
	return "", stepNone
}

// minRelated is how much of a metadata title's words a heading must share
// to be taken as the same headline in other words; a heading sharing
// almost none is a section's name or a slogan ("Latest News").
const minRelated = 0.2

// unrelated reports whether the heading shares almost no words with the
// page's main metadata title. Scripts without spaces between words are
// not judged.
func unrelated(h string, metas []string) bool {
	if len(metas) == 0 || len(asciiTokens(h)) == 0 || len(asciiTokens(metas[0])) == 0 {
		return false
	}
	return textSimilarity(h, metas[0]) < minRelated
}

// siteDefault reports whether an og:title or twitter:title shares almost
// no words with the page's <title> either way: the brand or slogan a site
// sets for every page ("Build software better"), while the <title> names
// this one. Scripts without spaces between words are not judged.
func siteDefault(m, title string) bool {
	return title != "" && unrelated(m, []string{title}) && unrelated(title, []string{m})
}

// pageTitles are the page's own metadata titles, outside its JSON-LD.
func pageTitles(p *page) []string {
	var out []string
	for _, m := range [...]string{p.firstMeta(titleKeys), p.metas["twitter:title"], p.title} {
		if m = foldSpace(m); m != "" {
			out = append(out, m)
		}
	}
	return out
}

// plausibleHeadline rejects headings too short or too long to be an
// article's headline.
func plausibleHeadline(s string) bool {
	n := utf8.RuneCountInString(s)
	return n >= 4 && n <= 300
}

// agreementPasses counts the ways a heading may agree with a metadata
// title, surest first; passLeading, the last, takes the page's first <h1>
// when it begins the metadata title ("Headlamps" and "Headlamps for Camping &
// Hiking"): a category's or product's name the title goes on to describe.
const (
	agreementPasses = 4
	passLeading     = 3
)

// minContainedRunes is how long a heading must be before being found inside
// a metadata title counts as agreement; short headings ("News", "Blog")
// are found inside many titles by chance.
const minContainedRunes = 12

// metaTitle is a metadata title in the forms the headings are compared
// with.
type metaTitle struct {
	stripped    string // without the site's name (stripSite)
	key         string // titleKey of the title
	strippedKey string // titleKey of stripped
}

func agrees(hk string, mt metaTitle, pass int) bool {
	switch pass {
	case 0:
		return hk == mt.key || hk == mt.strippedKey
	case 1:
		m := mt.stripped
		segs := splitTitle(m)
		for i := range segs {
			for j := i; j < len(segs); j++ {
				if i == j && j > 0 && j == len(segs)-1 {
					continue // the last segment alone names the site
				}
				if titleKey(m[segs[i].start:segs[j].end]) == hk {
					return true
				}
			}
		}
	case 2:
		return utf8.RuneCountInString(hk) >= minContainedRunes && strings.Contains(mt.strippedKey, hk)
	case passLeading:
		mk := mt.strippedKey
		if !strings.HasPrefix(mk, hk) || len(mk) == len(hk) {
			return false
		}
		r, _ := utf8.DecodeRuneInString(mk[len(hk):])
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}
	return false
}

// visibleForm picks how to write a headline that a heading and a metadata
// title agree on. The heading is what the reader sees, but an all-capitals
// heading is usually styled that way (the metadata keeps the real case),
// and a metadata title that differs only by using straight quotes is the
// plain form readers and annotators type.
func visibleForm(h, m string) string {
	if isAllCaps(h) && !isAllCaps(m) && strings.EqualFold(h, m) {
		return m
	}
	if h != m && straightQuotes(h) == m {
		return m
	}
	return h
}

func isAllCaps(s string) bool {
	return strings.ContainsFunc(s, unicode.IsLetter) && !strings.ContainsFunc(s, unicode.IsLower)
}

// straightQuotes replaces typographic quotes with ASCII ones.
func straightQuotes(s string) string {
	return quoteFolder.Replace(s)
}

var quoteFolder = strings.NewReplacer("‘", "'", "’", "'", "“", `"`, "”", `"`)

// taglineSeparator parts a headline from the slogan or keyword list a
// landing page adds to its metadata title ("Product Name | Fast, Free
// Shipping"); dashes and colons are left alone, being as often inside a
// headline ("Part 1 - The Start").
const taglineSeparator = " | "

// minTaglineWords is how many words the text after the separator needs to
// be taken for a tagline: a single word there is a section's name that
// titles keep ("A Headline | Code").
const minTaglineWords = 2

// dropTagline keeps what stands before the first tagline separator of a
// metadata title that no visible heading confirmed: the headline, without
// the slogan or the unrecognised site name after it.
func dropTagline(t string) string {
	return dropTaglineOf(t, minTaglineWords)
}

// minMetaTaglineWords is minTaglineWords for an og:title or twitter:title.
// Those are meant to be the headline alone, so even a single word after
// the separator is the site's short name ("Headline | ACME") rather than a
// section the title keeps.
const minMetaTaglineWords = 1

// dropTaglineOf is dropTagline with the fewest words a tagline has.
func dropTaglineOf(t string, minWords int) string {
	i := strings.Index(t, taglineSeparator)
	if i <= 0 || len(strings.Fields(t[i+len(taglineSeparator):])) < minWords {
		return t
	}
	return strings.TrimSpace(t[:i])
}

// maxLabelWords bounds the label a page may set before its headline in
// the heading ("Blog:", "News", a thread's tag, a date).
const maxLabelWords = 3

// labelledHeading finds a heading that is a metadata title with a short
// label before it ("Blog: Headline", "Tips Headline", "Dec 18 2025
// Headline"): a category, a forum tag or a date the page shows in the
// same element. The metadata title is the headline without it. hks are
// the headings' titleKeys, "" for those to pass over.
func labelledHeading(hks []string, mts []metaTitle) (string, bool) {
	for _, hk := range hks {
		if hk == "" {
			continue
		}
		for _, m := range mts {
			sm, mk := m.stripped, m.strippedKey
			if utf8.RuneCountInString(mk) < minContainedRunes || len(mk) >= len(hk) || !strings.HasSuffix(hk, mk) {
				continue
			}
			if hk[len(hk)-len(mk)-1] != ' ' {
				continue // the title ends inside a word of the heading
			}
			if isLabel(hk[:len(hk)-len(mk)]) {
				return sm, true
			}
		}
	}
	return "", false
}

// notLabels are the words that begin a headline rather than label it.
var notLabels = []string{"a", "an", "the"}

// isLabel reports whether the words a heading puts before the metadata
// title read as a label: a few words with a letter in them ("Blog:", "News",
// "Dec 18 2025"), not an article or a number that belongs to the headline
// ("The", "2025").
func isLabel(s string) bool {
	f := strings.Fields(s)
	if len(f) == 0 || len(f) > maxLabelWords || !strings.ContainsFunc(s, unicode.IsLetter) {
		return false
	}
	return len(f) > 1 || !contains(notLabels, strings.Trim(f[0], ":"))
}

// trailingSegmentHeadings returns the headings that only ever stand as the
// last segment of a metadata title whose first segment is not the site's
// known name ("Chapter Title - Book Name" with the book's name as the
// page's banner heading): the name of the site or the publication, even
// though the page never says so in its metadata. hks are the headings'
// titleKeys.
func trailingSegmentHeadings(hs []heading, hks []string, metas []string, sites []string) []string {
	// Each title's segments, as keys, and whether the first names the
	// site, made once rather than for every heading.
	type titleSegs struct {
		keys        []string
		firstIsSite bool
	}
	if len(hs) == 0 {
		return nil
	}
	var split []titleSegs
	for _, m := range metas {
		segs := splitTitle(m)
		if len(segs) < 2 {
			continue
		}
		ts := titleSegs{keys: make([]string, len(segs)), firstIsSite: isSiteName(segs[0].text(m), sites)}
		for i, sg := range segs {
			ts.keys[i] = titleKey(sg.text(m))
		}
		split = append(split, ts)
	}
	var out []string
	for j, h := range hs {
		hk := hks[j]
		last, inner := false, false
		for _, ts := range split {
			for i, k := range ts.keys {
				if k != hk {
					continue
				}
				if i == len(ts.keys)-1 && !ts.firstIsSite {
					last = true
				} else {
					inner = true
				}
			}
		}
		if last && !inner {
			out = append(out, h.text)
		}
	}
	return out
}

// wholeHeadline returns the whole headline where a length limit cut the
// metadata title t short (see cutShort), as the page's other metadata
// titles or its <h1> show: SEO plugins cut a JSON-LD headline at 110
// characters and some themes the <title> at 70, in mid-word or with an
// ellipsis. hks are the headings' titleKeys, "" for those to pass over.
func wholeHeadline(t string, p *page, hks []string, sites []string) string {
	for _, m := range pageTitles(p) {
		if m = stripSite(m, sites); cutShort(t, m) {
			return m
		}
	}
	for i, h := range p.headings {
		if h.level == 1 && hks[i] != "" && cutShort(t, h.text) {
			return stripSite(h.text, sites)
		}
	}
	// A title the limit cut with an ellipsis is no headline even where
	// no other title goes on from it; the page's <h1> on the same
	// subject is.
	if s, cut := trimEllipsis(t); cut && utf8.RuneCountInString(s) >= minCutRunes {
		for i, h := range p.headings {
			if h.level == 1 && hks[i] != "" && plausibleHeadline(h.text) && !unrelated(h.text, []string{s}) {
				return stripSite(h.text, sites)
			}
		}
	}
	return t
}

// trimEllipsis removes the ellipsis that ends s and says whether there
// was one.
func trimEllipsis(s string) (string, bool) {
	s = strings.TrimSpace(s)
	for _, e := range [...]string{"…", "..."} {
		if strings.HasSuffix(s, e) {
			return strings.TrimSpace(strings.TrimSuffix(s, e)), true
		}
	}
	return s, false
}

// cutShort reports whether short is full cut off by a length limit: full
// begins with it and goes on, and the cut falls inside a word, after an
// ellipsis or inside brackets left open ("… Solutions (Including").
func cutShort(short, full string) bool {
	s, ellipsis := trimEllipsis(short)
	sk, fk := titleKey(s), titleKey(full)
	if utf8.RuneCountInString(sk) < minCutRunes || len(fk) <= len(sk) || !strings.HasPrefix(fk, sk) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(sk)
	next, _ := utf8.DecodeRuneInString(strings.TrimLeft(fk[len(sk):], " "))
	if !isWordRune(next) {
		return false // full goes on with its own ellipsis or another segment
	}
	return ellipsis || strings.Count(s, "(") > strings.Count(s, ")") || strings.Count(s, "[") > strings.Count(s, "]") ||
		isWordRune(last) && fk[len(sk)] != ' '
}

// minCutRunes is how long a title must be to be taken for one cut off by
// a length limit: those limits lie at 50 to 110 characters, and a shorter
// title that stops inside a longer text's word is a name run into the
// next element's text ("Black EditionComplete").
const minCutRunes = 40

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
