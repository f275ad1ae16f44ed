// Package jsonvalue decodes JSON text into plain Go values: map[string]any,
// []any, string, float64, bool and nil, the same shapes encoding/json gives
// for an `any` target. It takes a byte slice that may hold several
// concatenated top-level values (as JSON-LD blocks sometimes do) and gives
// them one at a time, stopping with an error at the first byte it cannot
// read, so a caller keeps what came before trailing garbage.
//
// It exists so the WebAssembly build does not link encoding/json, whose
// reflection-driven decoder costs about 100 KB of brotli-compressed .wasm
// for a job that needs none of it.
package jsonvalue

import (
	"errors"
	"io"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxDepth bounds nesting of arrays and objects, so hostile input cannot
// grow the stack without limit. Real JSON-LD nests a handful of levels.
const MaxDepth = 512

// ErrDepth is wrapped by the *SyntaxError returned when input nests deeper
// than MaxDepth.
var ErrDepth = errors.New("jsonvalue: nesting too deep")

// SyntaxError reports where and why the input stopped being JSON.
type SyntaxError struct {
	Offset int // byte offset of the offending byte
	msg    string
	err    error // a sentinel such as ErrDepth, or nil
}

// Unwrap gives the sentinel behind the error, for errors.Is.
func (e *SyntaxError) Unwrap() error { return e.err }

func (e *SyntaxError) Error() string {
	return "jsonvalue: " + e.msg + " at offset " + strconv.Itoa(e.Offset)
}

// Decoder reads consecutive top-level JSON values from one input.
type Decoder struct {
	data []byte
	pos  int
}

// NewDecoder returns a Decoder reading b. b is not modified, and decoded
// strings do not alias it.
func NewDecoder(b []byte) *Decoder { return &Decoder{data: b} }

// Offset is the byte offset just past the last value decoded (or where the
// last error was found).
func (d *Decoder) Offset() int { return d.pos }

// Decode returns the next top-level value. When only whitespace remains it
// returns io.EOF; on malformed input it returns a *SyntaxError and the Decoder stays at the offending byte, so every
// later call fails the same way.
func (d *Decoder) Decode() (any, error) {
	d.skipSpace()
	if d.pos >= len(d.data) {
		return nil, io.EOF
	}
	v, err := d.value(0)
	if err != nil {
		// value returns its *SyntaxError unwrapped; a type assertion spares
		// the .wasm errors.As and the reflection it carries.
		if se, ok := err.(*SyntaxError); ok {
			d.pos = se.Offset
		}
		return nil, err
	}
	return v, nil
}

// DecodeAll decodes every value in b. ok is true when the whole input was
// read; otherwise vals holds the values before the first error.
func DecodeAll(b []byte) (vals []any, ok bool) {
	d := NewDecoder(b)
	for {
		v, err := d.Decode()
		if err != nil {
			return vals, errors.Is(err, io.EOF)
		}
		vals = append(vals, v)
	}
}

// isSpace is JSON's own whitespace set (RFC 8259 §2), narrower than
// unicode.IsSpace: a form feed or NBSP is an error, as in encoding/json.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (d *Decoder) skipSpace() {
	for d.pos < len(d.data) && isSpace(d.data[d.pos]) {
		d.pos++
	}
}

func (d *Decoder) fail(at int, msg string) error {
	if at >= len(d.data) {
		msg = "unexpected end of input: " + msg
	}
	return &SyntaxError{Offset: at, msg: msg}
}

func (d *Decoder) value(depth int) (any, error) {
	d.skipSpace()
	if d.pos >= len(d.data) {
		return nil, d.fail(d.pos, "expected a value")
	}
	switch c := d.data[d.pos]; {
	case c == '{':
		return d.object(depth + 1)
	case c == '[':
		return d.array(depth + 1)
	case c == '"':
		return d.str()
	case c == '-' || (c >= '0' && c <= '9'):
		return d.number()
	case c == 't':
		return true, d.literal("true")
	case c == 'f':
		return false, d.literal("false")
	case c == 'n':
		return nil, d.literal("null")
	}
	return nil, d.fail(d.pos, "invalid character "+strconv.QuoteRune(rune(d.data[d.pos]))+" looking for a value")
}

func (d *Decoder) literal(word string) error {
	end := d.pos + len(word)
	if end > len(d.data) || string(d.data[d.pos:end]) != word {
		return d.fail(d.pos, "invalid literal, expected "+word)
	}
	d.pos = end
	return nil
}

func (d *Decoder) object(depth int) (any, error) {
	if depth > MaxDepth {
		return nil, &SyntaxError{Offset: d.pos, msg: "nesting deeper than " + strconv.Itoa(MaxDepth), err: ErrDepth}
	}
	d.pos++ // {
	m := make(map[string]any)
	d.skipSpace()
	if d.pos < len(d.data) && d.data[d.pos] == '}' {
		d.pos++
		return m, nil
	}
	for {
		d.skipSpace()
		if d.pos >= len(d.data) || d.data[d.pos] != '"' {
			return nil, d.fail(d.pos, "expected a string object key")
		}
		k, err := d.str()
		if err != nil {
			return nil, err
		}
		d.skipSpace()
		if d.pos >= len(d.data) || d.data[d.pos] != ':' {
			return nil, d.fail(d.pos, "expected ':' after object key")
		}
		d.pos++
		v, err := d.value(depth)
		if err != nil {
			return nil, err
		}
		// A repeated key keeps the last value, as encoding/json does.
		m[k] = v
		d.skipSpace()
		if d.pos >= len(d.data) {
			return nil, d.fail(d.pos, "expected ',' or '}'")
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
		case '}':
			d.pos++
			return m, nil
		default:
			return nil, d.fail(d.pos, "expected ',' or '}' after object value")
		}
	}
}

func (d *Decoder) array(depth int) (any, error) {
	if depth > MaxDepth {
		return nil, &SyntaxError{Offset: d.pos, msg: "nesting deeper than " + strconv.Itoa(MaxDepth), err: ErrDepth}
	}
	d.pos++ // [
	out := []any{}
	d.skipSpace()
	if d.pos < len(d.data) && d.data[d.pos] == ']' {
		d.pos++
		return out, nil
	}
	for {
		v, err := d.value(depth)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
		d.skipSpace()
		if d.pos >= len(d.data) {
			return nil, d.fail(d.pos, "expected ',' or ']'")
		}
		switch d.data[d.pos] {
		case ',':
			d.pos++
		case ']':
			d.pos++
			return out, nil
		default:
			return nil, d.fail(d.pos, "expected ',' or ']' after array element")
		}
	}
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// number checks the RFC 8259 grammar before strconv sees the text, since
// ParseFloat accepts forms JSON does not ("+1", "0x10", "Inf", "1_000").
func (d *Decoder) number() (any, error) {
	b, start := d.data, d.pos
	i := start
	if b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && b[i] >= '1' && b[i] <= '9':
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	default:
		return nil, d.fail(i, "expected a digit in number")
	}
	if i < len(b) && b[i] == '.' {
		i++
		if i >= len(b) || !isDigit(b[i]) {
			return nil, d.fail(i, "expected a digit after decimal point")
		}
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if i >= len(b) || !isDigit(b[i]) {
			return nil, d.fail(i, "expected a digit in exponent")
		}
		for i < len(b) && isDigit(b[i]) {
			i++
		}
	}
	f, err := strconv.ParseFloat(string(b[start:i]), 64)
	if err != nil {
		// Only a range error is possible after the grammar check; a
		// number too large for float64 is refused, as encoding/json does.
		return nil, d.fail(start, "number out of range")
	}
	d.pos = i
	return f, nil
}

// str reads a string starting at the opening quote. Invalid UTF-8 and lone
// surrogates become U+FFFD, as in encoding/json; raw control characters are
// errors (callers that want to accept them repair the text first).
func (d *Decoder) str() (string, error) {
	b := d.data
	start := d.pos + 1
	// Fast path: no escapes and plain ASCII or valid UTF-8.
	i := start
	for i < len(b) {
		c := b[i]
		if c == '"' {
			d.pos = i + 1
			return string(b[start:i]), nil
		}
		if c == '\\' || c < 0x20 {
			break
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	out := make([]byte, 0, i-start+16)
	out = append(out, b[start:i]...)
	for i < len(b) {
		c := b[i]
		switch {
		case c == '"':
			d.pos = i + 1
			return string(out), nil
		case c < 0x20:
			return "", d.fail(i, "control character in string")
		case c == '\\':
			i++
			if i >= len(b) {
				return "", d.fail(i, "unfinished escape")
			}
			switch e := b[i]; e {
			case '"', '\\', '/':
				out = append(out, e)
				i++
			case 'b':
				out = append(out, '\b')
				i++
			case 'f':
				out = append(out, '\f')
				i++
			case 'n':
				out = append(out, '\n')
				i++
			case 'r':
				out = append(out, '\r')
				i++
			case 't':
				out = append(out, '\t')
				i++
			case 'u':
				r, ok := hex4(b, i+1)
				if !ok {
					return "", d.fail(i, "invalid \\u escape")
				}
				i += 5
				if utf16.IsSurrogate(r) {
					r2, ok2 := rune(-1), false
					if i+1 < len(b) && b[i] == '\\' && b[i+1] == 'u' {
						r2, ok2 = hex4(b, i+2)
					}
					if dec := utf16.DecodeRune(r, r2); ok2 && dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				out = utf8.AppendRune(out, r)
			default:
				return "", d.fail(i, "invalid escape character")
			}
		case c < utf8.RuneSelf:
			out = append(out, c)
			i++
		default:
			r, size := utf8.DecodeRune(b[i:])
			out = utf8.AppendRune(out, r) // RuneError for a bad byte
			i += size
		}
	}
	return "", d.fail(i, "unterminated string")
}

func hex4(b []byte, i int) (rune, bool) {
	if i+4 > len(b) {
		return 0, false
	}
	var r rune
	for _, c := range b[i : i+4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	return r, true
}
