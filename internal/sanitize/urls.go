package sanitize

import (
	"net/url"
	"strings"

	"articleclean/internal/dom"
	"articleclean/internal/report"
)

// trackingParams are query parameters that only identify a click, a
// campaign or a subscriber; removing them never changes what a link shows.
// Source: the parameters present in three or more of tidy-url, Brave's query
// filter, Firefox query stripping, AdGuard's URL tracking filter and
// ClearURLs (gathered in shared/reference/tracking.md). Broad patterns such
// as "ref" or "spm" are left out on purpose: they break real links.
var trackingParams = toSet(
	// click identifiers
	"gclid", "gclsrc", "dclid", "gbraid", "wbraid", "gad_source", "fbclid", "msclkid",
	"twclid", "ttclid", "yclid", "ysclid", "srsltid", "irclickid", "rb_clickid", "wickedid",
	// e-mail and marketing automation
	"mc_cid", "mc_eid", "_hsenc", "_hsmi", "__hssc", "__hstc", "__hsfp", "hsctatracking",
	"mkt_tok", "ml_subscriber", "ml_subscriber_hash", "oly_anon_id", "oly_enc_id",
	"vero_id", "vero_conv", "s_cid", "__s", "elqtrackid", "elq", "elqaid", "elqat",
	"elqcampaignid", "et_rid", "ss_email_id", "bsft_clkid", "bsft_uid",
	// analytics and cross-domain linking
	"_ga", "_gl", "_openstat", "cmpid", "itm_source", "itm_medium", "itm_campaign",
	"fb_action_ids", "fb_action_types", "fb_source", "fb_ref", "guce_referrer",
	"guce_referrer_sig", "_branch_match_id", "_branch_referrer",
	// Matomo / Piwik campaigns
	"mtm_campaign", "mtm_source", "mtm_medium", "mtm_keyword", "mtm_content", "mtm_cid",
	"pk_campaign", "pk_source", "pk_medium", "pk_kwd", "pk_cid",
)

// trackingPrefixes match whole families of parameters.
var trackingPrefixes = []string{"utm_"}

// siteTrackingParams are tracking parameters only on their own sites, where
// elsewhere the same names mean something real.
var siteTrackingParams = map[string][]string{
	"instagram.com": {"igshid", "igsh"},
	"youtube.com":   {"si"},
	"youtu.be":      {"si"},
	"twitter.com":   {"ref_src", "ref_url"},
	"x.com":         {"ref_src", "ref_url"},
}

// allowedSchemes are the URL schemes an article link or image may use.
var allowedSchemes = toSet("http", "https", "mailto")

func toSet(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// isTrackingParam reports whether the query parameter name tracks, for a
// URL on host.
func isTrackingParam(name, host string) bool {
	lower := strings.ToLower(name)
	if trackingParams[lower] {
		return true
	}
	for _, p := range trackingPrefixes {
		if strings.HasPrefix(lower, p) {
			return true
		}
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	host = strings.TrimPrefix(host, "m.")
	for _, p := range siteTrackingParams[host] {
		if lower == p {
			return true
		}
	}
	return false
}

// CleanURL resolves raw against base, refuses schemes other than http(s)
// and mailto, and strips tracking parameters, counting each in r. It
// returns "" for a URL that must not be kept. Fragment-only references stay
// as they are, so in-page links keep working.
func CleanURL(raw string, base *url.URL, r *report.Report) string {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return ""
	}
	if strings.HasPrefix(raw, "#") {
		return raw
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	if u.Scheme != "" && !allowedSchemes[strings.ToLower(u.Scheme)] {
		return ""
	}
	if u.Scheme == "" && (u.Host != "" || strings.Contains(strings.SplitN(raw, "/", 2)[0], ":")) {
		return "" // scheme-relative without a base, or a scheme url.Parse missed
	}
	if u.RawQuery != "" {
		stripTracking(u, r)
	}
	return u.String()
}

// stripTracking removes tracking parameters from u's query, keeping the
// order and spelling of the others.
func stripTracking(u *url.URL, r *report.Report) {
	parts := strings.Split(u.RawQuery, "&")
	kept := parts[:0]
	for _, part := range parts {
		name := part
		if i := strings.IndexByte(part, '='); i >= 0 {
			name = part[:i]
		}
		if decoded, err := url.QueryUnescape(name); err == nil {
			name = decoded
		}
		if isTrackingParam(name, u.Hostname()) {
			r.Add(report.Param, "tracking-param", nil, name)
			continue
		}
		kept = append(kept, part)
	}
	u.RawQuery = strings.Join(kept, "&")
	if u.RawQuery == "" {
		u.ForceQuery = false
	}
}

// cleanSrcset cleans every candidate of a srcset; candidates whose URL is
// refused are dropped. It returns "" when none is left.
func cleanSrcset(srcset string, base *url.URL, r *report.Report) string {
	var out []string
	for _, cand := range dom.SplitSrcset(srcset) {
		u := CleanURL(cand.URL, base, r)
		if u == "" || !(strings.HasPrefix(u, "http://") || strings.HasPrefix(u, "https://")) ||
			strings.ContainsAny(u, " ,") {
			continue
		}
		if cand.Descriptor != "" {
			u += " " + cand.Descriptor
		}
		out = append(out, u)
	}
	return strings.Join(out, ", ")
}
