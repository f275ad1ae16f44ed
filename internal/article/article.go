// Package article is the one entry point of articleclean: Clean takes HTML
// (text or bytes in any charset; a page, a fragment or a feed-export item)
// and returns the article as clean, safe HTML, text and Markdown, with its
// metadata, in a Result shaped like Mozilla Readability's parse() result.
//
// Data flows one way through the stages, each its own package:
//
//	source → parse → meta → clutter → media → extract → sanitize → render
//
// The sanitize stage (a bluemonday policy) is always the last step that
// produces markup, so every byte of Result.Content has passed it.
package article

import (
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strings"

	"articleclean/internal/clutter"
	"articleclean/internal/dom"
	"articleclean/internal/extract"
	"articleclean/internal/media"
	"articleclean/internal/meta"
	"articleclean/internal/parse"
	"articleclean/internal/render"
	"articleclean/internal/report"
	"articleclean/internal/sanitize"
	"articleclean/internal/source"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Options tune Clean. The zero value finds the article and returns HTML and
// text, like Readability with default settings.
type Options struct {
	// URL is the page's address, the base for relative links.
	URL string
	// KeepAll keeps the whole input (cleaned) instead of finding the main
	// article; it is the JavaScript option `extract: false`.
	KeepAll bool
	// KeepClasses keeps class attributes.
	KeepClasses bool
	// Markdown adds Result.Markdown.
	Markdown bool
	// Explain fills Result.Removals with what was removed and why.
	Explain bool
	// DropImages removes every image, for readers who want a result that
	// makes no request at all when shown (the JavaScript option
	// `images: 'drop'`).
	DropImages bool
	// MaxBytes limits the input size; 0 means 32 MiB.
	MaxBytes int
	// Decode decodes legacy charsets (the browser's TextDecoder in the
	// WebAssembly build); nil uses the built-in decoders.
	Decode source.DecodeFunc
}

// Result is the cleaned article. Field names follow Readability's parse()
// result; the JavaScript bridge maps them one to one.
type Result struct {
	Title       string
	Byline      string
	Dir         string
	Lang        string
	Content     string // the clean HTML
	TextContent string
	Length      int // of TextContent, in UTF-16 code units as JavaScript counts
	Excerpt     string
	SiteName    string
	// PublishedTime is ISO 8601, or "" when unknown (null in JavaScript).
	PublishedTime string
	URL           string
	LeadImage     string
	Removed       report.Counts
	Removals      []report.Removal
	Markdown      string
}

// ErrBadURL is returned (wrapped) when Options.URL is not an absolute
// http(s) address.
var ErrBadURL = errors.New("options.url must be an absolute http(s) address")

// Clean cleans HTML given as bytes in any charset.
func Clean(input []byte, opts Options) (Result, error) {
	doc, err := source.Read(input, sourceOptions(opts))
	if err != nil {
		return Result{}, err
	}
	return clean(doc, opts)
}

// CleanString cleans HTML that is already text.
func CleanString(input string, opts Options) (Result, error) {
	doc, err := source.ReadString(input, sourceOptions(opts))
	if err != nil {
		return Result{}, err
	}
	return clean(doc, opts)
}

func sourceOptions(opts Options) source.Options {
	return source.Options{MaxBytes: opts.MaxBytes, Decode: opts.Decode}
}

func clean(src source.Document, opts Options) (Result, error) {
	base, err := baseURL(opts.URL, src.Feed.URL)
	if err != nil {
		return Result{}, err
	}
	markup := parse.ElideRawText(src.HTML)
	reclaim := reclaimer(len(markup) > reclaimAbove)
	src.HTML = ""
	tree, err := parse.Elided(markup)
	if err != nil {
		return Result{}, err
	}
	markup = ""
	reclaim.now()
	rep := &report.Report{Explain: opts.Explain}

	md := meta.Read(tree, base, meta.Hints{
		Title: src.Feed.Title, URL: src.Feed.URL, Published: src.Feed.Published,
	})
	if base == nil && md.URL != "" {
		base, _ = url.Parse(md.URL)
	}
	base = documentBase(tree, base)

	clutter.Remove(tree, clutter.Options{KeepAll: opts.KeepAll}, rep)
	media.Resolve(tree, base, rep)

	root := extract.Article(tree, extract.Options{KeepAll: opts.KeepAll, Title: md.Title, ArticleBody: md.ArticleBody, ProductDescription: md.ProductDescription, Byline: md.Byline})

	reclaim.now() // the page outside the article
	content, out, err := sanitize.Tree(root, sanitize.Options{
		Base: base, KeepClasses: opts.KeepClasses, DropImages: opts.DropImages,
	}, rep)
	if err != nil {
		return Result{}, err
	}
	reclaim.now() // the article before sanitizing, and the serialised copies
	res := Result{
		Title:     md.Title,
		Byline:    md.Byline,
		Dir:       md.Dir,
		Lang:      md.Lang,
		Content:   content,
		Excerpt:   md.Excerpt,
		SiteName:  md.SiteName,
		URL:       md.URL,
		LeadImage: md.LeadImage,
	}
	res.TextContent = render.Text(out)
	res.Length = dom.UTF16Len(res.TextContent)
	if !md.Published.IsZero() {
		res.PublishedTime = md.Published.RFC3339()
	}
	if res.Excerpt == "" {
		res.Excerpt = firstParagraph(out)
	}
	if opts.Markdown {
		res.Markdown = render.Markdown(out)
	}
	if res.URL == "" && base != nil {
		res.URL = base.String()
	}
	// The addresses in the result are cleaned like those in the content:
	// absolute, http(s) only, without tracking parameters.
	res.URL = sanitize.CleanURL(res.URL, nil, rep)
	res.LeadImage = sanitize.CleanURL(res.LeadImage, base, rep)
	if opts.DropImages {
		res.LeadImage = ""
	}
	res.Removed = rep.Counts
	res.Removals = rep.Removals
	return res, nil
}

// reclaimAbove is the size of the markup parsed (bytes, once scripts and
// styles are elided: what the tree grows from) above which Clean collects
// garbage between stages. The WebAssembly build runs the Go runtime on one
// thread without preemption, so during one long synchronous call the
// background collector hardly runs and the heap overshoots its goal by far:
// a 20 MB page grew wasm memory to 1.3 GB, which the browser never gets
// back. A collection between stages keeps the peak near what one stage
// holds live (393 MiB for that page in Chromium). Below the threshold the
// heap is small and the collections cost more than they save: measured on
// the 60 wcxb-dev pages of 256 KiB to 3 MiB raw, collecting by raw size
// made a pass about 10% slower for 22-26 -> 18 MiB.
const reclaimAbove = 512 << 10

// reclaimer collects garbage when the input is large (see reclaimAbove).
type reclaimer bool

func (r reclaimer) now() {
	if r {
		runtime.GC()
	}
}

// documentBase applies the page's own <base href>, as a browser resolves
// relative links against it; an address that is not http(s) is ignored.
func documentBase(tree *html.Node, base *url.URL) *url.URL {
	b := dom.Find(tree, func(n *html.Node) bool { return n.DataAtom == atom.Base && dom.HasAttr(n, "href") })
	if b == nil {
		return base
	}
	ref, err := url.Parse(strings.TrimSpace(dom.Attr(b, "href")))
	if err != nil {
		return base
	}
	if base != nil {
		ref = base.ResolveReference(ref)
	}
	if (ref.Scheme != "http" && ref.Scheme != "https") || ref.Host == "" {
		return base
	}
	return ref
}

// baseURL picks the address relative links resolve against: the caller's,
// else the feed header's.
func baseURL(option, feed string) (*url.URL, error) {
	raw := option
	if raw == "" {
		raw = feed
	}
	if raw == "" {
		return nil, nil
	}
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		if option == "" {
			return nil, nil // a bad feed header is not the caller's error
		}
		return nil, fmt.Errorf("%w: %q", ErrBadURL, option)
	}
	return u, nil
}

// firstParagraph is the excerpt when the page gives none: the whole text
// of the article's first paragraph with text, as Readability gives it. A
// <div> holding only inline content counts as a paragraph, since
// Readability makes such divs paragraphs before it takes the first one.
func firstParagraph(root *html.Node) string {
	text := ""
	dom.Elements(root, func(n *html.Node) bool {
		if text != "" {
			return false
		}
		if n.DataAtom == atom.P || n.DataAtom == atom.Div && !hasBlockChild(n) {
			text = dom.Text(n)
			return false
		}
		return true
	})
	return text
}

// paragraphBreakers are the children that keep a <div> from being read as
// a paragraph (Readability's list for the same test, plus headings and
// sectioning elements).
var paragraphBreakers = map[atom.Atom]bool{
	atom.Blockquote: true, atom.Dl: true, atom.Div: true, atom.Img: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Table: true, atom.Ul: true, atom.Figure: true,
	atom.Section: true, atom.Article: true, atom.Aside: true, atom.Header: true,
	atom.Footer: true, atom.Nav: true, atom.Hr: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && paragraphBreakers[c.DataAtom] {
			return true
		}
	}
	return false
}

// IsReaderable reports cheaply whether input probably holds an article, like
// Readability's isProbablyReaderable: it decodes and parses, but runs no
// cleaning stage.
func IsReaderable(input []byte, opts Options) (bool, error) {
	doc, err := source.Read(input, sourceOptions(opts))
	if err != nil {
		return false, err
	}
	return readerable(doc)
}

// IsReaderableString is IsReaderable for text.
func IsReaderableString(input string, opts Options) (bool, error) {
	doc, err := source.ReadString(input, sourceOptions(opts))
	if err != nil {
		return false, err
	}
	return readerable(doc)
}

func readerable(doc source.Document) (bool, error) {
	tree, err := parse.Document(doc.HTML)
	if err != nil {
		return false, err
	}
	return extract.Readerable(tree), nil
}
