package meta

import "strings"

// normalizeLang turns a language tag as pages write it ("en_us", "EN-GB",
// "zh-hans-cn", "en-US,en") into BCP 47 case: language lower, script
// title, region upper. It returns "" for values that are not a tag.
func normalizeLang(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, ",; "); i >= 0 {
		s = s[:i]
	}
	s = strings.ReplaceAll(s, "_", "-")
	if s == "" || len(s) > 35 {
		return ""
	}
	parts := strings.Split(s, "-")
	for i, p := range parts {
		if p == "" || len(p) > 8 || !isASCIIAlnum(p) {
			return ""
		}
		switch {
		case i == 0:
			if len(p) < 2 || len(p) > 3 {
				if !strings.EqualFold(p, "x") && !strings.EqualFold(p, "i") {
					return ""
				}
			}
			parts[i] = strings.ToLower(p)
		case len(p) == 2 || (len(p) == 3 && p[0] >= '0' && p[0] <= '9'):
			parts[i] = strings.ToUpper(p)
		case len(p) == 4:
			parts[i] = strings.ToUpper(p[:1]) + strings.ToLower(p[1:])
		default:
			parts[i] = strings.ToLower(p)
		}
	}
	return strings.Join(parts, "-")
}

// pageLang returns <html lang> as the page writes it when it is a well
// formed tag, as Readability does (so "en-us" stays "en-us"), and the
// normalised tag when it is written loosely ("en_US", "en-US,en").
func pageLang(s string) string {
	s = strings.TrimSpace(s)
	for _, part := range strings.Split(s, "-") {
		if part == "" || len(part) > 8 || !isASCIIAlnum(part) {
			return normalizeLang(s)
		}
	}
	return s
}

func isASCIIAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// monthFirstLocales write numeric dates month first (02/03/2023 is
// 3 February). A bare "en" is included because most pages that declare it
// without a region are American.
var monthFirstLocales = map[string]bool{
	"en": true, "en-US": true, "en-PH": true, "en-FM": true, "en-MH": true,
	"en-PW": true, "en-AS": true, "en-GU": true, "en-PR": true, "en-UM": true,
}

// orderFor returns how numeric dates read in lang.
func orderFor(lang string) dayOrder {
	if monthFirstLocales[lang] {
		return monthFirst
	}
	return dayFirst
}

// normalizeDir accepts only the two directions CSS and HTML know.
func normalizeDir(s string) string {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "ltr":
		return "ltr"
	case "rtl":
		return "rtl"
	}
	return ""
}
