package source

import (
	"strconv"
	"strings"

	"articleclean/internal/datetime"
)

// A feed-export item, as saved by feed readers and scraping pipelines, looks
// like this before its HTML:
//
//	<!--1677784503000-->                 capture time, Unix seconds or ms
//	[Headline](https://example.com/a)    Markdown link: title and address
//	------                               a rule line
//
// Each part is optional, but the header is recognised only at the very start
// of the input and only when a link line or a timestamp comment is present.

// timestampDigits are the lengths of Unix times in seconds and milliseconds
// for dates between 2001 and 2286, each with its units in a second.
var timestampDigits = map[int]int64{10: 1, 13: 1000}

// readFeedHeader strips a feed-export header from text and returns what it
// says.
func readFeedHeader(text string) (string, Feed) {
	var feed Feed
	rest := strings.TrimLeft(text, " \t\r\n\ufeff")
	consumed := false

	if strings.HasPrefix(rest, "<!--") {
		if end := strings.Index(rest[4:], "-->"); end >= 0 {
			end += 4
			body := strings.TrimSpace(rest[4:end])
			if perSecond, ok := timestampDigits[len(body)]; ok && allDigits(body) {
				v, _ := strconv.ParseInt(body, 10, 64)
				feed.Published = datetime.Unix(v / perSecond)
				rest = strings.TrimLeft(rest[end+3:], " \t\r\n")
				consumed = true
			}
		}
	}

	line, after := firstLine(rest)
	if title, url, ok := markdownLink(line); ok {
		// A lone link line is ordinary text; it is a header only after a
		// capture-time comment or above a rule line.
		next := strings.TrimLeft(after, " \t\r\n")
		rule, afterRule := firstLine(next)
		if hasRule := isRule(rule); hasRule || consumed {
			feed.Title, feed.URL = title, url
			rest = next
			if hasRule {
				rest = afterRule
			}
			consumed = true
		}
	}
	if !consumed {
		return text, Feed{}
	}
	return rest, feed
}

func firstLine(s string) (line, rest string) {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return strings.TrimRight(s[:i], "\r \t"), s[i+1:]
	}
	return strings.TrimSpace(s), ""
}

// markdownLink parses a whole line of the form [text](address).
func markdownLink(line string) (text, url string, ok bool) {
	if !strings.HasPrefix(line, "[") || !strings.HasSuffix(line, ")") {
		return "", "", false
	}
	mid := strings.LastIndex(line, "](")
	if mid < 1 {
		return "", "", false
	}
	text = strings.TrimSpace(strings.ReplaceAll(line[1:mid], `\]`, "]"))
	url = strings.TrimSpace(line[mid+2 : len(line)-1])
	if text == "" || strings.ContainsAny(url, " <>\"") ||
		!(strings.HasPrefix(url, "http://") || strings.HasPrefix(url, "https://")) {
		return "", "", false
	}
	if host := strings.TrimPrefix(strings.TrimPrefix(url, "http://"), "https://"); host == "" || host[0] == '/' {
		return "", "", false
	}
	return text, url, true
}

// isRule reports whether line is a Markdown rule or setext underline.
func isRule(line string) bool {
	line = strings.TrimSpace(line)
	if len(line) < 3 {
		return false
	}
	for i := 0; i < len(line); i++ {
		if line[i] != line[0] {
			return false
		}
	}
	return line[0] == '-' || line[0] == '=' || line[0] == '*' || line[0] == '_'
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
