//go:build js && wasm

// Command benchfloor is the smallest program that does what the product's
// required dependencies must do on every call, and nothing else: parse the
// page with golang.org/x/net/html, render it, and pass it through a
// bluemonday policy. tests/bench/bench.mjs builds it beside the .wasm and a
// hello-world and measures all three alike, so the table shows which part of
// a figure the dependencies alone set (the floor under any design that keeps
// them) and which part is articleclean's own.
//
// It is a benchmark fixture: nothing in the product imports it.
package main

import (
	"bytes"
	"strings"
	"syscall/js"

	"github.com/microcosm-cc/bluemonday"
	"golang.org/x/net/html"
)

func main() {
	// UGCPolicy is bluemonday's stock policy for user content, close in
	// size and work to the article policy of internal/sanitize.
	policy := bluemonday.UGCPolicy()
	js.Global().Set("__floor", js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) == 0 {
			return ""
		}
		doc, err := html.Parse(strings.NewReader(args[0].String()))
		if err != nil {
			return err.Error()
		}
		var b bytes.Buffer
		if err := html.Render(&b, doc); err != nil {
			return err.Error()
		}
		return string(policy.SanitizeBytes(b.Bytes()))
	}))
	if ready := js.Global().Get("__floorReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
	select {}
}
