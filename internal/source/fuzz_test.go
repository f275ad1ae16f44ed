package source

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzRepairGluedTags(f *testing.F) {
	for _, s := range []string{
		"",
		"<p>plain</p>",
		`<imgsrc="a.jpg">`,
		`<divclass="x"><spanstyle="y">t</span></div>`,
		`<video-playermedia-id="7"></video-player>`,
		`<abbrtitle="t">a</abbr><tablewidth="1">`,
		`<a href="x">ok</a><Imgsrc=x>`,
		`<x-y-zdata-a="1"></x-y-z></x-y>`,
		"<",
		"<imgsrc=",
		"<p=",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, n := RepairGluedTags(in)
		// Only spaces are inserted, one per repair.
		if len(out)-len(in) != n || n < 0 {
			t.Fatalf("%d repairs but length grew by %d: %q -> %q", n, len(out)-len(in), in, out)
		}
		if withoutInserted(in, out) != in {
			t.Fatalf("output is not the input plus spaces: %q -> %q", in, out)
		}
		if n == 0 && out != in {
			t.Fatalf("no repairs reported but output changed: %q -> %q", in, out)
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("valid UTF-8 became invalid: %q -> %q", in, out)
		}
		again, m := RepairGluedTags(out)
		if again != out || m != 0 {
			t.Fatalf("not idempotent (%d more repairs):\n in    %q\n once  %q\n twice %q", m, in, out, again)
		}
	})
}

// withoutInserted walks in and out together and drops the spaces out has
// that in lacks, so it returns in exactly when out is in with spaces
// inserted.
func withoutInserted(in, out string) string {
	var b strings.Builder
	i := 0
	for j := 0; j < len(out); j++ {
		if i < len(in) && out[j] == in[i] {
			b.WriteByte(out[j])
			i++
			continue
		}
		if out[j] != ' ' {
			b.WriteByte(out[j])
		}
	}
	return b.String()
}
