package jsonvalue

import (
	"encoding/json"
	"errors"
	"io"
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestDecodeAll(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []any
		ok   bool
	}{
		{"empty", "", nil, true},
		{"only space", " \t\r\n ", nil, true},
		{"null", "null", []any{nil}, true},
		{"bools", "true false", []any{true, false}, true},
		{"numbers", "0 -0 1.5 -2e3 1E+2 12.5e-1", []any{0.0, math.Copysign(0, -1), 1.5, -2000.0, 100.0, 1.25}, true},
		{"string", `"a\"b\\c\/d\b\f\n\r\t"`, []any{"a\"b\\c/d\b\f\n\r\t"}, true},
		{"unicode escape", `"\u00e9\u4e2d"`, []any{"é中"}, true},
		{"surrogate pair", `"\ud83d\ude00"`, []any{"😀"}, true},
		{"lone high surrogate", `"\ud83dx"`, []any{"\uFFFDx"}, true},
		{"lone low surrogate", `"\ude00"`, []any{"\uFFFD"}, true},
		{"high then non-surrogate escape", `"\ud83d\u0041"`, []any{"\uFFFDA"}, true},
		{"raw utf8", `"日本語"`, []any{"日本語"}, true},
		{"invalid utf8 replaced", "\"a\xffb\"", []any{"a\uFFFDb"}, true},
		{"empty containers", `{} []`, []any{map[string]any{}, []any{}}, true},
		{"object", `{"@type":"NewsArticle","n":[1,"x",null,{"k":true}]}`,
			[]any{map[string]any{"@type": "NewsArticle", "n": []any{1.0, "x", nil, map[string]any{"k": true}}}}, true},
		{"duplicate key keeps last", `{"a":1,"a":2}`, []any{map[string]any{"a": 2.0}}, true},
		{"concatenated objects", `{"a":1}{"b":2}`, []any{map[string]any{"a": 1.0}, map[string]any{"b": 2.0}}, true},
		{"concatenated with newlines", "[1]\n[2]\n", []any{[]any{1.0}, []any{2.0}}, true},
		{"trailing garbage keeps earlier", `{"a":1} </script>`, []any{map[string]any{"a": 1.0}}, false},
		{"trailing comma in object", `{"a":1,}`, nil, false},
		{"trailing comma in array", `[1,]`, nil, false},
		{"raw newline in string", "\"a\nb\"", nil, false},
		{"unterminated string", `"abc`, nil, false},
		{"unterminated object", `{"a":1`, nil, false},
		{"missing colon", `{"a" 1}`, nil, false},
		{"unquoted key", `{a:1}`, nil, false},
		{"single quotes", `'a'`, nil, false},
		{"leading plus", `+1`, nil, false},
		{"leading zero", `01`, []any{0.0, 1.0}, true}, // two values, as a stream
		{"bare dot", `1.`, nil, false},
		{"bad exponent", `1e`, nil, false},
		{"hex", `0x10`, []any{0.0}, false},
		{"out of range", `1e400`, nil, false},
		{"bad escape", `"\x"`, nil, false},
		{"short unicode escape", `"\u12"`, nil, false},
		{"truncated literal", `tru`, nil, false},
		{"comment", `// x`, nil, false},
		{"nbsp is not space", "\u00a0{}", nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := DecodeAll([]byte(tc.in))
			if ok != tc.ok {
				t.Errorf("ok = %v, want %v", ok, tc.ok)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("values = %#v, want %#v", got, tc.want)
			}
		})
	}
}

func TestNegativeZero(t *testing.T) {
	v, err := NewDecoder([]byte("-0")).Decode()
	if err != nil {
		t.Fatal(err)
	}
	if f := v.(float64); f != 0 || !math.Signbit(f) {
		t.Errorf("got %v, want -0", f)
	}
}

func TestDecoderStates(t *testing.T) {
	d := NewDecoder([]byte(`[1] {"a": tru}`))
	if _, err := d.Decode(); err != nil {
		t.Fatalf("first value: %v", err)
	}
	if d.Offset() != 3 {
		t.Errorf("offset after first value = %d, want 3", d.Offset())
	}
	_, err := d.Decode()
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("second value: err = %v, want *SyntaxError", err)
	}
	if se.Offset != 10 {
		t.Errorf("error offset = %d, want 10", se.Offset)
	}
	if _, err2 := d.Decode(); err2 == nil || err2.Error() != err.Error() {
		t.Errorf("repeat call: err = %v, want %v", err2, err)
	}
	if _, err := NewDecoder(nil).Decode(); !errors.Is(err, io.EOF) {
		t.Errorf("empty input: err = %v, want io.EOF", err)
	}
}

func TestDepth(t *testing.T) {
	tests := []struct {
		name    string
		depth   int
		wantErr bool
	}{
		{"at limit", MaxDepth, false},
		{"over limit", MaxDepth + 1, true},
		{"far over limit", 100000, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := strings.Repeat("[", tc.depth) + strings.Repeat("]", tc.depth)
			_, err := NewDecoder([]byte(in)).Decode()
			if got := errors.Is(err, ErrDepth); got != tc.wantErr {
				t.Errorf("errors.Is(err, ErrDepth) = %v (err %v), want %v", got, err, tc.wantErr)
			}
			obj := strings.Repeat(`{"a":`, tc.depth) + "1" + strings.Repeat("}", tc.depth)
			_, err = NewDecoder([]byte(obj)).Decode()
			if got := errors.Is(err, ErrDepth); got != tc.wantErr {
				t.Errorf("object: errors.Is(err, ErrDepth) = %v (err %v), want %v", got, err, tc.wantErr)
			}
		})
	}
}

// TestMatchesEncodingJSON checks the shapes against encoding/json's on
// JSON-LD-like documents.
func TestMatchesEncodingJSON(t *testing.T) {
	docs := []string{
		`{"@context":"https://schema.org","@type":"NewsArticle","headline":"Title \u0026 more","datePublished":"2024-01-02T03:04:05Z","author":[{"@type":"Person","name":"A. Writer"}],"image":{"@type":"ImageObject","url":"https://example.org/a.jpg","width":1200,"height":630}}`,
		`{"@graph":[{"@type":"WebSite","name":"Example"},{"@type":"BreadcrumbList","itemListElement":[{"position":1},{"position":2.5e1}]}]}`,
		`[true,false,null,-1.0e-5,"\ud834\udd1e",[],{}]`,
	}
	for _, doc := range docs {
		var want any
		if err := json.Unmarshal([]byte(doc), &want); err != nil {
			t.Fatalf("encoding/json: %v", err)
		}
		got, err := NewDecoder([]byte(doc)).Decode()
		if err != nil {
			t.Fatalf("Decode(%s): %v", doc, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Decode(%s) = %#v, want %#v", doc, got, want)
		}
	}
}

// FuzzDecode checks that no input panics, that every valid JSON document
// decodes to what encoding/json gives, and that invalid ones are refused.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		`{"a":[1,2,{"b":null}],"c":"\u00e9"}`, `[1e5, -0.5, true]`, `"\ud800"`,
		`{"a":1}{"b":2}`, `{"a":1,}`, "\"\xff\"", `[[[[]]]]`, `1e999`, `  `,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		d := NewDecoder(b)
		got, err := d.Decode()
		if d.Offset() < 0 || d.Offset() > len(b) {
			t.Fatalf("offset %d outside input of %d bytes", d.Offset(), len(b))
		}
		var want any
		werr := json.Unmarshal(b, &want)
		if werr != nil {
			// Several values or trailing garbage are for later calls; a
			// single value spanning the input must be one encoding/json
			// takes.
			if err == nil && strings.Trim(string(b[d.Offset():]), " \t\r\n") == "" {
				t.Fatalf("accepted %q that encoding/json refuses: %v", b, werr)
			}
			return
		}
		if errors.Is(err, ErrDepth) {
			return
		}
		if err != nil {
			t.Fatalf("Decode(%q): %v; encoding/json accepts it", b, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Decode(%q) = %#v, want %#v", b, got, want)
		}
		if _, err := d.Decode(); !errors.Is(err, io.EOF) {
			t.Fatalf("after the only value: err = %v, want io.EOF", err)
		}
		if s, ok := got.(string); ok && !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in result %q", s)
		}
	})
}

func BenchmarkDecode(b *testing.B) {
	doc := []byte(`{"@context":"https://schema.org","@type":"NewsArticle","headline":"A headline with \"quotes\" and \u00e9","datePublished":"2024-01-02T03:04:05Z","author":[{"@type":"Person","name":"A. Writer","url":"https://example.org/a"}],"publisher":{"@type":"Organization","name":"Example","logo":{"@type":"ImageObject","url":"https://example.org/logo.png"}},"image":["https://example.org/1.jpg","https://example.org/2.jpg"]}`)
	b.SetBytes(int64(len(doc)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewDecoder(doc).Decode(); err != nil {
			b.Fatal(err)
		}
	}
}
