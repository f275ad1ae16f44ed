//go:build js

package source

import "fmt"

// builtinDecode in the WebAssembly build knows only the encodings that need
// no tables; legacy CJK and Cyrillic charsets come from the host's
// TextDecoder through Options.Decode, which keeps the .wasm small.
func builtinDecode(charset string, b []byte) (string, error) {
	switch charset {
	case "windows-1252":
		return decodeWindows1252(b), nil
	case "utf-8":
		return toValidUTF8(string(b)), nil
	}
	return "", fmt.Errorf("unknown charset %q (no host decoder)", charset)
}
