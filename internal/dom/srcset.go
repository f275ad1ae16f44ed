package dom

import "strings"

// Candidate is one entry of a srcset attribute.
type Candidate struct {
	URL        string
	Descriptor string // "640w", "2x" or ""
}

// SplitSrcset parses a srcset attribute as the HTML standard does: URLs
// end at white space, and a comma directly after a URL ends the candidate
// (so URLs that contain commas, common on image CDNs, survive).
func SplitSrcset(s string) []Candidate {
	var out []Candidate
	for i := 0; i < len(s); {
		for i < len(s) && (isSpace(s[i]) || s[i] == ',') {
			i++
		}
		start := i
		for i < len(s) && !isSpace(s[i]) {
			i++
		}
		u := s[start:i]
		trailingComma := strings.HasSuffix(u, ",")
		u = strings.TrimRight(u, ",")
		var desc string
		if !trailingComma {
			dstart := i
			for i < len(s) && s[i] != ',' {
				i++
			}
			desc = strings.TrimSpace(s[dstart:i])
			if i < len(s) {
				i++
			}
		}
		if u != "" {
			out = append(out, Candidate{URL: u, Descriptor: desc})
		}
	}
	return out
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
