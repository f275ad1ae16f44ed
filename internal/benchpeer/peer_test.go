package benchpeer

import (
	"bytes"
	"net/url"
	"testing"

	"articleclean/internal/article"
	"articleclean/internal/benchpages"

	readability "codeberg.org/readeck/go-readability/v2"
)

// fakeBase is the address both cleaners resolve links against; the corpus
// pages are saved copies, so any absolute http address will do.
var fakeBase, _ = url.Parse("http://example.org/article.html")

type cleaner struct {
	name string
	run  func([]byte) error
}

var cleaners = []cleaner{
	{"articleclean", func(b []byte) error {
		_, err := article.Clean(b, article.Options{URL: fakeBase.String()})
		return err
	}},
	{"go-readability", func(b []byte) error {
		_, err := readability.FromReader(bytes.NewReader(b), fakeBase)
		return err
	}},
}

// BenchmarkPeers runs each cleaner over the corpus sample and the
// synthetic pages; compare ns/page and B/op between the two names.
// go-readability's errors (a page it finds no article in) count as work
// done, like articleclean returning an empty result.
func BenchmarkPeers(b *testing.B) {
	var pages []benchpages.Page
	if root := benchpages.CorpusDir(); root != "" {
		var err error
		if pages, err = benchpages.Sample(root); err != nil {
			b.Fatal(err)
		}
	}
	for _, c := range cleaners {
		b.Run("corpus-sample/"+c.name, func(b *testing.B) {
			if len(pages) == 0 {
				b.Skip("../shared/corpus is not present")
			}
			total := 0
			for _, p := range pages {
				total += len(p.HTML)
			}
			b.SetBytes(int64(total))
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range pages {
					_ = c.run(p.HTML)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(pages)), "ns/page")
		})
	}
	for _, sz := range benchpages.SizeLabels {
		page := benchpages.Synthetic(sz.Bytes)
		for _, c := range cleaners {
			b.Run("synthetic-"+sz.Label+"/"+c.name, func(b *testing.B) {
				b.SetBytes(int64(len(page)))
				b.ReportAllocs()
				for b.Loop() {
					if err := c.run(page); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// TestPeersAgreeOnSynthetic checks both cleaners find the synthetic
// article, so neither benchmark times a failure path.
func TestPeersAgreeOnSynthetic(t *testing.T) {
	page := benchpages.Synthetic(20 << 10)
	res, err := article.Clean(page, article.Options{})
	if err != nil || res.Length < 8<<10 {
		t.Fatalf("articleclean: length %d, err %v", res.Length, err)
	}
	art, err := readability.FromReader(bytes.NewReader(page), fakeBase)
	if err != nil {
		t.Fatalf("go-readability: %v", err)
	}
	var text bytes.Buffer
	if err := art.RenderText(&text); err != nil {
		t.Fatalf("go-readability text: %v", err)
	}
	if text.Len() < 8<<10 {
		t.Errorf("go-readability text is %d bytes, want most of the page", text.Len())
	}
}
