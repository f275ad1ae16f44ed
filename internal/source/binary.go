package source

import (
	"bytes"
	"errors"
	"fmt"
)

// ErrNotHTML is returned (wrapped) for bytes that are evidently a binary
// file rather than markup.
var ErrNotHTML = errors.New("input is not HTML")

// binarySignatures are file magic numbers of formats people drop by mistake
// onto a tool that expects HTML.
var binarySignatures = []struct {
	magic []byte
	name  string
}{
	{[]byte("\x89PNG\r\n\x1a\n"), "a PNG image"},
	{[]byte("GIF87a"), "a GIF image"},
	{[]byte("GIF89a"), "a GIF image"},
	{[]byte{0xFF, 0xD8, 0xFF}, "a JPEG image"},
	{[]byte("RIFF"), "a RIFF (WebP/WAV) file"},
	{[]byte{0x1F, 0x8B}, "gzip-compressed data"},
	{[]byte("PK\x03\x04"), "a ZIP archive"},
	{[]byte("%PDF-"), "a PDF document"},
	{[]byte("\x00asm"), "a WebAssembly module"},
	{[]byte("\x7fELF"), "an executable"},
}

// controlRatio is the share of control bytes (other than tab, newline, form
// feed and carriage return) above which the first kilobyte counts as binary.
// Text in any charset, UTF-16 aside, has almost none.
const controlRatio = 0.1

// checkBinary returns an error naming the file type when input is binary.
func checkBinary(input []byte) error {
	for _, s := range binarySignatures {
		if bytes.HasPrefix(input, s.magic) {
			return fmt.Errorf("%w: it looks like %s", ErrNotHTML, s.name)
		}
	}
	head := input
	if len(head) > prescanBytes {
		head = head[:prescanBytes]
	}
	if len(head) >= 2 && (head[0] == 0xFF && head[1] == 0xFE || head[0] == 0xFE && head[1] == 0xFF) {
		return nil // UTF-16 with a byte-order mark: NULs are expected.
	}
	control := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			control++
		}
	}
	if len(head) > 0 && float64(control) > controlRatio*float64(len(head)) {
		return fmt.Errorf("%w: it looks like binary data", ErrNotHTML)
	}
	return nil
}
