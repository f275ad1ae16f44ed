//go:build js && wasm

// Command wasm is the syscall/js bridge between JavaScript and
// articleclean/internal/article. It holds no cleaning logic: it converts
// arguments, calls article.Clean, converts the result, and keeps the Go
// runtime alive across bad input by recovering panics.
//
// Go cannot throw a JavaScript exception from a js.FuncOf callback, so the
// bridge publishes raw functions on globalThis.__articleclean that return
// {ok: true, value} or {ok: false, name, message}; web/runtime.js wraps them
// into globalThis.cleanArticle and globalThis.isReaderable, which throw.
package main

import (
	"errors"
	"fmt"
	"runtime/debug"
	"syscall/js"
	"time"

	"articleclean/internal/article"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// errType marks errors that JavaScript should see as a TypeError.
type errType struct{ msg string }

func (e errType) Error() string { return e.msg }

func main() {
	api := js.Global().Get("Object").New()
	api.Set("clean", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return call(func() (any, error) { return clean(args) })
	}))
	api.Set("isReaderable", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return call(func() (any, error) { return readerable(args) })
	}))
	api.Set("version", version)
	js.Global().Set("__articleclean", api)
	if ready := js.Global().Get("__articlecleanReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	go warmUp()
	select {}
}

// warmUpDelay lets the host see cleanArticle before the warm-up runs: the
// sleep hands the event loop back to JavaScript.
const warmUpDelay = time.Millisecond

// warmUp cleans a small page once, so that the first real call pays
// neither for building the sanitizer policy and compiling its patterns nor
// for the engine compiling the functions every page needs: V8 compiles
// WebAssembly lazily, a function at its first use, so a warm-up that skips
// a stage leaves that stage's compilation to the first call. In Node, a
// first 5 KB call after a one-paragraph warm-up took 2.0-2.9x a warm call;
// after this page, 0.7-1.3x. Start-up is not delayed by it, and a call that
// arrives meanwhile simply waits.
func warmUp() {
	time.Sleep(warmUpDelay)
	_, _ = article.CleanString(warmUpPage, warmUpOptions)
}

var warmUpOptions = article.Options{URL: "https://example.org/a/", Markdown: true}

// warmUpPage is an invented article that goes through every stage:
// metadata in each form, page furniture, an ad, a lazy responsive image,
// a tracking pixel and parameter, an embed, a table, code and a footnote
// (TestWarmUpPageReachesEveryStage checks that it still does).
const warmUpPage = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Warm-up article | Example</title><meta property="og:title" content="Warm-up article">
<meta property="og:site_name" content="Example"><meta name="description" content="A page to warm up on.">
<meta property="article:published_time" content="2024-01-02T03:04:05Z"><link rel="canonical" href="https://example.org/a/">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Warm-up article","author":{"@type":"Person","name":"Ann Author"},"datePublished":"2024-01-02"}]}</script>
<script>var x = 1;</script><style>p { color: red }</style></head><body>
<header class="site-header"><nav class="menu"><a href="/">Home</a> <a href="/news">News</a></nav></header>
<aside class="sidebar"><ul class="related"><li><a href="/b">Related</a></li></ul></aside>
<main><article><h1>Warm-up article</h1><p class="byline">By <a rel="author" href="/ann">Ann Author</a> · <time datetime="2024-01-02">2 January 2024</time></p>
<p>The first paragraph, long enough to be read as prose, with <a href="https://example.com/x?utm_source=feed&amp;id=2">a link</a>, <em>emphasis</em>, <strong>weight</strong> and <code>code</code>.<sup id="fnref1"><a href="#fn1">1</a></sup></p>
<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/a.jpg" data-srcset="/img/a.jpg 1x, /img/a2.jpg 2x" alt="A picture" width="800" height="450"><figcaption>A caption.</figcaption></figure>
<div class="ad-slot"><span>Advertisement</span></div>
<h2>A section</h2><ul><li>One point</li><li>Another point</li></ul><ol><li>First</li></ol><blockquote><p>A quotation, said well.</p></blockquote>
<table><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody><tr><td>a</td><td>1</td></tr></tbody></table>
<pre><code class="language-go">fmt.Println("hi")</code></pre><iframe src="https://www.youtube.com/embed/abcdefghijk"></iframe>
<p>A second paragraph, with more text, so the article is long enough to be found by scoring.<img src="https://pixel.example.net/p.gif" width="1" height="1"></p>
<div class="share-buttons"><a href="/share">Share</a></div>
<ol class="footnotes"><li id="fn1">A note. <a href="#fnref1">↩</a></li></ol></article></main>
<footer class="site-footer"><p>© Example</p></footer></body></html>`

// call runs fn, turning errors and panics into the {ok:false} shape so that
// one bad input never stops the Go runtime.
func call(fn func() (any, error)) (out any) {
	defer func() {
		if p := recover(); p != nil {
			out = failure("Error", fmt.Sprintf("articleclean: internal error: %v", p))
			debug.FreeOSMemory()
		}
	}()
	v, err := fn()
	if err != nil {
		// input and options return an errType as it is; a type assertion
		// spares the .wasm errors.As and the reflection it carries.
		if te, ok := err.(errType); ok {
			return failure("TypeError", te.msg)
		}
		return failure("Error", "articleclean: "+err.Error())
	}
	return map[string]any{"ok": true, "value": v}
}

func failure(name, msg string) map[string]any {
	return map[string]any{"ok": false, "name": name, "message": msg}
}

// input reads the first argument: a string, a Uint8Array or an ArrayBuffer.
func input(args []js.Value) (text string, bytes []byte, isText bool, err error) {
	if len(args) == 0 {
		return "", nil, false, errType{"cleanArticle: the first argument (input) is required: an HTML string, a Uint8Array or an ArrayBuffer"}
	}
	v := args[0]
	if v.Type() == js.TypeString {
		return v.String(), nil, true, nil
	}
	if v.Type() == js.TypeObject {
		u8 := js.Global().Get("Uint8Array")
		if v.InstanceOf(js.Global().Get("ArrayBuffer")) {
			v = u8.New(v)
		} else if js.Global().Get("ArrayBuffer").Call("isView", v).Bool() && !v.InstanceOf(u8) {
			v = u8.New(v.Get("buffer"), v.Get("byteOffset"), v.Get("byteLength"))
		}
		if v.InstanceOf(u8) {
			b := make([]byte, v.Get("byteLength").Int())
			js.CopyBytesToGo(b, v)
			return "", b, false, nil
		}
	}
	return "", nil, false, errType{fmt.Sprintf("cleanArticle: input must be an HTML string, a Uint8Array or an ArrayBuffer, not %s", describe(v))}
}

func describe(v js.Value) string {
	switch v.Type() {
	case js.TypeNull:
		return "null"
	case js.TypeObject:
		if ctor := v.Get("constructor"); ctor.Type() == js.TypeFunction {
			return "a " + ctor.Get("name").String()
		}
		return "an object"
	}
	return "a " + v.Type().String()
}

// options reads the second argument into article.Options.
func options(args []js.Value) (article.Options, error) {
	opts := article.Options{Decode: hostDecode}
	if len(args) < 2 || args[1].IsUndefined() || args[1].IsNull() {
		return opts, nil
	}
	o := args[1]
	if o.Type() != js.TypeObject {
		return opts, errType{"cleanArticle: options must be an object"}
	}
	var err error
	str := func(key string) string {
		v := o.Get(key)
		if v.IsUndefined() || v.IsNull() {
			return ""
		}
		if v.Type() != js.TypeString {
			err = errType{fmt.Sprintf("cleanArticle: options.%s must be a string", key)}
			return ""
		}
		return v.String()
	}
	flag := func(key string, def bool) bool {
		v := o.Get(key)
		if v.IsUndefined() || v.IsNull() {
			return def
		}
		if v.Type() != js.TypeBoolean {
			err = errType{fmt.Sprintf("cleanArticle: options.%s must be a boolean", key)}
			return def
		}
		return v.Bool()
	}
	opts.URL = str("url")
	opts.KeepAll = !flag("extract", true)
	opts.KeepClasses = flag("keepClasses", false)
	opts.Markdown = flag("markdown", false)
	opts.Explain = flag("explain", false)
	switch images := str("images"); images {
	case "", "keep":
	case "drop":
		opts.DropImages = true
	default:
		return opts, errType{fmt.Sprintf("cleanArticle: options.images must be 'keep' or 'drop', not %q", images)}
	}
	if v := o.Get("maxBytes"); !v.IsUndefined() && !v.IsNull() {
		if v.Type() != js.TypeNumber || v.Float() < 1 {
			return opts, errType{"cleanArticle: options.maxBytes must be a positive number"}
		}
		opts.MaxBytes = v.Int()
	}
	return opts, err
}

func clean(args []js.Value) (any, error) {
	text, b, isText, err := input(args)
	if err != nil {
		return nil, err
	}
	opts, err := options(args)
	if err != nil {
		return nil, err
	}
	var res article.Result
	if isText {
		res, err = article.CleanString(text, opts)
	} else {
		res, err = article.Clean(b, opts)
	}
	if err != nil {
		return nil, err
	}
	return toJS(res, opts), nil
}

func readerable(args []js.Value) (any, error) {
	text, b, isText, err := input(args)
	if err != nil {
		return nil, err
	}
	opts, err := options(args)
	if err != nil {
		return nil, err
	}
	if isText {
		return article.IsReaderableString(text, opts)
	}
	return article.IsReaderable(b, opts)
}

func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func toJS(r article.Result, opts article.Options) map[string]any {
	out := map[string]any{
		"title":         r.Title,
		"byline":        nullable(r.Byline),
		"dir":           nullable(r.Dir),
		"lang":          nullable(r.Lang),
		"content":       r.Content,
		"textContent":   r.TextContent,
		"length":        r.Length,
		"excerpt":       nullable(r.Excerpt),
		"siteName":      nullable(r.SiteName),
		"publishedTime": nullable(r.PublishedTime),
		"url":           nullable(r.URL),
		"leadImage":     nullable(r.LeadImage),
		"removed": map[string]any{
			"ads": r.Removed.Ads, "trackers": r.Removed.Trackers,
			"attributes": r.Removed.Attributes, "params": r.Removed.Params,
			"elements": r.Removed.Elements,
		},
	}
	if opts.Markdown {
		out["markdown"] = r.Markdown
	}
	if opts.Explain {
		list := make([]any, len(r.Removals))
		for i, rm := range r.Removals {
			list[i] = map[string]any{"kind": rm.Kind.String(), "rule": rm.Rule, "path": rm.Path}
		}
		out["removals"] = list
	}
	return out
}

// hostDecode decodes legacy charsets with the host's TextDecoder, so the
// .wasm carries no encoding tables.
func hostDecode(charset string, b []byte) (string, error) {
	ctor := js.Global().Get("TextDecoder")
	if ctor.Type() != js.TypeFunction {
		return "", errors.New("no TextDecoder in this host")
	}
	var dec js.Value
	var err error
	func() {
		defer func() {
			if recover() != nil {
				err = fmt.Errorf("TextDecoder does not know %q", charset)
			}
		}()
		dec = ctor.New(charset)
	}()
	if err != nil {
		return "", err
	}
	u8 := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(u8, b)
	return dec.Call("decode", u8).String(), nil
}
