package dom

import (
	"reflect"
	"testing"
)

func TestWordKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Hello, World!", " hello world "},
		{"  <b>Slim</b>\n fit - 100% Polyester", " b slim b fit 100 polyester "},
		{"", " "},
		{"Größe: XL", " größe xl "},
	} {
		if got := WordKey(tc.in); got != tc.want {
			t.Errorf("WordKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWordWindows(t *testing.T) {
	key := WordKey("a b c d e f g h")
	for _, tc := range []struct {
		size, count int
		want        []string
	}{
		{3, 3, []string{" a b c ", " c d e ", " e f g "}},
		{3, 1, []string{" a b c "}},
		{8, 3, []string{key}},
		{20, 2, []string{key}},
	} {
		if got := WordWindows(key, tc.size, tc.count); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("WordWindows(%d, %d) = %q, want %q", tc.size, tc.count, got, tc.want)
		}
	}
}
