//go:build js && wasm

package main

import (
	"errors"
	"strings"
	"syscall/js"
	"testing"

	"articleclean/internal/article"
)

// TestCallRecoversPanics: a panic inside a call becomes an {ok:false}
// result carrying an Error, and the bridge keeps serving.
func TestCallRecoversPanics(t *testing.T) {
	out := call(func() (any, error) { panic("boom") })
	m, ok := out.(map[string]any)
	if !ok || m["ok"] != false || m["name"] != "Error" {
		t.Fatalf("panic result = %#v, want {ok:false, name:Error}", out)
	}
	if msg, _ := m["message"].(string); msg == "" {
		t.Fatalf("panic result has no message: %#v", out)
	}
	next := call(func() (any, error) { return "fine", nil })
	if n, _ := next.(map[string]any); n["ok"] != true || n["value"] != "fine" {
		t.Fatalf("call after a panic = %#v", next)
	}
}

func TestCallErrorTypes(t *testing.T) {
	for _, tc := range []struct {
		err  error
		name string
	}{
		{errType{"bad argument"}, "TypeError"},
		{errors.New("too large"), "Error"},
	} {
		m := call(func() (any, error) { return nil, tc.err }).(map[string]any)
		if m["ok"] != false || m["name"] != tc.name {
			t.Errorf("%v -> %#v, want name %s", tc.err, m, tc.name)
		}
	}
}

func TestCleanArguments(t *testing.T) {
	if _, err := clean([]js.Value{js.ValueOf(42)}); !errors.As(err, new(errType)) {
		t.Errorf("a number gave %v, want a TypeError", err)
	}
	if _, err := clean(nil); !errors.As(err, new(errType)) {
		t.Errorf("no argument gave %v, want a TypeError", err)
	}
	res, err := clean([]js.Value{js.ValueOf(`<article><h1>T</h1><p>A paragraph long enough to count as the article of this small page.</p></article>`),
		js.ValueOf(map[string]any{"markdown": true, "images": "drop"})})
	if err != nil {
		t.Fatal(err)
	}
	if m := res.(map[string]any); m["markdown"] == nil || m["content"] == "" {
		t.Errorf("result = %#v", m)
	}
	if _, err := clean([]js.Value{js.ValueOf("<p>x</p>"), js.ValueOf(map[string]any{"images": "none"})}); !errors.As(err, new(errType)) {
		t.Errorf("images: 'none' gave %v, want a TypeError", err)
	}
}

// TestWarmUpPageReachesEveryStage: the warm-up page must keep exercising
// what warmUp's comment promises, or the first real call compiles it.
func TestWarmUpPageReachesEveryStage(t *testing.T) {
	res, err := article.CleanString(warmUpPage, warmUpOptions)
	if err != nil {
		t.Fatal(err)
	}
	checks := []struct {
		what string
		ok   bool
	}{
		{"metadata: title", res.Title == "Warm-up article"},
		{"metadata: byline", res.Byline == "Ann Author"},
		{"metadata: date", res.PublishedTime != ""},
		{"metadata: site name", res.SiteName == "Example"},
		{"clutter: furniture removed", !strings.Contains(res.Content, "Home")},
		{"clutter: ad removed", res.Removed.Ads > 0},
		{"media: lazy image resolved", strings.Contains(res.Content, "https://example.org/img/a.jpg")},
		{"media: embed made a link", strings.Contains(res.Content, "youtube.com/watch?v=abcdefghijk")},
		{"extract: table kept", strings.Contains(res.Content, "<table>")},
		{"extract: code language kept", strings.Contains(res.Content, "language-go")},
		{"notes: footnote list", strings.Contains(res.Content, `id="ac-fn-1"`)},
		{"sanitize: tracking parameter removed", res.Removed.Params > 0 && !strings.Contains(res.Content, "utm_source")},
		{"sanitize: pixel removed", res.Removed.Trackers > 0},
		{"render: markdown", strings.Contains(res.Markdown, "## A section")},
	}
	for _, c := range checks {
		if !c.ok {
			t.Errorf("warm-up page no longer reaches %s", c.what)
		}
	}
}
