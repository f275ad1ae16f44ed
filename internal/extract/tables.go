package extract

import (
	"articleclean/internal/dom"

	"golang.org/x/net/html/atom"
)

// The scoring follows the shape of Mozilla Readability's (paragraphs score
// their ancestors; class names, tags and link density adjust the score),
// with the differences that matter on real pages in every language: text is
// measured in units that count a CJK, Thai or Kana character as two Latin
// ones (those scripts write a word in one or two characters), ideographic
// commas count as commas, and thresholds scale with the page.

// unlikelyWords in a class or id mark blocks that are almost never the
// article, removed in the first, strictest attempt unless maybeWords also
// match. The words are the ones Readability's unlikelyCandidates pattern
// names (Apache-2.0), matched here as whole class parts, plus the compounds
// its substring match also caught that matter (WordPress's "commentlist"),
// and "facet(s)", the filter panel of a shop's category page (measured on
// wcxb-dev; "swatches" and "refinements" lost, as they also name grids).
var unlikelyWords = dom.Set(
	"banner", "breadcrumb", "breadcrumbs", "combx", "comment", "comments", "commentlist", "community",
	"disqus", "extra", "foot", "footer", "footnote-ad", "gdpr", "header", "legends", "menu",
	"related", "remark", "replies", "rss", "shoutbox", "sidebar", "skyscraper", "social",
	"sponsor", "supplemental", "agegate", "pagination", "pager", "popup", "yom",
	"navbar", "nav", "masthead", "cookie", "subscribe", "newsletter", "share",
	"facet", "facets",
)

// maybeWords rescue a block that unlikelyWords matched: a "main-content
// sidebar-layout" wrapper is still the content.
var maybeWords = dom.Set("and", "article", "body", "column", "content", "main", "shadow", "post", "entry", "story", "text")

// unlikelyRoles are ARIA roles of blocks that are never the article.
var unlikelyRoles = dom.Set("menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog", "banner", "contentinfo", "search")

// positiveWords and negativeWords adjust a candidate's score by
// classWeight (Readability's positive and negative patterns, as parts).
var positiveWords = dom.Set(
	"article", "articlebody", "article-body", "body", "content", "entry", "hentry", "h-entry",
	"main", "page", "post", "text", "blog", "story", "prose", "markdown", "rich-text",
	"richtext", "post-content", "entry-content", "article-content", "story-body",
)

var negativeWords = dom.Set(
	"hidden", "hid", "banner", "combx", "comment", "comments", "com", "contact", "foot",
	"footer", "footnote-ad", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
	"related", "scroll", "share", "shoutbox", "sidebar", "skyscraper", "sponsor",
	"shopping", "tags", "widget", "nav", "menu", "byline", "author", "dateline",
	"caption-ad", "recommend", "recommended", "teaser", "teasers", "signup",
)

// panelWords name the panels of accordions and expanders, whose class
// also says "hidden" while they are closed (see collapsedPanel).
var panelWords = dom.Set("accordion", "accordions", "collapse", "collapsible", "expander", "expandable", "faq", "faqs")

// collapsedWords are the negativeWords a closed panel's class holds.
var collapsedWords = dom.Set("hidden", "hid")

// panelHints answers 1 for a panel's name with no negative word but the
// closed state's, 2 or 3 when another negative word is there too.
var panelHints = dom.NewMatcher(panelWords, without(negativeWords, collapsedWords))

// without returns set less the words of drop.

func without(set, drop map[string]bool) map[string]bool {
	out := make(map[string]bool, len(set))
	for w := range set {
		if !drop[w] {
			out[w] = true
		}
	}
	return out
}

// The tables above as bits of classHints' answer: one pass over an
// element's class and id answers all four.
const (
	hintUnlikely = 1 << iota
	hintMaybe
	hintNegative
	hintPositive
)

var classHints = dom.NewMatcher(unlikelyWords, maybeWords, negativeWords, positiveWords)

// classWeight is what one positive or negative class match adds.
const classWeight = 25

// tagWeights seed a candidate's score by what its tag usually holds.
var tagWeights = map[atom.Atom]float64{
	atom.Div: 5, atom.Article: 10, atom.Main: 10, atom.Section: 2,
	atom.Pre: 3, atom.Td: 3, atom.Blockquote: 3,
	atom.Address: -3, atom.Ol: -3, atom.Ul: -3, atom.Dl: -3, atom.Dd: -3, atom.Dt: -3,
	atom.Li: -3, atom.Form: -3,
	atom.H1: -5, atom.H2: -5, atom.H3: -5, atom.H4: -5, atom.H5: -5, atom.H6: -5, atom.Th: -5,
	atom.Nav: -25, atom.Aside: -25, atom.Footer: -25, atom.Header: -10,
}

// blockTags are elements that break text into blocks; an element with none
// of them as children holds a paragraph of its own.
var blockTags = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Details: true, atom.Dialog: true, atom.Dd: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Fieldset: true, atom.Figcaption: true, atom.Figure: true,
	atom.Footer: true, atom.Form: true, atom.H1: true, atom.H2: true, atom.H3: true,
	atom.H4: true, atom.H5: true, atom.H6: true, atom.Header: true, atom.Hgroup: true,
	atom.Hr: true, atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Table: true, atom.Ul: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Tbody: true, atom.Thead: true,
	atom.Tfoot: true, atom.Caption: true, atom.Center: true, atom.Menu: true,
}

// articleBodyMarks are the markup signals of the article's own container,
// in order of trust: microdata's articleBody, then the <article> element and
// <main> landmark. A signalled container whose text is most of the best
// scored candidate's is preferred, which keeps lists, tables and short
// paragraphs that scoring alone undervalues.
var articleBodyItemprops = dom.Set("articlebody", "text", "articletext", "reviewbody", "description")

// Thresholds, in text units (see textUnits).
const (
	// minParagraph is the least text a block needs to score.
	minParagraph = 25
	// unitsPerPoint: a paragraph earns a point per this many units, up to
	// maxLengthPoints (Readability: 100 characters, 3 points).
	unitsPerPoint   = 100
	maxLengthPoints = 3
	// ancestorLevels is how far up a paragraph's score reaches.
	ancestorLevels = 5
	// retryUnits: an attempt whose article has less text than this (or
	// than retryShare of the page's text) is retried with looser rules.
	retryUnits = 500
	retryShare = 0.25
	// weakShare and weakUnits: a best attempt with less text than both is
	// weak, and the page's main landmark is tried instead.
	weakShare = 0.4
	weakUnits = 4000
	// weakBodyGrowth: the whole body replaces a weak result that it adds
	// no prose to only when it holds this many times its text. Measured on
	// wcxb-dev: 1.5 helps fewer pages, 2.5 lets service pages' footers in.
	weakBodyGrowth = 2
	// articleProse units of prose, counted in blocks of at least
	// proseUnits, make an article: a result with that much is not weak,
	// however short.
	articleProse = 600
	proseUnits   = 150
	// landmarkProseGrowth and landmarkProseUnits: the main landmark replaces
	// the scored result when it holds this many times its prose and at
	// least this much more.
	landmarkProseGrowth = 1.5
	landmarkProseUnits  = 1000
	// sectionedGrowth, sectionedLinkDensity, sectionedMaxProse and
	// sectionedPageShare: the main landmark also replaces a scored result
	// with less prose than sectionedMaxProse when it holds sectionedGrowth
	// times its text and sectionedPageShare of the page's, and the text it
	// adds is less than sectionedLinkDensity links (see sectioned).
	// Measured on wcxb-dev: service, collection and product pages gain;
	// more growth or prose lets articles take in their newsletter and
	// testimonial blocks, a lower share takes marketing pages' footnotes.
	sectionedGrowth      = 1.3
	sectionedLinkDensity = 0.2
	sectionedMaxProse    = 4000
	sectionedPageShare   = 0.5
	// repeatLevels is how far above the top candidate a repeated
	// container (a post, a page-builder row) is looked for.
	repeatLevels = 3
	// postLevels is how far above the top candidate a container marked
	// as a post (see repeatedAncestor) is looked for.
	postLevels = 8
	// declaredShare (percent) and declaredMax: a page's declared article
	// container replaces the scored one when one holds less than this share
	// of the other, on pages with at most declaredMax such containers.
	declaredShare = 60
	declaredMax   = 2
	// proseLinkDensity and proseGrowth: a parent joins when the text it
	// adds is at most this share links and at most proseGrowth times the
	// text already held.
	proseLinkDensity = 0.1
	proseGrowth      = 1
	// structuredMinUnits and structuredShare: a JSON-LD articleBody of at
	// least this much text replaces an extraction that found less than
	// this share of it.
	structuredMinUnits = 1000
	structuredShare    = 0.3
	// siblingShare: a sibling of the top candidate joins the article when
	// its score is at least this share of the top score.
	siblingShare = 0.2
)

// postFurnitureWords name what a forum or Q&A engine repeats around every
// post besides the post itself: the poster's signature (a motto or a gear
// list), the statistics beside the name (posts, join date, reaction
// score), the bar of who liked it, the staff banner, the vote counter, the
// "not open for further replies" notice. Matched against class names
// (and see postFurnitureAttrs), whole or as parts (see dom.AppendWords),
// not ids: an id like "digital-signature-row" names a product feature.
// Besides "signature" (every engine's word), these are the names the
// engines most threads run on use (phpBB's postprofile; XenForo's message-userExtras,
// reactionsBar, userBanner and blockStatus-message; Discourse's
// crawler-post-meta and post-likes; the Stack Exchange votecell; NodeBB's
// post/signature component).
// Measured on wcxb-dev: a user's title ("Gold Member") and the "last
// edited" line are left out, as some truths keep them; "vote" alone names
// a listing's entries. Stack Exchange's js-bottom-notice is the "ask a
// question" and "explore related questions" box under the answers.
var postFurnitureWords = dom.Set("signature", "postprofile", "message-userextras", "reactionsbar", "userbanner", "votecell",
	"crawler-post-meta", "post-likes", "blockstatus-message", "post/signature", "js-bottom-notice")

var postFurniture = dom.NewMatcher(postFurnitureWords)

// authorBoxNames name the box about the writer that blogs and magazines
// set after (or beside) the article: a portrait, a paragraph of biography
// and links to the writer's profiles. It is about the site's staff, not
// the article, and reference extractions leave it out. A class word
// matches when it is one of these names or ends in one after a "-" or "_"
// (a theme's prefix: "post-author-bio", "elementor-author-box"); a bare
// "author" or "bio" also names the byline line and its parts. The names
// are the common theme and plugin ones (WordPress core's post-author
// block, Elementor's author box, Simple Author Box).
var authorBoxNames = []string{"author-bio", "author-box", "authorbox", "about-author", "about-the-author",
	"author-description", "author-details", "author__bio", "saboxplugin-wrap", "author-block", "author-card",
	"contributor-box", "wp-block-post-author", "author-info", "author-profile", "author-about", "bio-box"}

// authorBoxMaxUnits bounds an author box: a block so named that holds more
// wraps the article itself.
const authorBoxMaxUnits = 1500

// postFurnitureAttrs are the attributes postFurnitureWords are matched in:
// the class, and the role or component name some engines give a post's
// parts instead (Invision's data-role="memberSignature", NodeBB's
// component="post/signature").
var postFurnitureAttrs = dom.Set("class", "data-role", "component")

// postFurnitureMaxUnits bounds a furniture block: one named so that holds
// more is the thread's wrapper.
const postFurnitureMaxUnits = 400

// postTypes are the schema.org types of one post of a discussion: a
// thread's opening post and its replies, a question and its answers.
var postTypes = dom.Set("discussionforumposting", "comment", "answer", "question", "socialmediaposting")

// dateLineWords may stand beside the date in the line near an article's
// top that only dates it ("Last updated on May 4, 2025 at 9:27 am"):
// readers show the date apart, and reference extractions leave the line
// out. Month names are English only; other languages' lines stay.
var dateLineWords = dom.Set("last", "updated", "update", "published", "posted", "modified", "on", "at",
	"date", "am", "pm", "st", "nd", "rd", "th", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
	"sep", "sept", "oct", "nov", "dec", "january", "february", "march", "april", "june", "july", "august",
	"september", "october", "november", "december",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// dateLineMaxLen bounds the date line's text, in bytes.
const dateLineMaxLen = 60

// monthWords are the dateLineWords that name a month.
var monthWords = dom.Set("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "january", "february", "march", "april", "june", "july", "august", "september", "october",
	"november", "december")

// readingTimeUnits and readingTimeWords make up the line that gives an
// article's reading time, which readers, like the date, show apart.
var (
	readingTimeUnits = dom.Set("min", "mins", "minute", "minutes")
	readingTimeWords = dom.Set("read", "reading", "time", "estimated")
)

// widgetWords are the class or id words of the blocks a blog engine adds
// to every post: Jetpack's share and like buttons (sharedaddy) and its
// related-posts list. Reference extractions leave them out. Only short
// blocks (widgetMaxLen bytes) go.
var widgetWords = dom.Set("sharedaddy", "jp-relatedposts", "jetpack-likes-widget-wrapper")

var widgetHints = dom.NewMatcher(widgetWords)

const widgetMaxLen = 1500

// disclosureClassWords name, as a class or id word or part, a block of
// fine print. Such a block goes when it is short (disclosureMaxLen bytes)
// and its text holds a disclosureTextWords word: the note that the site
// earns commissions on the products it links to or reviews them
// independently, which reference extractions leave out of the article.
// Legal disclaimers about the subject itself (insurance terms, tax
// advice) say none of these words and stay: the references keep them.
var (
	disclosureClassWords = dom.Set("disclaimer", "disclaimers", "disclosure", "disclosures")
	disclosureTextWords  = []string{"affiliate", "commission", "independently", "compensat"}
)

var disclosureHints = dom.NewMatcher(disclosureClassWords)

const disclosureMaxLen = 600
