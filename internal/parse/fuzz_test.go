package parse

import (
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// parseDeadline bounds one Document call on a fuzz input; a hang guard.
const parseDeadline = 5 * time.Second

func FuzzDocument(f *testing.F) {
	// Seeds stay small (the fuzzer spends long minimising big ones); the
	// depth argument lets shallow inputs reach the flattening code, and
	// one seed is deeper than the parser's own limit of 512.
	for _, seed := range []struct {
		s     string
		depth int
	}{
		{"", 48},
		{"<p>x", 48},
		{strings.Repeat("<div>", 12) + "deep" + strings.Repeat("</div>", 12), 4},
		{strings.Repeat("<b><i><u><s><a>", 4) + "formatting", 6},
		{strings.Repeat("<table><tr><td>", 5) + "cells", 3},
		{strings.Repeat("<svg><g>", 5) + "<math><mi>x", 4},
		{"<template>" + strings.Repeat("<template>", 8), 2},
		{"<select>" + strings.Repeat("<optgroup><option>", 6), 3},
		{"<p></p></p></div></b>", 1},
		{strings.Repeat("<i>", 520) + "past the parser's limit", 48},
	} {
		f.Add(seed.s, seed.depth)
	}
	f.Fuzz(func(t *testing.T, s string, depth int) {
		if depth < 1 || depth > 1000 {
			depth = 1 + (depth%1000+1000)%1000
		}
		flat := Flatten(s, depth)
		if !isSubsequence(flat, s) {
			t.Fatalf("Flatten(%d) added bytes: %q -> %q", depth, s, flat)
		}
		// A document no deeper than the limit must parse to the same tree
		// (Flatten may drop what the parser drops too, such as a tag cut
		// off by the end of input).
		if maxDepth(s) <= depth {
			if a, b := rendered(s), rendered(flat); a != b {
				t.Fatalf("Flatten(%d) changed a shallow document:\n in  %q -> %s\n out %q -> %s", depth, s, a, flat, b)
			}
		}
		type outcome struct {
			doc *html.Node
			err error
		}
		done := make(chan outcome, 1)
		go func() {
			doc, err := Document(s)
			done <- outcome{doc, err}
		}()
		select {
		case o := <-done:
			if o.err != nil {
				t.Fatalf("Document: %v (input %q)", o.err, s)
			}
			if o.doc == nil || o.doc.Type != html.DocumentNode {
				t.Fatalf("Document returned no document node")
			}
		case <-time.After(parseDeadline):
			t.Fatalf("Document did not return within %v", parseDeadline)
		}
	})
}

// isSubsequence reports whether sub is s with some bytes removed.
func isSubsequence(sub, s string) bool {
	i := 0
	for j := 0; j < len(s) && i < len(sub); j++ {
		if s[j] == sub[i] {
			i++
		}
	}
	return i == len(sub)
}

// rendered is s parsed and serialised, or "" when the parser refuses it.
func rendered(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	var b strings.Builder
	if err := html.Render(&b, doc); err != nil {
		return ""
	}
	return b.String()
}

// maxDepth is the token-level nesting depth Flatten measures.
func maxDepth(s string) int {
	z := html.NewTokenizer(strings.NewReader(s))
	var stack []string
	deepest := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			if voidElements[string(name)] {
				continue
			}
			stack = append(stack, string(name))
			deepest = max(deepest, len(stack))
		case html.EndTagToken:
			name, _ := z.TagName()
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i] == string(name) {
					stack = stack[:i]
					break
				}
			}
		}
	}
}
