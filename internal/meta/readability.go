package meta

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads metadata the way Mozilla Readability does, so the fields
// a reader of Readability's parse() result expects (title, byline,
// excerpt, siteName) come out the same where the page states them plainly.
// The rules are described from Readability's documented behaviour
// (Readability.js _getJSONLD, _getArticleMetadata, _getArticleTitle).

// rdPropertyPrefixes and rdPropertyNames make up the meta property
// values Readability recognises ("og:title", "dc:creator"); the first
// such pair in a space-separated property attribute is the one it keeps.
var (
	rdPropertyPrefixes = []string{"article", "dc", "dcterm", "og", "twitter"}
	rdPropertyNames    = []string{"author", "creator", "description", "published_time", "title", "site_name"}
	rdNamePrefixes     = []string{"dc", "dcterm", "og", "twitter", "parsely", "weibo:article", "weibo:webpage"}
	rdNameNames        = []string{"author", "creator", "pub-date", "description", "title", "site_name"}
)

// Readability's preference among the keys it recognised.
var (
	rdTitleKeys = []string{
		"dc:title", "dcterm:title", "og:title", "weibo:article:title", "weibo:webpage:title",
		"title", "twitter:title", "parsely-title",
	}
	rdAuthorKeys  = []string{"dc:creator", "dcterm:creator", "author", "parsely-author"}
	rdExcerptKeys = []string{
		"dc:description", "dcterm:description", "og:description", "weibo:article:description",
		"weibo:webpage:description", "description", "twitter:description",
	}
	rdPublishedKeys = []string{"article:published_time", "parsely-pub-date"}
)

// rdMeta records a meta tag under the key Readability gives it; a later
// tag with the same key replaces an earlier one, as in Readability.
func (p *page) rdMeta(property, name, content string) {
	if property != "" {
		if key := rdPropertyKey(property); key != "" {
			p.rd[key] = content
			return
		}
	}
	if name != "" {
		if key := rdNameKey(name); key != "" {
			p.rd[key] = content
		}
	}
}

// rdPropertyKey returns the first "prefix:name" in a property attribute.
func rdPropertyKey(attr string) string {
	for f := range strings.FieldsSeq(strings.ToLower(attr)) {
		pre, name, ok := strings.Cut(f, ":")
		if ok && contains(rdPropertyPrefixes, pre) && contains(rdPropertyNames, name) {
			return f
		}
	}
	return ""
}

// rdNameKey returns the key of a name attribute, which is a bare name or a
// prefix and a name joined by ".", ":" or "-".
func rdNameKey(attr string) string {
	k := attr
	if strings.ContainsFunc(attr, unicode.IsSpace) { // as strings.Fields splits
		k = strings.Join(strings.Fields(attr), "")
	}
	k = strings.ToLower(k)
	if contains(rdNameNames, k) {
		return k
	}
	for _, pre := range rdNamePrefixes {
		if len(k) <= len(pre)+1 || !strings.HasPrefix(k, pre) {
			continue
		}
		sep, name := k[len(pre)], k[len(pre)+1:]
		if (sep == '.' || sep == ':' || sep == '-') && contains(rdNameNames, name) {
			return strings.ReplaceAll(k, ".", ":")
		}
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// rdFirst returns the first non-empty value among keys.
func (p *page) rdFirst(keys []string) string {
	for _, k := range keys {
		if v := strings.TrimSpace(p.rd[k]); v != "" {
			return v
		}
	}
	return ""
}

// rdLD is what Readability takes from JSON-LD: the first block (or the
// first article node of a block's array or @graph) whose @context is
// schema.org and whose @type is an article type.
type rdLD struct {
	title, byline, excerpt, siteName, published string
}

// rdArticleTypes are the schema.org types Readability accepts as an
// article in JSON-LD.
var rdArticleTypes = []string{
	"Article", "AdvertiserContentArticle", "NewsArticle", "AnalysisNewsArticle",
	"AskPublicNewsArticle", "BackgroundNewsArticle", "OpinionNewsArticle", "ReportageNewsArticle",
	"ReviewNewsArticle", "Report", "SatiricalArticle", "ScholarlyArticle", "MedicalScholarlyArticle",
	"SocialMediaPosting", "BlogPosting", "LiveBlogPosting", "DiscussionForumPosting", "TechArticle",
	"APIReference",
}

func rdIsArticleType(v any) bool {
	t, ok := v.(string)
	if !ok {
		return false
	}
	for _, a := range rdArticleTypes {
		if t == a {
			return true
		}
	}
	return false
}

func rdSchemaContext(v any) bool {
	is := func(s string) bool {
		s = strings.TrimSuffix(s, "/")
		return s == "http://schema.org" || s == "https://schema.org"
	}
	switch c := v.(type) {
	case string:
		return is(c)
	case map[string]any:
		s, ok := c["@vocab"].(string)
		return ok && is(s)
	}
	return false
}

// readRdLD reads the JSON-LD blocks in order and describes the first that
// Readability would accept. title is the page's <title> heuristic result,
// used to choose between a node's differing name and headline.
func readRdLD(blocks [][]any, articleTitle func() string) rdLD {
	for _, vals := range blocks {
		if len(vals) == 0 {
			continue
		}
		var node map[string]any
		switch x := vals[0].(type) {
		case map[string]any:
			node = x
		case []any:
			for _, e := range x {
				if m, ok := e.(map[string]any); ok && rdIsArticleType(m["@type"]) {
					node = m
					break
				}
			}
		}
		if node == nil || !rdSchemaContext(node["@context"]) {
			continue
		}
		if _, typed := node["@type"]; !typed {
			if g, ok := node["@graph"].([]any); ok {
				node = nil
				for _, e := range g {
					if m, ok := e.(map[string]any); ok && rdIsArticleType(m["@type"]) {
						node = m
						break
					}
				}
			}
		}
		if node == nil || !rdIsArticleType(node["@type"]) {
			continue
		}
		return rdFromNode(node, articleTitle)
	}
	return rdLD{}
}

func rdFromNode(n map[string]any, articleTitle func() string) rdLD {
	var r rdLD
	str := func(k string) (string, bool) {
		s, ok := n[k].(string)
		return strings.TrimSpace(s), ok
	}
	name, hasName := str("name")
	headline, hasHeadline := str("headline")
	switch {
	case hasName && hasHeadline && name != headline:
		// Some sites put their own name in "name"; the one closer to the
		// <title> is the article's.
		t := articleTitle()
		if textSimilarity(headline, t) > 0.75 && textSimilarity(name, t) <= 0.75 {
			r.title = headline
		} else {
			r.title = name
		}
	case hasName:
		r.title = name
	case hasHeadline:
		r.title = headline
	}
	switch a := n["author"].(type) {
	case map[string]any:
		if s, ok := a["name"].(string); ok {
			r.byline = strings.TrimSpace(s)
		}
	case []any:
		if len(a) > 0 {
			if first, ok := a[0].(map[string]any); ok {
				if _, ok := first["name"].(string); ok {
					var names []string
					for _, e := range a {
						if m, ok := e.(map[string]any); ok {
							if s, ok := m["name"].(string); ok {
								names = append(names, strings.TrimSpace(s))
							}
						}
					}
					r.byline = strings.Join(names, ", ")
				}
			}
		}
	}
	r.excerpt, _ = str("description")
	if pub, ok := n["publisher"].(map[string]any); ok {
		if s, ok := pub["name"].(string); ok {
			r.siteName = strings.TrimSpace(s)
		}
	}
	r.published, _ = str("datePublished")
	return r
}

// textSimilarity is the share of b's word characters (by length of its
// distinct-from-a tokens) that a also has, as Readability measures it.
func textSimilarity(a, b string) float64 {
	ta, tb := asciiTokens(strings.ToLower(a)), asciiTokens(strings.ToLower(b))
	if len(ta) == 0 || len(tb) == 0 {
		return 0
	}
	inA := map[string]bool{}
	for _, t := range ta {
		inA[t] = true
	}
	var uniq []string
	for _, t := range tb {
		if !inA[t] {
			uniq = append(uniq, t)
		}
	}
	return 1 - float64(len(strings.Join(uniq, " ")))/float64(len(strings.Join(tb, " ")))
}

// asciiTokens splits on runs of characters outside [A-Za-z0-9_], as the
// JavaScript \W+ does.
func asciiTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
}

// titleSeps are the characters Readability treats as separators in a
// <title> when spaces surround them; the second group are "hierarchical".
const (
	rdSeps     = "|-–—\\/>»"
	rdHierSeps = "\\/>»"
)

// rdWordCount counts words as JavaScript's split(/\s+/).length does: one
// more than the number of white space runs.
func rdWordCount(s string) int {
	n, inSpace := 1, false
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if sp && !inSpace {
			n++
		}
		inSpace = sp
	}
	return n
}

// rdSeparators returns the byte offsets of spaced separators (" | ") in s.
func rdSeparators(s string, set string) []int {
	var out []int
	for i, r := range s {
		if i == 0 || s[i-1] != ' ' || !strings.ContainsRune(set, r) {
			continue
		}
		if j := i + utf8.RuneLen(r); j < len(s) && s[j] == ' ' {
			out = append(out, i-1)
		}
	}
	return out
}

// rdArticleTitle is Readability's heuristic for the article's title from
// the page's <title>: drop the site's part after the last separator (or
// before the first, when too little is left), or the part before a colon,
// fall back to a lone <h1> when the title is too short or too long, and
// keep the whole title when the result is four words or fewer.
func rdArticleTitle(p *page) string {
	orig := foldSpace(p.title)
	cur := orig
	hier := false
	if seps := rdSeparators(cur, rdSeps); len(seps) > 0 {
		hier = len(rdSeparators(cur, rdHierSeps)) > 0
		cur = orig[:seps[len(seps)-1]]
		if rdWordCount(cur) < 3 {
			if i := strings.IndexAny(orig, rdSeps); i >= 0 {
				_, size := utf8.DecodeRuneInString(orig[i:])
				cur = orig[i+size:]
			}
		}
	} else if strings.Contains(cur, ": ") {
		if !contains(p.h12Texts, strings.TrimSpace(cur)) {
			last, first := strings.LastIndex(orig, ":"), strings.Index(orig, ":")
			cur = orig[last+1:]
			if rdWordCount(cur) < 3 {
				cur = orig[first+1:]
			} else if rdWordCount(orig[:first]) > 5 {
				cur = orig
			}
		}
	} else if n := utf16Len(cur); (n > 150 || n < 15) && p.h1Count == 1 {
		cur = p.firstH1
	}
	cur = foldSpace(cur)
	if wc := rdWordCount(cur); wc <= 4 && (!hier || wc != rdWordCount(replaceSeps(orig))-1) {
		cur = orig
	}
	return cur
}

// replaceSeps replaces every spaced separator with one space.
func replaceSeps(s string) string {
	seps := rdSeparators(s, rdSeps)
	if len(seps) == 0 {
		return s
	}
	var b strings.Builder
	last := 0
	for _, i := range seps {
		if i < last {
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i+1:])
		b.WriteString(s[last:i])
		b.WriteByte(' ')
		last = i + 2 + size
	}
	b.WriteString(s[last:])
	return b.String()
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// rdUnescape decodes the few entities Readability decodes in metadata
// (&quot; &amp; &apos; &lt; &gt; and numeric ones); others such as &nbsp;
// are left as written.
func rdUnescape(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '&')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexByte(s, ';')
		if j < 0 || j > 12 {
			b.WriteByte('&')
			s = s[1:]
			continue
		}
		ent := s[1:j]
		if r, ok := rdEntity(ent); ok {
			b.WriteRune(r)
			s = s[j+1:]
			continue
		}
		b.WriteByte('&')
		s = s[1:]
	}
}

func rdEntity(ent string) (rune, bool) {
	switch ent {
	case "quot":
		return '"', true
	case "amp":
		return '&', true
	case "apos":
		return '\'', true
	case "lt":
		return '<', true
	case "gt":
		return '>', true
	}
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	var n int64
	digits := ent[1:]
	base := int64(10)
	if digits[0] == 'x' || digits[0] == 'X' {
		base, digits = 16, digits[1:]
	}
	if digits == "" {
		return 0, false
	}
	for _, c := range digits {
		var d int64
		switch {
		case c >= '0' && c <= '9':
			d = int64(c - '0')
		case base == 16 && c >= 'a' && c <= 'f':
			d = int64(c-'a') + 10
		case base == 16 && c >= 'A' && c <= 'F':
			d = int64(c-'A') + 10
		default:
			return 0, false
		}
		n = n*base + d
		if n > unicode.MaxRune {
			return utf8.RuneError, true
		}
	}
	if n == 0 || n >= 0xD800 && n <= 0xDFFF {
		return utf8.RuneError, true
	}
	return rune(n), true
}
