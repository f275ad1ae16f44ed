package article

import (
	"strings"
	"testing"

	"articleclean/internal/benchpages"
)

// BenchmarkClean measures Clean on the fixed corpus sample (when
// ../shared/corpus is present) and on synthetic pages of growing size.
// Besides ns/op (one op is one page, or the whole sample), it reports
// ns/byte so a rising column across the synthetic sizes shows a path that
// is worse than linear. Profile with:
//
//	go test -run='^$' -bench=Clean/synthetic-1MB -cpuprofile=cpu.out ./internal/article
//	go tool pprof -top cpu.out
func BenchmarkClean(b *testing.B) {
	b.Run("corpus-sample", func(b *testing.B) {
		root := benchpages.CorpusDir()
		if root == "" {
			b.Skip("../shared/corpus is not present")
		}
		pages, err := benchpages.Sample(root)
		if err != nil {
			b.Fatal(err)
		}
		if len(pages) == 0 {
			b.Skip("the corpus holds no pages")
		}
		total := 0
		for _, p := range pages {
			total += len(p.HTML)
		}
		b.SetBytes(int64(total))
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range pages {
				if _, err := Clean(p.HTML, Options{}); err != nil {
					b.Fatalf("%s: %v", p.Name, err)
				}
			}
		}
		perPage := float64(b.Elapsed().Nanoseconds()) / float64(b.N) / float64(len(pages))
		b.ReportMetric(perPage, "ns/page")
		b.ReportMetric(float64(len(pages)), "pages")
	})
	for _, sz := range benchpages.SizeLabels {
		b.Run("synthetic-"+sz.Label, func(b *testing.B) {
			page := benchpages.Synthetic(sz.Bytes)
			b.SetBytes(int64(len(page)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Clean(page, Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(page)), "ns/byte")
		})
	}
}

// TestSyntheticPageIsAnArticle keeps the benchmark honest: the synthetic
// page must read as an article (its sections kept, its ads dropped), or
// the benchmark would time a shortcut.
func TestSyntheticPageIsAnArticle(t *testing.T) {
	page := benchpages.Synthetic(20 << 10)
	res, err := Clean(page, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "A long report on synthetic things" {
		t.Errorf("title = %q", res.Title)
	}
	if res.Length < 8<<10 {
		t.Errorf("text length %d, want most of the 20 KB page's prose", res.Length)
	}
	for _, bad := range []string{"Advertisement", "Sponsored", "Privacy"} {
		if strings.Contains(res.TextContent, bad) {
			t.Errorf("text keeps %q", bad)
		}
	}
}
