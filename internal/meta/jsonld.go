package meta

import (
	"strings"

	"articleclean/internal/jsonvalue"

	"golang.org/x/net/html"
)

// ldInfo is what the page's JSON-LD (schema.org) says about its article.
type ldInfo struct {
	headline  string // from an article-like node only
	author    string // people only
	authorOrg string // an organization named as author, a last resort
	published string
	publisher string
	siteName  string // a WebSite node's name
	image     string
	url       string
	article   bool   // the best node has an article type
	body      string // the article node's articleBody text
}

// ldTypeRank ranks schema.org types by how surely a node of that type
// describes the article the page shows. 3: article types, whose headline is
// the page's; 2: other main-content types, whose name is the page's
// headline; 1: page types, good for dates and authors but whose name is
// usually the <title> with the site's name. Question is absent: an FAQ's
// questions hang off the page's mainEntity but are not its headline.
var ldTypeRank = map[string]int{
	"article": 3, "newsarticle": 3, "blogposting": 3, "reportagenewsarticle": 3,
	"analysisnewsarticle": 3, "opinionnewsarticle": 3, "reviewnewsarticle": 3,
	"backgroundnewsarticle": 3, "askpublicnewsarticle": 3, "satiricalarticle": 3,
	"techarticle": 3, "scholarlyarticle": 3, "medicalscholarlyarticle": 3,
	"socialmediaposting": 3, "liveblogposting": 3, "discussionforumposting": 3,
	"report": 3, "advertisercontentarticle": 3, "posting": 3, "blog": 2,
	"recipe": 2, "howto": 2, "review": 2, "videoobject": 2, "podcastepisode": 2,
	"creativework": 2, "course": 2, "event": 2, "jobposting": 2,
	"webpage": 1, "itempage": 1, "aboutpage": 1, "collectionpage": 1, "profilepage": 1,
	"qapage": 1, "faqpage": 1, "medicalwebpage": 1, "searchresultspage": 1, "contactpage": 1,
}

// ldWalkBudget bounds how many JSON values one page's JSON-LD may make us
// visit, and ldMaxDepth how deep, against hostile or enormous blocks.
const (
	ldWalkBudget = 20000
	ldMaxDepth   = 24
)

// readJSONLD reads every JSON-LD block and returns the facts of the best
// article-like node, resolving @id references across blocks.
func readJSONLD(blocks [][]any) ldInfo {
	var roots []any
	for _, b := range blocks {
		roots = append(roots, b...)
	}
	if len(roots) == 0 {
		return ldInfo{}
	}
	ids := map[string]map[string]any{}
	budget := ldWalkBudget
	for _, r := range roots {
		indexIDs(r, ids, &budget, 0)
	}
	var cands []map[string]any
	for _, r := range roots {
		candidates(r, &cands, 0)
	}
	var best, page map[string]any
	bestRank := 0
	var info ldInfo
	for _, c := range cands {
		rank := typeRank(c)
		if rank > bestRank {
			best, bestRank = c, rank
		}
		if rank == 1 && page == nil {
			page = c
		}
		if info.siteName == "" && hasType(c, "website") {
			info.siteName = ldString(c["name"])
		}
	}
	if best == nil {
		return info
	}
	info.article = bestRank == 3
	if body, ok := best["articleBody"].(string); ok && info.article {
		info.body = strings.TrimSpace(body) // line breaks kept: they separate paragraphs
	}
	if bestRank >= 2 {
		info.headline = ldString(best["headline"])
		if info.headline == "" {
			info.headline = ldString(best["name"])
		}
	}
	for _, n := range []map[string]any{best, page, askedQuestion(page, cands)} {
		if n == nil {
			continue
		}
		if info.author == "" {
			info.author = ldNames(n["author"], ids, false)
			if info.author == "" {
				info.author = ldNames(n["creator"], ids, false)
			}
		}
		if info.authorOrg == "" {
			info.authorOrg = ldNames(n["author"], ids, true)
		}
		if info.published == "" {
			for _, k := range [...]string{"datePublished", "dateCreated", "uploadDate"} {
				if v := ldString(n[k]); v != "" {
					info.published = v
					break
				}
			}
		}
		if info.publisher == "" {
			info.publisher = ldNames(n["publisher"], ids, true)
		}
		if info.image == "" {
			info.image = ldImage(n["image"], ids, 0)
			if info.image == "" {
				info.image = ldImage(n["thumbnailUrl"], ids, 0)
			}
		}
		if info.url == "" {
			info.url = ldString(n["url"])
			if info.url == "" {
				if m, ok := n["mainEntityOfPage"].(map[string]any); ok {
					info.url = ldString(m["@id"])
				} else {
					info.url = ldString(n["mainEntityOfPage"])
				}
			}
		}
	}
	return info
}

// decodeBlocks parses every JSON-LD script once; both readers use the
// result, neither changes it.
func decodeBlocks(scripts []string) [][]any {
	blocks := make([][]any, 0, len(scripts))
	for _, s := range scripts {
		blocks = append(blocks, decodeLD(s))
	}
	return blocks
}

// decodeLD parses one block, which may hold several values or be written
// sloppily (HTML comments or CDATA around it, trailing commas, raw line
// breaks inside strings); what cannot be read is skipped.
func decodeLD(s string) []any {
	s = strings.TrimSpace(s)
	for _, wrap := range [...][2]string{{"<!--", "-->"}, {"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}} {
		s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, wrap[0]), wrap[1]))
	}
	if s == "" {
		return nil
	}
	if out, ok := decodeAll([]byte(s)); ok {
		return out
	}
	out, _ := decodeAll(repairJSON(s))
	return out
}

// maxLDValues bounds how many JSON values one script block may yield.
const maxLDValues = 64

func decodeAll(b []byte) ([]any, bool) {
	out, ok := jsonvalue.DecodeAll(b)
	if len(out) > maxLDValues {
		return out[:maxLDValues], true
	}
	return out, ok
}

// repairJSON fixes the mistakes hand-written JSON-LD commonly has: raw
// control characters inside strings, comments, and trailing commas.
func repairJSON(s string) []byte {
	out := make([]byte, 0, len(s))
	inStr, esc := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if inStr {
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				inStr = false
			case c < 0x20:
				c = ' '
			}
			out = append(out, c)
			continue
		}
		switch {
		case c == '"':
			inStr = true
		case c == '/' && i+1 < len(s) && s[i+1] == '/':
			for i < len(s) && s[i] != '\n' {
				i++
			}
			continue
		case c == '/' && i+1 < len(s) && s[i+1] == '*':
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return out
			}
			i += end + 3
			continue
		case c == '}' || c == ']':
			// Drop a comma that only white space separates from here.
			j := len(out) - 1
			for j >= 0 && (out[j] == ' ' || out[j] == '\n' || out[j] == '\r' || out[j] == '\t') {
				j--
			}
			if j >= 0 && out[j] == ',' {
				out = append(out[:j], out[j+1:]...)
			}
		}
		out = append(out, c)
	}
	return out
}

func indexIDs(v any, ids map[string]map[string]any, budget *int, depth int) {
	*budget--
	if *budget < 0 || depth > ldMaxDepth {
		return
	}
	switch x := v.(type) {
	case map[string]any:
		if id, ok := x["@id"].(string); ok && len(x) > 1 {
			if _, seen := ids[id]; !seen {
				ids[id] = x
			}
		}
		for _, c := range x {
			indexIDs(c, ids, budget, depth+1)
		}
	case []any:
		for _, c := range x {
			indexIDs(c, ids, budget, depth+1)
		}
	}
}

// askedQuestion returns the question a question-and-answer page is about
// (a QAPage's mainEntity), whose asker is the thread's author and whose
// date its date, or nil when page is another type. The questions of an
// FAQ page have no author of their own.
func askedQuestion(page map[string]any, cands []map[string]any) map[string]any {
	if page == nil || !hasType(page, "qapage") {
		return nil
	}
	for _, c := range cands {
		if hasType(c, "question") {
			return c
		}
	}
	return nil
}

// candidates lists the nodes that may describe the page itself: top-level
// nodes, @graph members and what mainEntity points at. Nested lists
// (itemListElement, hasPart) describe other pages and are left out.
func candidates(v any, out *[]map[string]any, depth int) {
	if depth > 6 || len(*out) > 256 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, c := range x {
			candidates(c, out, depth+1)
		}
	case map[string]any:
		*out = append(*out, x)
		for _, k := range [...]string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if c, ok := x[k]; ok {
				candidates(c, out, depth+1)
			}
		}
	}
}

func types(n map[string]any) []string {
	switch t := n["@type"].(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

func typeRank(n map[string]any) int {
	best := 0
	for _, t := range types(n) {
		t = strings.ToLower(strings.TrimPrefix(strings.TrimPrefix(t, "http://schema.org/"), "https://schema.org/"))
		if r := ldTypeRank[t]; r > best {
			best = r
		}
	}
	return best
}

func hasType(n map[string]any, want string) bool {
	for _, t := range types(n) {
		if strings.EqualFold(t, want) {
			return true
		}
	}
	return false
}

// ldString returns a JSON string value, entity-decoded and folded; JSON-LD
// in pages is often HTML-escaped a second time.
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return foldSpace(html.UnescapeString(x))
	case []any:
		if len(x) > 0 {
			return ldString(x[0])
		}
	}
	return ""
}

// ldNames returns the names of a person or organization value, which may
// be a string, an object, an @id reference or an array of those. Unless
// orgs is set, organizations are left out: a site that names itself as the
// author usually shows a person's name on the page.
func ldNames(v any, ids map[string]map[string]any, orgs bool) string {
	var names []string
	add := func(s string) {
		if s == "" || looksLikeURL(s) {
			return
		}
		for _, n := range names {
			if n == s {
				return
			}
		}
		names = append(names, s)
	}
	var one func(v any, depth int)
	one = func(v any, depth int) {
		if depth > 3 || len(names) > 20 {
			return
		}
		switch x := v.(type) {
		case string:
			add(foldSpace(html.UnescapeString(x)))
		case []any:
			for _, e := range x {
				one(e, depth+1)
			}
		case map[string]any:
			x = resolve(x, ids)
			if !orgs && typeIsOrg(x) {
				return
			}
			name := ldString(x["name"])
			if name == "" {
				given, family := ldString(x["givenName"]), ldString(x["familyName"])
				name = strings.TrimSpace(given + " " + family)
			}
			add(name)
		}
	}
	one(v, 0)
	return strings.Join(names, ", ")
}

// orgTypes are the schema.org types of organizations that sites name as
// an article's author.
var orgTypes = []string{"organization", "newsmediaorganization", "corporation", "localbusiness", "educationalorganization", "medicalorganization", "governmentorganization", "ngo", "onlinebusiness"}

func typeIsOrg(n map[string]any) bool {
	for _, t := range orgTypes {
		if hasType(n, t) {
			return true
		}
	}
	return false
}

func resolve(m map[string]any, ids map[string]map[string]any) map[string]any {
	if id, ok := m["@id"].(string); ok && len(m) == 1 {
		if full, ok := ids[id]; ok {
			return full
		}
	}
	return m
}

func ldImage(v any, ids map[string]map[string]any, depth int) string {
	if depth > 3 {
		return ""
	}
	switch x := v.(type) {
	case string:
		return strings.TrimSpace(x)
	case []any:
		for _, e := range x {
			if s := ldImage(e, ids, depth+1); s != "" {
				return s
			}
		}
	case map[string]any:
		x = resolve(x, ids)
		for _, k := range [...]string{"url", "contentUrl"} {
			if s := ldImage(x[k], ids, depth+1); s != "" {
				return s
			}
		}
	}
	return ""
}

func looksLikeURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "www.") || strings.HasPrefix(l, "//")
}
