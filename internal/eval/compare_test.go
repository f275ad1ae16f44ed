package eval

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func result(set, id, pageType string, p, r float64, titleOK bool) PageResult {
	ok := titleOK
	res := PageResult{ID: id, Set: set, PageType: pageType, Scored: true, Precision: p, Recall: r, F1: f1(p, r), TitleOK: &ok}
	res.restoreBody()
	return res
}

func TestCompare(t *testing.T) {
	old := []PageResult{
		result("news", "a", "article", 1, 1, true),
		result("news", "b", "forum", 0.5, 0.5, true),
		result("news", "gone", "article", 0, 0, false), // not in the new run
	}
	now := []PageResult{
		result("news", "a", "article", 0.5, 1, true),
		result("news", "b", "forum", 1, 1, false),
		result("news", "new", "forum", 1, 1, true), // not in the old run
	}
	var b strings.Builder
	if err := Compare(&b, old, now); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"2 pages in both",
		// Macro means: P (1+0.5)/2 -> (0.5+1)/2, R 0.75 -> 1.
		"news                          2  0.7500 -> 0.8571 up",
		"  article                     1  1.0000 -> 0.6667 DOWN",
		"  forum                       1  0.5000 -> 1.0000 up",
		"body F1 down: news/a -0.333",
		"body F1 up: news/b +0.500",
		"title changed: -news/b",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in\n%s", want, out)
		}
	}
	if strings.Contains(out, "gone") || strings.Contains(out, "news/new") {
		t.Errorf("a page of one run only was compared:\n%s", out)
	}
}

// The results file keeps p, r and the no_p/no_r marks, which is all the
// macro average needs: a run read back summarises as it did when written.
func TestReadResultsKeepsTheMacroAverage(t *testing.T) {
	rs := []PageResult{
		result("s", "1", "", 0.9, 0.6, true),
		{ID: "2", Set: "s", Scored: true, Recall: 0, NoPrecision: true}, // nothing extracted
		result("s", "3", "", 0.5, 1, false),
	}
	rs[1].Body = BodyScore{HasRecall: true}
	path := filepath.Join(t.TempDir(), "r.json")
	b, err := json.Marshal(rs)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := ReadResults(path)
	if err != nil {
		t.Fatal(err)
	}
	want, got := Summarise(rs, nil).Body, Summarise(back, nil).Body
	if want != got {
		t.Errorf("read back %+v, written %+v", got, want)
	}
	if _, err := ReadResults(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("a missing file gave no error")
	}
}
