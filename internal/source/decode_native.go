//go:build !js

package source

import (
	"fmt"

	"golang.org/x/text/encoding/htmlindex"
)

// builtinDecode decodes any WHATWG-labelled charset with golang.org/x/text.
// The WebAssembly build leaves these tables out and relies on the host's
// TextDecoder instead (see decode_js.go).
func builtinDecode(charset string, b []byte) (string, error) {
	switch charset {
	case "windows-1252":
		return decodeWindows1252(b), nil
	case "utf-8":
		return toValidUTF8(string(b)), nil
	}
	enc, err := htmlindex.Get(charset)
	if err != nil {
		return "", fmt.Errorf("unknown charset %q", charset)
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return "", fmt.Errorf("decoding %s: %w", charset, err)
	}
	return toValidUTF8(string(out)), nil
}
