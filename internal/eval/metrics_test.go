package eval

import (
	"math"
	"reflect"
	"testing"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"  ,.;  ", nil},
		{"Hello, world!", []string{"Hello", "world"}},
		{"北京欢迎你。foo_bar 42x", []string{"北京欢迎你", "foo_bar", "42x"}},
		{"l'été—déjà", []string{"l", "été", "déjà"}},
		{"tail", []string{"tail"}},
	}
	for _, tt := range tests {
		if got := Tokens(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestShingles(t *testing.T) {
	tests := []struct {
		in   string
		want map[string]int
	}{
		{"", map[string]int{}},
		{"a", map[string]int{"a": 1}},
		{"a b", map[string]int{"a\x00b": 1}},
		{"a b c", map[string]int{"a\x00b\x00c": 1}},
		{"a b c d", map[string]int{"a\x00b\x00c\x00d": 1}},
		{"a b c d e", map[string]int{"a\x00b\x00c\x00d": 1, "b\x00c\x00d\x00e": 1}},
		{"a a a a a a", map[string]int{"a\x00a\x00a\x00a": 3}},
	}
	for _, tt := range tests {
		if got := Shingles(Tokens(tt.in)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Shingles(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScoreBody(t *testing.T) {
	tests := []struct {
		name        string
		truth, pred string
		tp, fp, fn  float64
		p, r, f     float64
		hasP, hasR  bool
	}{
		{"identical", "a b c d e", "a b c d e", 1, 0, 0, 1, 1, 1, true, true},
		// truth abcd,bcde; nothing predicted: fn only.
		{"empty prediction", "a b c d e", "", 0, 0, 1, 0, 0, 0, false, true},
		// prediction xy (short shingle) against nothing: fp only.
		{"empty truth", "", "x y", 0, 1, 0, 0, 0, 0, true, false},
		{"both empty", "", "  ", 0, 0, 0, 1, 1, 1, false, false},
		{"short shingle equal", "a b c", "a, b. c!", 1, 0, 0, 1, 1, 1, true, true},
		// abc against abcd: different shingles, tp 0, fp 1, fn 1 → ½ each.
		{"short shingle differs", "a b c", "a b c d", 0, 0.5, 0.5, 0, 0, 0, true, true},
		// truth aaaa×3, prediction aaaa×1: tp 1, fn 2 → /3.
		{"duplicate shingles", "a a a a a a", "a a a a", 1.0 / 3, 0, 2.0 / 3, 1, 1.0 / 3, 0.5, true, true},
		// truth abcd bcde cdef; prediction abcd bcde cdex dexy:
		// tp 2, fp 2, fn 1 → /5; P ½, R ⅔, F1 4/7.
		{"partial", "a b c d e f", "a b c d e x y", 0.4, 0.4, 0.2, 0.5, 2.0 / 3, 4.0 / 7, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ScoreBody(tt.truth, tt.pred)
			if !near(s.TP, tt.tp) || !near(s.FP, tt.fp) || !near(s.FN, tt.fn) {
				t.Errorf("tp/fp/fn = %v/%v/%v, want %v/%v/%v", s.TP, s.FP, s.FN, tt.tp, tt.fp, tt.fn)
			}
			if !near(s.Precision, tt.p) || !near(s.Recall, tt.r) || !near(s.F1, tt.f) {
				t.Errorf("P/R/F1 = %v/%v/%v, want %v/%v/%v", s.Precision, s.Recall, s.F1, tt.p, tt.r, tt.f)
			}
			if s.HasPrecision != tt.hasP || s.HasRecall != tt.hasR {
				t.Errorf("counted in P/R = %v/%v, want %v/%v", s.HasPrecision, s.HasRecall, tt.hasP, tt.hasR)
			}
		})
	}
}

func TestSummariseBody(t *testing.T) {
	scores := []BodyScore{
		ScoreBody("a b c d e", ""),                // R 0 only
		ScoreBody("", "x y"),                      // P 0 only
		ScoreBody("", ""),                         // neither
		ScoreBody("a b c d e f", "a b c d e x y"), // P ½, R ⅔
	}
	s := SummariseBody(scores)
	// P = (0 + ½)/2, R = (0 + ⅔)/2, F1 = 2·¼·⅓/(¼+⅓) = 2/7.
	if !near(s.Precision, 0.25) || !near(s.Recall, 1.0/3) || !near(s.F1, 2.0/7) {
		t.Errorf("P/R/F1 = %v/%v/%v, want 0.25/0.333/0.2857", s.Precision, s.Recall, s.F1)
	}
	if s.Pages != 4 || s.PrecisionPages != 2 || s.RecallPages != 2 {
		t.Errorf("pages %d, P pages %d, R pages %d", s.Pages, s.PrecisionPages, s.RecallPages)
	}
	if z := SummariseBody(nil); z.F1 != 0 || z.Pages != 0 {
		t.Errorf("empty summary = %+v", z)
	}
}

func TestScoreSnippets(t *testing.T) {
	text := "Hello   world.\nThis is  a test."
	tests := []struct {
		name          string
		with, without []string
		want          SnippetCounts
		f1            float64
	}{
		{"mixed", []string{"Hello world.", "is a\ttest", "missing bit", "  "}, []string{"world. This", "nowhere"},
			SnippetCounts{TP: 2, FP: 1, FN: 1}, 2.0 / 3},
		{"case-sensitive", []string{"hello world"}, nil, SnippetCounts{FN: 1}, 0},
		{"none", nil, nil, SnippetCounts{}, 0},
	}
	for _, tt := range tests {
		got := ScoreSnippets(tt.with, tt.without, text)
		if got != tt.want || !near(got.F1(), tt.f1) {
			t.Errorf("%s: %+v F1 %v, want %+v F1 %v", tt.name, got, got.F1(), tt.want, tt.f1)
		}
	}
	sum := SnippetCounts{TP: 1}.Add(SnippetCounts{TP: 1, FP: 2, FN: 2})
	if sum != (SnippetCounts{TP: 2, FP: 2, FN: 2}) || !near(sum.F1(), 0.5) {
		t.Errorf("summed %+v F1 %v", sum, sum.F1())
	}
}

func TestSameText(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"  Foo\n bar ", "Foo bar", true},
		{"Foo", "foo", false},
		{"", "", true},
		{"A  B", "AB", false},
	}
	for _, tt := range tests {
		if got := SameText(tt.a, tt.b); got != tt.want {
			t.Errorf("SameText(%q, %q) = %v", tt.a, tt.b, got)
		}
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		truth, ours string
		norm        string // NormDate(truth); "" when not a date
		same        bool
	}{
		{"2005-5-7 21:23:57", "2005-05-07T10:00:00Z", "2005-05-07", true},
		{"2005-5-7 21:23:57", "2005-05-08T00:00:00+08:00", "2005-05-07", false},
		// Only the written day counts, not the instant.
		{"2015-07-10T22:53:00-04:00", "2015-07-10T13:53:00Z", "2015-07-10", true},
		{"2017-11-03 03:01:00.000000", "2017-11-03", "2017-11-03", true},
		{"February 12, 2024", "2024-02-12T00:00:00Z", "2024-02-12", true},
		{"2005年5月7日", "2005-05-07T00:00:00Z", "2005-05-07", true},
		{"2018", "2018-03-01T00:00:00Z", "2018", true},
		{"2018-5", "2018-05-20T00:00:00Z", "2018-05", true},
		{"2018-5", "2018-06-20T00:00:00Z", "2018-05", false},
		{"2025-01-15", "", "2025-01-15", false},
		{"UNKNOWN", "2025-01-15", "", false},
		{"2005-13-07", "2005-13-07", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		norm, ok := NormDate(tt.truth)
		if norm != tt.norm || ok != (tt.norm != "") {
			t.Errorf("NormDate(%q) = %q, %v; want %q", tt.truth, norm, ok, tt.norm)
		}
		if got := SameDate(tt.truth, tt.ours); got != tt.same {
			t.Errorf("SameDate(%q, %q) = %v", tt.truth, tt.ours, got)
		}
	}
}

func TestMarkdownText(t *testing.T) {
	md := "![pic](http://x.test/a.png) See [the docs](https://ex.test/d \"t\") now.\n\n" +
		"```js\ncode()\n```\n\n[^1]: note\n[ref]: http://x.test/y\n<https://ex.test/z>"
	want := []string{"pic", "See", "the", "docs", "now", "code", "1", "note", "https", "ex", "test", "z"}
	if got := Tokens(MarkdownText(md)); !reflect.DeepEqual(got, want) {
		t.Errorf("tokens = %q, want %q", got, want)
	}
}

func TestPercentile(t *testing.T) {
	var v []float64
	for i := 1; i <= 20; i++ {
		v = append(v, float64(i))
	}
	if p := Percentile(v, 50); p != 10 {
		t.Errorf("p50 = %v", p)
	}
	if p := Percentile(v, 95); p != 19 {
		t.Errorf("p95 = %v", p)
	}
	if p := Percentile([]float64{7}, 95); p != 7 {
		t.Errorf("p95 of one = %v", p)
	}
	if p := Percentile(nil, 50); !math.IsNaN(p) {
		t.Errorf("p50 of none = %v", p)
	}
}
