package eval

import (
	"bytes"
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"articleclean/internal/article"
)

// fakeClean reads the invented pages in testdata/tinyset: the first line is
// the title, the rest the text. "PANIC" and "SLOW" pages misbehave.
func fakeClean(block <-chan struct{}) CleanFunc {
	return func(b []byte, url string) (article.Result, error) {
		title, text, _ := strings.Cut(string(b), "\n")
		switch title {
		case "PANIC":
			panic("invented failure")
		case "SLOW":
			<-block
		}
		return article.Result{
			Title: title, TextContent: text, Byline: "Ann,  Bob",
			PublishedTime: "2020-01-02T00:00:00Z",
		}, nil
	}
}

func fakeReaderable(b []byte, url string) (bool, error) {
	return bytes.HasPrefix(b, []byte("One")), nil
}

func loadTiny(t *testing.T) *Set {
	t.Helper()
	set, err := LoadSet("testdata/tinyset")
	if err != nil {
		t.Fatal(err)
	}
	return set
}

func TestLoadSet(t *testing.T) {
	set := loadTiny(t)
	if set.Name != "tinyset" || len(set.Pages) != 4 || !set.BodyTruth || !set.ExpectedStyle || set.BodyFromMarkdown {
		t.Fatalf("set = %+v", set)
	}
	p1, p3 := set.Pages[0].Truth, set.Pages[2].Truth
	if set.Pages[0].ID != "p1" || p1.Byline.Value != "Ann, Bob" || !p1.Lang.Present || !p1.Lang.Null || p1.Lang.Has() {
		t.Errorf("p1 truth = %+v", p1)
	}
	if p3.URL.Has() || !p3.URL.Present || p3.Dir.Present || *p3.Readerable != true {
		t.Errorf("p3 truth = %+v", p3)
	}
	if _, err := LoadSet("testdata/missing"); err == nil {
		t.Error("missing set loaded")
	}
}

func TestRun(t *testing.T) {
	set := loadTiny(t)
	block := make(chan struct{})
	defer close(block) // lets the abandoned page finish
	res := Run(context.Background(), set, Options{
		Workers: 2, Timeout: 100 * time.Millisecond,
		Clean: fakeClean(block), Readerable: fakeReaderable,
	})
	if len(res) != 4 {
		t.Fatalf("%d results", len(res))
	}
	p1, p2, p3, p4 := res[0], res[1], res[2], res[3]
	if p1.Errored() || p1.F1 != 1 || *p1.TitleOK != true || *p1.BylineOK != true || *p1.DateOK != true {
		t.Errorf("p1 = %+v", p1)
	}
	if p1.Snippets != (SnippetCounts{TP: 1}) || *p1.LangOK != true || *p1.ReaderableOK != true || p1.DirOK != nil {
		t.Errorf("p1 snippets/extras = %+v", p1)
	}
	if !strings.Contains(p2.Error, "panic: invented failure") || p2.TimedOut || !p2.Scored || p2.Body.HasPrecision || p2.Recall != 0 {
		t.Errorf("p2 = %+v", p2)
	}
	if p2.DateOK != nil || *p2.TitleOK != false || p2.ReaderableOK != nil {
		t.Errorf("p2 metadata = %+v", p2)
	}
	if !p3.TimedOut || !p3.Errored() || p3.TitleOK != nil || p3.Snippets != (SnippetCounts{FN: 1}) {
		t.Errorf("p3 = %+v", p3)
	}
	// Empty truth body, "menu basket" extracted: precision 0, no recall.
	if p4.Errored() || !p4.Body.HasPrecision || p4.Body.HasRecall || p4.Precision != 0 || p4.Snippets != (SnippetCounts{FP: 1}) {
		t.Errorf("p4 = %+v", p4)
	}
	if *p4.TitleOK != false || *p4.LangOK != false || *p4.ReaderableOK != true {
		t.Errorf("p4 metadata = %+v", p4)
	}

	s := Summarise(res, nil)
	// P over p1 (1) and p4 (0); R over p1 (1), p2 (0), p3 (0).
	if s.Pages != 4 || s.Errored != 2 || s.TimedOut != 1 || !near(s.Body.Precision, 0.5) || !near(s.Body.Recall, 1.0/3) {
		t.Errorf("summary = %+v", s)
	}
	if s.Title != (Rate{OK: 1, N: 3}) || s.Date != (Rate{OK: 1, N: 1}) || s.Readerable != (Rate{OK: 2, N: 2}) {
		t.Errorf("rates = title %+v date %+v readerable %+v", s.Title, s.Date, s.Readerable)
	}
	if s.Snippets != (SnippetCounts{TP: 1, FP: 1, FN: 1}) {
		t.Errorf("snippets = %+v", s.Snippets)
	}
	art := Summarise(res, func(r PageResult) bool { return r.PageType == "article" })
	if art.Pages != 2 || !near(art.Body.Precision, 1) || !near(art.Body.Recall, 0.5) {
		t.Errorf("article summary = %+v", art)
	}
}

func TestRunCancelled(t *testing.T) {
	set := loadTiny(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res := Run(ctx, set, Options{Workers: 1, Clean: fakeClean(nil), Readerable: fakeReaderable})
	if s := Summarise(res, nil); s.Pages == len(set.Pages) {
		t.Errorf("cancelled run scored every page: %+v", s)
	}
}

func TestRunCleanError(t *testing.T) {
	set := loadTiny(t)
	set.Pages = set.Pages[:1]
	res := Run(context.Background(), set, Options{
		Clean:      func([]byte, string) (article.Result, error) { return article.Result{}, errors.New("bad input") },
		Readerable: fakeReaderable,
	})
	if !strings.Contains(res[0].Error, "bad input") || res[0].Recall != 0 || !res[0].Body.HasRecall {
		t.Errorf("result = %+v", res[0])
	}
}

func TestParseBaselines(t *testing.T) {
	raw, err := os.ReadFile("testdata/baselines.md")
	if err != nil {
		t.Fatal(err)
	}
	bs := ParseBaselines(string(raw))
	if len(bs) != 4 {
		t.Fatalf("%d rows: %+v", len(bs), bs)
	}
	whole := For(bs, "tinyset", "")
	if len(whole) != 2 || whole[0].System != "ToolA 1.0" || whole[1].System != "ToolB" {
		t.Fatalf("tinyset rows = %+v", whole)
	}
	if whole[1].Cells["body F1"] != "0.900" || whole[1].Cells["snip F1"] != "" || whole[0].Cells["ms p95"] != "90" {
		t.Errorf("cells = %+v", whole[1].Cells)
	}
	art := For(bs, "tinyset", "article")
	if len(art) != 1 || art[0].Cells["R"] != "0.333" {
		t.Errorf("article rows = %+v", art)
	}
	if other := For(bs, "other", ""); len(other) != 1 {
		t.Errorf("other rows = %+v", other)
	}
}

func TestWriteSetReport(t *testing.T) {
	set := loadTiny(t)
	block := make(chan struct{})
	defer close(block)
	res := Run(context.Background(), set, Options{
		Timeout: 50 * time.Millisecond, Clean: fakeClean(block), Readerable: fakeReaderable,
	})
	raw, err := os.ReadFile("testdata/baselines.md")
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := WriteSetReport(&b, set, res, ParseBaselines(string(raw))); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"== tinyset: 4 pages, 2 errored (1 over the time limit)",
		"articleclean", "ToolA 1.0", "0.900", "page_type: article", "0.111",
		"body by page_type", "forum", "product",
		"readerable 1.00 (2/2)", "over time: p3", "errored: p2: panic: invented failure",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "other") {
		t.Errorf("report shows another set's baseline:\n%s", out)
	}
}

func TestWritePage(t *testing.T) {
	set := loadTiny(t)
	set.Pages = set.Pages[3:]
	res := Run(context.Background(), set, Options{KeepText: true, Clean: fakeClean(nil), Readerable: fakeReaderable})
	var b strings.Builder
	if err := WritePage(&b, set.Pages[0], res[0]); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{"tinyset/p4 (product)", `ours "Shop"  truth "Basket"`, `found without-snippet: "menu"`, "+ menu basket"} {
		if !strings.Contains(out, want) {
			t.Errorf("page view lacks %q:\n%s", want, out)
		}
	}
}
