package clutter

import (
	"articleclean/internal/dom"

	"golang.org/x/net/html/atom"
)

// neverContent are elements that hold no article content in any page.
// Iframes, noscript and object are left for the media stage, which turns
// embeds into links and noscript fallbacks into images.
var neverContent = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Link: true, atom.Meta: true,
	atom.Template: true, atom.Button: true, atom.Input: true, atom.Select: true,
	atom.Textarea: true, atom.Option: true, atom.Optgroup: true, atom.Datalist: true,
	atom.Dialog: true, atom.Canvas: true, atom.Svg: true, atom.Base: true,
	atom.Frameset: true, atom.Frame: true, atom.Embed: true, atom.Param: true,
	atom.Map: true, atom.Area: true,
}

// adWords are class, id and data-attribute parts that mark an ad slot. A
// part is a whole class token or one of its pieces split at "-", "_" or a
// lower-to-upper case change, so "ad" matches "ad-slot" and "topAd" but
// never "header", "read", "shadow" or "gradient". Source: the ad hints in
// shared/reference/tracking.md (EasyList's generic rules use the same words).
// "adv" is left out: page builders abbreviate "advanced" so
// ("kt-adv-heading"), and "advert" and its forms cover the ad slots. So is
// "commercial": it names content about commercial property, vehicles and
// law far more often than ad slots.
var adWords = dom.Set(
	"ad", "ads", "advert", "adverts", "advertisement", "advertisements", "advertising",
	"adsbygoogle", "adslot", "adunit", "adbox", "adcontainer", "adwrapper", "adsense",
	"dfp", "doubleclick", "outbrain", "taboola", "sponsor", "sponsored",
	"sponsorship", "werbung", "anzeige", "publicite", "reklama",
	"guanggao", "teads", "adchoices", "mgid", "revcontent", "zergnet",
)

// consentWords mark consent managers and cookie banners: never content,
// and often long (they quote the privacy policy), so they go whatever
// their size. The vendor names are the common consent platforms' own
// class and id prefixes. "cmp" is left out on purpose: Adobe's core
// components name every content block cmp-text, cmp-image and so on.
var consentWords = dom.Set(
	"consent", "gdpr", "ccpa", "cookiebanner", "cookie-banner", "cookienotice",
	"cookie-notice", "cookie-consent", "cookieconsent", "cookie-law", "cookielaw",
	"onetrust", "cookiebot", "usercentrics", "didomi", "truste", "trustarc", "qc-cmp2",
	"sp_message", "fc-consent",
)

// dialogRoles are ARIA roles of overlays (modals, alerts) that sit above a
// page rather than in it.
var dialogRoles = dom.Set("dialog", "alertdialog")

// dataAdWords are the data-* attribute name parts that mark an ad slot
// (data-ad-slot, data-ad-unit-path, data-tms-ad-type). Vendor names are
// not among them: content containers carry data-taboola-target and the
// like to tell a widget where to insert itself after the article.
var dataAdWords = dom.Set("ad", "ads", "adslot", "adunit", "advert", "advertisement", "dfp", "sponsored")

// dataPromoWords are the data-* attribute name parts of promo slots.
// "promo" is not among them: analytics tag the items of a listing with
// data-promo-id and data-promo-name (promotion-impression tracking), so on
// those pages it marks the content.
var dataPromoWords = dom.Set("newsletter", "selfpromo", "subscribe", "paywall")

// promoWords mark self-promotion and social furniture: newsletters, app
// downloads, subscription walls, share and follow bars, related-content
// rails, comment widgets, wiki "[edit]" links. Such blocks are removed when they are small
// (see promoMaxText), because the same words also name real article
// sections ("subscribe" in a how-to, "share" in a finance article).
var promoWords = dom.Set(
	"newsletter", "newsletters", "subscribe", "subscription", "signup", "sign-up",
	"paywall", "selfpromo", "promo", "promotion", "promoted", "app-promo", "appbanner",
	"download-app", "share", "sharing", "sharebar", "share-bar", "social", "socials",
	"followus", "popup", "modal", "cookie", "cookies", "consent",
	"gdpr", "disqus", "related", "recommended", "recommendations", "trending",
	"popular", "mostread", "readmore", "breadcrumb", "breadcrumbs", "pagination",
	"pager", "toolbar", "skiplink", "sr-only", "visually-hidden", "screen-reader-text",
	"tagcloud", "editsection", "sidebar", "masthead", "navbar", "menu", "login", "register",
)

// Words deliberately absent from promoWords: "comment", "reply" and "post"
// (a forum thread is made of small comment blocks and must keep them; the
// extract stage scores comment sections instead), "hidden" and "hide"
// (responsive classes such as "hidden-xs" show content on most screens),
// "banner" (hero banners hold the lead image), "pub" ("pub-date"),
// "overlay" (text laid over a hero image or a card is named so; modal
// overlays are caught by "modal", "popup" and their dialog roles),
// "follow" (follow-up sections and "follow along" steps; follow bars say
// "followus" or "social"), "widget" (page builders such as Elementor name
// every block of text "…-widget-text-editor"; sidebars are caught by
// "sidebar").

// disclosureWords name the collapsed panels of accordions, FAQs and "read
// more" expanders in the common UI kits (Bootstrap's collapse, Chakra's
// chakra-collapse, Amazon's a-expander-content): hidden until the reader
// opens them, and content.
var disclosureWords = dom.Set(
	"accordion", "accordions", "collapse", "collapsible", "expander", "expandable",
	"faq", "faqs", "answer", "answers", "spoiler",
)

// promoMaxText is the most text, in characters, a block matching
// promoWords may hold and still be removed: furniture is short, content
// sections are not.
const promoMaxText = 400

// adLabels are texts that form the whole content of an ad slot's label, in
// the languages of our users. Source: shared/reference/tracking.md.
var adLabels = dom.Set(
	"advertisement", "advertising", "ad", "ads", "anzeige", "werbung", "publicité",
	"publicite", "pub", "реклама", "anuncio", "publicidad", "广告", "廣告", "広告",
	"광고", "sponsored", "promoted", "gesponsert", "sponsorisé", "patrocinado",
	"pubblicità", "advertentie", "reklam", "reklama", "mainos", "annonce",
	"report this ad", "举报广告", "檢舉廣告", "広告を報告",
	"advertisement - scroll to continue", "story continues below advertisement",
	"article continues below advertisement", "continue reading below",
)

// beaconHosts send analytics beacons; an image from them is a tracker.
// Source: shared/reference/tracking.md (hosts named by vendors' own docs).
var beaconHosts = []string{
	"facebook.com/tr", "google-analytics.com", "stats.g.doubleclick.net", "bat.bing.com",
	"px.ads.linkedin.com", "ct.pinterest.com", "sb.scorecardresearch.com",
	"pixel.quantserve.com", "pixel.wp.com", "stats.wp.com", "analytics.tiktok.com",
	"mc.yandex.ru", "hm.baidu.com", "cnzz.com", "googletagmanager.com",
	"analytics.twitter.com", "t.co/i/adsct", "secure.quantserve.com",
}

// beaconPaths are path shapes of counting pixels.
// Each includes its delimiter so "/pixel-art.png" is not a pixel.
var beaconPaths = []string{
	"/pixel?", "/pixel.gif", "/pixel.png", "/pixel/", "/beacon?", "/beacon.gif", "/beacon/",
	"/1x1.", "/__utm.gif", "/tr?", "/spacer.gif", "/blank.gif", "/clear.gif", "/transparent.gif",
}
