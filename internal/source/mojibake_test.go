package source

import (
	"testing"
	"unicode/utf8"
	"unsafe"
)

func TestRepairDoubleEncoding(t *testing.T) {
	tests := []struct {
		name, in, want string
		repairs        int
	}{
		{"windows-1252 punctuation", "Investorâ€™s guide: â€œbuy lowâ€\u009d", "Investor’s guide: “buy low”", 3},
		{"ISO-8859-1 punctuation, C1 controls", "the Earth\u00e2\u0080\u0099s systems \u00e2\u0080\u0094 and more\u00e2\u0080\u0099s", "the Earth’s systems — and more’s", 3},
		{"Latin letters and no-break space", "Ã©tÃ©Â\u00a0chaud", "été\u00a0chaud", 3},
		{"four-byte emoji", "fun ðŸ˜€ and â€”", "fun 😀 and —", 2},
		{"CJK", "ä¸­æ–‡ text", "中文 text", 2},
		{"correct characters around it are kept", "“ok” â€œfixedâ€\u009d", "“ok” “fixed”", 2},
		{"inside markup too", `<p title="itâ€™s">itâ€™s</p>`, `<p title="it’s">it’s</p>`, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, n := RepairDoubleEncoding(tc.in)
			if got != tc.want || n != tc.repairs {
				t.Errorf("RepairDoubleEncoding(%q) = %q, %d; want %q, %d", tc.in, got, n, tc.want, tc.repairs)
			}
		})
	}
}

func TestRepairDoubleEncodingLeavesRealText(t *testing.T) {
	for _, in := range []string{
		"",
		"plain ASCII",
		"“Curly” quotes, an em dash — and café, naïve, Größe, 中文, 😀",
		// One telltale alone may be a stray: not enough to rewrite a page.
		"one stray â€™ only",
		// A letter followed by a symbol is real text when nothing else
		// says the page is double-encoded ("É®" is also "ɮ" misread).
		"NESCAFÉ® and CAFÉ® blends, Ö° and Ü»",
		// Not valid UTF-8 once mapped back: overlong and truncated forms.
		"Ã( Ã and à€€ and Â",
		"Ã", "â€",
	} {
		got, n := RepairDoubleEncoding(in)
		if got != in || n != 0 {
			t.Errorf("RepairDoubleEncoding(%q) = %q, %d; want it unchanged", in, got, n)
		}
		if in != "" && unsafe.StringData(got) != unsafe.StringData(in) {
			t.Errorf("RepairDoubleEncoding(%q) copied text it left unchanged", in)
		}
	}
}

// TestReadRepairsDoubleEncoding checks the repair runs where users meet
// it: on a page that declares UTF-8 truthfully but holds text encoded
// twice.
func TestReadRepairsDoubleEncoding(t *testing.T) {
	page := []byte(`<meta charset="utf-8"><p>Itâ€™s the cityâ€™s plan.</p>`)
	doc, err := Read(page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := `<meta charset="utf-8"><p>It’s the city’s plan.</p>`; doc.HTML != want || doc.Reencoded != 2 {
		t.Errorf("Read: HTML %q, %d repairs; want %q, 2", doc.HTML, doc.Reencoded, want)
	}
}

func FuzzRepairDoubleEncoding(f *testing.F) {
	for _, s := range []string{"", "Itâ€™s", "Ã©tÃ©", "ðŸ˜€ ðŸ˜€", "Ã( Ã", "\xc3\x28", "â€™â€™"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, n := RepairDoubleEncoding(in)
		if n == 0 && out != in {
			t.Fatalf("no repairs but changed: %q -> %q", in, out)
		}
		if utf8.ValidString(in) && !utf8.ValidString(out) {
			t.Fatalf("valid UTF-8 became invalid: %q -> %q", in, out)
		}
		// Each repair folds two to four characters into one.
		if utf8.RuneCountInString(out) > utf8.RuneCountInString(in)-n {
			t.Fatalf("%d repairs but %d -> %d characters", n, utf8.RuneCountInString(in), utf8.RuneCountInString(out))
		}
	})
}

func TestContinuationByteCoversWindows1252(t *testing.T) {
	for c, want := range map[rune]byte{'€': 0x80, '‚': 0x82, '’': 0x92, '™': 0x99, 'Ÿ': 0x9F, 0x81: 0x81, 0xA0: 0xA0} {
		if got, ok := continuationByte(c); !ok || got != want {
			t.Errorf("continuationByte(%U) = %#x, %v; want %#x", c, got, ok, want)
		}
	}
	for _, c := range []rune{'a', 'é', 0xC0, '中', 0} {
		if _, ok := continuationByte(c); ok {
			t.Errorf("continuationByte(%U) is a continuation byte", c)
		}
	}
}
