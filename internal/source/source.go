// Package source is the first stage of the pipeline: it turns what a caller
// hands over (HTML text or raw bytes in any charset; a whole page, a fragment
// or a feed-export item) into UTF-8 HTML ready to parse.
//
// Read decodes bytes the way a browser does (byte-order mark, then a charset
// declared in the first 1024 bytes, else UTF-8, with a sniffing fallback for
// undeclared legacy pages), enforces the size limit, reads the header of a
// feed-export item, and repairs what a scraper broke: tags whose white space
// was stripped, and UTF-8 text that was decoded as Latin-1 and encoded again.
package source

import (
	"errors"
	"fmt"

	"articleclean/internal/datetime"
)

// DefaultMaxBytes is the input limit when Options.MaxBytes is zero.
const DefaultMaxBytes = 32 << 20

// ErrTooLarge is returned (wrapped) for input above the size limit.
var ErrTooLarge = errors.New("input too large")

// ErrEmpty is returned for input that holds nothing but white space.
var ErrEmpty = errors.New("input is empty")

// DecodeFunc decodes b from the named charset (a WHATWG encoding label) to
// UTF-8. A host such as a browser supplies one backed by TextDecoder, so the
// WebAssembly build need not carry legacy encoding tables.
type DecodeFunc func(charset string, b []byte) (string, error)

// Options tune Read. The zero value is ready to use.
type Options struct {
	// MaxBytes limits the input size; 0 means DefaultMaxBytes.
	MaxBytes int
	// Decode decodes legacy charsets. Nil uses the built-in decoders, which
	// in the WebAssembly build cover only UTF-8, UTF-16 and windows-1252.
	Decode DecodeFunc
}

// Feed is what the header of a feed-export item says about the article.
type Feed struct {
	Title     string
	URL       string
	Published datetime.Time
}

// Document is the decoded input.
type Document struct {
	// HTML is the input as UTF-8 markup, feed header removed, glued tags
	// repaired.
	HTML string
	// Charset is the encoding the bytes were decoded from ("utf-8" for text).
	Charset string
	// Feed is the feed-export header, zero when the input had none.
	Feed Feed
	// Repairs counts the glued tags that were split.
	Repairs int
	// Reencoded counts the characters repaired from double-encoded UTF-8
	// (see RepairDoubleEncoding).
	Reencoded int
}

// Read decodes raw bytes and prepares them for parsing.
func Read(input []byte, opts Options) (Document, error) {
	if err := checkSize(len(input), opts); err != nil {
		return Document{}, err
	}
	if err := checkBinary(input); err != nil {
		return Document{}, err
	}
	text, charset, err := decode(input, opts.Decode)
	if err != nil {
		return Document{}, fmt.Errorf("decoding input: %w", err)
	}
	return prepare(text, charset)
}

// ReadString prepares HTML that is already text.
func ReadString(input string, opts Options) (Document, error) {
	if err := checkSize(len(input), opts); err != nil {
		return Document{}, err
	}
	return prepare(toValidUTF8(input), "utf-8")
}

func checkSize(n int, opts Options) error {
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if n > limit {
		return fmt.Errorf("%w: %d bytes is over the limit of %d bytes (maxBytes)", ErrTooLarge, n, limit)
	}
	return nil
}

func prepare(text, charset string) (Document, error) {
	if isBlank(text) {
		return Document{}, ErrEmpty
	}
	doc := Document{Charset: charset}
	text, doc.Reencoded = RepairDoubleEncoding(text)
	text, doc.Feed = readFeedHeader(text)
	doc.HTML, doc.Repairs = RepairGluedTags(text)
	return doc, nil
}

func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\r', '\f', '\v', 0:
		default:
			return false
		}
	}
	return true
}
